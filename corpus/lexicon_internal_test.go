package corpus

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// lexPolarityMap is lexPolarity as it was with a map from the stems'
// first three bytes, the reference for the array that replaced it.
func lexPolarityMap(w string) int8 {
	if len(w) < 3 {
		return 0
	}
	if w = lower(w); len(w) < 3 {
		return 0
	}
	for _, e := range lexMap()[w[:3]] {
		if s, whole := strings.CutSuffix(e.stem, "$"); whole && w == s || !whole && strings.HasPrefix(w, s) {
			return e.pol
		}
	}
	return 0
}

var lexMap = sync.OnceValue(func() map[string][]lexEntry {
	idx := make(map[string][]lexEntry)
	for _, s := range lexNegative {
		idx[s[:3]] = append(idx[s[:3]], lexEntry{stem: s, pol: -1})
	}
	for _, s := range lexPositive {
		idx[s[:3]] = append(idx[s[:3]], lexEntry{stem: s, pol: 1})
	}
	return idx
})

// TestLexPolarityIndex checks lexPolarity against the map it replaced on
// every word of our corpora and on every stem with and without endings.
func TestLexPolarityIndex(t *testing.T) {
	words := map[string]bool{"": true, "a": true, "\u212Aill": true, "ÉCHEC": true, "Harm": true, "harmony": true, "hero": true, "heron": true, "ab{": true, "{{{": true, "ba~d": true}
	for _, s := range append(append([]string{}, lexNegative...), lexPositive...) {
		s = strings.TrimSuffix(s, "$")
		for _, w := range []string{s, s + "s", s + "ed", strings.ToUpper(s), s[:len(s)-1], "un" + s} {
			words[w] = true
		}
	}
	files, err := filepath.Glob("../data/*/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		recs, err := ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			for _, tok := range (WordTokenizer{}).Tokenize(r.Text) {
				words[tok.Term] = true
			}
		}
	}
	for w := range words {
		if got, want := lexPolarity(w), lexPolarityMap(w); got != want {
			t.Errorf("lexPolarity(%q) = %d, want %d", w, got, want)
		}
	}
	t.Logf("%d words", len(words))
}

// FuzzLexPolarity holds lexPolarity, which tells most stems of a key
// apart by their fourth byte, to the map it replaced.
func FuzzLexPolarity(f *testing.F) {
	for _, w := range []string{"", "bad", "badly", "harm", "harmony", "hero", "heron", "warm", "warmth", "fair", "fairly", "con", "condemn", "conx", "\u212Aill", "ÉCHEC"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := lexPolarity(w), lexPolarityMap(w); got != want {
			t.Errorf("lexPolarity(%q) = %d, want %d", w, got, want)
		}
	})
}
