package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/wiregen"
)

// BenchmarkClassifyEndToEnd runs stance classify, with the default news
// sentiment, on a folder of 2,000 generated wire articles (about 6 MB),
// in process: reading, splitting, attribution, dates, stance, sentiment
// and output on all cores, for the line-per-statement and the default
// table output.
func BenchmarkClassifyEndToEnd(b *testing.B) {
	dir, size, err := wireDir()
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"jsonl", "table"} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				var stderr strings.Builder
				if code := run(context.Background(), []string{"classify", "--quiet", "--format", format, dir}, strings.NewReader(""), io.Discard, &stderr); code != 0 {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
			}
		})
	}
}

// BenchmarkReadTokenize is the yardstick issue 7 sets classify's speed
// against, "reading and tokenising alone": it reads each file of
// BenchmarkClassifyEndToEnd's folder and splits it into lower-cased words
// with the default tokeniser, nothing else, on one goroutine; read is the
// reading alone. Run it with -cpu 1 beside BenchmarkClassifyEndToEnd to
// see how many times slower classifying is than reading and tokenising
// on the same machine.
func BenchmarkReadTokenize(b *testing.B) {
	dir, size, err := wireDir()
	if err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, tokenise := range []bool{false, true} {
		name := "read"
		if tokenise {
			name = "read+tokenise"
		}
		b.Run(name, func(b *testing.B) {
			tok := corpus.WordTokenizer{Lower: true}
			b.SetBytes(size)
			b.ReportAllocs()
			words := 0
			var buf bytes.Buffer // used again for each file, as corpus.ReadArticle does
			for b.Loop() {
				n := int64(0)
				for _, e := range entries {
					buf.Reset()
					if err := readFile(&buf, filepath.Join(dir, e.Name())); err != nil {
						b.Fatal(err)
					}
					n += int64(buf.Len())
					if tokenise {
						words += len(tok.Tokenize(buf.String()))
					}
				}
				if n != size {
					b.Fatalf("read %d bytes of %d", n, size)
				}
			}
			if tokenise {
				b.ReportMetric(float64(words)/float64(b.N), "words/op")
			}
		})
	}
}

// readFile appends the bytes of the file name to buf.
func readFile(buf *bytes.Buffer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = buf.ReadFrom(f)
	return err
}

// wireDir writes the 2,000 generated wire articles once per process, not
// once per -count, so that a CPU profile of the benchmark shows
// classifying rather than writing files; TestMain removes them.
func wireDir() (dir string, size int64, err error) {
	wire.once.Do(func() {
		if wire.dir, wire.err = os.MkdirTemp("", "stance-wire"); wire.err == nil {
			wire.size, wire.err = wiregen.WriteDir(wire.dir, 1, 2000)
		}
	})
	return wire.dir, wire.size, wire.err
}

var wire struct {
	once sync.Once
	dir  string
	size int64
	err  error
}

// removeWireDir removes wireDir's folder, if a benchmark made it.
func removeWireDir() {
	if wire.dir != "" {
		os.RemoveAll(wire.dir)
	}
}

// defaultClassifier is the Classifier stance classify uses by default,
// made as the command makes it: the embedded stance model, the actor
// dictionary and the news sentiment (the --sentiment flag's default).
func defaultClassifier(tb testing.TB) *classify.Classifier {
	tb.Helper()
	c, err := (&classifierFlags{sentiment: "news"}).classifier(&env{})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// wireClassified classifies the n generated wire articles of seed
// (wiregen.Articles) with c, for the tests and benchmarks of the output.
func wireClassified(tb testing.TB, c *classify.Classifier, seed uint64, n int) []classified {
	tb.Helper()
	var rs []classified
	for i, text := range wiregen.Articles(seed, n) {
		a, err := corpus.ParseArticle([]byte(text), "a.txt")
		if err != nil {
			tb.Fatalf("article %d: %v", i, err)
		}
		sts, err := c.Article(a)
		if err != nil {
			tb.Fatal(err)
		}
		rs = append(rs, classified{article: a, statements: sts})
	}
	return rs
}
