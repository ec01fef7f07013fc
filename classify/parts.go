package classify

import (
	"math/bits"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/swar"
	"github.com/stancemix/stance/models"
)

// A partsIndex finds the terms of a stance model and a sentiment model
// from their parts (corpus.TermParts): each term of their vocabularies
// under every way SplitTerm writes it, so that a term is found whichever
// parts the Marker gives it in, and a word that several terms of the two
// models share ("said", "l_said", "not_said", "cr_said") is looked up once.
type partsIndex struct {
	stance, sentiment *models.Model
	// bases finds a base's entry in the rows: an open-addressing table,
	// as a map[string]int32 but for a fixed set of keys and without the
	// map's call, its hash of every byte and its comparison of the key's
	// bytes. Each sentence looks up a few dozen words, half its terms.
	bases baseTable
	// stanceRows[e][2*lead+not] is the stance model's row (see
	// models.Model.Row) of the term with base e, unprefixed or a lead
	// word's copy (corpus.LeadPart), or -1; sentRows[e][2*prefix+not] the
	// sentiment model's.
	stanceRows [][4]int32
	sentRows   [][2 * corpus.TermPrefixes]int32
	// noWord[i] is the entry of noWordBases[i] in bases, or -1.
	noWord [len(noWordBases)]int32
}

// noWordBases are the bases that the Markers write for terms of no one
// word of the sentence (corpus.TermParts.Tok < 0), in both cases: the
// scorers find them by noWordBase, comparisons with constants, rather
// than by a lookup in bases, and look the rest of such terms up there. On
// generated wire, they are 99 in 100 of those terms, whose lookups were
// nearly a third of the scorers'.
var noWordBases = [...]string{corpus.NameTerm, "<num>", corpus.LexNegative, "lexneg", corpus.LexPositive, "lexpos",
	corpus.OtherTerm, "other", corpus.TargetTerm, "tgt"}

// noWordBase returns the index of s in noWordBases, or -1.
func noWordBase(s string) int {
	switch s {
	case corpus.NameTerm:
		return 0
	case "<num>":
		return 1
	case corpus.LexNegative:
		return 2
	case "lexneg":
		return 3
	case corpus.LexPositive:
		return 4
	case "lexpos":
		return 5
	case corpus.OtherTerm:
		return 6
	case "other":
		return 7
	case corpus.TargetTerm:
		return 8
	case "tgt":
		return 9
	}
	return -1
}

// partsIndex returns the partsIndex of stance and s.Model, built on first
// use, and again when asked for another stance model. It is built once:
// the workers of stance classify ask for it together, as they start.
func (s *ModelSentiment) partsIndex(stance *models.Model) *partsIndex {
	if ix := s.index.Load(); ix.of(stance, s.Model) {
		return ix
	}
	s.building.Lock()
	defer s.building.Unlock()
	if ix := s.index.Load(); ix.of(stance, s.Model) {
		return ix // built while this one waited
	}
	ix := newPartsIndex(stance, s.Model)
	s.index.Store(ix)
	return ix
}

// of reports whether ix, which may be nil, indexes stance and sentiment.
func (ix *partsIndex) of(stance, sentiment *models.Model) bool {
	return ix != nil && ix.stance == stance && ix.sentiment == sentiment
}

func newPartsIndex(stance, sentiment *models.Model) *partsIndex {
	ix := &partsIndex{stance: stance, sentiment: sentiment}
	entries := map[string]int32{}
	var bases []string
	entry := func(base string) int32 {
		e, ok := entries[base]
		if !ok {
			e = int32(len(bases))
			entries[base] = e
			bases = append(bases, base)
			ix.stanceRows = append(ix.stanceRows, [4]int32{-1, -1, -1, -1})
			var none [2 * corpus.TermPrefixes]int32
			for i := range none {
				none[i] = -1
			}
			ix.sentRows = append(ix.sentRows, none)
		}
		return e
	}
	for _, term := range stance.Vocabulary() {
		row := stance.Row(term)
		for p := range corpus.SplitTerm(term) {
			if slot := stanceSlot(p); slot >= 0 {
				ix.stanceRows[entry(p.Base)][slot] = row
			}
		}
	}
	for _, term := range sentiment.Vocabulary() {
		row := sentiment.Row(term)
		for p := range corpus.SplitTerm(term) {
			ix.sentRows[entry(p.Base)][partSlot(p)] = row
		}
	}
	ix.bases = newBaseTable(bases)
	for i, s := range noWordBases {
		ix.noWord[i] = ix.bases.find(s)
	}
	return ix
}

// stanceSlot is p's slot in stanceRows, or -1 for a prefix they do not
// index.
func stanceSlot(p corpus.TermParts) int {
	s := 0
	switch p.Prefix {
	case 0:
	case corpus.LeadPart:
		s = 2
	default:
		return -1
	}
	if p.Not {
		s++
	}
	return s
}

func partSlot(p corpus.TermParts) int {
	s := 2 * int(p.Prefix)
	if p.Not {
		s++
	}
	return s
}

// wordless returns the entry of the base of a term of no one word
// (corpus.TermParts.Tok < 0), or -1: by noWordBase for most, else from
// bases.
func (ix *partsIndex) wordless(base string) int32 {
	if i := noWordBase(base); i >= 0 {
		return ix.noWord[i]
	}
	return ix.bases.find(base)
}

// The scorers look a word's base up once for all the terms of the word:
// seen has one element per word of the sentence, 0 until the word's base
// is looked up in bases and its entry (-1 for none) plus 2 after. They
// check and fill seen themselves, written out in each, instead of through
// a function, which would be too big to be inlined: a call for each word.

// scoreRows is how many terms' rows the scorers add to a Scorer at a
// time (models.Scorer.AddRows), from an array on the stack.
const scoreRows = 64

// scoreStance adds the stance model's terms parts of a sentence to s, in
// order.
func (ix *partsIndex) scoreStance(s *models.Scorer, parts []corpus.TermParts, seen []int32) {
	var rows [scoreRows]int32
	n := 0
	for k := range parts {
		p := &parts[k]
		var e int32
		switch {
		case p.Tok < 0:
			e = ix.wordless(p.Base)
		case seen[p.Tok] == 0:
			e = ix.bases.find(p.Base)
			seen[p.Tok] = e + 2
		default:
			e = seen[p.Tok] - 2
		}
		row := int32(-1)
		switch slot := stanceSlot(*p); {
		case slot < 0:
			// Not from an analysis without a target; never indexed.
			row = ix.stance.Row(p.String())
		case e >= 0:
			row = ix.stanceRows[e][slot]
		}
		rows[n] = row
		if n++; n == len(rows) {
			s.AddRows(rows[:])
			n = 0
		}
	}
	s.AddRows(rows[:n])
}

// scoreSentiment adds the sentiment model's terms parts of a sentence to
// s, in order.
func (ix *partsIndex) scoreSentiment(s *models.Scorer, parts []corpus.TermParts, seen []int32) {
	var rows [scoreRows]int32
	n := 0
	for k := range parts {
		p := &parts[k]
		var e int32
		switch {
		case p.Tok < 0:
			e = ix.wordless(p.Base)
		case seen[p.Tok] == 0:
			e = ix.bases.find(p.Base)
			seen[p.Tok] = e + 2
		default:
			e = seen[p.Tok] - 2
		}
		row := int32(-1)
		if e >= 0 {
			row = ix.sentRows[e][partSlot(*p)]
		}
		rows[n] = row
		if n++; n == len(rows) {
			s.AddRows(rows[:])
			n = 0
		}
	}
	s.AddRows(rows[:n])
}

// A baseTable finds the index of a string in a fixed list of distinct
// strings, the bases of a partsIndex. Its slots are a power of two, at
// least twice the strings, probed in turn from the one a key hashes to;
// each holds the index of a string plus 1 (0 for an empty slot) below
// the upper 32 bits of its hash, so that a probe reads a string's words
// only when the hashes agree.
type baseTable struct {
	slots []uint64
	mask  uint64
	keys  []baseKey // of each string, by index
}

// A baseKey is a string as its length and two words, which are all of
// its bytes up to 16 bytes (see baseWords); a longer string is kept too.
type baseKey struct {
	a, b uint64
	n    int
	long string // the string, when longer than 16 bytes
}

func newBaseTable(strs []string) baseTable {
	size := 1
	for size < 2*len(strs) {
		size *= 2
	}
	t := baseTable{slots: make([]uint64, size), mask: uint64(size - 1), keys: make([]baseKey, len(strs))}
	for e, s := range strs {
		a, b := baseWords(s)
		k := baseKey{a: a, b: b, n: len(s)}
		if len(s) > 16 {
			k.long = s
		}
		t.keys[e] = k
		h := baseHash(a, b, len(s))
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = h&^0xffffffff | uint64(e+1)
	}
	return t
}

// find returns the index of s in the strings of t, or -1.
func (t *baseTable) find(s string) int32 {
	var a, b uint64 // baseWords(s), written out: a call of its own cost a tenth of find
	switch n := len(s); {
	case n >= 8:
		a, b = swar.Load64(s, 0), swar.Load64(s, n-8)
	case n >= 4:
		a, b = uint64(swar.Load32(s, 0)), uint64(swar.Load32(s, n-4))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	h := baseHash(a, b, len(s))
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return -1
		}
		if v>>32 != h>>32 {
			continue
		}
		e := int32(uint32(v)) - 1
		k := &t.keys[e]
		if k.a == a && k.b == b && k.n == len(s) && (len(s) <= 16 || k.long == s) {
			return e
		}
	}
}

// baseWords returns two words that, with its length, tell s from any
// other string of up to 16 bytes: its first and last eight bytes, or
// four, or for up to three bytes the first, middle and last. A longer
// string shares them with the strings that differ only in between.
func baseWords(s string) (a, b uint64) {
	switch n := len(s); {
	case n >= 8:
		return swar.Load64(s, 0), swar.Load64(s, n-8)
	case n >= 4:
		return uint64(swar.Load32(s, 0)), uint64(swar.Load32(s, n-4))
	case n > 0:
		return uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1]), 0
	}
	return 0, 0
}

// baseHash mixes baseWords and a length. Its keys are fixed, not random:
// the table holds a model's vocabulary, not the text, so no text can
// lengthen a probe beyond the table's longest run of full slots.
func baseHash(a, b uint64, n int) uint64 {
	hi, lo := bits.Mul64(a^0x9e3779b97f4a7c15^uint64(n), b^0xbf58476d1ce4e5b9)
	return hi ^ lo
}
