package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stancemix/stance/internal/wiregen"
)

// BenchmarkClassifyEndToEnd runs stance classify, with the default news
// sentiment, on a folder of 2,000 generated wire articles (about 6 MB),
// in process: reading, splitting, attribution, dates, stance, sentiment
// and output on all cores, for the line-per-statement and the default
// table output.
func BenchmarkClassifyEndToEnd(b *testing.B) {
	dir := b.TempDir()
	size, err := wiregen.WriteDir(dir, 1, 2000)
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
