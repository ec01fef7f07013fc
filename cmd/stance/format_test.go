package main

import (
	"fmt"
	"io"
	"math"
	"testing"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/cmd/stance/internal/table"
)

// TestTruncateSigned holds truncate and signed2, which table rows call
// for every statement, to the slower ways they replace.
func TestTruncateSigned(t *testing.T) {
	long := func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return string(r[:n-1]) + "…"
	}
	for _, s := range []string{"", "a", "abc", "héllo wörld", "“quoted” — dash", "bad \xff\xfe bytes", "\xe2\x80", "日本語のテキスト", "e\u0301e\u0301e\u0301"} {
		for n := 1; n <= 12; n++ {
			if got, want := truncate(s, n), long(s, n); got != want {
				t.Errorf("truncate(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 0.004, -0.004, 0.005, -0.995, 1, -1, 12.345, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got, want := signed2(x), fmt.Sprintf("%+.2f", x); got != want {
			t.Errorf("signed2(%v) = %q, want %q", x, got, want)
		}
	}
}

// TestCountShare holds countShare to the fmt.Sprintf it replaces, for
// every count of every total up to 400 and some large ones.
func TestCountShare(t *testing.T) {
	check := func(n, total int) {
		if got, want := countShare(n, total), fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(total)); got != want {
			t.Errorf("countShare(%d, %d) = %q, want %q", n, total, got, want)
		}
	}
	for total := 1; total <= 400; total++ {
		for n := 0; n <= total; n++ {
			check(n, total)
		}
	}
	for _, total := range []int{1000, 999_999, 610_327, 1 << 40} {
		for _, n := range []int{0, 1, 5, total / 200, total/200 + 1, total / 3, total / 2, total - 1, total} {
			check(n, total)
		}
	}
	if got := countShare(0, 0); got != "0" {
		t.Errorf("countShare(0, 0) = %q, want 0", got)
	}
}

// BenchmarkMixTable draws the stance mix by actor and date of the
// statements of 500 generated wire articles, as stance classify does once
// every article is classified, on one core.
func BenchmarkMixTable(b *testing.B) {
	c := defaultClassifier(b)
	c.Sentiment = nil
	tally := classify.NewTally(c.Model.Labels, []classify.Dimension{classify.ByActor, classify.ByDate}, classify.Day)
	for _, r := range wireClassified(b, c, 1, 500) {
		for _, st := range r.statements {
			tally.Add(st)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := mixTable(tally).Write(io.Discard, table.Format("table")); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(tally.Rows())), "rows")
}

// BenchmarkStatementTable renders the statements of 200 generated wire
// articles as the default table output does, a table per article.
func BenchmarkStatementTable(b *testing.B) {
	rs := wireClassified(b, defaultClassifier(b), 1, 200)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rs {
			if _, err := statementTable(r, 72, false).Append(nil, table.Format("table")); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// FuzzTruncate holds truncate, which cuts a sentence that starts with n
// ASCII bytes without counting its runes, to cutting its runes.
func FuzzTruncate(f *testing.F) {
	for _, s := range []string{"", "a", "CARACAS, July 6 (AFP) - Gen. Vladimir Padrino Lopez met the National Assembly.",
		"héllo wörld", "“quoted” — dash", "bad \xff\xfe bytes in a long enough sentence", "exactly 12 b"} {
		f.Add(s, 12)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = min(max(n, 1), 200)
		want := s
		if r := []rune(s); len(r) > n {
			want = string(r[:n-1]) + "…"
		}
		if got := truncate(s, n); got != want {
			t.Errorf("truncate(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
