package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terms that MarkTarget writes into a sentence.
const (
	// TargetTerm replaces each mention of the target.
	TargetTerm = "TGT"
	// OtherTerm replaces each run of other capitalised words (names of
	// other people, parties, places), so that "TGT criticised OTHER" and
	// "OTHER criticised TGT" look alike to a model whichever names fill
	// them.
	OtherTerm = "OTHER"
	// LexNegative and LexPositive stand for each word of the sentiment
	// lexicon (see Features.Lexicon), negative or positive, its
	// polarity flipped in the scope of a negation.
	LexNegative = "LEXNEG"
	LexPositive = "LEXPOS"
)

// MarkTarget rewrites sentence so that a bag-of-words model can learn the
// sentiment toward the mention target rather than the sentence's overall
// tone. It makes three changes:
//
//   - every mention of target becomes [TargetTerm], and every other run of
//     capitalised words (not the first word, not an all-capitals acronym)
//     becomes [OtherTerm];
//   - each word within window words to the left of a mention is repeated
//     after the sentence as "L_word", and to the right as "R_word";
//   - each word of the clause the first mention is in (bounded by , ; : .
//     ! ? quotes and brackets) is repeated as "CL_word" or "CR_word",
//     left or right of the first mention.
//
// The plain words stay, so the model keeps the sentence's overall tone;
// the repeated words come after a full stop, which ends a negation scope.
// "Merkel criticised Trump's plan." for target "Trump" and window 2 gives
//
//	Merkel criticised TGT's plan. . L_Merkel L_criticised R_plan CL_Merkel CL_criticised CR_plan
//
// (the first word is never taken for another name: most are not names).
//
// Mentions are found word by word (tokenised as [WordTokenizer] does, so
// spacing, a possessive "'s", a contraction, a final dot and case do not
// matter: "trump" finds "Trump's", "we" finds "We've"); whole words only, so "he" does not match in "the". When the
// whole target is not found, its last word is tried ("Donald Trump" finds
// "Trump"), then a hyphenated word with the last word as a part
// ("anti-Trump" becomes TGT); when that fails too, sentence is returned
// unchanged. A window
// of 0 or less adds no L_/R_ words. MarkTarget is deterministic, and
// returns valid UTF-8 for valid UTF-8 input.
//
// On the NewsMTSC dev sets the rewrite lifts a naive-Bayes model from
// 0.55 to 0.67 and 0.63 macro-F1 (see train/newsmtsc_test.go); each part
// was kept because it helped there, and window 3 did best.
//
// [Features.Text] adds two options to the rewrite: Adjacent and Lexicon.
func MarkTarget(sentence, target string, window int) string {
	return markTarget(sentence, target, window, false, false)
}

// markTarget is MarkTarget with the options of [Features]: adjacent
// repeats each word right next to a mention once more as "L1_word" or
// "R1_word"; lexicon appends a [LexNegative] or [LexPositive] term for each
// lexicon word of the sentence, and for one near a mention or in its
// clause the same term with that word's prefix ("R_LEXNEG", "CL_LEXPOS").
// Without a mention of target, lexicon still appends the sentence's
// lexicon terms, after a full stop, if it has any.
func markTarget(sentence, target string, window int, adjacent, lexicon bool) string {
	m := marking{sentence: sentence, toks: WordTokenizer{}.Tokenize(sentence)}
	if !m.mark(target, window, adjacent, lexicon) {
		return sentence
	}
	return m.text()
}

// A marking is one sentence marked for one target: what markTarget writes
// as text and [Marker] turns into terms without writing it. Its slices are
// buffers, reused from sentence to sentence.
type marking struct {
	sentence string
	toks     []Token    // the WordTokenizer tokens of sentence
	lower    bool       // toks are lower-cased (WordTokenizer.Lower)
	occ      []mention  // the mentions of the target; none: lexicon terms only
	role     []byte     // per token: 1 inside a mention, 2 another name, 0 else
	pos      []int32    // per token: the number of words before it; then all
	pol      []int8     // per token: its lexicon polarity (see polarities)
	adds     []addition // the terms written after the sentence, in order
	target   []Token    // the target's tokens
	facts    *WordFacts // shared with the sentence's other markings, or nil
}

// An addition is one term that markTarget writes after the sentence:
// prefixes[prefix] and the term of token tok (OtherTerm for another name),
// or, when tok is negative, the prefix and the lexicon term of polarity
// lex.
type addition struct {
	tok    int32
	prefix uint8
	lex    int8
}

// The prefixes of additions, as markTarget writes them and in lower case.
var (
	prefixes      = [...]string{"", "L_", "R_", "L1_", "R1_", "CL_", "CR_"}
	lowerPrefixes = [...]string{"", "l_", "r_", "l1_", "r1_", "cl_", "cr_"}
)

const (
	noPrefix = iota
	leftPrefix
	rightPrefix
	left1Prefix
	right1Prefix
	clauseLeftPrefix
	clauseRightPrefix
)

// rawAt is the term of token i as the sentence writes it (see rawTerm).
// It is cut from the sentence each time it is asked for: cheaper than
// keeping every token's, since most are asked for once or not at all.
func (m *marking) rawAt(i int) string {
	if !m.lower {
		return m.toks[i].Term
	}
	return rawTerm(m.sentence, m.toks[i])
}

// isWord reports whether token i is a word: isWordTerm of its raw term.
func (m *marking) isWord(i int) bool { return isWordToken(m.toks[i].Term) }

// isWordToken is isWordTerm for the term of a WordTokenizer token, lower-
// cased or not: every token but punctuation and a possessive "'s" starts
// with a letter, a digit or "_", since the tokenizer starts a word only
// there, and lower-casing keeps a letter a letter.
func isWordToken(term string) bool {
	return term != "'s" && !isPunct(term)
}

// rawTerm is the term of t, a WordTokenizer token of text, as text writes
// it: a word's term lower-cased or not, a possessive "'s" and punctuation
// as the tokenizer gives them.
func rawTerm(text string, t Token) string {
	if t.Term == "'s" || isPunct(t.Term) {
		return t.Term
	}
	return text[t.Start:t.End]
}

// mark finds the mentions of target in m.sentence and fills in the roles
// and additions. It reports whether there is anything to mark: false
// means the marked text is the sentence itself.
func (m *marking) mark(target string, window int, adjacent, lexicon bool) bool {
	toks := m.toks
	n := len(toks)
	m.pos = slices.Grow(m.pos[:0], n+1)
	m.pol = slices.Grow(m.pol[:0], n)
	m.adds = slices.Grow(m.adds[:0], n)
	m.role = append(m.role[:0], make([]byte, len(toks))...)
	m.occ, m.adds = m.occ[:0], m.adds[:0]
	if target != "" {
		m.target = WordTokenizer{}.AppendTokens(m.target[:0], target)
		m.occ = m.findMention(m.occ, m.target)
	}
	if len(m.occ) == 0 {
		if !lexicon {
			return false
		}
		m.polarities()
		for _, p := range m.pol {
			if p != 0 {
				m.adds = append(m.adds, addition{tok: -1, lex: p})
			}
		}
		return len(m.adds) > 0
	}
	role, occ := m.role, m.occ
	for _, o := range occ {
		for i := o.lo; i < o.hi; i++ {
			role[i] = 1
		}
	}
	// Word positions, counting words only, and one more for the end, so
	// that token i is a word if and only if pos[i+1] > pos[i]; the other
	// names, among the words after the first.
	// They are written by index into the room grown for them, from
	// locals: through m, each write to role would have the compiler read
	// m's fields again.
	pos, sentence := m.pos[:n+1], m.sentence
	var words int32
	for i := range toks {
		pos[i] = words
		if !isWordToken(toks[i].Term) {
			continue
		}
		// A word's term as written starts with the sentence's byte at
		// the token's start: most words fail capitalised's first test
		// there, without a call.
		if c := sentence[toks[i].Start]; role[i] == 0 && words > 0 && (c >= utf8.RuneSelf || 'A' <= c && c <= 'Z') && capitalised(m.rawAt(i)) {
			role[i] = 2
		}
		words++
	}
	pos[n] = words
	m.pos = pos
	if lexicon {
		m.polarities()
	} else {
		m.pol = append(m.pol[:0], make([]int8, len(toks))...)
	}
	pol := m.pol
	// Near words. The mentions are in order and do not overlap: the
	// nearest before a word is the last that starts before it, the
	// nearest after it the next, and a tie goes to the one before, as
	// when every mention is measured in order.
	if window > 0 {
		next := 0 // occ[next] is the first mention that starts after token i
		for i := 0; i < len(toks); i++ {
			for next < len(occ) && occ[next].lo <= i {
				next++
			}
			if next == 0 || int(pos[i]-pos[occ[next-1].hi-1]) > window {
				// Past the window after the mention before (if any),
				// and further from it with every word: none is near
				// until the window before the next mention, which the
				// words before it are passed over to, if there is one.
				if next == len(occ) {
					break
				}
				for from := pos[occ[next].lo] - int32(window); pos[i] < from; {
					i++
				}
			}
			if role[i] == 1 || pos[i+1] == pos[i] {
				continue
			}
			side, best := noPrefix, window+1
			if next > 0 {
				if d := int(pos[i] - pos[occ[next-1].hi-1]); d < best {
					side, best = rightPrefix, d
				}
			}
			if next < len(occ) {
				if d := int(pos[occ[next].lo] - pos[i]); d < best {
					side, best = leftPrefix, d
				}
			}
			if side != noPrefix {
				m.adds = append(m.adds, addition{prefix: uint8(side), tok: int32(i)})
				if adjacent && best == 1 {
					adj := left1Prefix
					if side == rightPrefix {
						adj = right1Prefix
					}
					m.adds = append(m.adds, addition{prefix: uint8(adj), tok: int32(i)})
				}
				m.addLex(side, pol[i])
			}
		}
	}
	// The first mention's clause.
	lo, hi := occ[0].lo, occ[0].hi
	for lo > 0 && !isClauseBreak(toks[lo-1].Term) {
		lo--
	}
	for hi < len(toks) && !isClauseBreak(toks[hi].Term) {
		hi++
	}
	for i := lo; i < hi; i++ {
		if role[i] == 1 || pos[i+1] == pos[i] {
			continue
		}
		prefix := clauseRightPrefix
		if i < occ[0].lo {
			prefix = clauseLeftPrefix
		}
		m.adds = append(m.adds, addition{prefix: uint8(prefix), tok: int32(i)})
		m.addLex(prefix, pol[i])
	}
	// The whole sentence's lexicon words.
	for _, p := range pol {
		m.addLex(noPrefix, p)
	}
	return true
}

// addLex adds the lexicon term of polarity p with prefix, if p is not 0.
func (m *marking) addLex(prefix int, p int8) {
	if p != 0 {
		m.adds = append(m.adds, addition{prefix: uint8(prefix), tok: -1, lex: p})
	}
}

// spanEnd returns the last token of the run that starts at token i, which
// has a role: the mention, or the run of other names separated by single
// spaces, that one TargetTerm or OtherTerm replaces.
func (m *marking) spanEnd(i int) int {
	r := m.role[i]
	for i+1 < len(m.toks) && m.role[i+1] == r && !(r == 1 && startsMention(m.occ, i+1)) && (r == 1 || m.toks[i+1].Start == m.toks[i].End+1 && m.sentence[m.toks[i].End] == ' ') {
		i++
	}
	return i
}

// text writes the marked sentence: the sentence with mentions and other
// names replaced in place, " .", and the additions.
func (m *marking) text() string {
	sentence, toks := m.sentence, m.toks
	var b strings.Builder
	b.Grow(3 * len(sentence))
	last := 0
	for i := 0; i < len(toks); i++ {
		if m.role[i] == 0 {
			continue
		}
		b.WriteString(sentence[last:toks[i].Start])
		if m.role[i] == 1 {
			b.WriteString(TargetTerm)
		} else {
			b.WriteString(OtherTerm)
		}
		i = m.spanEnd(i)
		last = toks[i].End
	}
	b.WriteString(sentence[last:])
	b.WriteString(" .")
	for _, a := range m.adds {
		b.WriteByte(' ')
		b.WriteString(prefixes[a.prefix])
		b.WriteString(m.addTerm(a, false))
	}
	return b.String()
}

// addTerm is the term of the addition a after its prefix, as the sentence
// writes it, or, with low, in lower case: the marks lower-cased, and a
// word's term as the tokens, lower-cased then, have it.
func (m *marking) addTerm(a addition, low bool) string {
	switch {
	case a.tok < 0 && a.lex > 0:
		return lowerIf(low, LexPositive, "lexpos")
	case a.tok < 0:
		return lowerIf(low, LexNegative, "lexneg")
	case m.role[a.tok] == 2:
		return lowerIf(low, OtherTerm, "other")
	case low:
		return m.toks[a.tok].Term
	}
	return m.rawAt(int(a.tok))
}

func lowerIf(low bool, s, lower string) string {
	if low {
		return lower
	}
	return s
}

// polarities sets m.pol to the lexicon polarity of each token (see
// lexPolarity), flipped in the scope of a negation as [NegationFilter]
// marks it. Tokens with a role (mentions, other names) have none; the
// others' do not depend on the roles, and m.facts, if not nil, gives them
// or keeps them for the sentence's next marking.
func (m *marking) polarities() {
	if wf := m.facts; wf != nil && wf.havePol {
		m.pol = append(m.pol[:0], wf.pol...)
	} else {
		m.wordPolarities()
		if wf != nil {
			wf.pol, wf.havePol = append(wf.pol[:0], m.pol...), true
		}
	}
	if len(m.occ) > 0 {
		for i, r := range m.role {
			if r != 0 {
				m.pol[i] = 0
			}
		}
	}
}

// wordPolarities is polarities as if no token had a role.
func (m *marking) wordPolarities() {
	toks, sentence, lower := m.toks, m.sentence, m.lower
	pol := slices.Grow(m.pol[:0], len(toks))[:len(toks)]
	in := false
	for i := range toks {
		low := toks[i].Term
		if isPunct(low) {
			if low != "\"" {
				in = false
			}
			pol[i] = 0
			continue
		}
		// A lower-cased term is what lexPolarity and negates would
		// lower-case the word to (lower of it, ASCII or not), without doing
		// it again: the word is lower-cased once, by the tokenizer.
		var p int8
		if lower {
			if mayLex(low) {
				p = lexPolarityLower(low)
			}
		} else {
			p = lexPolarity(low)
		}
		if in {
			p = -p
		}
		pol[i] = p
		// mayNegate of the term lets through every word that negates,
		// as of the word as written (FuzzMayNegate): the word is cut
		// from the sentence only for the few that pass.
		if !in && mayNegate(low) {
			// The word as written, which negatesLower takes besides.
			t := low
			if lower && t != "'s" {
				t = sentence[toks[i].Start:toks[i].End]
			}
			if negatesLower(t, low) {
				in = true
			}
		}
	}
	m.pol = pol
}

// A mention is the token range [lo, hi) of one mention of a target.
type mention struct{ lo, hi int }

// findMention appends to occ the non-overlapping mentions of target in
// m's tokens, in order: the whole target, else its last word.
func (m *marking) findMention(occ []mention, target []Token) []mention {
	var buf [8]string
	words := buf[:0]
	for _, t := range target {
		if isWordTerm(t.Term) || t.Term == "'s" {
			words = append(words, t.Term)
		}
	}
	if len(words) == 0 {
		return occ
	}
	n := len(occ)
	occ = m.matchTokens(occ, words)
	if len(occ) == n && len(words) > 1 {
		last := len(words) - 1
		if words[last] == "'s" {
			last--
		}
		if last >= 0 {
			occ = m.matchTokens(occ, words[last:last+1])
		}
	}
	if len(occ) == n {
		// A part of a compound: "anti-Trump", "Pence-Schumer".
		w := mentionForm(words[len(words)-1])
		for i, tok := range m.toks {
			if !strings.Contains(tok.Term, "-") {
				continue
			}
			t := m.rawAt(i)
			for part := range strings.SplitSeq(t, "-") {
				if strings.EqualFold(mentionForm(part), w) {
					occ = append(occ, mention{i, i + 1})
					break
				}
			}
		}
	}
	return occ
}

// matchTokens appends to occ the non-overlapping runs of m's tokens that
// match words.
func (m *marking) matchTokens(occ []mention, words []string) []mention {
	var buf [8]string
	forms := buf[:0]
	for _, w := range words {
		forms = append(forms, mentionForm(w))
	}
	toks, sentence := m.toks, m.sentence
	// When the first word's form starts with an ASCII byte, the tokens
	// whose first bytes sameFirstByte tells apart from it are passed over
	// in a loop of their own: most tokens of a sentence are.
	first := forms[0][0]
	ascii := first < utf8.RuneSelf
	if first-'A' < 26 {
		first += 'a' - 'A'
	}
	for i := 0; i+len(words) <= len(toks); {
		if ascii {
			for ; i+len(words) <= len(toks); i++ {
				c := sentence[toks[i].Start]
				if c-'A' < 26 {
					c += 'a' - 'A'
				}
				if c == first || c >= utf8.RuneSelf {
					break
				}
			}
			if i+len(words) > len(toks) {
				break
			}
		}
		match := true
		for k := range words {
			// The first byte of the term as written is the sentence's at
			// the token's start, unless that is not ASCII (a quote, "’s"):
			// most tokens fail there, before their term is cut.
			if !sameFirstByte(sentence[toks[i+k].Start:], forms[k]) || !strings.EqualFold(mentionForm(m.rawAt(i+k)), forms[k]) {
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

// sameFirstByte is false when a term as written cannot match a mention's
// form (not empty) because their first bytes differ, both ASCII, in more
// than case: mentionForm keeps a word's first byte, and strings.EqualFold
// matches an ASCII letter with some other characters (k with the Kelvin
// sign), never with another ASCII one.
func sameFirstByte(raw, form string) bool {
	if raw == "" || raw[0] >= utf8.RuneSelf || form[0] >= utf8.RuneSelf {
		return true
	}
	a, b := raw[0], form[0]
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	return a == b
}

// mentionForm is the part of a term that must match a mention: without a
// final dot ("U.S." at the end of a target tokenises as "U.S") or a
// contraction ("We’ve" is a mention of "We").
func mentionForm(term string) string {
	term = strings.TrimSuffix(term, ".")
	if i := apostrophe(term); i > 0 {
		_, n := utf8.DecodeRuneInString(term[i:])
		switch strings.ToLower(term[i+n:]) {
		case "ve", "re", "ll", "d", "m":
			return term[:i]
		}
	}
	return term
}

// apostrophe is strings.IndexAny(s, "'’") without decoding s rune by
// rune: neither byte 0x27 nor 0xE2, which starts "’", can be part of
// another character, even in invalid UTF-8.
func apostrophe(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			return i
		case 0xE2:
			if strings.HasPrefix(s[i:], "’") {
				return i
			}
		}
	}
	return -1
}

func startsMention(occ []mention, i int) bool {
	for _, o := range occ {
		if o.lo == i {
			return true
		}
	}
	return false
}

// isWordTerm reports whether a WordTokenizer term is a word (not
// punctuation, not a split-off "'s").
func isWordTerm(term string) bool {
	if term != "" && term[0] < utf8.RuneSelf {
		return isASCIIWord(term[0])
	}
	r, _ := utf8.DecodeRuneInString(term)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// capitalised reports whether w starts with a capital and is not all
// capitals ("Merkel", "McConnell"; not "I", "NATO", "U.S.").
func capitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		// unicode.IsUpper of an ASCII letter, and of ASCII lower case
		// letters in the ASCII part.
		if !('A' <= w[0] && w[0] <= 'Z') {
			return false
		}
		i := 1
		for ; i < len(w) && w[i] < utf8.RuneSelf; i++ {
			if 'a' <= w[i] && w[i] <= 'z' {
				return true
			}
		}
		w = w[i:]
		for _, r := range w {
			if unicode.IsLower(r) {
				return true
			}
		}
		return false
	}
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

func isClauseBreak(term string) bool {
	return isPunct(term)
}

// A Marker computes the terms of the analysis that a Features describes
// (see [Features.Text]) from a sentence's word tokens: the same terms, in
// the same order, as
//
//	f.Analyzer().Terms(f.Text(sentence, target))
//
// without writing the marked text and tokenising it again. A caller that
// has the sentence's tokens for another analysis shares them; one that
// analyses many sentences reuses the Marker's buffers from one to the
// next. A Marker is not safe for concurrent use.
type Marker struct {
	f     Features
	a     Analyzer // f.Analyzer(): its filters, and the text path for Names
	words []Token  // Terms' tokens of its sentence
	toks  []Token  // the tokens of the marked text
	sent  []Token  // appendLexicon's tokens of the marked sentence
	pf    partsFilter
	picks []int32 // leadPicks' for the parts
	buf   []byte  // the additions' terms, written once
	slots []int32 // UniqueFilter's set
	from  []int32 // appendMarkedSentence's index of each token in words
	parts bool    // AppendTermPartsFrom runs the filters itself (see marker.go)
	m     marking
}

// NewMarker returns a Marker for the analysis f.
func NewMarker(f Features) *Marker {
	mk := &Marker{f: f, a: f.Analyzer()}
	mk.parts = partsFilters(mk.a.Filters) && !(f.Binary && f.Target > 0)
	return mk
}

// Terms returns the terms of sentence with target marked.
func (mk *Marker) Terms(sentence, target string) []string {
	return mk.AppendTerms(nil, sentence, target)
}

// AppendTerms appends the terms of sentence with target marked to dst and
// returns the extended slice. The terms are never cut from the Marker's
// buffers, so they stay good after the next call.
func (mk *Marker) AppendTerms(dst []string, sentence, target string) []string {
	mk.words = WordTokenizer{Lower: mk.f.Lower}.AppendTokens(mk.words[:0], sentence)
	return mk.AppendTermsFrom(dst, sentence, target, mk.words)
}

// AppendTermsFrom is AppendTerms for a caller that has tokenised sentence
// already: words must be the tokens that WordTokenizer{Lower: f.Lower}
// gives for it, f being the Marker's Features. It does not modify them.
func (mk *Marker) AppendTermsFrom(dst []string, sentence, target string, words []Token) []string {
	f := mk.f
	marked := mk.mark(sentence, target, words)
	toks, ok := mk.toks[:0], true
	switch {
	case !marked && f.Names:
		toks = appendNames(toks, words, sentence)
	case !marked:
		toks = append(toks, words...)
	case f.Names && len(mk.m.occ) == 0:
		toks = mk.appendLexicon(toks)
	case f.Names:
		// NameTokenizer would take TGT and the L_ words for names.
		ok = false
	default:
		toks, ok = mk.appendMarked(toks)
	}
	if !ok {
		return append(dst, mk.a.Terms(f.Text(sentence, target))...)
	}
	for _, fl := range mk.a.Filters {
		if _, ok := fl.(UniqueFilter); ok {
			// Its set's buffer, reused.
			toks, mk.slots = unique(toks, mk.slots)
			continue
		}
		toks = fl.Filter(toks)
	}
	mk.toks = toks
	for _, t := range toks {
		dst = append(dst, t.Term)
	}
	return dst
}

// mark marks target in sentence, whose word tokens are words, for the
// Marker's Features, and reports whether there is anything marked: a
// mention of the target (for a target-aware analysis) or, with Lexicon, a
// lexicon word. AppendTermsFrom and AppendTermPartsFrom both start here.
func (mk *Marker) mark(sentence, target string, words []Token) bool {
	f := mk.f
	if f.Target <= 0 {
		target = ""
	}
	m := &mk.m
	m.sentence, m.toks, m.lower = sentence, words, f.Lower
	return (target != "" || f.Lexicon) && m.mark(target, f.Target, f.Adjacent, f.Lexicon)
}

// appendLexicon appends to toks the tokens that NameTokenizer{Lower:
// f.Lower} gives for the marked text when it adds lexicon terms only (no
// mention of a target): the sentence's words with the runs of names
// merged, " .", and the lexicon terms, which are never names.
func (mk *Marker) appendLexicon(toks []Token) []Token {
	m := &mk.m
	ws, _ := mk.lexiconWords()
	toks = appendNames(toks, ws, m.sentence)
	toks = append(toks, Token{Term: ".", Start: len(m.sentence) + 1, End: len(m.sentence) + 2})
	pos := len(m.sentence) + 2
	for _, a := range m.adds {
		term := m.addTerm(a, mk.f.Lower)
		toks = append(toks, Token{Term: term, Start: pos + 1, End: pos + 1 + len(term)})
		pos += 1 + len(term)
	}
	return toks
}

// lexiconWords returns the word tokens of the marked sentence, up to the
// " ." after it, for a marking of lexicon terms only (no mention, so no
// token has a role): the sentence's own words, unless a final initialism
// keeps its dot ("U.S."); then a copy whose last token is no word's, and
// copied true, with mk.from giving each token's index in the words.
func (mk *Marker) lexiconWords() (ws []Token, copied bool) {
	if !mk.m.keepsFinalDot() {
		return mk.m.toks, false
	}
	sent, _ := mk.appendMarkedSentence(mk.sent[:0])
	mk.sent = sent
	return sent[:len(sent)-1], true
}

// appendMarked appends to toks the tokens that WordTokenizer{Lower:
// f.Lower} would give for the marked text (m.text()), and reports whether
// it could: false leaves the text to write and tokenise.
//
// The sentence's tokens stay as they are, and each run that TGT or OTHER
// replaces becomes one token: the tokenizer decides where a word ends from
// the characters around it, and those it looks at on either side of a
// replaced run decide the same for TGT or OTHER as for the words they
// replace, as long as the run starts a word of the sentence (not at a
// possessive "'s") and does not end in an initialism's dot that a
// character of a word follows. After the sentence come " ." and the
// additions, each one word unless its term has a character that may join
// words (' ’ - . , &), when it is tokenised on its own: they are separated
// by spaces, so one addition's tokens do not depend on another's.
func (mk *Marker) appendMarked(toks []Token) ([]Token, bool) {
	toks, ok := mk.appendMarkedSentence(toks)
	if !ok {
		return toks, false
	}
	m, lower := &mk.m, mk.f.Lower

	// The additions' terms are written into one string and cut from it.
	buf := mk.buf[:0]
	from := len(toks)
	for k, a := range m.adds {
		if a.tok >= 0 && m.role[a.tok] != 2 && joinsWords(m.rawAt(int(a.tok))) {
			text := prefixes[a.prefix] + m.rawAt(int(a.tok))
			if k < len(m.adds)-1 {
				// A final dot stays only before another character.
				text += " "
			}
			toks = WordTokenizer{Lower: lower}.AppendTokens(toks, text)
			continue
		}
		start := len(buf)
		if lower {
			buf = append(buf, lowerPrefixes[a.prefix]...)
		} else {
			buf = append(buf, prefixes[a.prefix]...)
		}
		buf = append(buf, m.addTerm(a, lower)...)
		// Term "" until all is written: an addition's term is never empty.
		toks = append(toks, Token{Start: start, End: len(buf)})
	}
	mk.buf = buf
	all := string(buf)
	for i := from; i < len(toks); i++ {
		if t := &toks[i]; t.Term == "" {
			t.Term = all[t.Start:t.End]
		}
	}
	return toks, true
}

// appendMarkedSentence appends to toks the tokens of appendMarked up to
// the " ." after the sentence, and sets mk.from to the index in words of
// each token that is one of words, -1 for the others; false leaves the
// text to write and tokenise.
func (mk *Marker) appendMarkedSentence(toks []Token) ([]Token, bool) {
	m, lower := &mk.m, mk.f.Lower
	sentence, words := m.sentence, m.toks
	target, other := TargetTerm, OtherTerm
	if lower {
		target, other = "tgt", "other"
	}
	from, role := mk.from[:0], m.role
	for i := 0; i < len(words); i++ {
		if role[i] == 0 {
			// The run of tokens without a role, copied at once.
			j := i + 1
			for j < len(words) && role[j] == 0 {
				j++
			}
			toks = append(toks, words[i:j]...)
			for k := i; k < j; k++ {
				from = append(from, int32(k))
			}
			i = j - 1
			continue
		}
		if !m.isWord(i) {
			return toks, false
		}
		term := target
		if m.role[i] == 2 {
			term = other
		}
		j := m.spanEnd(i)
		if end := words[j].End; end < len(sentence) && strings.HasSuffix(m.rawAt(j), ".") && !separates(sentence[end]) {
			// The run ends in an initialism's dot, where the tokenizer
			// ends a word whatever follows: "U.S.-led" is "U.S.", "led",
			// but "TGT-led" one word.
			return toks, false
		}
		toks = append(toks, Token{Term: term, Start: words[i].Start, End: words[j].End})
		from = append(from, -1)
		i = j
	}
	if m.keepsFinalDot() {
		toks, from = toks[:len(toks)-1], from[:len(from)-1]
		t := &toks[len(toks)-1]
		t.Term, t.End = t.Term+".", len(sentence)
		from[len(from)-1] = -1
	}
	mk.from = append(from, -1)
	return append(toks, Token{Term: ".", Start: len(sentence) + 1, End: len(sentence) + 2}), true
}

// keepsFinalDot reports whether the " ." after the sentence makes the
// initialism rule of wordEnd keep a final dot that ended the sentence:
// "the U.S." is "U.S", "." alone, but "U.S." followed by " .". Then the
// marked sentence's last word is not one of its tokens.
func (m *marking) keepsFinalDot() bool {
	sentence, words := m.sentence, m.toks
	n, k := len(sentence), len(words)
	return k >= 2 && n >= 2 && words[k-1].Start == n-1 && words[k-1].Term == "." &&
		words[k-2].End == n-1 && m.role[k-2] == 0 && 'A' <= sentence[n-2] && sentence[n-2] <= 'Z' &&
		(words[k-2].Start == n-2 || n >= 3 && sentence[n-3] == '.')
}

// separates reports whether the byte c, right after TGT or OTHER, ends
// the word: not a word character, nor one that may join words, nor part
// of a character that may (a comma joins only digits).
func separates(c byte) bool {
	return c < utf8.RuneSelf && !isASCIIWord(c) && c != '\'' && c != '-' && c != '.' && c != '&'
}

// joinsWords reports whether w has a byte that may join two words into
// one (see wordEnd): ' - . , & or the first byte of ’. It looks each
// byte up in joinBytes, cheaper than the switch on six values it was: it
// runs for every addition of a marked sentence.
func joinsWords(w string) bool {
	for i := 0; i < len(w); i++ {
		if joinBytes[w[i]] {
			return true
		}
	}
	return false
}

// joinBytes holds the bytes that joinsWords looks for.
var joinBytes = [256]bool{'\'': true, '-': true, '.': true, ',': true, '&': true, 0xE2: true}
