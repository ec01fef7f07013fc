package corpus

import (
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
	for _, w := range []string{"", "n", "no", "No", "NOT", "didn't", "didn’t", "Refused", "never", "é", "without", "x't"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if negatesLower(w, w) && !mayNegate(w) {
			t.Errorf("mayNegate(%q) = false, but it negates", w)
		}
	})
}
