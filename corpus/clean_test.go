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
		{"caf\u00c3\u00a9 and \u00e2\u20ac\u0153quotes\u00e2\u20ac\u009d", "caf\u00e9 and \"quotes\"", "mojibake of a letter and of curly quotes (undefined byte 0x9D)"},
		{"Ren\u00c3\u00a9e \u00e2\u20ac\u201c a \u00e2\u20ac\u0161\u00c2\u00b0 \u4e2d", "Ren\u00e9e - a '\u00b0 \u4e2d", "repair runs even when the text holds a character Windows-1252 lacks"},
		{"CAF\u00c9\u201d and S\u00c3O PAULO", "CAF\u00c9\" and S\u00c3O PAULO", "capitals that only look like mojibake are kept"},
		{"Gonz\u0430lez", "Gonzlez", "a Cyrillic letter inside a Latin word"},
		{"Gonz\u0bb8\u200b\u0bcdlez", "Gonzlez", "debris broken by a zero-width space"},
		{"Spin\u0308al", "Spin\u0308al", "a combining mark on a Latin letter is kept"},
		{"\u0391\u03b8\u03ae\u03bd\u03b1 and Moscow", "\u0391\u03b8\u03ae\u03bd\u03b1 and Moscow", "a Greek word is kept"},
		{"a\tb\u2009c\u3000d \n e", "a b c d \n e", "Unicode spaces become one space, newlines stay"},
		{"\u2212 5 \u2014 or \u2013", "- 5 - or -", "minus and dashes"},
		{"bad \xff byte", "bad \ufffd byte", "invalid UTF-8"},
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
		{"Gonz\u0bb8\u0bcdlez", "gonzlez"},
		{"\u00c3\u0081lvaro Uribe", "alvaro uribe"},
		{"  ...  ", ""},
		{"\ud55c\uad6d", "\ud55c\uad6d"},
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
