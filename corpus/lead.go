package corpus

import "strings"

// LeadPrefix starts the copy of each lead word that LeadFilter adds.
const LeadPrefix = "lead_"

// LeadFilter repeats the first N content words of a sentence's main
// clause as "lead_word" after its terms. Wire news puts the act it reports
// at the front ("Kenya has expelled the envoy of ..., who ..."): the
// subject's name, then the verb and its object; background, attribution
// and history come later. Naive Bayes weighs every word of a sentence
// alike, so a long sentence's background words can outvote its act; the
// copies give the front of the sentence its own terms, and the model
// learns how much they say.
//
// The lead words are the first N tokens that are words (not punctuation,
// not NameTerm, not a number, negated or not), not function words nor "said",
// "told" or "that" (in "X said that Y would ...", Y's act is the news),
// and not the sentence's first word, which is mostly a name or an
// article. Two kinds of aside are passed over: an opening phrase up to
// its comma ("In a statement on Monday, ...", "Speaking in Kyiv, ..."),
// and a phrase set off by commas that starts with a relative pronoun, an
// article or a participle ("The cabinet, meeting in an extraordinary
// session, ordered ..."). Run it after NegationFilter, so that a copy
// keeps its "not_", and before PunctFilter, which drops the commas it
// reads.
//
// On our corpus and on real news (see README.md), N = 3 did best.
type LeadFilter struct {
	N int
}

// Longest asides passed over, in tokens: a longer phrase is taken for the
// clause itself.
const (
	maxOpening = 24
	maxAside   = 16
)

// Filter implements TokenFilter.
func (f LeadFilter) Filter(toks []Token) []Token {
	var buf [8]int32
	lead := leadPicks(buf[:0], len(toks), f.N, false, func(i int) string { return toks[i].Term })
	if len(lead) == 0 {
		return toks
	}
	// One string for all the copies, cut into terms. A copy of "not_x"
	// is "not_lead_x", as TermParts writes it.
	total := 0
	for _, i := range lead {
		total += len(LeadPrefix) + len(toks[i].Term)
	}
	b := make([]byte, 0, total)
	for _, i := range lead {
		t := toks[i].Term
		if rest, ok := strings.CutPrefix(t, "not_"); ok {
			b = append(b, "not_"...)
			t = rest
		}
		b = append(b, LeadPrefix...)
		b = append(b, t...)
	}
	all, pos := string(b), 0
	for _, i := range lead {
		end := pos + len(LeadPrefix) + len(toks[i].Term)
		toks = append(toks, Token{Term: all[pos:end], Start: toks[i].Start, End: toks[i].End})
		pos = end
	}
	return toks
}

// leadPicks appends to picks the indices of the lead words, at most max,
// among n tokens whose terms term gives (after NegationFilter, before
// PunctFilter), and returns the extended slice. LeadFilter and the
// Marker's parts share it. With lowered, the terms are lower-cased
// already, as a lower-casing WordTokenizer's are, and are not lower-cased
// again: lower of such a term is the term itself (strings.ToLower maps
// each rune to one that it maps to itself).
func leadPicks(picks []int32, n, max int, lowered bool, term func(i int) string) []int32 {
	if max <= 0 || n < 2 {
		return picks
	}
	// nextComma returns the index of the first "," in [from, from+limit),
	// or -1 when there is none or another clause mark comes first.
	nextComma := func(from, limit int) int {
		for j := from; j < n && j < from+limit; j++ {
			switch t := term(j); {
			case t == ",":
				return j
			case isPunct(t) && t != "\"":
				return -1
			}
		}
		return -1
	}
	i, found := 1, 0
	if opensAside(term(0), false, lowered) {
		if j := nextComma(1, maxOpening); j > 0 {
			i = j + 1
		}
	}
	for ; i < n && found < max; i++ {
		t := term(i)
		if t == "." || t == "!" || t == "?" {
			// The sentence ends; what follows is not it (Features.Text's
			// additions).
			break
		}
		if t == "," && i+1 < n && opensAside(term(i+1), true, lowered) {
			if j := nextComma(i+1, maxAside); j > 0 {
				i = j
				continue
			}
		}
		if leadWord(t, lowered) {
			picks = append(picks, int32(i))
			found++
		}
	}
	return picks
}

// leadWord reports whether a term, lower-cased if lowered, may be a lead
// word.
func leadWord(t string, lowered bool) bool {
	if isPunct(t) {
		return false
	}
	w := lowerNot(t, lowered)
	return w != "" && w != NameTerm && w != "<num>" && !isDigit(w[0]) && !leadSkip(w)
}

// lowerNot is t lower-cased, unless lowered already, without a "not_"
// prefix.
func lowerNot(t string, lowered bool) string {
	if len(t) > 4 && t[:4] == "not_" {
		t = t[4:]
	}
	if lowered {
		return t
	}
	return lower(t)
}

// opensAside reports whether a phrase that starts with the word t,
// lower-cased if lowered, may be an aside: at the start of a sentence, a
// preposition or participle ("In", "After", "Speaking"); after a comma
// (inner), a relative pronoun, an article or a participle.
func opensAside(t string, inner, lowered bool) bool {
	t = lowerNot(t, lowered)
	if inner {
		return innerAside(t) || len(t) > 5 && t[len(t)-3:] == "ing"
	}
	return openingAside(t) || len(t) > 5 && t[len(t)-3:] == "ing"
}

// openingAside, innerAside and leadSkip are sets of words written as
// switches, which the compiler makes a search by length and bytes:
// cheaper than hashing the word for a map, and leadPicks asks them for
// the first words of every sentence.

func openingAside(w string) bool {
	switch w {
	case "in", "on", "at", "after", "before", "during", "while", "despite", "amid",
		"with", "following", "according", "since", "as", "under", "without", "earlier", "later", "last":
		return true
	}
	return false
}

func innerAside(w string) bool {
	switch w {
	case "who", "which", "whose", "a", "an", "the":
		return true
	}
	return false
}

// leadSkip reports whether w is a function word, never a lead word.
func leadSkip(w string) bool {
	switch w {
	case "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from",
		"and", "or", "but", "as", "its", "his", "her", "their", "this", "that", "these", "those", "'s",
		"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "it",
		"said", "says", "told":
		return true
	}
	return false
}
