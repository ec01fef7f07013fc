package main

import (
	"fmt"
	"strings"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// loadModel returns the model at path, or the embedded default for "".
func loadModel(path string) (*models.Model, error) {
	if path == "" {
		return models.Default()
	}
	return models.LoadFile(path)
}

// readCorpora reads labelled records from each path ("-" is stdin, read in
// inputFormat). Every bad line is reported on its own line; if there were
// any, readCorpora returns errReported after reading everything, so that
// the user sees all problems at once.
func readCorpora(e *env, paths []string, inputFormat string) ([]corpus.Record, error) {
	var recs []corpus.Record
	bad := 0
	for _, path := range paths {
		rs, errs, err := scanCorpus(e, path, inputFormat)
		if err != nil {
			return nil, err
		}
		for _, msg := range errs {
			e.warnf("%s", msg)
		}
		bad += len(errs)
		recs = append(recs, rs...)
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "stance: %s: %d bad line(s); nothing done\n", e.cmd, bad)
		return nil, errReported
	}
	return recs, nil
}

// splitList splits a comma-separated flag value, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
