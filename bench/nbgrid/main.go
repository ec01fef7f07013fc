// Command nbgrid trains and evaluates stance models on a TSV split for a
// list of settings, through the train package directly, and prints one line
// per setting with phase timings. It is the measuring tool behind the
// settings chosen in bench/README.md.
//
// Usage:
//
//	nbgrid [-cpuprofile file] TRAIN.tsv TEST.tsv SETTING...
//
// A SETTING is comma-separated: n=2,alpha=0.1,lower,neg,num,stop,bin.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
	"github.com/stancemix/stance/train"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	flag.Parse()
	if flag.NArg() < 3 {
		fmt.Fprintln(os.Stderr, "usage: nbgrid [-cpuprofile file] TRAIN.tsv TEST.tsv SETTING...")
		os.Exit(2)
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	trainSet := read(flag.Arg(0))
	testSet := read(flag.Arg(1))
	fmt.Printf("read %.2fs\n", time.Since(t0).Seconds())
	for _, s := range flag.Args()[2:] {
		opts, minCount, nobr := parse(s)
		trainRecs, testRecs := trainSet, testSet
		if nobr {
			trainRecs, testRecs = stripBR(trainSet), stripBR(testSet)
		}
		t0 := time.Now()
		m, err := train.Train(trainRecs, opts)
		check(err)
		if minCount > 1 {
			prune(m, minCount)
		}
		t1 := time.Now()
		var buf bytes.Buffer
		_, err = m.WriteTo(&buf)
		check(err)
		t2 := time.Now()
		m2, err := models.Load(&buf)
		check(err)
		t3 := time.Now()
		met, err := train.Evaluate(m2, testRecs)
		check(err)
		t4 := time.Now()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("%-40s acc %.4f  vocab %8d  train %.2fs write %.2fs (%d MB) load %.2fs eval %.2fs  heap-sys %d MB\n",
			s, met.Accuracy, m.Summary.Vocabulary, t1.Sub(t0).Seconds(), t2.Sub(t1).Seconds(), buf.Cap()>>20,
			t3.Sub(t2).Seconds(), t4.Sub(t3).Seconds(), ms.HeapSys>>20)
	}
}

func read(path string) []corpus.Record {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	recs, err := corpus.ReadAll(f, path, corpus.TSV)
	check(err)
	return recs
}

// prune drops the terms counted fewer than min times over all labels.
func prune(m *models.Model, min int) {
	total := make(map[string]int)
	for _, c := range m.Counts {
		for t, n := range c {
			total[t] += n
		}
	}
	for t, n := range total {
		if n < min {
			for _, c := range m.Counts {
				delete(c, t)
			}
		}
	}
	m.Summary.Vocabulary = len(m.Vocabulary())
}

func stripBR(recs []corpus.Record) []corpus.Record {
	out := make([]corpus.Record, len(recs))
	for i, r := range recs {
		r.Text = strings.ReplaceAll(r.Text, "<br />", " ")
		out[i] = r
	}
	return out
}

func parse(s string) (o train.Options, minCount int, nobr bool) {
	o.Alpha = 1
	for _, kv := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "n":
			o.Features.NGrams, _ = strconv.Atoi(v)
		case "alpha":
			o.Alpha, _ = strconv.ParseFloat(v, 64)
		case "lower":
			o.Features.Lower = true
		case "neg":
			o.Features.Negation = true
		case "num":
			o.Features.Numbers = true
		case "min":
			minCount, _ = strconv.Atoi(v)
		case "nobr":
			nobr = true
		case "bin":
			o.Features.Binary = true
		case "stop":
			o.Features.Stopwords = true
		default:
			fmt.Fprintf(os.Stderr, "nbgrid: unknown setting %q\n", k)
			os.Exit(2)
		}
	}
	return o, minCount, nobr
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "nbgrid:", err)
		os.Exit(1)
	}
}
