package classify

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/swar"
)

// An Attribution says whose position a sentence states.
type Attribution struct {
	Actor   string // whose position the sentence states: canonical name if known, else as written; "" if none
	Group   string // Actor's group, "" if unknown
	Speaker string // who said it, when not the Actor (a spokesman speaking for someone)
	Cue     string // the reporting cue found: "said", "according to", ...
	Target  string // the first actor named other than Actor and Speaker, "" if none
	Known   bool   // Actor was found in the dictionary
}

// cueVerbs are reporting verbs, folded.
var cueVerbs = wordSet(`said says say saying told tells telling stressed stresses stressing reiterated reiterates
added adds adding warned warns warning urged urges urging demanded demands proposed proposes announced announces
accused accuses rejected rejects praised praises criticised criticized criticises criticizes insisted insists noted
notes noting vowed vows threatened threatens pledged pledges welcomed welcomes condemned condemns wrote writes
tweeted tweets declared declares argued argues arguing stated states asserted asserts explained explains confirmed
confirms denied denies claimed claims claiming reaffirmed reaffirms promised promises acknowledged acknowledges
suggested suggests asked asks replied replies responded responds answered recalled recalls complained complains
conceded concedes admitted admits contended contends maintained maintains predicted predicts cautioned cautions
emphasized emphasised emphasizes emphasises underlined underscored highlighted signalled signaled described
describes posted commented comments countered dismissed dismisses blamed blames lamented laments boasted quipped
joked observed remarked indicated hinted revealed disclosed informed assured assures proclaimed alleged alleges
charged called calls calling mocked slammed blasted attacked defended defends questioned urged acknowledged
reported reports concluded concludes estimated estimates believes thinks hopes fears argue predicted warned
recommended signaled responded tweeting writing telling declined endorsed endorses continued`)

// pronouns that can stand for a speaker.
var subjectPronouns = wordSet(`he she they it we i who`)

// roleNouns head a noun phrase that speaks for a principal: "Price's
// statement", "a spokesman for Putin", "U.S. officials".
var roleNouns = wordSet(`statement statements aide aides spokesman spokeswoman spokesperson spokespeople office
official officials adviser advisers advisor advisors ministry government administration authorities diplomats
diplomat sources source representative representatives envoy lawyer lawyers attorney team camp campaign allies
supporters letter communique memo release embassy delegation negotiators negotiator agency military army forces
mission leaders leadership press secretary department spokesmen`)

// spokesNouns mark someone who speaks for another.
var spokesNouns = wordSet(`spokesman spokeswoman spokesperson spokespeople statement office secretary aide
aides adviser advisor advisers release communique`)

// skipBack are words between a subject and its verb: "Gonzalez also said",
// "Maduro on Tuesday said", "Price has repeatedly said".
var skipBack = wordSet(`also has had have would will could may might later again previously earlier then
repeatedly publicly recently once reportedly not did does do is was were had further separately just often always
never already still only has been on monday tuesday wednesday thursday friday saturday sunday today yesterday
last this week month year morning afternoon evening night late early first subsequently privately openly flatly
quickly immediately`)

// clauseWords introduce a clause, so a name after them may be its subject.
var clauseWords = wordSet(`and but while as when after before because since though although however so that
meanwhile also then yet`)

// notNames are capitalised words that do not name anyone, mostly because
// they open sentences.
var notNames = wordSet(`the a an he she it they we i in on at but and if this that these those there his her
their its our my your after before while when as more speaking according monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august september
october november december also however meanwhile then one two three some many most all both each other what
why how where who which no not yes so for from with by to of or still yet even just only now today yesterday
asked under over about against during until despite without within between among although though such
looking given because unless whether whereas unlike amid instead perhaps indeed thus therefore later earlier
nearly almost every another any several few either neither nor where`)

// orgWords make an unknown capitalised name an organisation, not a person.
var orgWords = wordSet(`party council ministry assembly house department union group committee news times post
association organization organisation front forces army bank university institute agency company corp inc
republic states nations kingdom court congress senate commission office government administration campaign
network journal press reuters ap afp cnn fox nbc cbs abc msnbc bbc media foundation fund center centre
service services league federation alliance coalition movement board authority club church council`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// A tok is a word or a punctuation mark of a cleaned sentence.
//
// Its fields are ordered, and its offsets 32-bit, to keep it at 56 bytes:
// an article's tokens are read over and over.
type tok struct {
	text       string   // as written (possessive 's removed)
	fold       string   // corpus.Fold of text; "" for punctuation
	start, end int32    // byte offsets in the cleaned sentence
	flags      wordFlag // the word sets fold is in: wordFlags[fold]
	hash       uint32   // wordHash(fold), for words tokenized with a dictionary
	punct      byte     // the mark, for punctuation; 0 for words
	quote      bool     // inside quotation marks
	poss       bool     // written with a possessive 's
	cap        bool     // starts with an upper-case letter
}

// word reports whether t is a word, not a mark. It and is take a
// pointer: with a 56-byte tok for receiver, the rules' calls on ts[k]
// cost some 6 % more of attribution (BenchmarkAttributeWire).
func (t *tok) word() bool { return t.punct == 0 }

// mayNameTok is Actors.mayName for the token t, remembered in its flags:
// appendMentions asks about a word once for each name it may start.
func (a *Actors) mayNameTok(t *tok) bool {
	if t.flags&fMayNameKnown == 0 {
		t.flags |= fMayNameKnown
		if a.mayName(t.fold) {
			t.flags |= fMayName
		}
	}
	return t.flags&fMayName != 0
}

// alnum reports whether the word t is ASCII letters and digits, and so
// its fold its text in lower case: every other word has fMayDate (see
// mayDate).
func (t *tok) alnum() bool { return t.flags&fMayDate == 0 }

// is reports whether the token's fold is in the word sets of f.
func (t *tok) is(f wordFlag) bool { return t.flags&f != 0 }

// A wordFlag stands for one of the word sets the rules look words up in:
// the tokenizer looks a word up once in wordFlags, and the rules test its
// bits rather than hash its fold again for each set.
type wordFlag uint32

const (
	fCue wordFlag = 1 << iota
	fNotName
	fSkipBack
	fClause
	fOrg
	fRole
	fSpokes
	fSubjectPronoun
	fNameJoiner
	fNameSuffix
	fInstitution
	fSubordinator
	fInverseEnd
	fPhraseEnd
	fNotVerb
	fTitle
	fMayNameKnown // fMayName is set: mayNameTok has asked the dictionary
	fMayName      // Actors.mayName(fold)
	fKeyWord      // in Actors.flags only: one of Actors.words
	fDateAnchor   // a word of the date lexicon that anchors a date (see dateAnchored)
	fTitleFirst   // the first word of one of titleWords
	// fMayDate: in tokens only, a word that may give findDate a number or
	// an anchoring word other than itself (see mayDate).
	fMayDate
)

// dateLexShift is where a word's slot in dateLexTable is kept in its
// flags, plus one, above the bits of the sets: 0 if the table does not
// hold the word. dateTokensOf reads a word's entry from there rather
// than look the word up again.
const dateLexShift = 22

// mayDate reports whether the token t may give findDate an anchoring
// word of the date lexicon (see dateAnchored), or a number unless t is
// ASCII letters and digits: when no token of a sentence and no digit
// may, FindDate finds no date in it (see mayDate).
//
// A word of ASCII letters and digits is one word to the attribution
// tokeniser and letters and numbers to the date tokeniser; of letters
// only, its fold is the lexicon's key, so its fDateAnchor flag tells.
// After it, a possessive "'s" or "'" gives the date tokeniser a mark and
// the word "s", no anchor. Every other word (inner marks, other letters)
// has fMayDate, set by the tokeniser, and marks are marks to both.
func (t *tok) mayDate() bool { return t.flags&(fDateAnchor|fMayDate) != 0 }

// mayDate reports whether the cleaned sentence s, whose tokens are ts,
// may hold a date expression: when it is false, FindDate finds none.
// TestMayDate and FuzzMayDate hold it to dateAnchored.
func mayDate(s string, ts []tok) bool {
	for k := range ts {
		if ts[k].mayDate() {
			return true
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i]-'0' <= 9 {
			return true // a number
		}
	}
	return false
}

// wordFlags maps each word of the word sets to the flags of the sets that
// hold it.
var wordFlags = func() map[string]wordFlag {
	m := map[string]wordFlag{}
	for _, set := range []struct {
		words map[string]bool
		flag  wordFlag
	}{
		{cueVerbs, fCue}, {notNames, fNotName}, {skipBack, fSkipBack}, {clauseWords, fClause},
		{orgWords, fOrg}, {roleNouns, fRole}, {spokesNouns, fSpokes}, {subjectPronouns, fSubjectPronoun},
		{nameJoiners, fNameJoiner}, {nameSuffixes, fNameSuffix}, {institutionWords, fInstitution},
		{subordinators, fSubordinator}, {inverseEnd, fInverseEnd}, {phraseEnd, fPhraseEnd},
		{notVerbs, fNotVerb}, {titleWords, fTitle}, {titleFirst, fTitleFirst},
	} {
		for w := range set.words {
			m[w] |= set.flag
		}
	}
	for w, l := range dateLexicon {
		if l.anchors() {
			m[w] |= fDateAnchor
		}
		if slot, ok := dateLexSlotOf(w); ok {
			m[w] |= wordFlag(slot+1) << dateLexShift
		}
	}
	return m
}()

// tokenize splits a cleaned sentence into words and marks; quoted says
// whether it starts inside a quotation. It returns whether it ends inside
// one.
func tokenize(s string, quoted bool) ([]tok, bool) {
	return appendTokens(nil, s, quoted)
}

// appendTokens is tokenize appending to out, so that the sentences of an
// article can share one array.
func appendTokens(out []tok, s string, quoted bool) ([]tok, bool) {
	return appendTokensLow(out, s, lowerASCII(s), quoted, nil)
}

// appendTokensLow is appendTokens given low, lowerASCII(s), for folding
// words without a copy each. ASCII, the usual case, is told apart by
// byte; other runes by their Unicode classes. A dictionary a, when not
// nil, answers mayNameTok for one-word folds in the same lookup as the
// word sets.
func appendTokensLow(out []tok, s, low string, quoted bool, a *Actors) ([]tok, bool) {
	if out == nil {
		out = make([]tok, 0, len(s)/5+4)
	}
	for i := 0; i < len(s); {
		if a != nil {
			// appendUsual makes the usual tokens, up to the first it
			// leaves to this loop.
			if out, i, quoted = appendUsual(out, s, low, i, quoted, &a.flagTab); i == len(s) {
				break
			}
		}
		r, size := rune(s[i]), 1
		var word bool
		if r < utf8.RuneSelf {
			b := wordBytes[r]
			if b == wbSpace {
				i++
				continue
			}
			word = b == wbAlnum
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if !word {
			p := byte('?')
			if r < utf8.RuneSelf {
				p = byte(r)
			}
			if (p == '\'' || p == '`') && i+1 < len(s) && s[i+1] == p {
				size, p = 2, '"' // ''quoted'' and ``quoted''
			}
			if p == '"' {
				quoted = !quoted
			}
			out = append(out, tok{text: s[i : i+size], punct: p, start: int32(i), end: int32(i + size), quote: quoted})
			i += size
			if i < len(s) && s[i] == ' ' {
				i++ // as after a word
			}
			continue
		}
		// plain: ASCII letters and digits only; ascii: ASCII only.
		plain, ascii := size == 1, size == 1
		j := i + size
		for j < len(s) && wordBytes[s[j]] == wbAlnum {
			j++ // the usual word, by table
		}
		if j < len(s) && wordBytes[s[j]] == wbMore {
			// A mark or a rune that may go on with the word: the long way.
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf {
					if asciiAlnum(c) {
						j++
						continue
					}
					if (c == '.' || c == '-' || c == '\'') && j+1 < len(s) {
						if c2 := s[j+1]; c2 < utf8.RuneSelf && asciiAlnum(c2) {
							j++
							plain = false
							continue
						} else if c2 >= utf8.RuneSelf {
							if r2, _ := utf8.DecodeRuneInString(s[j+1:]); unicode.IsLetter(r2) || unicode.IsDigit(r2) {
								j++
								plain = false
								continue
							}
						}
					}
					break
				}
				r, n := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
					j += n
					plain, ascii = false, false
					continue
				}
				break
			}
		}
		upper := 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
		// An initial or an abbreviation keeps its full stop: "Antony J.
		// Blinken", "U.S.", "Mr.", "Jr.".
		if j < len(s) && s[j] == '.' && upper && (j-i == 1 || !plain && strings.Contains(s[i:j], ".") || abbrev(s[i:j], low[i:j], ascii)) {
			j++
			plain = false
		}
		t := tok{text: s[i:j], start: int32(i), end: int32(j), quote: quoted, cap: upper || !plain && arabicArticle(s[i:j])}
		// See mayDate: a plain word, or ASCII letters and a possessive,
		// may only anchor a date as a number or a lexicon word.
		mayDate := !plain
		if !plain && strings.HasSuffix(t.text, "'s") && len(t.text) > 2 {
			t.text, t.poss = t.text[:len(t.text)-2], true
			mayDate = !asciiAlnums(t.text)
		} else if j < len(s) && s[j] == '\'' && (j+1 == len(s) || s[j+1] == ' ') && strings.HasSuffix(t.text, "s") && t.cap {
			t.poss = true // "Sanders' team": the apostrophe goes with the name
			j++
			t.end = int32(j)
		}
		if plain {
			t.fold = low[i : i+len(t.text)]
		} else {
			t.fold = foldWord(t.text, low[i:i+len(t.text)])
		}
		if a == nil {
			t.flags = wordFlags[t.fold]
		} else {
			if plain { // its fold is in low, which may go on past it
				t.hash = wordHashIn(low, i, i+len(t.text))
			} else {
				t.hash = wordHash(t.fold)
			}
			t.flags = a.flagTab.lookup(t.fold, t.hash)
			if plain || strings.IndexByte(t.fold, ' ') < 0 {
				t.flags |= fMayNameKnown // as mayName: the table has fMayName, but for ""
				if len(t.fold) == 0 {
					t.flags |= fMayName
				}
			}
		}
		if mayDate {
			t.flags |= fMayDate
		}
		out = append(out, t)
		if j < len(s) && s[j] == ' ' {
			j++ // the space after most words, without a turn of the loop
		}
		i = j
	}
	return out, quoted
}

// appendUsual is appendTokensLow, with the dictionary whose word table
// is tab, for the usual tokens of s from i: words of ASCII letters and
// digits, but for a capitalised one before a full stop, and ASCII marks.
// It returns at the first other token, or at the end of s, with its
// offset; appendTokensLow makes that token the long way.
//
// A word of one to seven bytes gives its length, its hash and its key
// in the word table from the eight bytes of low at its start, at once. A
// word's token is written field by field where it goes, not appended: a
// tok literal is built on the stack and then copied.
func appendUsual(out []tok, s, low string, i int, quoted bool, tab *wordTable) ([]tok, int, bool) {
	// low has the length of s: testing it spares the loop two bounds
	// checks (go build -gcflags=-d=ssa/check_bce).
	if len(low) < 8 || len(s) != len(low) {
		return out, i, quoted
	}
	for i < len(s) {
		c := s[i]
		switch wordBytes[c] {
		case wbSpace:
			i++
			continue
		case wbAlnum:
		default:
			// A mark, as appendTokensLow makes it, written out again:
			// the two sharing a function for it (a call, not inlined)
			// cost BenchmarkAttributeWire 73.2 -> 74.1 M instructions.
			if c >= utf8.RuneSelf {
				return out, i, quoted
			}
			size := 1
			if (c == '\'' || c == '`') && i+1 < len(s) && s[i+1] == c {
				size, c = 2, '"' // ''quoted'' and ``quoted''
			}
			if c == '"' {
				quoted = !quoted
			}
			out = append(out, tok{text: s[i : i+size], punct: c, start: int32(i), end: int32(i + size), quote: quoted})
			i += size
			if i < len(s) && s[i] == ' ' {
				i++
			}
			continue
		}
		w := load8(low, i)
		n := alnumLen(w)
		j := i + n
		for n == 8 && j < len(s) {
			n = alnumLen(load8(low, j)) // a word of eight bytes or more
			j += n
		}
		upper := 'A' <= c && c <= 'Z'
		if j < len(s) && wordBytes[s[j]] == wbMore {
			// A word that may go on, an initial or an abbreviation, but
			// for a word in lower case before a full stop that ends the
			// sentence or that a space or an ASCII mark follows.
			if s[j] != '.' || upper || j+1 < len(s) && (s[j+1] >= utf8.RuneSelf || asciiAlnum(s[j+1])) {
				return out, i, quoted
			}
		}
		var h uint32
		var flags wordFlag
		if n := j - i; n < 8 {
			x := w & (1<<(8*n) - 1)
			h = shortHash(x, n)
			flags = tab.lookupShort(shortKey(x, n), h)
		} else {
			h = wordHashIn(low, i, j)
			flags = tab.lookup(low[i:j], h)
		}
		flags |= fMayNameKnown // the table has fMayName (see build)
		k := len(out)
		if k == cap(out) {
			out = slices.Grow(out, 1)
		}
		out = out[:k+1]
		t := &out[k]
		t.text, t.fold = s[i:j], low[i:j]
		t.start, t.end, t.flags, t.hash = int32(i), int32(j), flags, h
		t.punct, t.quote, t.poss, t.cap = 0, quoted, false, upper
		if j < len(s) && s[j] == ' ' {
			j++
		}
		i = j
	}
	return out, i, quoted
}

// load8 returns the eight bytes of s from i, little-endian, the bytes
// past its end read as 0; s has eight bytes or more, and i is at most
// len(s).
func load8(s string, i int) uint64 {
	if i+8 <= len(s) {
		return swar.Load64(s, i)
	}
	return swar.Load64(s, len(s)-8) >> (8 * (i + 8 - len(s)))
}

// alnumLen returns how many ASCII letters and digits w, eight bytes of
// lower-cased text read little-endian, starts with: 0 to 8. Each range
// test adds to the low seven bits of each byte so that the top bit tells,
// and no byte carries into the next.
func alnumLen(w uint64) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := w &^ highs
	digit := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones)
	lower := (x + (0x80-'a')*ones) &^ (x + (0x7f-'z')*ones)
	alnum := (digit | lower) &^ w & highs
	return bits.TrailingZeros64(^alnum&highs) >> 3
}

// asciiAlnums reports whether w has ASCII letters and digits only.
func asciiAlnums(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiAlnum(w[i]) {
			return false
		}
	}
	return true
}

// wordBytes classes every byte for the tokeniser's words: wbAlnum for the
// ASCII letters and digits, wbMore for the bytes after which a word may go
// on (a full stop, hyphen or apostrophe before a letter or digit, a byte
// of a rune that may be one), wbSpace for the ASCII spaces, 0 for the
// rest; all but wbAlnum end a word.
var wordBytes = func() (t [256]uint8) {
	for c := range t {
		switch {
		case asciiAlnum(byte(c)):
			t[c] = wbAlnum
		case c == '.' || c == '-' || c == '\'' || c >= utf8.RuneSelf:
			t[c] = wbMore
		case asciiSpace(byte(c)):
			t[c] = wbSpace
		}
	}
	return t
}()

const (
	wbAlnum = 1 + iota
	wbMore
	wbSpace // in words' stead: the ASCII spaces, which part tokens
)

// asciiSpace reports the ASCII bytes unicode.IsSpace reports.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// asciiAlnum reports an ASCII letter or digit.
func asciiAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// abbrev reports whether the word w is one of nameAbbrevs; low is w with
// its ASCII capitals lower-cased and ascii says whether w is all ASCII.
func abbrev(w, low string, ascii bool) bool {
	if ascii {
		return nameAbbrevs[low]
	}
	return nameAbbrevs[strings.ToLower(w)]
}

// foldWord is corpus.Fold for a word token w; low is w with its ASCII
// capitals lower-cased. A word of ASCII letters and digits, the usual
// case, folds to low; another ASCII word ("U.S.", "two-hour") is folded
// by corpus.AppendFold into a buffer of the stack, which costs one string
// where corpus.Fold cleans it and builds one.
func foldWord(w, low string) string {
	alnum := true
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return corpus.Fold(w)
		case !asciiAlnum(c):
			alnum = false
		}
	}
	if alnum {
		return low
	}
	var buf [64]byte
	return string(corpus.AppendFold(buf[:0], w))
}

// lowerASCII returns s with its ASCII capitals lower-cased, at the same
// byte offsets; s itself when it has none.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// A mention is a name found in a sentence.
type mention struct {
	first, last int // token indexes
	name        string
	// actor is the dictionary's, when known: a row of the Actors' list,
	// which is never written once built, rather than a copy of it, which
	// made a mention 160 bytes rather than 48 to append and move.
	actor  *Actor
	known  bool
	person bool // a person, as far as can be told
	weak   bool // a lone capitalised word that may just open the sentence
	spokes bool // introduced as a spokesman, press secretary, aide
}

func (m *mention) canonical() string {
	if m.known {
		return m.actor.Name
	}
	return m.name
}

// mentions finds the names in ts, the tokens of the cleaned sentence s,
// longest dictionary alias first. It knows no words the article writes
// in lower case (see appendMentions).
func (a *Actors) mentions(s string, ts []tok, at time.Time) []mention {
	return a.appendMentions(nil, s, ts, at, nil, nil, &mentionBufs{})
}

// mentionBufs are the buffers appendMentions builds its keys and folded
// names in. An attrScratch keeps them from sentence to sentence, where
// arrays of the stack were zeroed for each sentence.
type mentionBufs struct {
	key, strip, fold []byte
}

// appendMentions is mentions appending to out, so that the sentences of
// an article can share one array.
//
// A lone capitalised word opening a sentence that the article also
// writes in lower case ("Officials", "Relations") is no name. Which words
// the article writes so is known only once every sentence is tokenised,
// and asking as each such word comes up costs a set of the article's
// words or a read of its tokens each time; so appendMentions appends such
// a weak mention and asks lower about it, which answers for every
// sentence at once in lowerWords.drop. A nil lower asks nothing, and
// keeps every such mention.
//
// keys, when not nil, remembers what the dictionary's keys it looks up
// lead to, for the next sentences and articles. bufs lends the buffers,
// and gets them back grown.
func (a *Actors) appendMentions(out []mention, s string, ts []tok, at time.Time, lower *lowerWords, keys keyCache, bufs *mentionBufs) []mention {
	key, strip, fold := bufs.key[:0], bufs.strip[:0], bufs.fold[:0]
	for i := 0; i < len(ts); {
		if i = nameStart(ts, i); i == len(ts) {
			break
		}
		t := &ts[i]
		end := a.nameRun(ts, i)
		found := false
		for last := end; last >= i; last-- {
			if !ts[last].cap && ts[i].fold != "the" {
				continue // "the U.S. president" may end in lower case
			}
			if last == i && !ts[i].cap {
				continue
			}
			key = key[:0]
			for k := i; k <= last; k++ {
				if k > i {
					key = append(key, ' ')
				}
				key = append(key, ts[k].fold...)
			}
			rows := keys.lookup(a, key, strip)
			r := a.exactRow(rows.key, at)
			if r < 0 {
				r = a.exactRow(rows.stripped, at)
			}
			if r >= 0 && last == i && last+1 < len(ts) && !ts[last].poss && ts[last+1].word() && ts[last+1].cap && !ts[last+1].is(fNotName) && !ts[last+1].is(fCue) {
				r = -1 // "Kim Davis" is not Kim, "Washington Post" not Washington
			}
			if r >= 0 {
				act := &a.list[r]
				name := joinToksIn(s, ts[i:last+1])
				for last+1 < len(ts) && ts[last+1].word() && ts[last+1].is(fNameSuffix) && !ts[last].poss {
					last++
				}
				out = append(out, mention{first: i, last: last, name: name, actor: act, known: true,
					person: act.person(), spokes: spokesBefore(ts, i, last)})
				i = last + 1
				found = true
				break
			}
		}
		if found {
			continue
		}
		if !t.cap || t.is(fNotName) || lowerAfterHyphen(t.text) {
			i++ // "Norwegian-funded" is no name
			continue
		}
		// An unknown name: a run of capitalised words, joined by "de",
		// "bin", "al" and the like.
		j := i
		for j+1 < len(ts) && !ts[j].poss && ts[j+1].word() && !ts[j+1].is(fCue) &&
			(ts[j+1].cap && !ts[j+1].is(fNotName) || ((ts[j+1].is(fNameJoiner) || ts[j+1].fold == "of" && ts[j].is(fTitle)) && j+2 < len(ts) && ts[j+2].word() && ts[j+2].cap)) {
			j++
		}
		text := joinToksIn(s, ts[i:j+1])
		m := mention{first: i, last: j}
		if act := a.institution(ts[i:j+1], at); act != nil {
			// "Russian Foreign Ministry", "Israeli Defence Forces"
			out = append(out, mention{first: i, last: j, name: text, actor: act, known: true})
			i = j + 1
			continue
		}
		// The name folded, its titles and initials stripped: from the
		// tokens' folds when its words are ASCII letters and digits, as
		// most are, without corpus.AppendFold's reading of it, and
		// without stripTitles's when it has no title or initial to strip.
		run := ts[i : j+1]
		alnum := true
		for k := range run {
			alnum = alnum && run[k].alnum()
		}
		plainName := alnum && !run[0].is(fTitleFirst)
		var sk []byte
		if alnum {
			fold = appendFolds(fold[:0], run)
			sk = fold
			if !plainName || middleInitialTok(run) {
				sk = appendStripTitles(strip, fold)
			}
		} else {
			fold = corpus.AppendFold(fold[:0], text)
			sk = appendStripTitles(strip, fold)
		}
		if r := fuzzyRow(a, sk, at); r >= 0 && !a.hasIn(a.index[string(sk)], at) {
			act := &a.list[r]
			m.actor, m.known, m.name = act, true, text
			m.person = act.person()
		} else {
			// A name of ASCII words whose first word opens no title
			// is as written, and no bare title: stripName would return
			// it as it is (see titled).
			m.name = text
			if !plainName {
				m.name = stripName(text)
			}
			m.person = !ts[j].is(fOrg)
			for k := i; k <= j; k++ {
				if ts[k].is(fOrg) {
					m.person = false
				}
			}
			m.weak = j == i && (i == 0 || ts[i-1].punct == '"' || ts[i-1].punct == ':' || ts[i-1].punct == '(')
			if m.weak && (t.is(fRole) || t.is(fOrg) ||
				strings.HasSuffix(t.fold, "ly") && j+1 < len(ts) && ts[j+1].punct == ',') { // "Similarly,"
				i = j + 1
				continue
			}
			if !plainName {
				if fold = corpus.AppendFold(fold[:0], m.name); titleWords[string(fold)] {
					i = j + 1
					continue // a bare title names nobody: "President", "Democratic"
				}
			}
			if m.weak {
				lower.ask(len(out), &ts[i])
			}
		}
		m.spokes = spokesBefore(ts, i, j)
		out = append(out, m)
		i = j + 1
	}
	bufs.key, bufs.fold = key, fold
	return out
}

// nameStart returns the index of the first word from ts[i] on that may
// open a name, capitalised or "the"; len(ts) if there is none. Most
// tokens open none, and a loop that only tests them steps over them in
// fewer instructions than a turn of appendMentions's loop each. A mark is
// never capitalised, and its fold is "".
func nameStart(ts []tok, i int) int {
	for ; i < len(ts); i++ {
		if t := &ts[i]; t.cap || len(t.fold) == 3 && t.fold == "the" {
			break
		}
	}
	return i
}

// appendFolds appends the folds of the words ts, a space between each,
// to dst: the fold of their text when each is ASCII letters and digits.
func appendFolds(dst []byte, ts []tok) []byte {
	for k := range ts {
		if k > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, ts[k].fold...)
	}
	return dst
}

// middleInitialTok reports whether a middle word of the words ts, three
// or more, has one byte: a middle initial, which stripTitles strips.
func middleInitialTok(ts []tok) bool {
	for k := 1; k < len(ts)-1; k++ {
		if len(ts[k].fold) == 1 {
			return true
		}
	}
	return false
}

// nameRun returns the last token of the run of words with no mark
// between them from the word ts[i] that a key may span: up to a.max+4
// words, none after a possessive, and none from the first word no key or
// title holds (no key holds it); i-1 if ts[i] is such a word. It reads
// a word at a time, and most runs end at their first or second word.
func (a *Actors) nameRun(ts []tok, i int) int {
	end := i - 1
	for k := i; k < len(ts) && (k == i || ts[k].word() && k-1-i < a.max+4 && !ts[k-1].poss) && a.mayNameTok(&ts[k]); k++ {
		end = k
	}
	return end
}

// keyRows are the rows a folded key leads to in the index, as it is and
// with its titles and middle initials stripped (nil when stripping
// changes nothing or leaves a bare title).
type keyRows struct {
	key, stripped []entry
}

// A keyCache remembers the keyRows of the keys appendMentions looks up:
// the names an article mentions come back sentence after sentence, and
// article after article, and stripping a key costs a lookup in
// titleWords for each of its first words, then another in the index. It
// belongs to one goroutine (an attrScratch), so it needs no lock; it
// stops growing at maxKeyCache keys.
type keyCache map[string]keyRows

// maxKeyCache bounds a keyCache: enough for the names of a large news
// corpus, at about a hundred bytes each.
const maxKeyCache = 1 << 14

// lookup returns the keyRows of key, from c or from the index of a,
// using strip as room for the stripped key. A nil c remembers nothing.
func (c keyCache) lookup(a *Actors, key, strip []byte) keyRows {
	// Keys looked up as bytes: no string is made for them.
	if r, ok := c[string(key)]; ok {
		return r
	}
	r := keyRows{key: a.index[string(key)]}
	if mayStrip(key) {
		if sk := appendStripTitles(strip, key); !bytes.Equal(sk, key) && !titleWords[string(sk)] {
			r.stripped = a.index[string(sk)]
		}
	}
	if c != nil && len(c) < maxKeyCache {
		c[string(key)] = r
	}
	return r
}

// arabicArticle reports whether w is a name with the article: "al-Ansari",
// "el-Sisi".
func arabicArticle(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 1 || i > 3 || i+1 >= len(w) {
		return false
	}
	switch strings.ToLower(w[:i]) {
	case "al", "el", "ad", "as", "ash", "an", "ar", "at", "az":
		r, _ := utf8.DecodeRuneInString(w[i+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// lowerAfterHyphen reports whether a word goes on in lower case after a
// hyphen: "Norwegian-funded", "Trump-backed" (but not "Diaz-Canel").
func lowerAfterHyphen(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i < 0 || i+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsLower(r)
}

// nameAbbrevs are abbreviations in and before names.
var nameAbbrevs = wordSet(`mr mrs ms dr jr sr gen sen rep gov lt col sgt capt adm st prof rev maj cpl`)

// nameSuffixes may follow a name: "Joseph R. Biden Jr.".
var nameSuffixes = wordSet(`jr sr ii iii iv`)

// institutionWords make a country's name an institution of its
// government: "Russian Foreign Ministry".
var institutionWords = wordSet(`ministry foreign defence defense interior finance armed forces army military navy air
force security council office government cabinet parliament embassy mission presidency administration national
guard police intelligence service services delegation affairs health justice state department of ministries`)

// institution maps a known government name followed by institution words
// onto the government: "Russian Foreign Ministry" is Russia. It returns
// the government's row in a's list, or nil.
func (a *Actors) institution(ts []tok, at time.Time) *Actor {
	if len(ts) < 2 {
		return nil
	}
	r := a.exactRow(a.index[ts[0].fold], at)
	if r < 0 || a.list[r].person() || a.list[r].Kind == "place" {
		return nil
	}
	for k := 1; k < len(ts); k++ {
		if !ts[k].is(fInstitution) {
			return nil
		}
	}
	return &a.list[r]
}

// nameJoiners join the parts of a name.
var nameJoiners = wordSet(`de da del della di al el bin ibn von van der den la le du dos das`)

// spokesBefore reports whether the name at ts[i:j+1] is introduced as a
// spokesman: "State Department spokesman Ned Price", "press secretary".
func spokesBefore(ts []tok, i, j int) bool {
	for k := max(0, i-3); k <= j; k++ {
		switch ts[k].fold {
		case "spokesman", "spokeswoman", "spokesperson":
			return true
		case "secretary":
			if k > 0 && ts[k-1].fold == "press" {
				return true
			}
		}
	}
	return false
}

// stripName drops leading titles from an unknown name as written.
func stripName(s string) string {
	if plainWords(s) && !titled(s) {
		return s // most names: no copy
	}
	return stripFieldName(s)
}

// stripFieldName is stripName the long way round: strings.Fields, titles
// folded and dropped, strings.Join.
func stripFieldName(s string) string {
	w := strings.Fields(s)
	var buf [64]byte
	for len(w) > 1 {
		n := 0
		for k := min(4, len(w)-1); k >= 1; k-- {
			if titleWords[string(appendFoldWords(buf[:0], w[:k]))] {
				n = k
				break
			}
		}
		if n == 0 {
			break
		}
		w = w[n:]
	}
	return strings.Join(w, " ")
}

// appendFoldWords appends corpus.Fold(strings.Join(w, " ")) to dst. When
// every byte of the words is printable ASCII, as in most names, it folds
// them word by word with corpus.AppendFold, which neither cleans nor
// builds a string: the words that fold to something, one space apart, as
// Fold makes the run of marks and spaces between two of them one space.
func appendFoldWords(dst []byte, w []string) []byte {
	for _, x := range w {
		for i := 0; i < len(x); i++ {
			if x[i] <= ' ' || x[i] > '~' {
				return append(dst, corpus.Fold(strings.Join(w, " "))...)
			}
		}
	}
	n := len(dst)
	for _, x := range w {
		m := len(dst)
		if m > n {
			dst = append(dst, ' ')
		}
		k := len(dst)
		if dst = corpus.AppendFold(dst, x); len(dst) == k {
			dst = dst[:m] // x folds to nothing: no space for it
		}
	}
	return dst
}

// joinToksIn is joinToks for tokens of the sentence s: the words as s
// writes them, when one space parts each from the next.
func joinToksIn(s string, ts []tok) string {
	for k := 0; k+1 < len(ts); k++ {
		if e := int(ts[k].start) + len(ts[k].text); e+1 != int(ts[k+1].start) || s[e] != ' ' {
			return joinToks(ts)
		}
	}
	last := ts[len(ts)-1]
	return s[ts[0].start : int(last.start)+len(last.text)]
}

// titled reports whether a name of plainWords may open with a title that
// stripName strips: one of its first four words and more, folded, is one
// of titleWords.
func titled(s string) bool {
	var buf [64]byte
	for i, spaces := 0, 0; i < len(s) && spaces < 4; i++ {
		if s[i] == ' ' {
			spaces++
			if titleWords[string(corpus.AppendFold(buf[:0], s[:i]))] {
				return true
			}
		}
	}
	return false
}

func joinToks(ts []tok) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// A who is a resolved actor or speaker.
type who struct {
	name   string
	group  string
	known  bool
	person bool
	spokes bool
}

func (w who) ok() bool { return w.name != "" }

func whoOf(m *mention) who {
	if m == nil {
		return who{}
	}
	w := who{name: m.name, known: m.known, person: m.person, spokes: m.spokes}
	if m.known {
		w.name, w.group = m.actor.Name, m.actor.Group
	}
	return w
}

// sent is a sentence being attributed.
type sent struct {
	ts       []tok
	ms       []mention
	para     bool // starts a paragraph
	quoteIn  bool // starts inside a quotation
	quoteOut bool // ends inside one
}

// state is what the attributor remembers across the sentences of an
// article.
type state struct {
	a          *Actors
	at         time.Time
	ss         []sent
	i          int            // the sentence being attributed
	lastActor  who            // the person actor of the last sentence that had one
	actorAt    int            // the sentence index of lastActor
	lastPerson who            // the last person named
	prev       Attribution    // the last sentence's attribution with an actor
	prevWho    [2]who         // its actor and speaker
	prevAt     int            // its index
	quoteBy    [2]who         // actor and speaker of the open quotation
	aideOf     map[string]who // principal -> the aide speaking for them
	spokes     map[string]bool
	surnames   map[string]who // folded surname -> full name, for unknown names
}

// Attribute attributes each sentence of an article: text is the article,
// sents its sentences (offsets into text, as from [corpus.Split]) and
// published its date (zero when unknown), at which dated aliases must be
// valid. The result has one Attribution per sentence.
//
// The rules are written by hand. No maintained Go library attributes
// quotes or reported speech (the Go NLP libraries stop at tokens, tags and
// named entities), the statistical attributors are Python or Java models
// trained on one outlet's style, and the rules wire copy follows are few
// and regular. Attribute reads the sentences of an article in order and,
// for each, finds the names in it (dictionary aliases, and capitalised
// names that are not in it), the reporting cue, and whose position the
// sentence states:
//
//   - "X said ...", "X said: ...", "X, the foreign minister, said",
//     '"...," X said.', '"...," said X.', "X, who said": X;
//   - "according to X": X (the Speaker, when the sentence also has a
//     subject of its own: "Maduro rejected it, according to Y");
//   - a closing attribution to someone unnamed ("..., two diplomats
//     said", "according to a tally"): no actor, rather than the name the
//     sentence opens with, whose position it is not;
//   - "X's statement said", "a spokesman for X said", "U.S. officials
//     said", "the Clinton campaign said": X, the principal behind the
//     spokesman or office;
//   - "an aide to President Joe Biden said": the person named next in the
//     article (the aide), remembered for "Biden's aide said" later on;
//   - a spokesman reporting someone ("Price said in a statement: Blinken
//     stressed ...", "Blinken committed ..., Price's statement said"): the
//     Actor is the one reported on, the Speaker the spokesman, when the
//     speaker was introduced as a spokesman in the article, or speaks "in a
//     statement" or through "X's statement" about someone of their own
//     group;
//   - "he said", "she told": a person named before it in the sentence, else
//     the person who was the actor of the sentence before, else the last
//     person named; "they" and "it": the actor of one of the two sentences
//     before;
//   - a quotation with no cue of its own: the speaker of the short
//     attribution sentence after it ('"...". He said.'), else of the
//     quotation it continues, else of the sentence before;
//   - no cue, but a name opening the sentence, or a later clause, and doing
//     something ("Maduro closed the talks", "On May 11, Keith proposed",
//     "..., but he stood by it"): that name;
//   - nothing of the above: no actor.
//
// Names are matched on the [corpus.Clean] and [corpus.Fold] forms of the
// sentence, and reported by their canonical name when the dictionary knows
// them, else as written with titles stripped.
func (a *Actors) Attribute(text string, sents []corpus.Sentence, published time.Time) []Attribution {
	clean := make([]string, len(sents))
	for i, s := range sents {
		clean[i] = corpus.Clean(s.Text)
	}
	return a.attribute(text, sents, clean, published, nil)
}

// attribute is Attribute for sentences already cleaned: clean[i] is
// corpus.Clean(sents[i].Text). If mayDates is not nil, it also sets
// mayDates[i] to whether sentence i may hold a date expression, from the
// tokens it reads anyway (see mayDate): when it is false, FindDate finds
// none.
func (a *Actors) attribute(text string, sents []corpus.Sentence, clean []string, published time.Time, mayDates []bool) []Attribution {
	sc := getScratch()
	defer putScratch(sc)
	return a.attributeIn(sc, text, sents, clean, published, mayDates)
}

// attributeIn is attribute in the scratch sc, which keeps the tokens of
// sentence i in sc.ss[i].ts until it goes back to the pool: the caller
// may read them, as Classifier.Article reads the words of a sentence to
// date it.
func (a *Actors) attributeIn(sc *attrScratch, text string, sents []corpus.Sentence, clean []string, published time.Time, mayDates []bool) []Attribution {
	st := &sc.st
	st.a, st.at = a, published
	if sc.keysOf != a {
		sc.keys, sc.keysOf = keyCache{}, a
	}
	sc.ss = slices.Grow(sc.ss[:0], len(sents))[:len(sents)]
	st.ss = sc.ss
	// One array for the tokens of every sentence (about one per 5 bytes),
	// and room for the words written in lower case.
	size := 0
	for _, c := range clean {
		size += len(c)
	}
	// The sentences lower-cased in one string, for folding words without
	// a copy each. The tokens' folds, and so the attributions' cues, are
	// parts of it: it is made afresh for each article, never written
	// again once filled, and handed over as the string without a copy,
	// as strings.Builder does.
	low := make([]byte, size)
	off := 0
	for _, c := range clean {
		swar.PutLowerASCII(low[off:], c)
		off += len(c)
	}
	lowAll := unsafe.String(unsafe.SliceData(low), len(low))
	arena := slices.Grow(sc.arena[:0], size/5+4*len(clean))
	quoted := false
	off = 0
	for i, s := range sents {
		para := i == 0
		if i > 0 && sents[i-1].End <= s.Start && s.Start <= len(text) &&
			strings.Contains(text[sents[i-1].End:s.Start], "\n") {
			para, quoted = true, false
		}
		n := len(arena)
		var q bool
		arena, q = appendTokensLow(arena, clean[i], lowAll[off:off+len(clean[i])], quoted, a)
		off += len(clean[i])
		ts := arena[n:len(arena):len(arena)]
		st.ss[i] = sent{ts: ts, para: para, quoteIn: quoted, quoteOut: q}
		if mayDates != nil {
			mayDates[i] = mayDate(clean[i], ts)
		}
		quoted = q
	}
	sc.arena = arena
	lower := &lowerWords{asks: sc.asks[:0]}
	ms := slices.Grow(sc.ms[:0], size/40+8) // the mentions of every sentence
	for i := range st.ss {
		n := len(ms)
		ms = a.appendMentions(ms, clean[i], st.ss[i].ts, published, lower, sc.keys, &sc.bufs)
		st.ss[i].ms = ms[n:len(ms):len(ms)]
	}
	ms = lower.drop(arena, ms, st.ss)
	sc.ms = ms
	sc.asks = lower.asks
	out := make([]Attribution, len(sents))
	for i := range sents {
		st.i = i
		out[i] = st.attribute()
	}
	return out
}

// lowerWords finds which of the weak mentions appendMentions asks about
// are of words the article also writes in lower case, for all of the
// article's sentences at once: one read of its tokens, which carry their
// folds' hashes, rather than a set of its words or a read for each word.
type lowerWords struct {
	asks []lowerAsk
	// bloom has bit wordHash(fold)%1024 set for the fold of each ask, so
	// that drop compares few tokens' folds: a long article asks about
	// dozens of words, which would set too many of fewer bits.
	bloom [16]uint64
}

// A lowerAsk is a weak mention to drop if the article writes its word in
// lower case.
type lowerAsk struct {
	m     int    // the mention's index in the mentions of the article
	fold  string // its word's fold
	hash  uint32 // wordHash(fold)
	found bool   // a word token not capitalised folds to fold
}

// ask records that the mention at index m of the article's mentions, of
// the token t alone, is to be dropped if the article writes t's word in
// lower case. A nil l asks nothing.
func (l *lowerWords) ask(m int, t *tok) {
	if l == nil {
		return
	}
	l.asks = append(l.asks, lowerAsk{m: m, fold: t.fold, hash: t.hash})
	l.bloom[t.hash>>6&15] |= 1 << (t.hash & 63)
}

// find sets the found field of each ask, reading ts, the tokens of the
// article, once.
func (l *lowerWords) find(ts []tok) {
	for k := range ts {
		t := &ts[k]
		if l.bloom[t.hash>>6&15]&(1<<(t.hash&63)) == 0 || !t.word() || t.cap {
			continue
		}
		for q := range l.asks {
			if a := &l.asks[q]; a.hash == t.hash && a.fold == t.fold {
				a.found = true
			}
		}
	}
}

// drop removes from ms, the mentions of the sentences ss in order, the
// weak mentions of the words the article (whose tokens are ts) writes in
// lower case, and makes the sentences' mentions the ones left. It returns
// what is left of ms.
func (l *lowerWords) drop(ts []tok, ms []mention, ss []sent) []mention {
	if len(l.asks) == 0 {
		return ms
	}
	l.find(ts)
	// The mentions before the first to drop stay where they are: most
	// articles drop none, and a mention is large.
	q := 0
	for q < len(l.asks) && !l.asks[q].found {
		q++
	}
	if q == len(l.asks) {
		return ms
	}
	// r reads ms and w writes it; the sentences' mentions follow each
	// other in ms, so each sentence's are those read for it.
	r, w, first := 0, 0, l.asks[q].m
	for i := range ss {
		if r+len(ss[i].ms) <= first {
			r += len(ss[i].ms)
			w = r
			continue
		}
		n := w
		for range ss[i].ms {
			if q < len(l.asks) && l.asks[q].m == r {
				q++
				if l.asks[q-1].found {
					r++
					continue
				}
			}
			if w != r {
				ms[w] = ms[r]
			}
			r, w = r+1, w+1
		}
		ss[i].ms = ms[n:w:w]
	}
	clear(ms[w:])
	return ms[:w]
}

// attrScratch is the memory attribute reuses from article to article: the
// arrays of tokens, mentions and sentences, and the state's maps. Nothing
// attribute returns points into it.
type attrScratch struct {
	st    state
	ss    []sent
	arena []tok
	ms    []mention
	asks  []lowerAsk
	// keys is the keyCache of the dictionary keysOf; it holds copies of
	// keys, not the strings of the articles they came from.
	keys   keyCache
	keysOf *Actors
	bufs   mentionBufs
}

var attrScratchPool = sync.Pool{New: func() any {
	return &attrScratch{
		st:   state{aideOf: map[string]who{}, spokes: map[string]bool{}, surnames: map[string]who{}},
		bufs: mentionBufs{key: make([]byte, 0, 128), strip: make([]byte, 0, 128), fold: make([]byte, 0, 128)}}
}}

func getScratch() *attrScratch { return attrScratchPool.Get().(*attrScratch) }

// putScratch clears sc, so that it holds on to no article's strings, and
// returns it to the pool. Only what the article used needs clearing: the
// arrays beyond it were cleared after an article before.
func putScratch(sc *attrScratch) {
	clear(sc.arena)
	clear(sc.ms)
	clear(sc.ss)
	clear(sc.asks)
	aideOf, spokes, surnames := sc.st.aideOf, sc.st.spokes, sc.st.surnames
	clear(aideOf)
	clear(spokes)
	clear(surnames)
	sc.st = state{aideOf: aideOf, spokes: spokes, surnames: surnames}
	sc.ss = sc.ss[:0]
	attrScratchPool.Put(sc)
}

// attribute attributes sentence st.i and updates the state.
func (st *state) attribute() Attribution {
	s := &st.ss[st.i]
	st.remember(s)
	actor, speaker, cue := st.resolve(s)
	if actor.name == speaker.name {
		speaker = who{}
	}
	at := Attribution{Actor: actor.name, Group: actor.group, Known: actor.known, Speaker: speaker.name, Cue: cue}
	for k := range s.ms {
		m := &s.ms[k]
		if m.weak {
			continue
		}
		if k > 0 && m.first > 0 && s.ts[m.first-1].poss && s.ms[k-1].last == m.first-1 && s.ms[k-1].canonical() == at.Actor {
			continue // "Russia's Foreign Ministry" is Russia's own
		}
		if n := m.canonical(); n != at.Actor && n != at.Speaker {
			at.Target = n
			break
		}
	}
	// Remember for pronouns and quotations.
	for k := range s.ms {
		if m := &s.ms[k]; m.person && !m.weak && !s.ts[m.first].quote {
			st.lastPerson = whoOf(m)
		}
	}
	if actor.ok() {
		if actor.person {
			st.lastActor, st.actorAt = actor, st.i
		}
		st.prev, st.prevWho, st.prevAt = at, [2]who{actor, speaker}, st.i
	}
	if s.quoteOut && actor.ok() {
		if !s.quoteIn || !st.quoteBy[0].ok() {
			st.quoteBy = [2]who{actor, speaker}
			if speaker.ok() {
				st.quoteBy = [2]who{speaker, {}}
			}
		}
	} else if !s.quoteOut {
		st.quoteBy = [2]who{}
	}
	return at
}

// remember records spokesmen and the full forms of unknown names.
func (st *state) remember(s *sent) {
	for k := range s.ms {
		m := &s.ms[k]
		if m.spokes {
			st.spokes[m.canonical()] = true
		}
		if m.person && m.last > m.first {
			// A string of the surname only for one not yet met so.
			var buf [64]byte
			if f := surnameFold(buf[:0], m.name); f != nil {
				w := whoOf(m)
				if old, ok := st.surnames[string(f)]; !ok || old != w {
					st.surnames[string(f)] = w
				}
			}
		}
	}
}

// surnameFold returns the last word of corpus.Fold(name), in buf, when
// the fold has two words or more; nil otherwise. A name of printable
// ASCII, as most are, folds to its runs of letters and digits in lower
// case, a space between each (Clean changes nothing else in it), so
// its last run is read from the end instead of the whole name folded.
func surnameFold(buf []byte, name string) []byte {
	// The last run is name[start:end]; more is whether a word is before
	// it. The whole name is read, for a byte not printable ASCII.
	end, start, more := 0, 0, false
	for i := len(name) - 1; i >= 0; i-- {
		switch c := name[i]; {
		case c < ' ' || c > '~':
			f := corpus.AppendFold(buf, name)
			if sp := bytes.LastIndexByte(f, ' '); sp >= 0 {
				return f[sp+1:]
			}
			return nil
		case !asciiAlnum(c):
			if end > 0 && start == 0 {
				start = i + 1
			}
		case end == 0:
			end = i + 1
		case start > 0:
			more = true
		}
	}
	if !more {
		return nil
	}
	for _, c := range []byte(name[start:end]) {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// resolve finds the actor, speaker and cue of s.
func (st *state) resolve(s *sent) (actor, speaker who, cue string) {
	ts := s.ts
	// A quotation with no cue outside it.
	if allQuoted(ts) {
		return st.quoteOnly(s)
	}
	// "Sanders: 'Of course' she is qualified", an interview's "Matthews: ...".
	if len(s.ms) > 0 && s.ms[0].first == 0 && s.ms[0].last+1 < len(ts) && ts[s.ms[0].last+1].punct == ':' &&
		len(ts[0].text) > 1 && !ts[0].quote {
		return st.fullName(whoOf(&s.ms[0])), who{}, ":"
	}
	// Cues inside a leading subordinate clause ("While not everything
	// Trump says is true, Jamieson said ...") report no one.
	from := 0
	if len(ts) > 0 && ts[0].is(fSubordinator) {
		for k, t := range ts {
			if t.punct == ',' {
				from = k + 1
				break
			}
		}
	}
	// "according to X"
	var acc who
	accAt, accUnnamed := -1, false
	for j := 0; j+2 < len(ts); j++ {
		if t := &ts[j]; t.fold == "according" && ts[j+1].fold == "to" && !t.quote {
			if w := st.nounPhrase(s, j+2, 8); w.ok() {
				acc, accAt = w, j
				break
			}
			accUnnamed = true // "according to a count of delegates"
			for k := j + 2; k < len(ts) && k < j+8; k++ {
				switch ts[k].fold {
				case "its", "his", "her", "their":
					// "according to a statement from its foreign
					// ministry": the subject's own statement.
					accUnnamed = false
				}
			}
		}
	}
	// A closing attribution: '..., Price said in a statement.' The
	// sentence before it is the speaker's claim, or the speaker reports
	// someone of their own side doing something.
	if c := finalCue(ts); c > 0 {
		if spk, spk2, ok := st.subject(s, c); ok {
			if subj := st.clauseSubject(s); subj.ok() && subj.known && subj.name != spk.name && !spk2.ok() &&
				(spk.spokes || st.spokes[spk.name] || statementAfter(ts, c) && subj.group == spk.group && subj.group != "") {
				return subj, spk, ts[c].fold
			}
			return spk, spk2, ts[c].fold
		}
		// "..., donors said.", "..., the airline said.": an unnamed source
		// states it, not the name that opens the sentence.
		return who{}, who{}, ts[c].fold
	}
	// Reporting verbs, in order; the first whose subject is found wins.
	for c := from; c < len(ts); c++ {
		// Most words are no cue: that is tested first.
		if t := &ts[c]; !t.is(fCue) || !t.word() || t.quote || notCue(ts, c) {
			continue
		}
		if ts[c].cap && c > 0 && mentionAt(s, c-1) == nil {
			continue // "Trump Says He Will ..." in a headline, but not "the United States"
		}
		subj, spk, ok := st.subject(s, c)
		if !ok {
			continue
		}
		cue = ts[c].fold
		if cue == "called" || cue == "calls" || cue == "calling" {
			if c+1 < len(ts) && (ts[c+1].fold == "for" || ts[c+1].fold == "on") {
				cue += " " + ts[c+1].fold
			}
		}
		actor, speaker = subj, spk
		// A spokesman reporting someone.
		if rep, ok := st.reported(s, c, subj); ok {
			actor, speaker = rep, subj
		}
		if acc.ok() && accAt > c && acc.name != actor.name && !speaker.ok() {
			speaker = acc
		}
		return actor, speaker, cue
	}
	if acc.ok() {
		return acc, who{}, "according to"
	}
	if accUnnamed {
		return who{}, who{}, "according to"
	}
	// No cue: a name opening the clause and doing something.
	if subj := st.clauseSubject(s); subj.ok() {
		return subj, who{}, ""
	}
	if subj := st.laterSubject(s); subj.ok() {
		return subj, who{}, ""
	}
	return who{}, who{}, ""
}

// finalCue returns the index of a reporting verb that closes the
// sentence after a comma or quotation ('..., Price said in a statement.',
// '"...," he told reporters'), or -1.
func finalCue(ts []tok) int {
	for c := len(ts) - 1; c > 1 && c >= len(ts)-12; c-- {
		t := &ts[c]
		if t.quote && t.word() {
			return -1
		}
		if !t.word() || !t.is(fCue) || t.cap || notCue(ts, c) {
			if t.punct == ',' || t.punct == '"' || t.punct == ':' || t.punct == ';' {
				return -1
			}
			continue
		}
		if strings.HasSuffix(t.fold, "ing") {
			return -1 // ", saying ..." closes nothing
		}
		// The subject and the mark before it: ", X said", ", said X".
		for k := c - 1; k >= 0 && k >= c-7; k-- {
			if ts[k].punct == ',' || ts[k].punct == '"' {
				if k > 0 {
					return c
				}
				return -1
			}
			if !ts[k].word() {
				return -1
			}
		}
		return -1
	}
	return -1
}

// notCue reports whether the cue word at c is not used as a reporting verb
// here: "called him a dictator" is one, "a so-called deal" or "the
// statement said" inside a noun phrase are handled elsewhere.
func notCue(ts []tok, c int) bool {
	f := ts[c].fold
	if c > 0 {
		switch ts[c-1].fold {
		case "to", "be", "been", "being", "was", "were", "is", "are", "so":
			return true // "declined to say", "was accused", "so called"
		}
	}
	if (f == "states" || f == "claims" || f == "calls" || f == "charges" || f == "notes" || f == "demands") && c > 0 && (ts[c-1].fold == "the" || ts[c-1].fold == "united" || ts[c-1].fold == "of") {
		return true // nouns: "the United States", "the claims"
	}
	return false
}

// allQuoted reports whether every word of ts is inside a quotation.
func allQuoted(ts []tok) bool {
	n := 0
	for k := range ts {
		if t := &ts[k]; t.word() {
			if !t.quote {
				return false
			}
			n++
		}
	}
	return n > 0
}

// quoteOnly attributes a sentence that is all quotation.
func (st *state) quoteOnly(s *sent) (actor, speaker who, cue string) {
	// The short attribution sentence after it: "He said."
	if st.i+1 < len(st.ss) {
		n := &st.ss[st.i+1]
		words := 0
		for k := range n.ts {
			if n.ts[k].word() {
				words++
			}
		}
		if !n.para && words <= 6 && len(n.ts) > 0 && !n.ts[0].quote {
			for c := range n.ts {
				if n.ts[c].is(fCue) {
					if subj, spk, ok := st.subject(n, c); ok {
						return subj, spk, n.ts[c].fold
					}
				}
			}
		}
	}
	// A reported subject opening a quotation that a spokesman began.
	if s.quoteIn && st.quoteBy[0].ok() {
		if subj := st.clauseSubject(s); subj.ok() && subj.known && subj.name != st.quoteBy[0].name {
			return subj, st.quoteBy[0], ""
		}
		return st.quoteBy[0], st.quoteBy[1], ""
	}
	if st.prev.Actor != "" && st.i > 0 {
		return st.prevWho[0], st.prevWho[1], ""
	}
	return who{}, who{}, ""
}

// mentionAt returns the mention covering token j.
func mentionAt(s *sent, j int) *mention {
	for k := range s.ms {
		if s.ms[k].first <= j && j <= s.ms[k].last {
			return &s.ms[k]
		}
	}
	return nil
}

// subject finds who speaks through the cue verb at c: its subject before
// it, or after it when inverted ('"...," said X').
func (st *state) subject(s *sent, c int) (subj, spk who, ok bool) {
	// ", saying that ...", ", telling CNBC ...": the subject of the main
	// clause, never the name after the participle.
	if strings.HasSuffix(s.ts[c].fold, "ing") && c > 0 && s.ts[c-1].punct == ',' {
		if w := st.clauseSubject(s); w.ok() {
			return w, who{}, true
		}
		return who{}, who{}, false
	}
	if subj, spk, ok = st.subjectBefore(s, c); ok {
		return subj, spk, ok
	}
	// Inverted: '"...," said X', ", says X".
	ts := s.ts
	if c+1 < len(ts) && (c == 0 || ts[c-1].punct == ',' || ts[c-1].punct == '"' || ts[c-1].punct == '-') {
		if m := mentionAt(s, c+1); m != nil && !m.weak && (m.last+1 == len(ts) || !ts[m.last+1].word() || ts[m.last+1].is(fInverseEnd)) {
			return st.fullName(whoOf(m)), who{}, true // "said Gonzalez." but not "said the US would"
		}
		if f := ts[c+1].fold; f != "that" && f != "he" && f != "she" && f != "they" && f != "it" && f != "his" && f != "her" {
			if w := st.nounPhrase(s, c+1, 8); w.ok() {
				return w, who{}, true
			}
		}
	}
	return who{}, who{}, false
}

// subordinators open a clause that comes before the main one.
var subordinators = wordSet(`while although though if when as because since after before unless whereas whether`)

// inverseEnd may follow the name in '"...," said X in a statement'.
var inverseEnd = wordSet(`in on at who after before during while when as according adding told of from`)

// subjectBefore finds the subject of the cue verb at c before it.
func (st *state) subjectBefore(s *sent, c int) (subj, spk who, ok bool) {
	ts := s.ts
	// Back over adverbs, time words and "in a statement".
	j := c - 1
	for j >= 0 {
		switch {
		case ts[j].word() && ts[j].is(fSkipBack) && (!ts[j].cap || dayOrMonth(ts[j].fold)):
			j--
			continue
		case j >= 2 && (ts[j].fold == "statement" || ts[j].fold == "interview") && (ts[j-1].fold == "a" || ts[j-1].fold == "an") && ts[j-2].fold == "in":
			j -= 3
			continue
		}
		break
	}
	if j < 0 {
		return who{}, who{}, false
	}
	t := &ts[j]
	if t.quote && t.word() {
		return who{}, who{}, false
	}
	if m := mentionAt(s, j); m != nil && !ts[m.last].poss {
		if !m.known && !m.person && m.first > 0 && ts[m.first-1].poss {
			if p := mentionAt(s, m.first-1); p != nil && p.known {
				return whoOf(p), who{}, true // "Russia's Foreign Ministry said"
			}
		}
		w := st.fullName(whoOf(m))
		if st.spokes[w.name] {
			w.spokes = true
		}
		// "an aide to President Joe Biden said"
		if p := st.proxyBefore(s, m.first); p != "" {
			return st.aide(whoOf(m), p), who{}, true
		}
		return w, who{}, true
	}
	if t.word() && t.is(fSubjectPronoun) {
		if t.fold == "who" {
			if m := st.relativeHead(s, j); m.ok() {
				return m, who{}, true
			}
			return who{}, who{}, false
		}
		if w := st.pronoun(s, j); w.ok() {
			return w, who{}, true
		}
		return who{}, who{}, false
	}
	if t.word() && t.is(fRole) {
		return st.role(s, j)
	}
	// A second verb of the subject: "Blinken met Guaido and proposed".
	if t.word() && (t.fold == "and" || t.fold == "but") && j > 0 && (ts[j-1].word() || ts[j-1].punct != '"') {
		if w := st.clauseSubject(s); w.ok() {
			return w, who{}, true
		}
	}
	// An apposition or relative clause closed by a comma: "Juan Gonzalez,
	// director of ..., stressed"; "Maduro, whose ..., said".
	// The earliest name or role noun that opens the clause and is followed
	// by a comma, a bracket or a dash wins.
	if t.punct == ',' || t.punct == ')' || t.punct == '-' {
		for k := 0; k < j; k++ {
			if ts[k].quote || k+1 >= len(ts) {
				continue
			}
			if p := ts[k+1].punct; p != ',' && p != '(' && p != '-' {
				continue
			}
			if m := mentionAt(s, k); m != nil && m.last == k {
				if subjectStart(ts, m.first) && !dateline(ts, m) {
					return st.fullName(whoOf(m)), who{}, true
				}
				continue
			}
			if ts[k].is(fRole) && subjectStart(ts, k) {
				if subj, spk, ok := st.role(s, k); ok {
					return subj, spk, true
				}
			}
		}
	}
	return who{}, who{}, false
}

// dateline reports whether m is the place of a dateline opening the
// article: "WASHINGTON -", "MYRTLE BEACH, S.C. -".
func dateline(ts []tok, m *mention) bool {
	if m.first != 0 {
		return false
	}
	for k := m.first; k <= m.last; k++ {
		if t := ts[k].text; strings.ToUpper(t) != t || len(t) < 2 {
			return false
		}
	}
	for k := m.last + 1; k < len(ts) && k <= m.last+6; k++ {
		if ts[k].punct == '-' {
			return true
		}
	}
	return false
}

// subjectStart reports whether the name or noun at first may head the
// subject of its clause: it opens the clause, or only titles and
// descriptions come before it ("former South Carolina Gov. Jim Hodges",
// "A White House official").
func subjectStart(ts []tok, first int) bool {
	k := first
	for n := 0; n < 6 && k > 0; n++ {
		p := &ts[k-1]
		if !p.word() || p.quote || p.is(fCue) || p.is(fSkipBack) && !p.cap || p.is(fClause) ||
			p.is(fNotVerb) && p.fold != "a" && p.fold != "an" && p.fold != "the" {
			break
		}
		k--
	}
	return clauseStart(ts, k)
}

func dayOrMonth(f string) bool {
	switch f {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday":
		return true
	}
	return false
}

// clauseStart reports whether token j may start a clause: the sentence's
// start, after a quotation or a mark, or after "and", "but", "while".
func clauseStart(ts []tok, j int) bool {
	if j == 0 {
		return true
	}
	p := &ts[j-1]
	if !p.word() {
		return true // a mark, a quotation, a dash
	}
	return p.is(fClause)
}

// fullName maps a surname alone onto the full unknown name met earlier in
// the article: "Alvarado" after "Pedro Alvarado".
func (st *state) fullName(w who) who {
	if w.known || strings.Contains(w.name, " ") {
		return w
	}
	var buf [64]byte
	if full, ok := st.surnames[string(corpus.AppendFold(buf[:0], w.name))]; ok {
		return full
	}
	return w
}

// proxyBefore returns the principal whose aide or spokesman the mention
// at first is the complement of: "an aide to Joe Biden" gives "aide".
func (st *state) proxyBefore(s *sent, first int) string {
	ts := s.ts
	if first >= 2 && (ts[first-1].fold == "to" || ts[first-1].fold == "for" || ts[first-1].fold == "of") {
		k := first - 2
		if ts[k].is(fRole) && !ts[k].quote {
			return ts[k].fold
		}
	}
	return ""
}

// aide resolves "an aide to P": the person named next in the article, of
// P's group when P is known, remembered for later mentions.
func (st *state) aide(p who, noun string) who {
	if !spokesNouns[noun] && noun != "official" && noun != "officials" {
		return p
	}
	if w, ok := st.aideOf[p.name]; ok {
		return w
	}
	if !p.known {
		return p // "a Warren adviser": only a known official's aide is looked for
	}
	for n := st.i + 1; n < len(st.ss) && n <= st.i+3; n++ {
		ns := &st.ss[n]
		for k := range ns.ms {
			m := &ns.ms[k]
			if !m.person || m.weak || m.canonical() == p.name || ns.ts[m.first].quote {
				continue
			}
			if m.known && p.known && m.actor.Group != p.group {
				continue
			}
			if !m.known && !opensClause(ns.ts, m) {
				continue // an unknown name must at least open its clause and act
			}
			if !m.known && !m.spokes && !strings.Contains(m.name, " ") {
				continue
			}
			w := whoOf(m)
			st.aideOf[p.name] = w
			return w
		}
	}
	return p
}

// opensClause reports whether the mention m heads the subject of its
// clause and a predicate or an apposition follows it.
func opensClause(ts []tok, m *mention) bool {
	if !subjectStart(ts, m.first) || m.last+1 >= len(ts) {
		return false
	}
	next := &ts[m.last+1]
	return next.punct == ',' || next.word() && !next.cap && !next.is(fNotVerb)
}

// role resolves a role noun at j heading the subject: "Price's statement",
// "U.S. officials", "the Clinton campaign", "a spokesman for Putin".
func (st *state) role(s *sent, j int) (subj, spk who, ok bool) {
	ts := s.ts
	noun := ts[j].fold
	// The principal before the noun, within its noun phrase.
	for k := j - 1; k >= 0 && k >= j-4 && ts[k].word() && !ts[k].quote; k-- {
		if m := mentionAt(s, k); m != nil {
			p := st.fullName(whoOf(m))
			if noun == "aide" || noun == "aides" || noun == "adviser" || noun == "advisor" {
				return st.aide(p, noun), who{}, true
			}
			if spokesNouns[noun] {
				// "Price's statement said": Price speaks; the actor is the
				// subject reported on, if any.
				if subj := st.clauseSubject(s); subj.ok() && subj.name != p.name && subj.known && subj.group == p.group {
					return subj, p, true
				}
			}
			return p, who{}, true
		}
		if ts[k].is(fSubjectPronoun) || ts[k].fold == "his" || ts[k].fold == "her" || ts[k].fold == "their" {
			break
		}
	}
	// The principal after it: "a spokesman for Putin".
	if j+2 < len(ts) && (ts[j+1].fold == "for" || ts[j+1].fold == "to" || ts[j+1].fold == "of" || ts[j+1].fold == "from") {
		if m := mentionAt(s, j+2); m != nil {
			return st.aide(whoOf(m), noun), who{}, true
		}
	}
	// "his office said", "the statement said": the speaker before.
	if j > 0 && (ts[j-1].fold == "his" || ts[j-1].fold == "her") {
		if w := st.pronoun(s, j-1); w.ok() {
			return w, who{}, true
		}
	}
	if spokesNouns[noun] && (ts[max(0, j-1)].fold == "the" || ts[max(0, j-1)].fold == "a") && st.prev.Actor != "" {
		issuer := st.prevWho[1]
		if !issuer.ok() {
			issuer = st.prevWho[0]
		}
		if subj := st.clauseSubject(s); subj.ok() && subj.name != issuer.name {
			return subj, issuer, true
		}
		return issuer, who{}, true
	}
	return who{}, who{}, false
}

// reported finds, for a spokesman subj, the person their statement reports
// on: "Price said in a statement: Blinken stressed ...".
func (st *state) reported(s *sent, c int, subj who) (who, bool) {
	ts := s.ts
	if !subj.spokes && !st.spokes[subj.name] && !statementAfter(ts, c) {
		return who{}, false
	}
	// The content starts after a colon or "that".
	k := c + 1
	for k < len(ts) && k <= c+8 && ts[k].punct != ':' && ts[k].fold != "that" {
		k++
	}
	if k >= len(ts) || k > c+8 {
		return who{}, false
	}
	k++
	for k < len(ts) && ts[k].punct == '"' {
		k++
	}
	m := mentionAt(s, k)
	if m == nil || !m.known || m.canonical() == subj.name || ts[m.last].poss || m.last+1 >= len(ts) || !ts[m.last+1].word() || ts[m.last+1].cap {
		return who{}, false
	}
	w := whoOf(m)
	if !(subj.spokes || st.spokes[subj.name]) && w.group != subj.group {
		return who{}, false
	}
	return w, true
}

// statementAfter reports whether "statement" follows the cue at c
// closely: "said in a statement".
func statementAfter(ts []tok, c int) bool {
	for k := c + 1; k < len(ts) && k <= c+5; k++ {
		if ts[k].fold == "statement" {
			return true
		}
	}
	return false
}

// nounPhrase resolves the noun phrase starting at j, within n tokens: a
// name, a pronoun, or a role noun with its principal.
func (st *state) nounPhrase(s *sent, j, n int) who {
	ts := s.ts
	for k := j; k < len(ts) && k < j+n; k++ {
		if !ts[k].word() {
			return who{}
		}
		if m := mentionAt(s, k); m != nil && !m.weak {
			return st.fullName(whoOf(m))
		}
		switch f := ts[k].fold; {
		case f == "his" || f == "her" || f == "him" || f == "he" || f == "she":
			return st.pronoun(s, k)
		case ts[k].is(fRole) && k+2 < len(ts) && (ts[k+1].fold == "from" || ts[k+1].fold == "of" || ts[k+1].fold == "for" || ts[k+1].fold == "to"):
			continue
		case f == "from" || f == "of" || f == "for" || f == "to" || f == "the" || f == "a" || f == "an":
			continue
		case ts[k].is(fRole):
			continue
		case ts[k].is(fPhraseEnd):
			return who{}
		default:
			continue // "a count by The Associated Press"
		}
	}
	return who{}
}

// phraseEnd are words that end the noun phrase nounPhrase reads.
var phraseEnd = wordSet(`that who which whose was were is are has have had will would and or but said says told
than as if when while because`)

// pronoun resolves the pronoun at j: a person named before it in the
// sentence, else the person actor of the sentence before, else the last
// person named.
func (st *state) pronoun(s *sent, j int) who {
	f := s.ts[j].fold
	if f == "they" || f == "it" || f == "we" || f == "i" {
		if (f == "i" || f == "we") && st.quoteBy[0].ok() {
			return st.quoteBy[0]
		}
		if st.prev.Actor != "" && st.prevAt >= st.i-2 {
			return st.prevWho[0]
		}
		return who{}
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		m := &s.ms[k]
		if m.last < j && m.person && !m.weak && !s.ts[m.first].quote {
			return st.fullName(whoOf(m))
		}
	}
	if st.lastActor.ok() && st.actorAt >= st.i-1 {
		return st.lastActor
	}
	if st.lastPerson.ok() {
		return st.fullName(st.lastPerson)
	}
	return st.lastActor
}

// relativeHead resolves "who" at j to the name before ", who".
func (st *state) relativeHead(s *sent, j int) who {
	k := j - 1
	if k >= 0 && s.ts[k].punct == ',' {
		k--
	}
	if k >= 0 {
		if m := mentionAt(s, k); m != nil {
			return st.fullName(whoOf(m))
		}
	}
	return who{}
}

// clauseSubject returns the name that opens the sentence (or its main
// clause, after a leading phrase and comma) and does something: "Maduro
// closed the talks", "On May 11, Keith proposed ...". A pronoun opening
// it resolves as in "He met Guaido".
func (st *state) clauseSubject(s *sent) who {
	ts := s.ts
	start := 0
	for start < len(ts) && (ts[start].punct == '"' || ts[start].punct == '(') {
		start++
	}
	var cbuf [2]int
	cands := append(cbuf[:0], start)
	for k := start; k < len(ts) && k < start+10; k++ {
		if ts[k].punct == ',' {
			cands = append(cands, k+1)
			break
		}
	}
	for _, k := range cands {
		if k >= len(ts) {
			continue
		}
		if m := mentionAt(s, k); m != nil && m.first == k && ts[m.last].poss && m.last+1 < len(ts) && ts[m.last+1].is(fRole) {
			if w := whoOf(m); ts[m.last+1].is(fSpokes) || ts[m.last+1].fold == "campaign" || ts[m.last+1].fold == "government" {
				return st.fullName(w) // "Cruz's campaign went on the offensive"
			}
		}
		if m := mentionAt(s, k); m != nil && m.first == k && !ts[m.last].poss {
			next := afterApposition(ts, m.last+1)
			for next < len(ts) && ts[next].punct == '"' {
				next++
			}
			if next < len(ts) && ts[next].word() && !ts[next].cap && !ts[next].is(fNameJoiner) &&
				(!ts[next].is(fNotVerb) || m.known && (ts[next].fold == "on" || ts[next].fold == "in" || ts[next].fold == "at")) {
				return st.fullName(whoOf(m))
			}
			continue
		}
		if ts[k].word() && (ts[k].fold == "he" || ts[k].fold == "she") && ts[k].cap {
			return st.pronoun(s, k)
		}
	}
	return who{}
}

// laterSubject returns the first name or "he"/"she" outside quotations
// that opens a later clause and does something: "But he stood by his
// comments", "..., and Maduro rejected it".
func (st *state) laterSubject(s *sent) who {
	ts := s.ts
	for k := 1; k < len(ts); k++ {
		// Most words follow neither a mark nor a clause word: that is
		// tested first.
		p, t := &ts[k-1], &ts[k]
		if !(p.is(fClause) && p.word() || p.punct == ',' || p.punct == ';') || t.quote || !t.word() {
			continue
		}
		if p.fold == "and" && k >= 2 && (mentionAt(s, k-2) != nil || ts[k-2].poss) {
			continue // "Washington and Caracas were": one subject of two names
		}
		next := func(j int) bool {
			return j < len(ts) && ts[j].word() && !ts[j].cap && !ts[j].is(fNotVerb) && !ts[j].quote
		}
		if (ts[k].fold == "he" || ts[k].fold == "she") && next(k+1) {
			return st.pronoun(s, k)
		}
		if m := mentionAt(s, k); m != nil && m.first == k && !m.weak && !ts[m.last].poss && next(m.last+1) {
			return st.fullName(whoOf(m))
		}
	}
	return who{}
}

// notVerbs are lower-case words that do not start a predicate.
var notVerbs = wordSet(`of in on at for from with between and or to by about as the a an than over under who which
that whose after before during since across into among against per via within without near like versus vs amid
this these those his her its their our my your some many more most all both each other such`)

// afterApposition skips ", the director of ..., " after a subject and
// returns the index of the token after it.
func afterApposition(ts []tok, j int) int {
	if j < len(ts) && ts[j].punct == '(' { // "Sen. Bernie Sanders (I-Vt.)"
		for k := j + 1; k < len(ts) && k < j+8; k++ {
			if ts[k].punct == ')' {
				j = k + 1
				break
			}
		}
	}
	if j < len(ts) && ts[j].punct == ',' {
		for k := j + 1; k < len(ts) && k < j+25; k++ {
			if ts[k].punct == ',' {
				return k + 1
			}
		}
	}
	return j
}
