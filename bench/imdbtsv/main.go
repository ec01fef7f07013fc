// Command imdbtsv converts one split of the IMDB movie-review data set (the
// aclImdb layout that github.com/cdipaolo/sentiment ships: SPLIT/pos/*.txt
// and SPLIT/neg/*.txt) to a TSV corpus with the header "label\ttext", which
// stance train and stance eval read.
//
// Usage:
//
//	imdbtsv [-o out.tsv] DIR
//
// DIR is a split directory such as .../datasets/train. Reviews are written
// pos first, then neg, each in file-name order, so the output is the same
// on every run. A review is one line: tabs, carriage returns and newlines
// (a few reviews hold tabs) become spaces. The text is otherwise left as
// is, HTML line breaks "<br />" included, so that every system compared in
// bench/run.sh sees the same bytes.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("imdbtsv", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "-", "write the TSV to `file` (- for stdout)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: imdbtsv [-o `out.tsv`] DIR\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if err := convert(fs.Arg(0), *out, stdout); err != nil {
		fmt.Fprintf(stderr, "imdbtsv: %v\n", err)
		return 1
	}
	return 0
}

func convert(dir, out string, stdout io.Writer) (err error) {
	w := stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.WriteString("label\ttext\n"); err != nil {
		return err
	}
	n := 0
	for _, label := range []string{"pos", "neg"} {
		names, err := filepath.Glob(filepath.Join(dir, label, "*.txt"))
		if err != nil {
			return err
		}
		sort.Strings(names)
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			text := strings.TrimSpace(oneLine.Replace(string(b)))
			if text == "" {
				continue
			}
			bw.WriteString(label)
			bw.WriteByte('\t')
			bw.WriteString(text)
			bw.WriteByte('\n')
			n++
		}
	}
	if n == 0 {
		return errors.New(dir + ": no reviews in pos/*.txt or neg/*.txt")
	}
	return bw.Flush()
}

var oneLine = strings.NewReplacer("\t", " ", "\r\n", " ", "\r", " ", "\n", " ")
