package corpus

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// capitalisedRunes is capitalised as it was, rune by rune, the reference
// for its ASCII path.
func capitalisedRunes(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func FuzzCapitalised(f *testing.F) {
	for _, w := range []string{"", "Merkel", "NATO", "U.S.", "McConnell", "I", "ÉCHEC", "Éric", "Aé", "AÉ", "A\xffb", "a", "'s", "MÜLLERs"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := capitalised(w), capitalisedRunes(w); got != want {
			t.Errorf("capitalised(%q) = %v, want %v", w, got, want)
		}
	})
}

func FuzzMayNegate(f *testing.F) {
	for _, w := range []string{"", "n", "no", "No", "NOT", "didn't", "didn’t", "Refused", "never", "é", "without", "x't", "DIDN'T", "FAILS", "nO", "cannot", "Declines", "refusing", "\u212Aelvin", "İ"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if negatesLower(w, w) && !mayNegate(w) {
			t.Errorf("mayNegate(%q) = false, but it negates", w)
		}
		// As polarities asks, of a word and its lower-cased term.
		if negatesLower(w, strings.ToLower(w)) && !mayNegate(w) {
			t.Errorf("mayNegate(%q) = false, but it negates lower-cased", w)
		}
	})
}

// FuzzIsWordToken checks that isWordToken, which reads a token's term,
// tells the words as isWordTerm of their raw terms does, lower-cased or
// not.
func FuzzIsWordToken(f *testing.F) {
	for _, s := range []string{"Maduro's plan, “free” — and U.S.-led", "_x 3.5 'tis Éric’s \u212Aelvin", "a\xffb ’s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lower := range []bool{false, true} {
			for _, tok := range (WordTokenizer{Lower: lower}).Tokenize(s) {
				raw := tok.Term
				if lower {
					raw = rawTerm(s, tok)
				}
				if got, want := isWordToken(tok.Term), isWordTerm(raw); got != want {
					t.Errorf("isWordToken(%q) = %v, but isWordTerm(%q) = %v (lower %v)", tok.Term, got, raw, want, lower)
				}
			}
		}
	})
}

// TestTermHashReadsEveryByte checks that termHash, which reads a term in
// words of eight bytes, some of them overlapping, depends on every byte:
// terms that differ in one byte hash apart.
func TestTermHashReadsEveryByte(t *testing.T) {
	for n := 1; n <= 40; n++ {
		b := []byte(strings.Repeat("a", n))
		h := termHash(string(b))
		for i := range b {
			b[i] = 'b'
			if termHash(string(b)) == h {
				t.Errorf("termHash of %q is that of %q", b, strings.Repeat("a", n))
			}
			b[i] = 'a'
		}
	}
}
