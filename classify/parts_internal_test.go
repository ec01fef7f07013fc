package classify

import (
	"strings"
	"sync"
	"testing"

	"github.com/stancemix/stance/corpus"
)

// TestPartsIndex checks that every term of the default models is found
// under each of its parts, at its row.
func TestPartsIndex(t *testing.T) {
	stance, sentiment := defaultModels(t)
	ix := newPartsIndex(stance, sentiment)
	for _, term := range stance.Vocabulary() {
		for p := range corpus.SplitTerm(term) {
			if slot := stanceSlot(p); slot >= 0 {
				if e := ix.bases.find(p.Base); e < 0 || ix.stanceRows[e][slot] != stance.Row(term) {
					t.Errorf("stance term %q as %+v: entry %d", term, p, e)
				}
			}
		}
	}
	for _, term := range sentiment.Vocabulary() {
		for p := range corpus.SplitTerm(term) {
			if e := ix.bases.find(p.Base); e < 0 || ix.sentRows[e][partSlot(p)] != sentiment.Row(term) {
				t.Errorf("sentiment term %q as %+v: entry %d", term, p, e)
			}
		}
	}
}

// TestNoWordBase holds noWordBase to noWordBases, and the entries the
// parts index keeps of them to its bases'.
func TestNoWordBase(t *testing.T) {
	for i, s := range noWordBases {
		if got := noWordBase(s); got != i {
			t.Errorf("noWordBase(%q) = %d, want %d", s, got, i)
		}
	}
	for _, s := range []string{"", "said", "<Name>", "lexnegx", "Other", "tg"} {
		if got := noWordBase(s); got != -1 {
			t.Errorf("noWordBase(%q) = %d, want -1", s, got)
		}
	}
	ix := newPartsIndex(defaultModels(t))
	for i, s := range noWordBases {
		if ix.noWord[i] != ix.bases.find(s) {
			t.Errorf("noWord[%d] = %d, want bases' entry of %q, %d", i, ix.noWord[i], s, ix.bases.find(s))
		}
	}
}

// baseTableStrings are the bases of the default models and strings that
// share with one of them or with each other all that baseWords and
// baseHash read of a longer string: the length and the first and last
// bytes.
func baseTableStrings(tb testing.TB) []string {
	stance, sentiment := defaultModels(tb)
	seen := map[string]bool{}
	var strs []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			strs = append(strs, s)
		}
	}
	for _, m := range [...][]string{stance.Vocabulary(), sentiment.Vocabulary()} {
		for _, term := range m {
			for p := range corpus.SplitTerm(term) {
				add(p.Base)
			}
		}
	}
	for _, s := range []string{"", "a", "ab", "abc", "abcdefgh12345678", "abcdefgh-12345678", "abcdefgh+12345678",
		"abcdefgh--12345678", "abcdefgh-+12345678", "international_negotiations", "international-negotiations"} {
		add(s)
	}
	return strs
}

// FuzzBaseTable holds a baseTable's find to the map of its strings.
func FuzzBaseTable(f *testing.F) {
	strs := baseTableStrings(f)
	want := make(map[string]int32, len(strs))
	for e, s := range strs {
		want[s] = int32(e)
	}
	bt := newBaseTable(strs)
	for _, s := range []string{"", "a", "b", "said", "sa", "abd", "abcdefgh_12345678", "abcdefgh--12345679",
		"international negotiations", strings.Repeat("x", 40), "\x00", "\xff\xfe", "said\x00", "caf\u00e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, ok := want[s]
		if !ok {
			w = -1
		}
		if got := bt.find(s); got != w {
			t.Errorf("find(%q) = %d, want %d", s, got, w)
		}
		// Each string of the table whose length s has, changed in one
		// byte, as most misses are.
		if e := bt.find(s); e >= 0 && len(s) > 0 {
			b := []byte(s)
			b[len(b)/2] ^= 1
			w, ok := want[string(b)]
			if !ok {
				w = -1
			}
			if got := bt.find(string(b)); got != w {
				t.Errorf("find(%q) = %d, want %d", b, got, w)
			}
		}
	})
}

// TestPartsIndexOnce asks a ModelSentiment for its index from several
// goroutines at once, as the workers of stance classify do when they
// start: they must all get the one index, built once, and another
// stance model a new one.
func TestPartsIndexOnce(t *testing.T) {
	stance, sentiment := defaultModels(t)
	s := &ModelSentiment{Model: sentiment}
	var start, done sync.WaitGroup
	start.Add(1)
	got := make([]*partsIndex, 8)
	for i := range got {
		done.Go(func() {
			start.Wait()
			got[i] = s.partsIndex(stance)
		})
	}
	start.Done()
	done.Wait()
	for i, ix := range got {
		if ix != got[0] || !ix.of(stance, sentiment) {
			t.Fatalf("goroutine %d got index %p, goroutine 0 %p", i, ix, got[0])
		}
	}
	if ix := s.partsIndex(sentiment); ix == got[0] || !ix.of(sentiment, sentiment) {
		t.Errorf("another stance model got the old index")
	}
}

// TestBaseTable finds every string of the table, and misses close by.
func TestBaseTable(t *testing.T) {
	strs := baseTableStrings(t)
	bt := newBaseTable(strs)
	have := make(map[string]bool, len(strs))
	for _, s := range strs {
		have[s] = true
	}
	for e, s := range strs {
		if got := bt.find(s); got != int32(e) {
			t.Errorf("find(%q) = %d, want %d", s, got, e)
		}
		for _, miss := range []string{s + "s", "x" + s, strings.ToUpper(s)} {
			if !have[miss] {
				if got := bt.find(miss); got != -1 {
					t.Errorf("find(%q) = %d, want -1", miss, got)
				}
			}
		}
	}
}
