package corpus

import (
	"strings"
	"testing"
)

// foldSimple is foldASCII a byte at a time.
func foldSimple(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FuzzFoldASCII checks the eight-bytes-at-a-time foldASCII against the
// plain loop, with a new array and with one reused from a longer text
// whose bytes it must overwrite.
func FuzzFoldASCII(f *testing.F) {
	f.Add("The United States, NATO and the E.U. @[\\]^_`{|}~ Ünïcödé ÀZ")
	f.Add(strings.Repeat("aZ@[`{\xc0\xda\xff", 9))
	f.Fuzz(func(t *testing.T, s string) {
		want := foldSimple(s)
		if got, _ := foldASCII(s, nil); got != want {
			t.Errorf("foldASCII(%q, nil) = %q, want %q", s, got, want)
		}
		_, buf := foldASCII("X"+strings.Repeat("\xff", len(s)), nil)
		if got, _ := foldASCII(s, buf); got != want {
			t.Errorf("foldASCII(%q, buf) = %q, want %q", s, got, want)
		}
	})
}

// foldBenchText is mostly lower-case ASCII prose with a capital now and
// then, as news is.
var foldBenchText = strings.Repeat("The United States supports a negotiated solution to the political crisis in Venezuela, but will continue to put pressure on Nicolas Maduro's government. ", 20)

func BenchmarkFoldASCII(b *testing.B) {
	text := foldBenchText
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		foldASCII(text, nil)
	}
}

func BenchmarkFoldSimple(b *testing.B) {
	text := foldBenchText
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		foldSimple(text)
	}
}
