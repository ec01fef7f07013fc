package corpus

import (
	"slices"
	"strings"
	"testing"
)

// matchTokensByTerm is matchTokens as it was, each token's term cut
// before its first byte is compared, the reference for its test of the
// sentence's byte.
func (m *marking) matchTokensByTerm(occ []mention, words []string) []mention {
	var forms []string
	for _, w := range words {
		forms = append(forms, mentionForm(w))
	}
	for i := 0; i+len(words) <= len(m.toks); {
		match := true
		for k := range words {
			if raw := m.rawAt(i + k); !sameFirstByte(raw, forms[k]) || !strings.EqualFold(mentionForm(raw), forms[k]) {
				match = false
				break
			}
		}
		if match {
			occ = append(occ, mention{i, i + len(words)})
			i += len(words)
			continue
		}
		i++
	}
	return occ
}

// FuzzMatchTokens holds matchTokens to matchTokensByTerm for the target's
// words and its last word, as findMention asks, on tokens lower-cased or
// not.
func FuzzMatchTokens(f *testing.F) {
	for _, s := range [][2]string{
		{"Merkel criticised Trump's plan.", "Donald Trump"},
		{"“Le Pen” — said Macron’s aide, “non.”", "Macron’s"},
		{"We’ve said the U.S. would act.", "U.S."},
		{"\u212Aing KING king’s", "king's"},
		{"'s ’s \"s\"", "'s"},
		{"", "x"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, sentence, target string) {
		var words []string
		for _, tok := range (WordTokenizer{}).Tokenize(target) {
			if isWordTerm(tok.Term) || tok.Term == "'s" {
				words = append(words, tok.Term)
			}
		}
		if len(words) == 0 || len(words) > 8 {
			return
		}
		for _, lower := range []bool{false, true} {
			m := &marking{sentence: sentence, toks: WordTokenizer{Lower: lower}.Tokenize(sentence), lower: lower}
			for _, ws := range [][]string{words, words[len(words)-1:]} {
				if got, want := m.matchTokens(nil, ws), m.matchTokensByTerm(nil, ws); !slices.Equal(got, want) {
					t.Errorf("matchTokens(%q, %q) = %v, want %v (lower %v)", sentence, ws, got, want, lower)
				}
			}
		}
	})
}

// FuzzMarkRoles holds the roles and word positions that mark finds in one
// pass, the other names tested on the sentence's byte first, to the two
// passes that found them before, each word's raw term given to
// capitalised; and the near words' additions, measured to the nearest
// mention on each side, to every mention measured in order.
func FuzzMarkRoles(f *testing.F) {
	for _, s := range [][2]string{
		{"Merkel criticised Trump's plan.", "Trump"},
		{"“Le Pen” — said Macron’s aide, “non.”", "Macron"},
		{"Éric and ÉCHEC met Trump, Ünal and 'Smith' in the U.S.", "Trump"},
		{"trump Trump", "trump"},
		{"Trump met May, and Trump, who saw the plan in Trump Tower, told May of Trump.", "Trump"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, sentence, target string) {
		for _, lower := range []bool{false, true} {
			m := &marking{sentence: sentence, toks: WordTokenizer{Lower: lower}.Tokenize(sentence), lower: lower}
			if !m.mark(target, 3, true, true) || len(m.occ) == 0 {
				continue
			}
			role := make([]byte, len(m.toks))
			for _, o := range m.occ {
				for i := o.lo; i < o.hi; i++ {
					role[i] = 1
				}
			}
			firstWord := true
			for i := range m.toks {
				if !m.isWord(i) {
					continue
				}
				if role[i] == 0 && !firstWord && capitalised(m.rawAt(i)) {
					role[i] = 2
				}
				firstWord = false
			}
			var pos []int32
			var words int32
			for i := range m.toks {
				pos = append(pos, words)
				if m.isWord(i) {
					words++
				}
			}
			pos = append(pos, words)
			if !slices.Equal(m.role, role) || !slices.Equal(m.pos, pos) {
				t.Errorf("mark(%q, %q): roles %v, positions %v, want %v, %v (lower %v)", sentence, target, m.role, m.pos, role, pos, lower)
			}
			// The near words' additions, each word measured to every
			// mention in order.
			for _, window := range []int{1, 3} {
				m.mark(target, window, true, true)
				var near []addition
				for i := range m.toks {
					if role[i] == 1 || !m.isWord(i) {
						continue
					}
					side, best := noPrefix, window+1
					for _, o := range m.occ {
						if i < o.lo {
							if d := int(pos[o.lo] - pos[i]); d < best {
								side, best = leftPrefix, d
							}
						} else if d := int(pos[i] - pos[o.hi-1]); d < best {
							side, best = rightPrefix, d
						}
					}
					if side == noPrefix {
						continue
					}
					near = append(near, addition{prefix: uint8(side), tok: int32(i)})
					if best == 1 {
						near = append(near, addition{prefix: uint8(side + left1Prefix - leftPrefix), tok: int32(i)})
					}
					if p := m.pol[i]; p != 0 {
						near = append(near, addition{prefix: uint8(side), tok: -1, lex: p})
					}
				}
				if len(m.adds) < len(near) || !slices.Equal(m.adds[:len(near)], near) {
					t.Errorf("mark(%q, %q, window %d): additions %v, want the near words' %v first (lower %v)", sentence, target, window, m.adds, near, lower)
				}
			}
		}
	})
}
