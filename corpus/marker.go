package corpus

import (
	"iter"
	"math/bits"
	"slices"
	"strings"

	"github.com/stancemix/stance/internal/swar"
)

// TermParts is one term of a [Marker]'s analysis in parts, so that a
// model can look it up without its being written: "not_" if Not, then
// [TermPrefix](Prefix), then Base. Most terms of a target-aware analysis
// are a word of the sentence with a prefix ("l_said", "cr_plan"), several
// of them the same word, and many in a negation's scope.
type TermParts struct {
	Base string
	// Tok is the index of the word token whose Term Base is, in the
	// tokens given to AppendTermPartsFrom, or -1: terms with the same Tok
	// have the same Base, which a caller may look up once.
	Tok    int32
	Prefix uint8
	Not    bool
}

// TermPrefixes is the number of prefixes of [TermParts].
const TermPrefixes = len(partPrefixes)

// partPrefixes are the prefixes of TermParts: none, then the prefixes of
// additions as markTarget writes them, then in lower case.
var partPrefixes = [...]string{"", "L_", "R_", "L1_", "R1_", "CL_", "CR_", "l_", "r_", "l1_", "r1_", "cl_", "cr_", LeadPrefix}

// LeadPart is the Prefix of the TermParts of a lead word's copy (see
// LeadFilter): "lead_x", or "not_lead_x" when Not.
const LeadPart = uint8(len(partPrefixes) - 1)

// TermPrefix returns the prefix of a [TermParts] whose Prefix is i, for i
// below TermPrefixes.
func TermPrefix(i int) string { return partPrefixes[i] }

// String returns the term that p stands for.
func (p TermParts) String() string {
	s := partPrefixes[p.Prefix] + p.Base
	if p.Not {
		s = "not_" + s
	}
	return s
}

// SplitTerm returns every way of writing term as TermParts (with Tok -1),
// as the terms of a model's vocabulary can be written: a term is found
// under any of its parts.
func SplitTerm(term string) iter.Seq[TermParts] {
	return func(yield func(TermParts) bool) {
		rest, not := term, false
		for {
			for i, prefix := range partPrefixes {
				if base, ok := strings.CutPrefix(rest, prefix); ok {
					if !yield(TermParts{Base: base, Tok: -1, Prefix: uint8(i), Not: not}) {
						return
					}
				}
			}
			if not {
				return
			}
			if rest, not = strings.CutPrefix(term, "not_"); !not {
				return
			}
		}
	}
}

// partsFilters reports whether filters are ones that AppendTermPartsFrom
// applies itself: NumberFilter, NegationFilter and LeadFilter, if any,
// then PunctFilter, then UniqueFilter, if any, as Features.Analyzer
// orders them.
func partsFilters(filters []TokenFilter) bool {
	order, punct := 0, false
	for _, f := range filters {
		k := 0
		switch f.(type) {
		case NumberFilter:
			k = 1
		case NegationFilter:
			k = 2
		case LeadFilter:
			k = 3
		case PunctFilter:
			k, punct = 4, true
		case UniqueFilter:
			k = 5
		default:
			return false
		}
		if k <= order {
			return false
		}
		order = k
	}
	return punct
}

// AppendTermPartsFrom is [Marker.AppendTermsFrom] with each term in parts:
// it appends the same terms, in the same order, to dst, without writing
// the prefixed ones (nor, for most analyses, any other).
func (mk *Marker) AppendTermPartsFrom(dst []TermParts, sentence, target string, words []Token) []TermParts {
	if !mk.parts {
		return appendWholeParts(dst, mk.AppendTermsFrom(nil, sentence, target, words))
	}
	n := len(dst)
	dst = mk.appendParts(dst, sentence, target, words)
	if lead := mk.f.Lead; lead > 0 {
		// LeadFilter, on the stream of terms the filters saw. Terms that
		// appendParts wrote out whole (appendWholeParts) have their lead
		// copies already; the stream is empty then.
		stream := mk.pf.stream
		mk.picks = leadPicks(mk.picks[:0], len(stream), lead, mk.f.Lower, func(i int) string {
			if s := stream[i]; s >= 0 {
				// leadPicks drops one "not_" from a term, so a part
				// in a negation's scope is given without its own
				// "not_", which leaves the same word, unless its base
				// starts with "not_" too (a word written "not_x"):
				// then the term is "not_not_x", as the text path sees
				// it, and "not_x" is the word.
				if p := &dst[s]; p.Not && strings.HasPrefix(p.Base, "not_") {
					return "not_" + p.Base
				}
				return dst[s].Base
			}
			return punctTerms[-stream[i]]
		})
		for _, i := range mk.picks {
			p := dst[stream[i]]
			dst = append(dst, TermParts{Base: p.Base, Tok: p.Tok, Prefix: LeadPart, Not: p.Not})
		}
	}
	if mk.f.Binary {
		var kept []TermParts
		kept, mk.slots = uniqueParts(dst[n:], mk.slots)
		dst = dst[:n+len(kept)]
	}
	return dst
}

// WordFacts carries what the analyses of one sentence find out alike
// about its words from the first [Marker] that needs it to the others, so
// that a caller with several analyses of each sentence (stance and
// sentiment) has it found once: the lexicon polarity of each word,
// flipped in the scope of a negation. Reset it for each sentence; its
// zero value is ready for the first.
type WordFacts struct {
	pol     []int8 // marking.polarities of the words with no role, if havePol
	havePol bool
}

// Reset readies wf for another sentence.
func (wf *WordFacts) Reset() { wf.havePol = false }

// AppendTermPartsWith is AppendTermPartsFrom for one of several analyses
// of the sentence, which share facts: every Marker that is given the same
// facts between two Resets must be given the same sentence and words.
func (mk *Marker) AppendTermPartsWith(dst []TermParts, sentence, target string, words []Token, facts *WordFacts) []TermParts {
	mk.m.facts = facts
	dst = mk.AppendTermPartsFrom(dst, sentence, target, words)
	mk.m.facts = nil
	return dst
}

// appendParts is AppendTermPartsFrom but for UniqueFilter.
func (mk *Marker) appendParts(dst []TermParts, sentence, target string, words []Token) []TermParts {
	f := mk.f
	pf := &mk.pf
	*pf = partsFilter{numbers: f.Numbers, negation: f.Negation, track: f.Lead > 0, stream: pf.stream[:0]}
	marked := mk.mark(sentence, target, words)
	m := &mk.m
	switch {
	case !marked && f.Names:
		return pf.addNames(dst, words, sentence)
	case !marked:
		return pf.addRun(dst, words, 0)
	case f.Names && len(m.occ) == 0:
		// Lexicon terms only: as appendLexicon, the marked sentence's
		// words with the runs of names merged, " .", and the terms.
		ws, copied := mk.lexiconWords()
		from := len(dst)
		dst = pf.addNames(dst, ws, sentence)
		if copied {
			for i := from; i < len(dst); i++ {
				if t := dst[i].Tok; t >= 0 {
					dst[i].Tok = mk.from[t]
				}
			}
		}
		dst = pf.add(dst, ".", -1, noPrefix)
		for _, a := range m.adds {
			dst = pf.add(dst, m.addTerm(a, f.Lower), -1, noPrefix)
		}
		return dst
	case f.Names:
		return appendWholeParts(dst, mk.a.Terms(f.Text(sentence, target)))
	}
	var ok bool
	if m.keepsFinalDot() {
		// Rare: the marked sentence's last token is none of the words.
		var toks []Token
		toks, ok = mk.appendMarkedSentence(mk.toks[:0])
		mk.toks = toks
		if ok {
			from := len(dst)
			dst = pf.addRun(dst, toks[:len(mk.from)], 0)
			for i := from; i < len(dst); i++ {
				if t := dst[i].Tok; t >= 0 {
					dst[i].Tok = mk.from[t]
				}
			}
		}
	} else {
		mk.toks = mk.toks[:0]
		dst, ok = mk.addMarkedSentence(dst)
	}
	if !ok {
		return appendWholeParts(dst, mk.a.Terms(f.Text(sentence, target)))
	}
	return mk.addAdditions(dst)
}

// addMarkedSentence adds the terms of the tokens that appendMarkedSentence
// gives, when the sentence's last word does not keep its final dot
// (keepsFinalDot), as addRun of them would, without writing the tokens
// out: the words between the runs with a role through addRun, each run
// as one TargetTerm or OtherTerm, and ".". False, with dst as it was and
// nothing in the filters' stream, when appendMarkedSentence would give
// up.
func (mk *Marker) addMarkedSentence(dst []TermParts) ([]TermParts, bool) {
	m, pf := &mk.m, &mk.pf
	sentence, words, role := m.sentence, m.toks, m.role
	target, other := TargetTerm, OtherTerm
	if mk.f.Lower {
		target, other = "tgt", "other"
	}
	n, lo := len(dst), 0 // words[lo:i] have no role, and are not added yet
	for i := 0; i < len(words); i++ {
		if role[i] == 0 {
			continue
		}
		// As appendMarkedSentence, which says why it gives up.
		j := m.spanEnd(i)
		if end := words[j].End; !m.isWord(i) || end < len(sentence) && strings.HasSuffix(m.rawAt(j), ".") && !separates(sentence[end]) {
			pf.stream = pf.stream[:0]
			return dst[:n], false
		}
		term := target
		if role[i] == 2 {
			term = other
		}
		dst = pf.addRun(dst, words[:i], lo)
		dst = pf.add(dst, term, -1, noPrefix)
		lo, i = j+1, j
	}
	dst = pf.addRun(dst, words, lo)
	return pf.add(dst, ".", -1, noPrefix), true
}

// addAdditions adds the terms of the additions of a marked sentence, as
// appendMarked tokenises them: add of each, its prefixed path written out
// (add is not inlined, and most additions are a word with a prefix).
func (mk *Marker) addAdditions(dst []TermParts) []TermParts {
	m, pf, lower := &mk.m, &mk.pf, mk.f.Lower
	dst = slices.Grow(dst, len(m.adds))
	for k, a := range m.adds {
		if a.tok >= 0 && m.role[a.tok] != 2 && joinsWords(m.rawAt(int(a.tok))) {
			// As appendMarked: tokenised on its own, and rare.
			text := prefixes[a.prefix] + m.rawAt(int(a.tok))
			if k < len(m.adds)-1 {
				text += " "
			}
			from := len(mk.toks)
			mk.toks = WordTokenizer{Lower: lower}.AppendTokens(mk.toks, text)
			for _, t := range mk.toks[from:] {
				dst = pf.add(dst, t.Term, -1, noPrefix)
			}
			continue
		}
		prefix, tok := a.prefix, a.tok
		if tok < 0 || m.role[tok] == 2 {
			tok = -1
		}
		// m.addTerm(a, lower), written out for a word: addTerm is not
		// inlined.
		var base string
		switch {
		case tok < 0:
			base = m.addTerm(a, lower)
		case lower:
			base = m.toks[tok].Term
		default:
			base = m.rawAt(int(tok))
		}
		if prefix == noPrefix {
			// A lexicon term of the whole sentence.
			dst = pf.add(dst, base, tok, noPrefix)
			continue
		}
		if lower {
			prefix += uint8(len(prefixes) - 1)
		}
		// add's path for a prefix, which starts with a letter and ends
		// in "_": the term is no number, no punctuation, and no negation
		// word; it ends in "n't" only if base does.
		p := TermParts{Base: base, Tok: tok, Prefix: prefix}
		if pf.negation {
			switch {
			case pf.in:
				p.Not = true
			case len(base) > 2 && (strings.HasSuffix(base, "n't") || strings.HasSuffix(base, "n’t")):
				pf.in = true
			}
		}
		dst = append(dst, p)
	}
	return dst
}

// appendWholeParts appends terms to dst as TermParts without a prefix.
func appendWholeParts(dst []TermParts, terms []string) []TermParts {
	for _, t := range terms {
		dst = append(dst, TermParts{Base: t, Tok: -1})
	}
	return dst
}

// A partsFilter is NumberFilter (if numbers), NegationFilter (if
// negation) and PunctFilter run one token at a time, for terms in parts.
type partsFilter struct {
	numbers, negation bool
	in                bool // in a negation's scope
	// With track, stream gets each unprefixed term the filters see,
	// punctuation too, for leadPicks: the index in dst of the TermParts
	// it became, whose Base it is, or for punctuation minus its byte.
	// Indexes, not the terms, so that the stream holds no pointers, which
	// each append would have to tell the garbage collector of.
	track  bool
	stream []int32
}

// punctTerms holds the terms of punctuation by their byte (see isPunct).
var punctTerms = [...]string{',': ",", ';': ";", ':': ":", '.': ".", '!': "!", '?': "?", '"': "\"", '(': "(", ')': ")"}

// add appends to dst the term prefix+base, of the word token tok (or -1),
// as the filters leave it, if they keep it.
func (pf *partsFilter) add(dst []TermParts, base string, tok int32, prefix uint8) []TermParts {
	// A prefix starts with a letter and ends in "_": the term is no
	// number, no punctuation, and no negation word; it ends in "n't" only
	// if base does.
	if prefix == noPrefix {
		if pf.numbers && base != "" && isDigit(base[0]) {
			base, tok = "<num>", -1
		}
		if isPunct(base) {
			if base != "\"" {
				pf.in = false
			}
			if pf.track {
				pf.stream = append(pf.stream, -int32(base[0]))
			}
			return dst
		}
		if pf.track {
			pf.stream = append(pf.stream, int32(len(dst)))
		}
	}
	p := TermParts{Base: base, Tok: tok, Prefix: prefix}
	if pf.negation {
		// negates(base), its first test inlined: negates is too big to
		// be inlined itself, and few words pass the test.
		switch {
		case pf.in:
			p.Not = true
		case prefix == noPrefix && mayNegate(base) && negatesLower(base, base),
			prefix != noPrefix && len(base) > 2 && (strings.HasSuffix(base, "n't") || strings.HasSuffix(base, "n’t")):
			pf.in = true
		}
	}
	return append(dst, p)
}

// addRun is add of the term of each of toks[lo:], without a prefix, with
// word token i: add's unprefixed path as one loop over a sentence's
// words, which holds the filters' state in registers, instead of a call
// for each word. It grows dst and the stream once, before the loop, and
// writes them by index, which keeps append's tests and its calls to grow
// them out of the loop.
func (pf *partsFilter) addRun(dst []TermParts, toks []Token, lo int) []TermParts {
	in, stream := pf.in, pf.stream
	numbers, negation, track := pf.numbers, pf.negation, pf.track
	dst = slices.Grow(dst, len(toks)-lo)
	if track {
		stream = slices.Grow(stream, len(toks)-lo)
	}
	d, s := len(dst), len(stream) // the lengths written
	dst, stream = dst[:cap(dst)], stream[:cap(stream)]
	for i := lo; i < len(toks); i++ {
		base, tok := toks[i].Term, int32(i)
		// A word's first byte tells most words from a number and from
		// punctuation at once (runBytes).
		if base != "" {
			switch runBytes[base[0]] {
			case runDigit:
				if numbers {
					base, tok = "<num>", -1
				}
			case runPunct:
				if len(base) == 1 {
					if base != "\"" {
						in = false
					}
					if track {
						stream[s] = -int32(base[0])
						s++
					}
					continue
				}
			}
		}
		if track {
			stream[s] = int32(d)
			s++
		}
		p := TermParts{Base: base, Tok: tok}
		if negation {
			switch {
			case in:
				p.Not = true
			case mayNegate(base) && negatesLower(base, base):
				in = true
			}
		}
		dst[d] = p
		d++
	}
	pf.in, pf.stream = in, stream[:s]
	return dst[:d]
}

// runBytes tells addRun a term's first byte: a digit (a number's), one of
// punctuation's (isPunct, when it is the whole term), or neither.
var runBytes = [256]uint8{
	'0': runDigit, '1': runDigit, '2': runDigit, '3': runDigit, '4': runDigit,
	'5': runDigit, '6': runDigit, '7': runDigit, '8': runDigit, '9': runDigit,
	',': runPunct, ';': runPunct, ':': runPunct, '.': runPunct, '!': runPunct,
	'?': runPunct, '"': runPunct, '(': runPunct, ')': runPunct,
}

const (
	runDigit = 1 + iota
	runPunct
)

// addNames adds the tokens words of text with the runs of names merged,
// as appendNames merges them: the words between the runs through addRun,
// a run as one NameTerm. A word whose first byte is an ASCII lower-case
// letter or digit is let through without nameRuns.step, whose answer for
// it is known (kept; no longer at a start, nor in a run): most words are.
func (pf *partsFilter) addNames(dst []TermParts, words []Token, text string) []TermParts {
	runs := nameRuns{start: true}
	lo := 0 // words[lo:i] are kept, and not added yet
	for i := range words {
		if c := text[words[i].Start]; c-'a' < 26 || c-'0' < 10 {
			runs.start, runs.inName = false, false
			continue
		}
		switch runs.step(words[i], text) {
		case nameKeep:
			continue
		case nameOpen:
			dst = pf.addRun(dst, words[:i], lo)
			dst = pf.add(dst, NameTerm, -1, noPrefix)
		}
		// A run's later words follow its first: words[lo:i] is empty.
		lo = i + 1
	}
	return pf.addRun(dst, words, lo)
}

// uniqueParts is unique for terms in parts: it keeps the first of each
// term, whichever parts write it ("not_" and "x", or "not_x"), and
// returns the set's buffer for the next call. It is firstOf written out
// for TermParts, so that each part's key is taken once and hashed without
// a call through a func value: it runs for every sentence of the stance
// model.
func uniqueParts(parts []TermParts, slots []int32) ([]TermParts, []int32) {
	if len(parts) < 2 {
		return parts, slots
	}
	slots, mask := setSlots(slots, len(parts))
	// The parts kept are moved down to parts[:k], in place; none is
	// moved until one is dropped.
	k := 0
	for i := range parts {
		// The part's key: whether its term starts with "not_", whether
		// it is a lead word's copy (LeadPrefix after any "not_"), and
		// the rest of it. Two parts write the same term if and only if
		// their keys are equal. A word that may start as a prefix does
		// (mayCutKey): a call to cutKey only for these.
		p := &parts[i]
		if p.Prefix != noPrefix && p.Prefix != LeadPart {
			panic("corpus: key of a prefixed term")
		}
		not, lead, rest := p.Not, p.Prefix == LeadPart, p.Base
		if mayCutKey(rest) {
			not, lead, rest = cutKey(not, lead, rest)
		}
		// termHash(rest), written out but for a term longer than 16
		// bytes: termHash is too big to be inlined.
		var h uint64
		if n := len(rest); n == 0 || n > 16 {
			h = termHash(rest)
		} else {
			var a, b uint64
			switch {
			case n >= 8:
				a, b = swar.Load64(rest, 0), swar.Load64(rest, n-8)
			case n >= 4:
				a, b = uint64(swar.Load32(rest, 0)), uint64(swar.Load32(rest, n-4))
			default:
				a = uint64(rest[0])<<16 | uint64(rest[n>>1])<<8 | uint64(rest[n-1])
			}
			hi, lo := bits.Mul64(a^uniqueKeys[0]^uint64(n), b^uniqueKeys[1])
			h = hi ^ lo
		}
		if not {
			h = ^h
		}
		if lead {
			h = bits.RotateLeft64(h, 17)
		}
		for h &= mask; ; h = (h + 1) & mask {
			s := slots[h]
			if s == 0 {
				if k < i {
					parts[k] = parts[i]
				}
				k++
				slots[h] = int32(k)
				break
			}
			// The key of the part kept there, taken as above.
			q := &parts[s-1]
			n, l, r := q.Not, q.Prefix == LeadPart, q.Base
			if mayCutKey(r) {
				n, l, r = cutKey(n, l, r)
			}
			if n == not && l == lead && r == rest {
				break
			}
		}
	}
	return parts[:k], slots
}

// mayCutKey reports whether rest may start with "not_" or LeadPrefix,
// from its first byte and the byte where the prefix's "_" would be: few
// words pass, fewer than every word of four bytes or more that starts
// with 'n' or 'l'.
func mayCutKey(rest string) bool {
	return len(rest) > 3 && rest[0] == 'n' && rest[3] == '_' || len(rest) > 4 && rest[0] == 'l' && rest[4] == '_'
}

// cutKey is the end of a part's key (see uniqueParts): it cuts "not_",
// unless not, then LeadPrefix, unless lead, from rest.
func cutKey(not, lead bool, rest string) (bool, bool, string) {
	if !not {
		rest, not = strings.CutPrefix(rest, "not_")
	}
	if !lead {
		rest, lead = strings.CutPrefix(rest, LeadPrefix)
	}
	return not, lead, rest
}
