package corpus

// Sentence splitting for news is written by hand. The Go segmenters we
// looked at do not fit: neurosnap/sentences is Punkt, which splits at
// "U.S." and "Gen." and scores about 56 % on the golden rules set we
// measure on (pySBD 97.9); gosbd/gosbd ports pySBD as a chain of regexp
// rewrites of the whole text (slow in Go, one maintainer, no release since
// 2024, and its go.mod names another module path); austinjp/sentencex
// prefers not to split where it is unsure. A single pass over the bytes
// keeps offsets into the original text without mapping them back, and
// lets the rules be the ones wire copy needs: titles and other
// abbreviations do not end a sentence; dotted initials end one only when
// they are a place or agency ("the U.S. The") and not a name ("J.R.R.
// Tolkien", "U.S. Treasury"); decimals and numbered list markers do not;
// closing quotes and brackets stay with their sentence; a blank line
// always ends one, and a line with no end punctuation (a headline, a list
// item) stands alone. Split scores 48 of 48 on the golden rules
// (TestSplitGolden).

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancemix/stance/internal/swar"
)

// abbrevs never end a sentence: titles and other words that are followed
// by a name or a number.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "capt": true, "cpt": true, "maj": true, "sgt": true, "adm": true,
	"st": true, "mt": true, "ft": true, "no": true, "nos": true, "vs": true, "v": true, "etc": false,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"jr": false, "sr": false, "inc": false, "corp": false, "co": false, "ltd": false, "bros": true,
	"e.g": true, "i.e": true, "cf": true, "approx": true, "dept": true, "univ": true, "est": true, "fig": true,
	"pp": true, "p": true, "vol": true, "ed": true, "op": true, "al": true, "gov't": true,
	"amb": true, "cmdr": true, "brig": true, "atty": true, "pvt": true, "cpl": true, "fr": true, "msgr": true,
	"sens": true, "reps": true, "govs": true, "gens": true, "drs": true,
}

// Split returns the sentences of a news article's body, in order, with
// their byte offsets: text[s.Start:s.End] == s.Text for each, surrounding
// space is left out and no sentence is empty. Every byte of text other
// than space is inside a sentence. The sentences share text's memory.
func Split(text string) []Sentence {
	breaks, keep := listMarkers(text)
	out := make([]Sentence, 0, len(text)/100+1)
	start := -1 // start of the current sentence, -1 between sentences
	emit := func(end int) {
		if start < 0 {
			return
		}
		s := trimSpaceRight(text[start:end])
		if s != "" {
			out = append(out, Sentence{Text: s, Start: start, End: start + len(s)})
		}
		start = -1
	}
	bi, ki := 0, 0 // the next list break and kept marker
	for i := 0; i < len(text); {
		if start >= 0 {
			// Inside a sentence only a few bytes matter: skip to the
			// next one, or to the next list marker. The lead byte of
			// "…" is never inside another character, so the skip stops
			// on a character boundary.
			stop := len(text)
			if bi < len(breaks) {
				stop = breaks[bi]
			}
			if ki < len(keep) && keep[ki] < stop {
				stop = keep[ki]
			}
			for i+8 <= stop {
				if m := specialBytes(swar.Load64(text, i)); m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			for i < stop && !special[text[i]] {
				i++
			}
			if i == len(text) {
				break
			}
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		for bi < len(breaks) && breaks[bi] < i {
			bi++
		}
		for ki < len(keep) && keep[ki] < i {
			ki++
		}
		if bi < len(breaks) && breaks[bi] == i {
			emit(i)
			bi++
		}
		if ki < len(keep) && keep[ki] == i {
			ki++
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start < 0 {
			if !isSpaceRune(r) {
				start = i
			}
			i += size
			continue
		}
		switch {
		case r == '\n':
			// A blank line ends the sentence, and so does a line
			// break before a bullet or after a line that stands alone
			// (a headline, a byline, a list item: see headlineEnds).
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j >= len(text) || text[j] == '\n' || isBullet(text, j) || headlineEnds(text, start, i, j) {
				emit(i)
			}
			i += size
		case r == '.' && spacedEllipsis(text, i) >= 3:
			// ". . ." continues the sentence; ". . . ." (a full stop
			// and an ellipsis) ends it before a capital.
			dots := spacedEllipsis(text, i)
			j := i
			for d := 0; d < dots; d++ {
				j = strings.IndexByte(text[j:], '.') + j + 1
			}
			k := j
			for k < len(text) && isSpaceByte(text[k]) {
				k++
			}
			switch {
			case k >= len(text):
				emit(j)
			case dots >= 4 && isUpperRune(rune(text[k])) && i > start && !isSpaceByte(text[i-1]):
				// "compounds. . . . The": the first dot is the full
				// stop, and the ellipsis opens the next sentence.
				emit(i + 1)
				start = i + 2
			case dots >= 4 && isUpperRune(rune(text[k])):
				emit(j)
			}
			i = j
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			// Runs of end punctuation: "?!", "...". (A byte is never
			// "…", which takes three.)
			for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			// Closing quotes and brackets belong to this sentence.
			for j < len(text) {
				c, n := utf8.DecodeRuneInString(text[j:])
				if !isCloser(c) {
					break
				}
				j += n
			}
			if endsHere(text, start, i, j, r) {
				emit(j)
			}
			i = j
		default:
			i += size
		}
	}
	emit(len(text))
	return out
}

// special marks the bytes that can end a sentence: "\n", ".", "!", "?",
// and the lead byte of "…".
var special = [256]bool{'\n': true, '.': true, '!': true, '?': true, 0xE2: true}

// specialBytes returns 0 when none of the eight bytes of w, little-
// endian, is special; else a mask whose lowest set bit is the top bit of
// the first one that is (the bits above it may be wrong). Each term is a
// "has a zero byte" test of w against one special byte, whose lowest
// flagged byte is exact: no borrow reaches the bytes below it. The four
// ASCII ones share one mask of w's own top bits, the only ones other
// than a borrow's that x-1 can leave.
func specialBytes(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	a, b, c, d, e := w^'\n'*ones, w^'.'*ones, w^'!'*ones, w^'?'*ones, w^0xE2*ones
	return (((a-ones)|(b-ones)|(c-ones)|(d-ones))&^w | (e-ones)&^e) & highs
}

// headlineEnds reports whether the line break at text[i], with the next
// line starting at text[j], ends a line that has no end punctuation (a
// headline, a byline, a list item) before a line that starts a new
// sentence. A next line that starts with a lower-case letter, or a line
// that ends in a word like "the" or "with", continues hard-wrapped prose.
func headlineEnds(text string, start, i, j int) bool {
	if j >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLower(next) {
		return false
	}
	line := trimSpaceRight(text[start:i])
	if w := line[strings.LastIndexByte(line, ' ')+1:]; wrapWords[w] {
		return false // "talks with\nVenezuela": a wrapped line
	}
	line = strings.TrimRightFunc(line, isCloser)
	last, _ := utf8.DecodeLastRuneInString(line)
	return unicode.IsLetter(last) || unicode.IsDigit(last) || last == '%' || last == '$' || last == '€' || last == '£'
}

// wrapWords end a hard-wrapped line of prose, not a headline or a
// paragraph. (Other wrapped lines before a capital are taken for
// paragraphs: news text often has one newline between paragraphs.)
var wrapWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "at": true, "by": true,
	"for": true, "with": true, "from": true, "and": true, "or": true, "but": true, "that": true, "as": true,
	"into": true, "over": true, "about": true, "after": true, "before": true, "against": true, "between": true,
	"his": true, "her": true, "their": true, "its": true,
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isSpaceRune is unicode.IsSpace, which Split asks of every character
// between sentences, with ASCII answered in line: the call cost more than
// its test.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// trimSpaceRight is strings.TrimRightFunc(s, unicode.IsSpace), dropping
// the ASCII spaces at the end itself: a sentence ends in ASCII almost
// always, and TrimRightFunc decoded the last rune and called IsSpace for
// each. FuzzTrimSpaceRight holds it to TrimRightFunc.
func trimSpaceRight(s string) string {
	n := len(s)
	for n > 0 {
		c := s[n-1]
		if c >= utf8.RuneSelf {
			return strings.TrimRightFunc(s[:n], unicode.IsSpace)
		}
		if c != ' ' && (c < '\t' || c > '\r') {
			break
		}
		n--
	}
	return s[:n]
}

// listMarkers finds the items of an inline list ("1. ... 2. ...", "a)
// ... b) ...", "• 9. ... • 10. ..."): at least two markers of one kind
// numbered in sequence. It returns the offsets where an item starts (a
// sentence break) and the offsets of the markers' punctuation (no break),
// both in increasing order.
//
// A marker is one or two digits or one lower-case letter, then ".", ")"
// or ".)", then a space, at the start of a word or after a bullet. The
// scan goes from one "." or ")" to the next, so prose costs little: it
// keeps the next of each, found with strings.IndexByte, which reads many
// bytes at a time.
func listMarkers(text string) (breaks, keep []int) {
	type marker struct {
		start, punct int
		n            int
		kind         int // 0 "." 1 ")" 2 ".)", plus 3 for letters
	}
	var ms []marker
	dot, paren := -1, -1 // the next "." and ")" from p, or len(text)
	for p := 0; p < len(text); p++ {
		if dot < p {
			dot = indexByteFrom(text, p, '.')
		}
		if paren < p {
			paren = indexByteFrom(text, p, ')')
		}
		if p = min(dot, paren); p == len(text) {
			break
		}
		kind, k := 0, p+1 // k: just past the punctuation
		switch {
		case text[p] == ')' && p > 0 && text[p-1] == '.':
			continue // the ")" of ".)", seen with its "."
		case text[p] == ')':
			kind = 1
		case k < len(text) && text[k] == ')':
			kind, k = 2, k+1
		}
		if k >= len(text) || !isSpaceByte(text[k]) {
			continue
		}
		j := p // j: start of the number or letter
		for j > 0 && p-j < 3 && isDigit(text[j-1]) {
			j--
		}
		n := 0
		switch {
		case p-j == 1 || p-j == 2 && !(j > 0 && isDigit(text[j-1])):
			for _, c := range []byte(text[j:p]) {
				n = 10*n + int(c-'0')
			}
		case p == j && p > 0 && 'a' <= text[p-1] && text[p-1] <= 'z':
			j--
			n, kind = int(text[j]-'a')+1, kind+3
		default:
			continue
		}
		if j > 0 && text[j-1] < utf8.RuneSelf && !isSpaceByte(text[j-1]) {
			continue // inside a word ("said."), where no bullet ends
		}
		i := j
		b := bulletBefore(text, j)
		switch {
		case b > 0 && (j == b || isSpaceByte(text[j-b-1])):
			i = j - b
		case j > 0 && !isSpaceByte(text[j-1]):
			continue
		}
		ms = append(ms, marker{start: i, punct: p, n: n, kind: kind})
		p = k - 1
	}
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.kind != b.kind || b.n != a.n+1 {
			continue
		}
		for _, m := range [...]marker{a, b} {
			if len(breaks) == 0 || breaks[len(breaks)-1] < m.start {
				breaks = append(breaks, m.start)
				keep = append(keep, m.punct)
			}
		}
	}
	return breaks, keep
}

// indexByteFrom returns the offset of the first c in text from i, or
// len(text).
func indexByteFrom(text string, i int, c byte) int {
	if j := strings.IndexByte(text[i:], c); j >= 0 {
		return i + j
	}
	return len(text)
}

// bulletBefore returns the length of the bullet ("• ", "•", "⁃ ", "⁃")
// that ends at text[j], or 0.
func bulletBefore(text string, j int) int {
	for _, b := range [...]string{"• ", "•", "⁃ ", "⁃"} {
		if strings.HasSuffix(text[:j], b) {
			return len(b)
		}
	}
	return 0
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '’', '”', '»':
		return true
	}
	return false
}

func isBullet(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	switch text[j] {
	case '-', '*':
		return j+1 < len(text) && text[j+1] == ' '
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return r == '•'
}

// endsHere decides whether the punctuation at text[i] (ending at j,
// closers included) ends the sentence that began at start.
func endsHere(text string, start, i, j int, r rune) bool {
	// What follows: end of text, or space then the next word.
	k := j
	for k < len(text) {
		if text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n' {
			k++
		} else if strings.HasPrefix(text[k:], "\u00a0") {
			k += len("\u00a0") // "Co.\u00a0Obama": a no-break space
		} else {
			break
		}
	}
	if k >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	spaced := k > j
	if next == ',' || next == ';' || next == ':' || next == ')' {
		return false // '("lock her up!"), he said': no sentence starts so
	}
	if r != '.' {
		// "?" and "!" end a sentence unless a lower-case word follows
		// inside a quotation ('"Why?" he asked.'), or a name and a
		// verb of saying ('"Why?" Maduro asked.').
		if unicode.IsLower(next) {
			return false
		}
		if j > i+1 && isCloser(lastRune(text[i:j])) && saidAfter(text, k) {
			return false
		}
		return true
	}
	if i+1 < j && text[i+1] == '.' { // an ellipsis
		return spaced && (unicode.IsUpper(next) || next == '"' || next == '“')
	}
	if i > 0 && strings.HasSuffix(text[:i], "°") {
		return false // "N°. 12"
	}
	word := wordBefore(text, start, i)
	if !spaced {
		// "talks.The": a missing space after a full stop, but not
		// "U.S." or "3.5" or "example.com".
		if isUpperRune(next) && len(word) > 1 && isLowerWord(word) && k+1 < len(text) {
			n2, _ := utf8.DecodeRuneInString(text[k+utf8.RuneLen(next):])
			return unicode.IsLower(n2)
		}
		return false
	}
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“' || next == '\'' || next == '‘' || next == '(' || next == '[') {
		return false
	}
	if kind := abbrevKindOf(strings.TrimSuffix(word, ".")); kind&abbrevNever != 0 {
		return false
	} else if kind&abbrevCompany != 0 {
		nw := wordAt(text, k)
		if abbrevKindOf(nw)&abbrevCompany != 0 || companyTitles[nw] {
			return false // "Smith & Co. Ltd.", "Acme Inc. Chief Executive"
		}
	}
	// Initials: "J." in "Antony J. Blinken", but a one-letter word at the
	// end of a sentence that began with a name is rare enough to ignore.
	if len(word) == 1 && isUpperRune(rune(word[0])) {
		return sentenceStarters[wordAt(text, k)]
	}
	// Dotted abbreviations ("U.S.", "a.m.") end a sentence only when the
	// next word does not continue a name: "U.S. Secretary" goes on.
	if strings.Contains(word, ".") {
		nw := wordAt(text, k)
		if isTitleContinuation(nw) || next == '(' {
			return false // "U.S. Treasury", "CONCORD, N.H. (AP)"
		}
		switch {
		case word == "a.m" || word == "p.m":
			// "at 5 a.m. Mr. Smith went" goes on, "at 6 p.m. The
			// curfew" does not. (The golden rules want "6 P.M. Mr.
			// Smith" split: upper-case P.M. is treated like "U.S.")
			return sentenceStarters[nw]
		case isInitials(word) && !dottedPlaces[word] && !afterThe(text, start, i-len(word)):
			// "J.R.R. Tolkien", "G.W. Bush": the initials of a name,
			// where "the F.B.I. The" is an agency.
			return sentenceStarters[nw]
		}
		return true
	}
	return true
}

// spacedEllipsis returns the number of dots in the ". . ." run that
// starts at text[i], or 1.
func spacedEllipsis(text string, i int) int {
	n := 1
	for j := i + 1; j+1 < len(text) && text[j] == ' ' && text[j+1] == '.'; j += 2 {
		n++
	}
	return n
}

// companySuffix are the abbreviations that close a company name; one can
// follow another ("Co. Ltd.") without a sentence break between them.
var companySuffix = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "plc": true, "bros": true}

// abbrevNever and abbrevCompany are the kinds of word abbrevKindOf
// tells: a word of abbrevs that never ends a sentence, and one of
// companySuffix.
const (
	abbrevNever = 1 << iota
	abbrevCompany
)

// abbrevTable holds the words of abbrevs that never end a sentence and
// those of companySuffix, in ASCII lower case, by abbrevKey, open
// addressed: slot abbrevSlot(key) or the first after it. endsHere looks
// up the word before most full stops; two map lookups of it cost some
// 240 instructions. Every word is at most seven bytes (its init panics
// otherwise).
var abbrevTable = func() (t [256]struct {
	key  uint64
	kind uint8
}) {
	add := func(w string, kind uint8) {
		if len(w) > 7 || w != strings.ToLower(w) {
			panic("corpus: abbreviation " + w + " is not seven lower-case bytes or fewer")
		}
		key := abbrevKey(w)
		for i := abbrevSlot(key); ; i = (i + 1) % uint64(len(t)) {
			if t[i].key == 0 || t[i].key == key {
				t[i].key = key
				t[i].kind |= kind
				return
			}
		}
	}
	for w, never := range abbrevs {
		if never {
			add(w, abbrevNever)
		}
	}
	for w := range companySuffix {
		add(w, abbrevCompany)
	}
	return t
}()

// abbrevKey packs w, of seven bytes or fewer, in ASCII lower case, one
// byte after another from the lowest, and its length in the top byte.
func abbrevKey(w string) uint64 {
	key := uint64(len(w)) << 56
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key |= uint64(c) << (8 * i)
	}
	return key
}

// abbrevSlot is the slot of abbrevTable a key starts from: the top byte
// of a Fibonacci hash.
func abbrevSlot(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 56 }

// abbrevKindOf returns the kinds (abbrevNever, abbrevCompany) of w in
// ASCII lower case: abbrevs[w] and companySuffix[w], the words lower-cased
// byte by byte.
func abbrevKindOf(w string) uint8 {
	if len(w) > 7 || w == "" {
		return 0
	}
	key := abbrevKey(w)
	for i := abbrevSlot(key); ; i = (i + 1) % uint64(len(abbrevTable)) {
		switch e := &abbrevTable[i]; e.key {
		case key:
			return e.kind
		case 0:
			return 0
		}
	}
}

// sentenceStarters are words that after a one-letter word and a full stop
// begin a new sentence ("you and I. Did you") rather than continue a name
// ("Albert I. Jones").
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "We": true, "They": true, "I": true,
	"Did": true, "Do": true, "Does": true, "This": true, "That": true, "There": true, "What": true, "When": true,
	"But": true, "And": true, "In": true, "On": true, "At": true, "His": true, "Her": true, "Its": true, "Their": true,
	"You": true, "Is": true, "Was": true, "Why": true, "How": true, "Who": true, "If": true, "As": true,
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// saidAfter reports whether text[k:] starts with one to four capitalised
// words and a verb of saying: "Maduro asked", "Sen. Ana Ortiz said".
func saidAfter(text string, k int) bool {
	for n := 0; n <= 4; n++ {
		w := wordAt(text, k)
		if w == "" {
			return false
		}
		if n > 0 && saidVerbs[w] {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		k += len(w)
		if k < len(text) && text[k] == '.' {
			k++ // "Sen."
		}
		if k >= len(text) || text[k] != ' ' {
			return false
		}
		k++
	}
	return false
}

var saidVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "added": true, "adds": true, "told": true,
	"wrote": true, "writes": true, "replied": true, "shouted": true, "tweeted": true, "insisted": true,
	"recalled": true, "quipped": true, "noted": true, "declared": true, "continued": true, "exclaimed": true,
}

// companyTitles follow a company suffix inside a sentence: "Acme Inc.
// Chief Executive Ana Ruiz".
var companyTitles = map[string]bool{
	"Chief": true, "CEO": true, "Chairman": true, "Chairwoman": true, "President": true, "Vice": true, "Founder": true,
}

// dottedPlaces are dotted initialisms that often end a sentence ("in the
// U.S. The"); other capital initials are more often a name's ("J.R.R.
// Tolkien").
var dottedPlaces = map[string]bool{
	"U.S": true, "U.S.A": true, "U.K": true, "U.N": true, "E.U": true, "D.C": true, "U.S.S.R": true,
	"U.A.E": true, "N.Y": true, "L.A": true, "N.J": true, "A.M": true, "P.M": true,
	"N.H": true, "N.C": true, "S.C": true, "N.D": true, "S.D": true, "N.M": true, "R.I": true,
}

// isInitials reports capital letters each followed by a dot, the last dot
// left off: "J.R.R", "F.B.I".
func isInitials(w string) bool {
	if len(w)%2 == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 0 && !('A' <= w[i] && w[i] <= 'Z') || i%2 == 1 && w[i] != '.' {
			return false
		}
	}
	return true
}

// afterThe reports whether the word before text[w] is "the".
func afterThe(text string, start, w int) bool {
	j := w
	for j > start && isSpaceByte(text[j-1]) {
		j--
	}
	return j < w && j-start >= 3 && strings.EqualFold(text[j-3:j], "the") && (j-3 == start || !isASCIIWord(text[j-4]))
}

// wordBefore returns the word (letters, digits, inner dots and
// apostrophes) that ends just before text[i].
func wordBefore(text string, start, i int) string {
	j := i
	for j > start {
		if c := text[j-1]; c < utf8.RuneSelf {
			if isASCIIWord(c) && c != '_' || c == '.' || c == '\'' {
				j--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '\'' || r == '’' {
			j -= n
			continue
		}
		break
	}
	for j < i && text[j] == '.' { // strings.TrimLeft(text[j:i], "."), which took a call for a cut set
		j++
	}
	return text[j:i]
}

func wordAt(text string, k int) string {
	j := k
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[k:j]
}

// isTitleContinuation reports words that follow "U.S.", "U.N." or "E.U."
// inside a sentence as part of a name or title: "U.S. Secretary", "U.S.
// Treasury", "U.S. Sen. Ana Ortiz", "U.N. General Assembly".
func isTitleContinuation(w string) bool {
	switch w {
	case "Secretary", "President", "Treasury", "Army", "Navy", "Senate", "House", "Congress", "Embassy", "Ambassador",
		"Department", "Defense", "State", "Special", "Envoy", "Attorney", "Federal", "Supreme", "Court", "Government",
		"Administration", "Representative", "Trade", "Senator", "Vice", "Deputy", "Marine", "Air", "Forces", "Central",
		"Security", "General", "Human", "Refugee", "Mission", "Peacekeeping", "Commission", "Agency", "Intelligence",
		"Military", "Coast", "Justice", "Commerce", "Energy", "Homeland", "Southern", "Northern", "Chamber", "Bureau",
		"Office", "Capitol", "Consulate", "Director", "Envoys", "Ambassadors", "Secretary-General", "District",
		"Circuit", "Attorneys", "Hispanic", "Catholic", "Conference", "Census", "Postal", "Patent", "Mint",
		"Open", "Olympic", "Soccer", "Steel", "Bancorp", "Sen", "Rep", "Gen", "Adm", "Col", "Lt", "Amb",
		"Border", "Customs", "Immigration", "Citizenship", "Marshals", "Geological", "Forest", "Agriculture",
		"Education", "Labor", "Health", "Transportation", "Interior", "Veterans", "Strategic", "Cyber", "Space",
		"European", "Pacific", "Indo", "Africa", "Bankruptcy", "Appeals", "High", "Commissioner", "Children",
		"Development", "Food", "World", "Population", "Relief", "Climate", "Charter", "Assembly", "Rapporteur",
		"Parliament", "Council", "Foreign", "Member", "Permanent":
		return true
	}
	return false
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
