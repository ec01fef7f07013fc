package corpus

import (
	"slices"
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
	for _, w := range []string{"", "n", "no", "No", "NOT", "didn't", "didn’t", "Refused", "never", "é", "without", "x't", "DIDN'T", "FAILS", "nO", "cannot", "Declines", "refusing", "\u212Aelvin", "İ", "They DIDN’T, and NEVER Won't. Not x\x99t no\xffT"} {
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
		// And of the term of a lower-cased token, which wordPolarities
		// asks before it cuts the word as written from the text.
		for _, tok := range (WordTokenizer{Lower: true}).Tokenize(w) {
			if raw := rawTerm(w, tok); negatesLower(raw, tok.Term) && !mayNegate(tok.Term) {
				t.Errorf("mayNegate(%q) = false, but %q negates (in %q)", tok.Term, raw, w)
			}
		}
	})
}

// FuzzAddRun holds partsFilter.addRun to add of each token from the
// flags' top two bits on, for every setting of the filters, starting in a
// negation's scope or not.
func FuzzAddRun(f *testing.F) {
	for _, s := range []string{"They did not, as 3 said, refuse \"it\" (never). No.", "Didn't x: y; cannot 42 z! n't’t", "NOT a \u212Aelvin"} {
		f.Add(s, byte(0))
		f.Add(s, byte(0xff))
	}
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		toks := WordTokenizer{Lower: flags&16 != 0}.Tokenize(s)
		dst := []TermParts{{Base: "x", Tok: -1}}
		newFilter := func() partsFilter {
			return partsFilter{numbers: flags&1 != 0, negation: flags&2 != 0, track: flags&4 != 0, in: flags&8 != 0, stream: []int32{7}}
		}
		lo := min(int(flags>>6), len(toks))
		want, wf := slices.Clone(dst), newFilter()
		for i := lo; i < len(toks); i++ {
			want = wf.add(want, toks[i].Term, int32(i), noPrefix)
		}
		gf := newFilter()
		got := gf.addRun(slices.Clone(dst), toks, lo)
		if !slices.Equal(got, want) || gf.in != wf.in || !slices.Equal(gf.stream, wf.stream) {
			t.Errorf("addRun of %q from %d (flags %#x) = %v, in %v, stream %v; add gives %v, in %v, stream %v", s, lo, flags, got, gf.in, gf.stream, want, wf.in, wf.stream)
		}
	})
}

// addNamesRef is partsFilter.addNames as it was, the reference for it:
// add of each word, nameRuns.step asked of each.
func (pf *partsFilter) addNamesRef(dst []TermParts, words []Token, text string) []TermParts {
	runs := nameRuns{start: true}
	for i := range words {
		switch runs.step(words[i], text) {
		case nameExtend:
		case nameOpen:
			dst = pf.add(dst, NameTerm, -1, noPrefix)
		default:
			dst = pf.add(dst, words[i].Term, int32(i), noPrefix)
		}
	}
	return dst
}

// FuzzAddNames holds partsFilter.addNames to addNamesRef, for every
// setting of the filters, starting in a negation's scope or not.
func FuzzAddNames(f *testing.F) {
	for _, s := range []string{"The United States will not stop, Mike Pompeo said. \"Nicolas Maduro\" (Venezuela) 3 Ohio", "É Éric and ÉCHEC: NATO's LEXNEG x LEXPOS Y", "didn't Stop 42 Z! n't’t K \u212Aelvin _x"} {
		f.Add(s, byte(0))
		f.Add(s, byte(0xff))
	}
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		words := WordTokenizer{Lower: flags&16 != 0}.Tokenize(s)
		dst := []TermParts{{Base: "x", Tok: -1}}
		newFilter := func() partsFilter {
			return partsFilter{numbers: flags&1 != 0, negation: flags&2 != 0, track: flags&4 != 0, in: flags&8 != 0, stream: []int32{7}}
		}
		wf, gf := newFilter(), newFilter()
		want := wf.addNamesRef(slices.Clone(dst), words, s)
		got := gf.addNames(slices.Clone(dst), words, s)
		if !slices.Equal(got, want) || gf.in != wf.in || !slices.Equal(gf.stream, wf.stream) {
			t.Errorf("addNames of %q (flags %#x) = %v, in %v, stream %v; addNamesRef gives %v, in %v, stream %v", s, flags, got, gf.in, gf.stream, want, wf.in, wf.stream)
		}
	})
}

// FuzzMayCutKey checks that mayCutKey lets through every term that
// cutKey cuts a prefix from.
func FuzzMayCutKey(f *testing.F) {
	for _, w := range []string{"", "not_", "not_x", "lead_", "lead_x", "not_lead_x", "news", "leader", "nota", "lead", "no_x", "le_x"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if _, _, rest := cutKey(false, false, w); rest != w && !mayCutKey(w) {
			t.Errorf("mayCutKey(%q) = false, but cutKey cuts it to %q", w, rest)
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

// FuzzUniqueParts holds uniqueParts to keeping the first part of each
// term as the text path writes it (partTerm), on parts of every length,
// each negated, a lead word's copy, both or neither as the flags' bits
// say.
func FuzzUniqueParts(f *testing.F) {
	for _, s := range []string{"x not_x lead_x not_lead_x x lead_not_x the the of a", "abcdefghijklmnopq abcdefghijklmnopq abcdefghijklmnopr abcdefgh abcdefgi", "lexneg lexneg <name> <num> <num> n't"} {
		f.Add(s, uint64(0))
		f.Add(s, uint64(0x9c5a3f0e71b2d486))
	}
	f.Fuzz(func(t *testing.T, s string, flags uint64) {
		var parts []TermParts
		for i, w := range strings.Fields(s) {
			bit := flags >> (2 * (i % 32))
			p := TermParts{Base: w, Tok: int32(i), Not: bit&1 != 0}
			if bit&2 != 0 {
				p.Prefix = LeadPart
			}
			parts = append(parts, p)
		}
		var want []TermParts
		seen := map[string]bool{}
		for _, p := range parts {
			if !seen[partTerm(p)] {
				seen[partTerm(p)] = true
				want = append(want, p)
			}
		}
		got, _ := uniqueParts(slices.Clone(parts), []int32{5, 6, 7})
		if !slices.Equal(got, want) {
			t.Errorf("uniqueParts(%v) = %v, want %v", parts, got, want)
		}
	})
}

// partTerm is the term that a part without a prefix but LeadPart stands
// for as the text path writes it: the term the filters saw, "not_" and
// Base, and for a lead word's copy that term as LeadFilter copies it,
// "not_" before LeadPrefix ("lead_not_x" is never written).
func partTerm(p TermParts) string {
	t := p.Base
	if p.Not {
		t = "not_" + t
	}
	if p.Prefix != LeadPart {
		return t
	}
	if rest, ok := strings.CutPrefix(t, "not_"); ok {
		return "not_" + LeadPrefix + rest
	}
	return LeadPrefix + t
}

// FuzzLeadPicksLowered holds leadPicks on terms lower-cased already
// (lowered, which does not lower-case them again) to leadPicks lower-
// casing them, on the tokens of a lower-casing WordTokenizer after
// NegationFilter, as the Marker's parts give it for a lower-casing
// analysis, "<name>" and "<num>" among them.
func FuzzLeadPicksLowered(f *testing.F) {
	for _, s := range []string{"In a statement on Monday, the ministry condemned the strike.", "The cabinet, meeting in SESSION, did not order \u0130stanbul's \u212Aelvin raids", "\xff É, whose Ünal x y z", "<name> <num> not_X Not_y"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		toks := NegationFilter{}.Filter(WordTokenizer{Lower: true}.Tokenize(s))
		term := func(i int) string { return toks[i].Term }
		want := leadPicks(nil, len(toks), max%8, false, term)
		if got := leadPicks(nil, len(toks), max%8, true, term); !slices.Equal(got, want) {
			t.Errorf("leadPicks of %q's lowered terms = %v, lower-casing them %v", s, got, want)
		}
	})
}
