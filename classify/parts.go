package classify

import (
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// A partsIndex finds the terms of a stance model and a sentiment model
// from their parts (corpus.TermParts): each term of their vocabularies
// under every way SplitTerm writes it, so that a term is found whichever
// parts the Marker gives it in, and a word that several terms of the two
// models share ("said", "l_said", "not_said", "cr_said") is looked up once.
type partsIndex struct {
	stance, sentiment *models.Model
	bases             map[string]int32 // base -> its entry in the rows
	// stanceRows[e][2*lead+not] is the stance model's row (see
	// models.Model.Row) of the term with base e, unprefixed or a lead
	// word's copy (corpus.LeadPart), or -1; sentRows[e][2*prefix+not] the
	// sentiment model's.
	stanceRows [][4]int32
	sentRows   [][2 * corpus.TermPrefixes]int32
}

// partsIndex returns the partsIndex of stance and s.Model, built on first
// use, and again when asked for another stance model.
func (s *ModelSentiment) partsIndex(stance *models.Model) *partsIndex {
	if ix := s.index.Load(); ix != nil && ix.stance == stance && ix.sentiment == s.Model {
		return ix
	}
	ix := newPartsIndex(stance, s.Model)
	s.index.Store(ix)
	return ix
}

func newPartsIndex(stance, sentiment *models.Model) *partsIndex {
	ix := &partsIndex{stance: stance, sentiment: sentiment, bases: map[string]int32{}}
	entry := func(base string) int32 {
		e, ok := ix.bases[base]
		if !ok {
			e = int32(len(ix.bases))
			ix.bases[base] = e
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

// entry returns the entry of p's base, or -1 when no term has it. seen
// has one element per word of the sentence, 0 until the word's entry is
// looked up and its entry plus 2 after.
func (ix *partsIndex) entry(p corpus.TermParts, seen []int32) int32 {
	if p.Tok >= 0 {
		if v := seen[p.Tok]; v != 0 {
			return v - 2
		}
	}
	e, ok := ix.bases[p.Base]
	if !ok {
		e = -1
	}
	if p.Tok >= 0 {
		seen[p.Tok] = e + 2
	}
	return e
}

// scoreStance adds the stance model's terms parts of a sentence to s, in
// order.
func (ix *partsIndex) scoreStance(s *models.Scorer, parts []corpus.TermParts, seen []int32) {
	for _, p := range parts {
		row := int32(-1)
		switch e, slot := ix.entry(p, seen), stanceSlot(p); {
		case slot < 0:
			// Not from an analysis without a target; never indexed.
			row = ix.stance.Row(p.String())
		case e >= 0:
			row = ix.stanceRows[e][slot]
		}
		s.AddRow(row)
	}
}

// scoreSentiment adds the sentiment model's terms parts of a sentence to
// s, in order.
func (ix *partsIndex) scoreSentiment(s *models.Scorer, parts []corpus.TermParts, seen []int32) {
	for _, p := range parts {
		row := int32(-1)
		if e := ix.entry(p, seen); e >= 0 {
			row = ix.sentRows[e][partSlot(p)]
		}
		s.AddRow(row)
	}
}
