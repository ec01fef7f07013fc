package corpus

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stancemix/stance/internal/swar"
)

// A Token is one term of a text. Start and End are byte offsets into the
// text the Tokenizer was given; filters that rewrite Term keep them, and
// filters that join tokens (n-grams) span from the first Start to the last
// End.
type Token struct {
	Term       string
	Start, End int
}

// A Tokenizer splits text into tokens.
type Tokenizer interface {
	Tokenize(text string) []Token
}

// A TokenFilter rewrites a token stream. It may modify the slice it is given
// and return it.
type TokenFilter interface {
	Filter(tokens []Token) []Token
}

// An Analyzer is a Tokenizer followed by filters, applied in order.
type Analyzer struct {
	Tokenizer Tokenizer
	Filters   []TokenFilter
}

// Analyze tokenises text and runs the filters.
func (a Analyzer) Analyze(text string) []Token {
	return a.AppendAnalyze(nil, text)
}

// AppendAnalyze is Analyze into dst's storage: it appends the tokens of
// text to dst and returns the extended slice, so that a caller analysing
// many texts can reuse one slice (pass dst[:0]). The Tokenizer appends in
// place when it is a TokenAppender; filters only ever see the tokens of
// text.
func (a Analyzer) AppendAnalyze(dst []Token, text string) []Token {
	var toks []Token
	if ta, ok := a.Tokenizer.(TokenAppender); ok {
		toks = ta.AppendTokens(dst[len(dst):], text)
	} else {
		toks = a.Tokenizer.Tokenize(text)
	}
	for _, f := range a.Filters {
		toks = f.Filter(toks)
	}
	if len(dst) == 0 {
		return toks
	}
	return append(dst, toks...)
}

// A TokenAppender is a Tokenizer that can append its tokens to a slice
// the caller provides.
type TokenAppender interface {
	AppendTokens(dst []Token, text string) []Token
}

// Terms returns the terms of the analysed text.
func (a Analyzer) Terms(text string) []string {
	toks := a.Analyze(text)
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = t.Term
	}
	return terms
}

// Features names the analysis a model was trained with. It is stored in
// model files, so its zero value must mean the plainest analysis and new
// fields must default to off.
type Features struct {
	// Lower folds case.
	Lower bool `json:"lower"`
	// Numbers maps every number to the term "<num>".
	Numbers bool `json:"numbers"`
	// Negation prefixes "not_" to the words after a negation ("not",
	// "never", "refused to", ...) up to the next clause punctuation.
	Negation bool `json:"negation"`
	// NGrams is the longest word n-gram: 0 or 1 for unigrams, 2 adds
	// bigrams, 3 adds trigrams.
	NGrams int `json:"ngrams"`
	// Stopwords drops function words ("the", "of", ...).
	Stopwords bool `json:"stopwords"`
	// Target, when positive, makes the analysis target-aware: a record's
	// target mention is marked with MarkTarget, using Target as its window
	// in words. Records without a target are analysed as usual.
	Target int `json:"target,omitempty"`
	// Binary keeps each term once per text, at its first occurrence, so
	// that a model counts the documents a term occurs in rather than its
	// occurrences (binarised multinomial naive Bayes).
	Binary bool `json:"binary,omitempty"`
	// Adjacent and Lexicon refine a target-aware analysis; see
	// [Features.Text]. Lexicon applies without a target too.
	Adjacent bool `json:"adjacent,omitempty"`
	Lexicon  bool `json:"lexicon,omitempty"`
	// Names replaces runs of capitalised words inside a sentence with the
	// term NameTerm (see NameTokenizer).
	Names bool `json:"names,omitempty"`
	// Lead, when positive, repeats the first Lead content words of the
	// sentence's main clause as "lead_word" (see LeadFilter).
	Lead int `json:"lead,omitempty"`
}

// Analyzer builds the analyser that f describes.
func (f Features) Analyzer() Analyzer {
	a := Analyzer{Tokenizer: WordTokenizer{Lower: f.Lower}}
	if f.Names {
		a.Tokenizer = NameTokenizer{Lower: f.Lower}
	}
	if f.Numbers {
		a.Filters = append(a.Filters, NumberFilter{})
	}
	if f.Negation {
		a.Filters = append(a.Filters, NegationFilter{})
	}
	if f.Lead > 0 {
		a.Filters = append(a.Filters, LeadFilter{N: f.Lead})
	}
	a.Filters = append(a.Filters, PunctFilter{})
	if f.Stopwords {
		a.Filters = append(a.Filters, StopFilter{})
	}
	if f.NGrams > 1 {
		a.Filters = append(a.Filters, NGramFilter{N: f.NGrams})
	}
	if f.Binary {
		a.Filters = append(a.Filters, UniqueFilter{})
	}
	return a
}

// WordTokenizer splits text into words (runs of letters and digits, with
// inner apostrophes, hyphens, dots and commas kept: "don't", "re-election",
// "U.S.", "3.5", "1,200") and clause punctuation (, ; : . ! ? and quotes and
// brackets), which later filters use as scope boundaries and PunctFilter
// drops. Possessive "'s" is split off as its own token.
type WordTokenizer struct {
	Lower bool
}

// Tokenize implements Tokenizer.
func (t WordTokenizer) Tokenize(text string) []Token {
	return t.AppendTokens(nil, text)
}

// AppendTokens implements TokenAppender.
func (t WordTokenizer) AppendTokens(toks []Token, text string) []Token {
	toks, _ = t.AppendTokensBuf(toks, text, nil)
	return toks
}

// AppendTokensBuf is AppendTokens with the lower-cased copy of text, when
// Lower needs one, written into buf's array if it has room, instead of a
// new one for every text: the tokens' terms are good only until buf's
// array is written again. It returns the buffer for the next call.
func (t WordTokenizer) AppendTokensBuf(toks []Token, text string, buf []byte) ([]Token, []byte) {
	var w WordSpans
	w.Reset(t, toks, text, buf)
	if t.Lower {
		// ASCII words are cut from one lower-cased copy of text, which
		// has the same byte offsets, instead of one copy per word.
		w.low, w.buf = foldASCII(text, buf)
	}
	w.Span(0, len(text))
	return w.Tokens()
}

// WordSpans appends the tokens of a text as WordTokenizer.AppendTokensBuf
// does, for a caller that has parted the text into spans already, as
// classify's attribution tokeniser has: Word takes a span that is a
// plain word as it stands, Mark a span of one byte, and Span reads any
// span as AppendTokensBuf would. The spans, each given to one of them,
// must come in order and leave out only spaces (unicode.IsSpace), at
// most; a token of the WordTokenizer may run over several of them
// ("1,200", "AT&T").
type WordSpans struct {
	lower bool
	text  string
	// low is the text lower-cased, if AppendTokensBuf made it, or the
	// text itself without Lower; else "", and lowWord lower-cases the
	// words Span reads one by one, into buf: Word's words, most of a
	// sentence's, come lower-cased already.
	low  string
	buf  []byte
	toks []Token
	next int // where the next token may start: the end of the last one read
}

// Reset starts the tokens of text, for t, appended to toks; buf is the
// buffer for the lower-cased copy of text, as for AppendTokensBuf.
func (w *WordSpans) Reset(t WordTokenizer, toks []Token, text string, buf []byte) {
	// English prose has about one token (a word or a punctuation mark) per
	// 4.5 bytes; room for one per 4 rarely has to grow.
	*w = WordSpans{lower: t.Lower, text: text, buf: buf[:0], toks: slices.Grow(toks, len(text)/4+1)}
	if !t.Lower {
		w.low = text
	}
}

// Tokens returns the tokens and the buffer for the next text. The
// tokens' terms are good until the buffer's array is written again.
func (w *WordSpans) Tokens() ([]Token, []byte) { return w.toks, w.buf }

// Word reads the span text[i:j], which is one or more ASCII letters and
// digits; low is its term: the span lower-cased with Lower, else the span
// itself. Most words end there, and their token is the span with its term;
// a word that goes on (or one a token already covers some of) is left
// to Span.
func (w *WordSpans) Word(i, j int, low string) {
	if i < w.next || j < len(w.text) && asciiKind[w.text[j]] < kindPunct && wordEndFrom(w.text, i, j) != j {
		w.Span(i, j)
		return
	}
	w.toks = append(w.toks, Token{Term: low, Start: i, End: j})
	w.next = j
}

// Mark reads the span text[i:i+1], one byte that is no ASCII letter or
// digit: a mark or a byte past ASCII. WordTokenizer's marks are a token
// of their own, and it reads most other bytes as spaces; '_', a word
// byte to it, and a byte past ASCII are left to Span.
func (w *WordSpans) Mark(i int) {
	if i < w.next {
		return // in the last token read
	}
	switch c := w.text[i]; asciiKind[c] {
	case kindPunct, kindJoinPunct:
		w.toks = append(w.toks, Token{Term: w.text[i : i+1], Start: i, End: i + 1})
		w.next = i + 1
	case kindWord:
		w.Span(i, i+1)
	case kindJoins:
		if c >= utf8.RuneSelf {
			w.Span(i, i+1)
		}
	}
}

// Span reads the span text[start:end]: the tokens from where the last
// one read ended or from start, whichever is later, up to the first that
// ends at or past end.
func (w *WordSpans) Span(start, end int) {
	text, low, toks := w.text, w.low, w.toks
	i := max(start, w.next)
	for i < end {
		c := text[i]
		switch k := asciiKind[c]; {
		case k == kindWord:
			// The word bytes, then the rest of the word if a byte that may
			// join words or a non-ASCII one follows them. Most words end
			// at their last word byte: they are ASCII and no possessive,
			// and their term is cut as it is.
			j := i + 1
			for j < len(text) && asciiKind[text[j]] == kindWord {
				j++
			}
			e := j
			if j < len(text) && asciiKind[text[j]] < kindPunct {
				e = wordEndFrom(text, i, j)
			}
			if e == j {
				term := ""
				if low != "" {
					term = low[i:j]
				} else {
					term = w.lowWord(i, j)
				}
				toks = append(toks, Token{Term: term, Start: i, End: j})
			} else {
				toks = w.appendWord(toks, i, e)
			}
			i = e
			continue
		case k == kindPunct || k == kindJoinPunct:
			toks = append(toks, Token{Term: text[i : i+1], Start: i, End: i + 1})
			i++
			continue
		case c < utf8.RuneSelf:
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			e := wordEnd(text, i)
			toks = w.appendWord(toks, i, e)
			i = e
		case r == '“' || r == '”' || r == '«' || r == '»' || r == '—' || r == '–':
			toks = append(toks, Token{Term: "\"", Start: i, End: i + n})
			i += n
		default:
			i += n
		}
	}
	w.toks, w.next = toks, max(i, w.next)
}

// lowWord returns the term of the ASCII word text[i:j]: the word, with
// Lower's capitals lower-cased. Without low, it writes a word that has a
// capital into buf's array after the words written before, which it
// makes as long as the text for the first: the words do not overlap, and
// no word moves once written.
func (w *WordSpans) lowWord(i, j int) string {
	if w.low != "" {
		return w.low[i:j]
	}
	word := w.text[i:j]
	if upperASCII(word) == len(word) {
		return word
	}
	n := len(w.buf)
	if n == 0 && cap(w.buf) < len(w.text) {
		w.buf = make([]byte, 0, len(w.text))
	}
	w.buf = w.buf[:n+len(word)]
	swar.PutLowerASCII(w.buf[n:], word)
	return unsafe.String(&w.buf[n], len(word))
}

// The kinds of bytes for AppendTokens, in asciiKind, in an order that
// lets it tell by one comparison whether a byte after a word's last word
// byte may continue the word: one below kindPunct may.
const (
	kindJoins     = iota // not ASCII, or ' - &: may join words
	kindWord             // isASCIIWord
	kindJoinPunct        // , and .: clause punctuation, but may join words ("1,200", "U.S")
	kindPunct            // ; : ! ? " ( ): clause punctuation
	kindOther            // any other ASCII byte: no token, and it ends a word
)

// asciiKind holds the kind of each byte.
var asciiKind = func() (kind [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case isASCIIWord(byte(c)):
			kind[c] = kindWord
		case c == ',' || c == '.':
			kind[c] = kindJoinPunct
		case isPunct(string(rune(c))):
			kind[c] = kindPunct
		case c == '\'' || c == '-' || c == '&':
			kind[c] = kindJoins
		default:
			kind[c] = kindOther
		}
	}
	return kind
}()

func (w *WordSpans) appendWord(toks []Token, i, j int) []Token {
	word := w.text[i:j]
	// Split a possessive: "Maduro's" -> "Maduro", "'s".
	if k := possessive(word); k > 0 {
		toks = w.appendWord(toks, i, i+k)
		return append(toks, Token{Term: "'s", Start: i + k, End: j})
	}
	if w.lower {
		if isASCII(word) {
			word = w.lowWord(i, j)
		} else {
			word = strings.ToLower(word)
		}
	}
	return append(toks, Token{Term: word, Start: i, End: j})
}

// foldASCII returns s with the ASCII capitals lower-cased and every other
// byte kept, so that offsets into s hold in the result. It returns s itself
// when s has no ASCII capital. It writes the copy into buf's array when
// it has room, else into a new one, and returns the buffer for the next
// call: the result is good until that array is written again.
func foldASCII(s string, buf []byte) (string, []byte) {
	i := upperASCII(s)
	if i == len(s) {
		return s, buf
	}
	if cap(buf) < len(s) {
		buf = make([]byte, len(s))
	}
	b := buf[:len(s)]
	copy(b, s[:i])
	swar.PutLowerASCII(b[i:], s[i:])
	// The string is b's bytes without a copy, as strings.Builder does: b
	// is not written again until the caller hands it back.
	return unsafe.String(unsafe.SliceData(b), len(b)), buf
}

// upperASCII returns the index of the first ASCII capital of s, or len(s).
func upperASCII(s string) int {
	i := 0
	for i+8 <= len(s) && swar.Upper8(swar.Load64(s, i)) == 0 {
		i += 8
	}
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	return i
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// possessive returns the length of w without a trailing 's or ’s, or 0.
func possessive(w string) int {
	switch {
	case len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S")):
		return len(w) - 2
	case len(w) > 4 && strings.HasSuffix(w, "’s"):
		return len(w) - 4
	}
	return 0
}

// lower lowercases w, without allocating when it is lowercase already.
// It finds a capital or a byte past ASCII eight bytes at a time, the last
// eight (or two times four) overlapping the others, instead of byte by
// byte: leadPicks asks it of the first words of every sentence.
func lower(w string) string {
	const msb = 0x8080808080808080
	var x uint64 // w's bytes, some of them twice, in words
	switch n := len(w); {
	case n >= 8:
		for i := 0; i < n-8; i += 8 {
			if y := swar.Load64(w, i); y&msb|swar.Upper8(y) != 0 {
				return strings.ToLower(w)
			}
		}
		x = swar.Load64(w, n-8)
	case n >= 4:
		x = uint64(swar.Load32(w, 0)) | uint64(swar.Load32(w, n-4))<<32
	case n > 0:
		x = uint64(w[0]) | uint64(w[n>>1])<<8 | uint64(w[n-1])<<16
	}
	if x&msb|swar.Upper8(x) != 0 {
		return strings.ToLower(w)
	}
	return w
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// wordEnd returns the end of the word starting at i. Joiners (' ’ - . , &)
// stay inside a word only when a word character follows them.
func wordEnd(text string, i int) int { return wordEndFrom(text, i, i) }

// wordEndFrom is wordEnd for a word whose bytes from i to j are ASCII word
// bytes, which AppendTokens has read already.
func wordEndFrom(text string, i, j int) int {
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				j++
				continue
			}
			if (c == '\'' || c == '-' || c == '.' || c == '&' || (c == ',' && j > i && isDigit(text[j-1]))) && j+1 < len(text) && joins(text, j+1, c) {
				j++
				continue
			}
			if c == '.' && j+1 < len(text) && j > i && text[j-1] >= 'A' && text[j-1] <= 'Z' && (j-i == 1 || text[j-2] == '.') {
				// The last dot of an initialism: "U.S." keeps its dot.
				j++
			}
			return j
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if r == '’' && j+n < len(text) && joins(text, j+n, '\'') {
			j += n
			continue
		}
		return j
	}
	return j
}

// joins reports whether the joiner c before text[j] continues the word.
func joins(text string, j int, c byte) bool {
	next := text[j]
	switch c {
	case ',':
		// "1,200" but not "1, 2".
		return isDigit(next) && j+2 < len(text) && isDigit(text[j+1]) && isDigit(text[j+2])
	case '.':
		// "3.5", "U.S" (the final dot is handled by the caller), not "end.Next".
		if isDigit(next) {
			return isDigit(text[j-2])
		}
		return 'A' <= next && next <= 'Z' && j+1 < len(text) && text[j+1] == '.' || 'a' <= next && next <= 'z' && j+1 < len(text) && text[j+1] == '.'
	}
	if next < utf8.RuneSelf {
		return isASCIIWord(next)
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// NumberFilter maps numbers ("2021", "3.5", "1,200", "5.6m") to "<num>".
type NumberFilter struct{}

// Filter implements TokenFilter.
func (NumberFilter) Filter(toks []Token) []Token {
	for i, t := range toks {
		if t.Term != "" && isDigit(t.Term[0]) {
			toks[i].Term = "<num>"
		}
	}
	return toks
}

// NegationFilter marks the scope of a negation: the words after "not",
// "no", "never", "n't" forms, "without", "refused"/"refuses", "rejected"
// and "failed" get the prefix "not_" up to the next clause punctuation, so
// "will not stop putting pressure" yields "not_stop not_putting
// not_pressure". The negation word itself is kept as is.
type NegationFilter struct{}

// Filter implements TokenFilter.
func (NegationFilter) Filter(toks []Token) []Token {
	// Find the words in scope, then write their new terms into one
	// string and cut them from it: one allocation per text instead of
	// one per word.
	var buf [256]int32
	scope := buf[:0]
	total := 0
	in := false
	for i := range toks {
		t := toks[i].Term
		if isPunct(t) {
			if t != "\"" {
				in = false
			}
			continue
		}
		if in {
			scope = append(scope, int32(i))
			total += len("not_") + len(t)
			continue
		}
		if negates(t) {
			in = true
		}
	}
	if len(scope) == 0 {
		return toks
	}
	var b strings.Builder
	b.Grow(total)
	for _, i := range scope {
		b.WriteString("not_")
		b.WriteString(toks[i].Term)
	}
	all, pos := b.String(), 0
	for _, i := range scope {
		end := pos + len("not_") + len(toks[i].Term)
		toks[i].Term = all[pos:end]
		pos = end
	}
	return toks
}

func negates(w string) bool {
	return mayNegate(w) && negatesLower(w, w)
}

// mayNegate is false for most words that negatesLower is false for, and
// cheap enough to be inlined: it lets through a word that ends in "'t" or
// "’t", and one whose first and last letters, in either case, are those
// of one of negationWords (no other character lowers to them).
func mayNegate(w string) bool {
	if len(w) < 2 {
		return false
	}
	a, b := uint(w[0]|0x20)-'a', uint(w[len(w)-1]|0x20)-'a' // past 'z' and below 'a' give 26 or more
	return a < 26 && b < 26 && negationEnds[a]&(1<<b) != 0 ||
		w[len(w)-1] == 't' && (w[len(w)-2] == '\'' || w[len(w)-2] == "’"[2])
}

// negationEnds has the bit of b set in negationEnds[a] when one of
// negationWords starts with the letter a and ends with b
// (letters from 0).
var negationEnds = func() (ends [26]uint32) {
	for _, w := range negationWords {
		ends[w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
	}
	return ends
}()

// negationWords are the negation words that negatesLower looks for, bar
// the "n't" forms, and negationSet the same as a set, quicker to look a
// word up in than the list.
var (
	negationWords = []string{"not", "no", "never", "nor", "without", "cannot", "refused", "refuses", "refusing", "declined", "declines", "failed", "fails"}
	negationSet   = func() map[string]bool {
		set := make(map[string]bool, len(negationWords))
		for _, w := range negationWords {
			set[w] = true
		}
		return set
	}()
)

// negatesLower is negates(w) for a word w whose lower-cased form is
// lower(low): low is w, or w lower-cased already, which spares lowering
// it again.
func negatesLower(w, low string) bool {
	if len(w) > 2 && w[len(w)-1] == 't' && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")) {
		return true
	}
	// The negationWords are 2 to 9 bytes long and start with one of c d
	// f n r w; most words are let go without being lower-cased.
	if len(w) < 2 || len(w) > 9 {
		return false
	}
	switch w[0] | 0x20 {
	case 'c', 'd', 'f', 'n', 'r', 'w':
	default:
		return false
	}
	return negationSet[lower(low)]
}

// PunctFilter drops the punctuation tokens that WordTokenizer emits.
type PunctFilter struct{}

// Filter implements TokenFilter.
func (PunctFilter) Filter(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if !isPunct(t.Term) {
			out = append(out, t)
		}
	}
	return out
}

func isPunct(term string) bool {
	if len(term) != 1 {
		return false
	}
	switch term[0] {
	case ',', ';', ':', '.', '!', '?', '"', '(', ')':
		return true
	}
	return false
}

// StopFilter drops common English function words. It keeps negations,
// modals and prepositions that carry stance ("against", "with", "will").
type StopFilter struct{}

// Filter implements TokenFilter.
func (StopFilter) Filter(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if !stopwords[strings.ToLower(t.Term)] {
			out = append(out, t)
		}
	}
	return out
}

var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "and": true, "or": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "it": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "at": true, "by": true, "as": true, "'s": true,
	"his": true, "her": true, "their": true, "which": true, "who": true, "whose": true, "also": true,
}

// NGramFilter appends the word n-grams of length 2..N (joined by "_") after
// the unigrams. N-grams do not cross the filter's input boundaries, so run
// it after PunctFilter to let them span clause punctuation, or before to
// stop them there.
type NGramFilter struct {
	N int
}

// Filter implements TokenFilter.
func (f NGramFilter) Filter(toks []Token) []Token {
	n := len(toks)
	// Write every n-gram into one string, then cut the terms from it: one
	// allocation per text instead of one per n-gram.
	total := 0
	for size := 2; size <= f.N; size++ {
		for i := 0; i+size <= n; i++ {
			total += size - 1
			for k := i; k < i+size; k++ {
				total += len(toks[k].Term)
			}
		}
	}
	if total == 0 {
		return toks
	}
	var b strings.Builder
	b.Grow(total)
	for size := 2; size <= f.N; size++ {
		for i := 0; i+size <= n; i++ {
			for k := i; k < i+size; k++ {
				if k > i {
					b.WriteByte('_')
				}
				b.WriteString(toks[k].Term)
			}
		}
	}
	all, pos := b.String(), 0
	toks = slices.Grow(toks, len(toks)*(f.N-1))
	for size := 2; size <= f.N; size++ {
		for i := 0; i+size <= n; i++ {
			end := pos + size - 1
			for k := i; k < i+size; k++ {
				end += len(toks[k].Term)
			}
			toks = append(toks, Token{Term: all[pos:end], Start: toks[i].Start, End: toks[i+size-1].End})
			pos = end
		}
	}
	return toks
}

// UniqueFilter keeps the first token of each term and drops the repeats.
type UniqueFilter struct{}

// Filter implements TokenFilter.
func (UniqueFilter) Filter(toks []Token) []Token {
	toks, _ = unique(toks, nil)
	return toks
}

// unique is UniqueFilter's Filter with the buffer of its set, which it
// returns for the next call.
func unique(toks []Token, slots []int32) ([]Token, []int32) {
	return firstOf(toks, slots,
		func(t Token) uint64 { return termHash(t.Term) },
		func(a, b Token) bool { return a.Term == b.Term })
}

// firstOf keeps the first of each group of items that same says are
// equal, in order, and returns its set's buffer for the next call; hash
// must give items that are the same the same hash. The items kept so far
// are an open-addressing set of their indexes in the result (plus one; 0
// is empty) at most half full: cheaper than a map made for each text
// (BenchmarkAnalyzeBinaryBigrams).
func firstOf[T any](items []T, slots []int32, hash func(T) uint64, same func(a, b T) bool) ([]T, []int32) {
	if len(items) < 2 {
		return items, slots
	}
	slots, mask := setSlots(slots, len(items))
	out := items[:0]
	for _, it := range items {
		for h := hash(it) & mask; ; h = (h + 1) & mask {
			s := slots[h]
			if s == 0 {
				out = append(out, it)
				slots[h] = int32(len(out))
				break
			}
			if same(out[s-1], it) {
				break
			}
		}
	}
	return out, slots
}

// setSlots returns the empty set of firstOf for n items, in slots' array
// if it is big enough, and the mask of its size.
func setSlots(slots []int32, n int) ([]int32, uint64) {
	size := 1 << bits.Len(uint(2*n))
	if cap(slots) < size {
		slots = make([]int32, size)
	} else {
		slots = slots[:size]
		clear(slots)
	}
	return slots, uint64(size - 1)
}

// termHash hashes a term for the sets of unique and uniqueParts. It reads
// the term eight bytes at a time, in one call, where maphash.String takes
// three to hash a word: most terms are short, and a sentence has a few
// dozen.
func termHash(s string) uint64 {
	n := len(s)
	var a, b uint64
	switch {
	case n > 16:
		// The middle eight bytes at a time; the first and last eight,
		// which may overlap them, below.
		for i := 8; i < n-8; i += 8 {
			hi, lo := bits.Mul64(a^swar.Load64(s, i)^uniqueKeys[0], uniqueKeys[1])
			a = hi ^ lo
		}
		a ^= swar.Load64(s, 0)
		b = swar.Load64(s, n-8)
	case n >= 8:
		a, b = swar.Load64(s, 0), swar.Load64(s, n-8)
	case n >= 4:
		a, b = uint64(swar.Load32(s, 0)), uint64(swar.Load32(s, n-4))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	hi, lo := bits.Mul64(a^uniqueKeys[0]^uint64(n), b^uniqueKeys[1])
	return hi ^ lo
}

// uniqueKeys key termHash, at random, so that no text can be written to
// make many of its terms collide. Which keys they are changes where terms
// land in the set, never which terms are kept.
var uniqueKeys = func() [2]uint64 {
	seed := maphash.MakeSeed()
	return [2]uint64{maphash.String(seed, "a") | 1, maphash.String(seed, "b") | 1}
}()

// Text returns the text to analyse for a sentence and its target mention:
// the sentence itself, or, for a target-aware analysis (f.Target > 0) and a
// non-empty target, the sentence with the target marked by MarkTarget.
// With Adjacent, a word right next to a mention is repeated once more as
// "L1_word" or "R1_word". With Lexicon, each word of our sentiment lexicon
// adds a [LexNegative] or [LexPositive] term, and near a mention or in its
// clause that term again with the word's prefix ("R_LEXNEG").
//
// Text is for display; to analyse, a [Marker] computes the terms of the
// marked text from the sentence's tokens without writing it.
func (f Features) Text(sentence, target string) string {
	if f.Target <= 0 {
		target = ""
	}
	if target == "" && !f.Lexicon {
		return sentence
	}
	return markTarget(sentence, target, f.Target, f.Adjacent, f.Lexicon)
}
