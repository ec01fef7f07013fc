package main

import (
	"fmt"
	"math"
	"testing"
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
