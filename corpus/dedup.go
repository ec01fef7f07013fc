package corpus

import (
	"math"
	"sort"
	"strings"
)

// A Pair names two records that are the same or nearly the same sentence,
// by their indexes in the slice given to Duplicates (I < J).
type Pair struct {
	I, J    int
	Jaccard float64 // word-set similarity; 1 for exact duplicates
	Exact   bool    // same text after case and whitespace folding
}

// Duplicates returns the pairs of texts whose word sets have a Jaccard
// similarity of at least threshold (0 < threshold <= 1), sorted by I then J.
// It uses prefix filtering: words are ordered rarest first, and two sets
// that reach the threshold must share one of the first few words of each,
// so only pairs sharing a rare word are compared. That keeps it fast on
// corpora of hundreds of thousands of sentences.
func Duplicates(texts []string, threshold float64) []Pair {
	sets := make([][]string, len(texts))
	freq := make(map[string]int)
	for i, t := range texts {
		sets[i] = wordSet(t)
		for _, w := range sets[i] {
			freq[w]++
		}
	}
	// Order each set rarest first (ties by the word), so prefixes agree.
	for _, s := range sets {
		sort.Slice(s, func(a, b int) bool {
			if freq[s[a]] != freq[s[b]] {
				return freq[s[a]] < freq[s[b]]
			}
			return s[a] < s[b]
		})
	}
	index := make(map[string][]int)
	var pairs []Pair
	seen := make(map[int]bool)
	for j, s := range sets {
		if len(s) == 0 {
			continue
		}
		prefix := len(s) - int(math.Ceil(threshold*float64(len(s)))) + 1
		clear(seen)
		for _, w := range s[:prefix] {
			for _, i := range index[w] {
				if seen[i] {
					continue
				}
				seen[i] = true
				if sim := jaccard(sets[i], s); sim >= threshold {
					exact := squash(texts[i]) == squash(texts[j])
					pairs = append(pairs, Pair{I: i, J: j, Jaccard: sim, Exact: exact})
				}
			}
			index[w] = append(index[w], j)
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].I != pairs[b].I {
			return pairs[a].I < pairs[b].I
		}
		return pairs[a].J < pairs[b].J
	})
	return pairs
}

func wordSet(t string) []string {
	toks := WordTokenizer{Lower: true}.Tokenize(t)
	set := make(map[string]bool, len(toks))
	var out []string
	for _, tok := range toks {
		if isPunct(tok.Term) || set[tok.Term] {
			continue
		}
		set[tok.Term] = true
		out = append(out, tok.Term)
	}
	return out
}

func jaccard(a, b []string) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	in := make(map[string]bool, len(a))
	for _, w := range a {
		in[w] = true
	}
	common := 0
	for _, w := range b {
		if in[w] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

func squash(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
