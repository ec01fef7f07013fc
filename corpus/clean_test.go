package corpus

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Maduro said so.", "Maduro said so.", "plain ASCII unchanged"},
		{"Juan Gonz\u0bb8\u0bcdlez said", "Juan Gonzlez said", "Tamil debris inside a Latin name"},
		{"Biden\u2019s \u201cnew path\u201d", "Biden's \"new path\"", "curly quotes"},
		{"re \u2013 election", "re - election", "en dash"},
		{"Biden\u00e2\u20ac\u2122s aide", "Biden's aide", "UTF-8 read as Windows-1252"},
		{"Gonza\u0301lez", "Gonz\u00e1lez", "NFC"},
		{"two  spaces\u00a0and\u200b nbsp", "two spaces and nbsp", "spaces"},
		{"the word \u0b9a\u0bc6\u0ba9\u0bcd\u0ba9\u0bc8 stays", "the word \u0b9a\u0bc6\u0ba9\u0bcd\u0ba9\u0bc8 stays", "a whole foreign word is kept"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Clean(tt.in)); diff != "" {
			t.Errorf("%s: Clean(%q) (-want +got):\n%s", tt.reason, tt.in, diff)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Gonz\u00e1lez", "gonzalez"},
		{"U.S. Secretary", "u s secretary"},
		{"  Nicol\u00e1s  MADURO ", "nicolas maduro"},
		{"Biden\u2019s", "biden s"},
		{"C\u00f4te d'Ivoire", "cote d ivoire"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Fold(tt.in)); diff != "" {
			t.Errorf("Fold(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestCleanPlainDoesNotAllocate(t *testing.T) {
	s := "Washington will keep up the pressure on Caracas."
	if n := testing.AllocsPerRun(100, func() { Clean(s) }); n != 0 {
		t.Errorf("Clean of plain ASCII: %v allocs, want 0", n)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Gonz\u0bb8\u0bcdlez", "\u00e2\u20ac\u2122", "a  b", "\xff\xfe", "\u201cq\u201d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q: invalid UTF-8", s, c)
		}
		if cc := Clean(c); cc != c {
			t.Fatalf("Clean not idempotent: %q -> %q -> %q", s, c, cc)
		}
		Fold(s)
	})
}
