package classify

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stancemix/stance/internal/swar"
)

// This file dates statements: it finds the date expressions of a sentence
// ("said Wednesday", "in August 2019", "three weeks ago") and resolves them
// against a reference date, normally the date of the article.
//
// The scanner is hand-written: FindDate runs on every sentence, so it
// compiles no regexp, keeps its tokens in a stack array for ordinary
// sentences and looks words up in one read-only map without allocating.

// Grain says how precise an EventDate is.
type Grain int

// The grains, finest first.
const (
	GrainDay Grain = iota
	GrainWeek
	GrainMonth
	GrainYear
)

var grainNames = [...]string{"day", "week", "month", "year"}

func (g Grain) String() string {
	if g < 0 || int(g) >= len(grainNames) {
		return fmt.Sprintf("Grain(%d)", int(g))
	}
	return grainNames[g]
}

// ParseGrain is the inverse of [Grain.String].
func ParseGrain(s string) (Grain, error) {
	for i, n := range grainNames {
		if s == n {
			return Grain(i), nil
		}
	}
	return 0, fmt.Errorf("unknown grain %q (want day, week, month or year)", s)
}

// Preference says which way an ambiguous expression (a bare weekday, a day
// and month without a year, a bare month, "the 15th", "Easter") is resolved
// relative to the reference date.
type Preference int

const (
	// PreferPast, the default, is the news convention: "said Wednesday" is
	// the most recent Wednesday on or before the article date (a Wednesday
	// article's "Wednesday" is that day), "in March" is the most recent March
	// on or before it. One exception: when the sentence puts a future marker
	// ("will", "shall", "scheduled", "upcoming", "due") in the few words just
	// before the expression, it is resolved on or after the reference date,
	// so "talks will resume on June 3" in a May article is the coming June 3.
	PreferPast Preference = iota
	// PreferFuture resolves to the first matching date after the reference
	// date: a bare weekday equal to the reference weekday is a week later;
	// a day and month or a month equal to the reference one is the
	// reference's own (dateparser's and Duckling's convention).
	PreferFuture
	// PreferCurrent resolves within the reference's current period: a bare
	// weekday lies in the reference's Monday-to-Sunday week, a month or a
	// day and month in the reference's year, "the 15th" in its month.
	PreferCurrent
)

var preferenceNames = [...]string{"past", "future", "current"}

func (p Preference) String() string {
	if p < 0 || int(p) >= len(preferenceNames) {
		return fmt.Sprintf("Preference(%d)", int(p))
	}
	return preferenceNames[p]
}

// prefOnOrAfter is the internal preference PreferPast switches to under a
// future marker: the first match on or after the reference date.
const prefOnOrAfter Preference = -1

// An EventDate is a resolved date expression.
type EventDate struct {
	// Time is the date at 00:00 UTC: the start of the period for calendar
	// expressions ("in August 2019" is 2019-08-01, "last week" the Monday
	// of the week before), the reference date moved by the stated amount
	// for "ago" expressions ("two years ago" is the reference date two years
	// back, with month grain), and the start of the span for "last 2 weeks"
	// and "last decade".
	Time  time.Time
	Grain Grain
	// Expr is the expression as written, including a leading "on", "in",
	// "since" or "during": "Wednesday", "in August 2019".
	Expr string
	// Start and End are the byte offsets of Expr in the text searched.
	Start, End int
	// Inferred is true when the year was inferred (see [FindDateInYear])
	// rather than stated or anchored on a known article date.
	Inferred bool
}

// FindDate returns the date expression in text that best dates the event the
// sentence reports, resolved against the calendar date of ref (taken in
// ref's own location); ok is false when there is none.
//
// The rule: when a reporting verb ("said", "told", "announced", ...) has a
// date expression within three tokens of it, the nearest such expression
// wins, because it dates the statement itself ("Maduro, in power since 2013,
// said on Tuesday ..." is dated Tuesday). Otherwise the first expression in
// the text wins.
//
// With a zero ref only expressions that state their year ("in August 2019",
// "April 14, 2015") can be resolved; the others are skipped.
func FindDate(text string, ref time.Time, pref Preference) (EventDate, bool) {
	return findDate(text, refAnchor(ref, pref))
}

// FindDateInYear is [FindDate] for an article whose date is unknown but
// whose year is known or guessed, typically by [InferYear]: "March 2"
// resolves to March 2 of year and "in December" to December of year, with
// Inferred set. "this year", "last year" and "next year" resolve against
// year too. Expressions relative to an unknown day ("yesterday", "said
// Wednesday", "last week") cannot be resolved and are skipped; expressions
// that state their year resolve as written, with Inferred false.
func FindDateInYear(text string, year int) (EventDate, bool) {
	return findDate(text, yearAnchor(year))
}

// ResolveExpr resolves a whole string that is a date expression, such as
// "next tuesday", "March" or "in 2014". Unlike FindDate it accepts the
// expressions that are too ambiguous to pick out of running text: a bare
// "March", "May" (capitalised: a lone "may" is still the verb), "2014" or
// "the 15th". Surrounding spaces and a final full stop are ignored;
// anything else left over makes ok false.
func ResolveExpr(expr string, ref time.Time, pref Preference) (EventDate, bool) {
	a := refAnchor(ref, pref)
	var buf [24]dateToken
	p := dateParser{text: expr, toks: dateTokenize(expr, buf[:0]), whole: true}
	n := len(p.toks)
	for n > 0 && p.toks[n-1].kind == dtPunct && expr[p.toks[n-1].start] == '.' {
		n--
	}
	if n == 0 {
		return EventDate{}, false
	}
	p.toks = p.toks[:n]
	m, ok := p.matchAt(0)
	if !ok || m.end != n {
		return EventDate{}, false
	}
	return dateResolve(expr, p.toks[m.start].start, p.toks[m.end-1].end, m.spec, a)
}

// InferYear guesses the year an undated article was written in, from the
// years its text mentions. The guess is the latest year mentioned, plus one
// when that year is mentioned as over and done: right after a month name
// ("December 2020") in a sentence that speaks of it in the past ("was",
// "were", "had", "been", "held", "won", "since", "ago", ...) and not in the
// future ("will", "scheduled", ...). An article that reports "elections
// held in December 2020" was most likely written in 2021; one that mentions
// "his 2018 re-election" and nothing later was most likely written in 2018
// or soon after, and the guess says 2018.
//
// Years are four-digit numbers from 1900 to 2099 standing on their own (not
// part of "5,000", "$2019" or "2018-19") or starting an ISO date
// ("2021-05-27"). ok is false when the text mentions none.
func InferYear(text string) (int, bool) {
	// A year is a run of four digits, which always starts a token, so the
	// text is searched for such runs and only the two tokens before each
	// are scanned, not the whole text: an undated article is tokenised
	// for its dates sentence by sentence later anyway.
	best, bump := 0, false
	for i := dateNextDigit(text, 0); i < len(text); i = dateNextDigit(text, i) {
		start := i
		for i < len(text) && dateIsDigit(text[i]) {
			i++
		}
		if i-start != 4 || (text[start] != '1' && text[start] != '2') {
			continue
		}
		var t dateToken
		i = dateNumber(text, start, &t)
		if y, ok := dateYearToken(text, t); ok && y >= best {
			if y > best {
				best, bump = y, false
			}
			if !bump && dateMonthBefore(text, dateTokensBefore(text, start)) {
				bump = datePastSentence(text, t.start)
			}
		}
	}
	if best == 0 {
		return 0, false
	}
	if bump {
		best++
	}
	return best, true
}

// dateNextDigit returns the index of the first ASCII digit of text at or
// after i, len(text) if there is none. It tests eight bytes at a time
// (the exact test of Bit Twiddling Hacks' hasbetween): an article has a
// digit every few hundred bytes, and InferYear reads it all.
func dateNextDigit(text string, i int) int {
	const (
		ones = 0x0101010101010101
		low7 = 0x7f * ones
		high = 0x80 * ones
	)
	for ; i+8 <= len(text); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(text[i : i+8]))
		// Per byte, its low seven bits t: 127+':'-t has the high bit
		// set when t < ':', t+127-'/' when t > '/', and ^x when the byte
		// is ASCII; no sum carries into the next byte.
		t := x & low7
		if m := ((127+':')*ones - t) & ^x & (t + (127-'/')*ones) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(text) && !dateIsDigit(text[i]) {
		i++
	}
	return i
}

// dateTokensBefore returns the two tokens of text before the one that
// starts at byte end, as a scan from the start of text finds them, zero
// for those the text does not have. It scans from a space before end,
// where no token continues, going further back until it finds two.
func dateTokensBefore(text string, end int) [2]dateToken {
	var prev [2]dateToken
	for back := 32; ; back *= 4 {
		from := max(end-back, 0)
		for from > 0 && !dateSpace(text[from]) {
			from--
		}
		n := 0
		prev = [2]dateToken{}
		for pos := from; ; n++ {
			var t dateToken
			next := dateScan(text[:end], pos, &t)
			if next < 0 {
				break
			}
			pos = next
			prev[0], prev[1] = prev[1], t
		}
		if n >= 2 || from == 0 {
			return prev
		}
	}
}

// dateSpace reports whether c is an ASCII space, which no date token
// contains.
func dateSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// dateYearToken reports whether t is a stand-alone year.
func dateYearToken(text string, t dateToken) (int, bool) {
	if t.kind != dtNum || t.ndig != 4 || t.ord || t.val < 1900 || t.val > 2099 {
		return 0, false
	}
	if t.start > 0 {
		switch c := text[t.start-1]; c {
		case ',', '.', '$', '-', '/':
			if t.start > 1 && dateIsDigit(text[t.start-2]) {
				return 0, false
			}
			if c == '$' {
				return 0, false
			}
		}
	}
	if t.end < len(text) {
		if text[t.end] == '-' && t.end+3 < len(text) && text[t.end+3] == '-' {
			return t.val, true // an ISO date
		}
		switch text[t.end] {
		case ',', '.', '-', '/':
			if t.end+1 < len(text) && dateIsDigit(text[t.end+1]) {
				return 0, false
			}
		case '%':
			return 0, false
		}
	}
	return t.val, true
}

// dateMonthBefore reports whether the tokens before a year name a month, as
// in "December 2020" or "Dec. 2020".
func dateMonthBefore(text string, prev [2]dateToken) bool {
	if prev[1].kind == dtWord && prev[1].lex.kind == lxMonth {
		return true
	}
	return prev[1].kind == dtPunct && text[prev[1].start] == '.' &&
		prev[0].kind == dtWord && prev[0].lex.kind == lxMonth && prev[0].end == prev[1].start
}

// datePastSentence reports whether the sentence around byte i speaks in the
// past tense and not in the future.
func datePastSentence(text string, i int) bool {
	start, end := i, i
	for start > 0 && !dateSentenceEnd(text, start-1) {
		start--
	}
	for end < len(text) && !dateSentenceEnd(text, end) {
		end++
	}
	past := false
	for pos := start; pos < end; {
		t, next := dateNextToken(text[:end], pos)
		if next < 0 {
			break
		}
		pos = next
		if t.kind != dtWord {
			continue
		}
		switch t.lex.kind {
		case lxFuture:
			return false
		default:
			if t.lex.pastMark() {
				past = true
			}
		}
	}
	return past
}

// dateSentenceEnd reports whether text[i] ends a sentence, crudely: a full
// stop, question or exclamation mark followed by a space, or a newline.
func dateSentenceEnd(text string, i int) bool {
	switch text[i] {
	case '\n':
		return true
	case '.', '!', '?':
		return i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'
	}
	return false
}

// dateOf returns the calendar date of t, in t's location, at 00:00 UTC.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dateDay returns t.Format("2006-01-02"), written digit by digit for a
// year of four digits: Format parses its layout at every call, and
// Classifier.Article formats a date for most of its statements. Other
// years are left to Format.
func dateDay(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02")
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-',
		byte('0' + d/10), byte('0' + d%10),
	}
	return string(b[:])
}

func dateYMD(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func dateDaysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateValid reports whether d is a day of month m of year y.
func dateValid(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= dateDaysIn(y, m)
}

// dateAddMonths moves t by n months, keeping the day but clamping it to the
// end of a shorter month (March 31 minus one month is February 28 or 29).
func dateAddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	mi := int(m) - 1 + n
	y += dateFloorDiv(mi, 12)
	mi = mi - dateFloorDiv(mi, 12)*12 + 1
	if dd := dateDaysIn(y, mi); d > dd {
		d = dd
	}
	return dateYMD(y, mi, d)
}

func dateFloorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// dateWeekStart returns the Monday of t's week.
func dateWeekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -dateMondayIndex(int(t.Weekday())))
}

// dateMondayIndex maps a time.Weekday to its place in a Monday-first week.
func dateMondayIndex(wd int) int { return (wd + 6) % 7 }

// dateEaster returns Easter Sunday of year y (Gregorian computus).
func dateEaster(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return dateYMD(y, month, day)
}

// ---- tokens ----

type dateTokKind uint8

const (
	dtWord dateTokKind = iota
	dtNum
	dtPunct
)

type dateToken struct {
	start, end int
	kind       dateTokKind
	lex        dateLex // for words: the lexicon entry, zero if none
	val        int     // for numbers: the value (capped), -1 if glued to letters
	ndig       int     // for numbers: the count of digits
	ord        bool    // for numbers: has an ordinal suffix (1st, 15th)
	upper      bool    // for words: starts with an upper-case letter
}

// dateNextToken returns the token that starts at or after pos and the
// position after it; next is -1 at the end of text.
func dateNextToken(text string, pos int) (t dateToken, next int) {
	next = dateScan(text, pos, &t)
	return t, next
}

// dateScan is dateNextToken writing the token to *t, which it expects
// zero, rather than copying it out.
func dateScan(text string, pos int, t *dateToken) (next int) {
	for pos < len(text) {
		switch dateBytes[text[pos]] {
		case dbSpace:
			pos++
			continue
		case dbLetter:
			return dateWord(text, pos, t)
		case dbDigit:
			return dateNumber(text, pos, t)
		case dbMark:
			t.start, t.end, t.kind = pos, pos+1, dtPunct
			return pos + 1
		}
		r, size := utf8.DecodeRuneInString(text[pos:])
		if unicode.IsSpace(r) {
			pos += size
			continue
		}
		if unicode.IsLetter(r) {
			return dateWord(text, pos, t)
		}
		t.start, t.end, t.kind = pos, pos+size, dtPunct
		return pos + size
	}
	return -1
}

// dateBytes classes every byte for dateScan, by one load: an ASCII space
// (of those the date tokeniser skips), letter, digit or other mark, or 0
// for a byte of a rune beyond ASCII.
var dateBytes = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch b := byte(c); {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			t[c] = dbSpace
		case dateIsLetter(b):
			t[c] = dbLetter
		case dateIsDigit(b):
			t[c] = dbDigit
		default:
			t[c] = dbMark
		}
	}
	return t
}()

const (
	dbSpace = 1 + iota
	dbLetter
	dbDigit
	dbMark
)

func dateIsLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func dateIsDigit(c byte) bool  { return '0' <= c && c <= '9' }

// dateWord scans a run of letters. Apostrophes and hyphens end a word, so
// "year's" is "year", "'", "s" and "mid-March" is "mid", "-", "March".
func dateWord(text string, pos int, t *dateToken) int {
	t.start, t.kind = pos, dtWord
	if c := text[pos]; c < utf8.RuneSelf {
		// The usual word, ASCII letters ended by an ASCII byte or the
		// text's end, by table; any other goes the long way below.
		i := pos + 1
		for i < len(text) && dateBytes[text[i]] == dbLetter {
			i++
		}
		if i == len(text) || text[i] < utf8.RuneSelf {
			t.upper = 'A' <= c && c <= 'Z'
			t.end = i
			if i-pos <= dateLexMax {
				t.lex = dateLexWord(text, pos, i)
			}
			return i
		}
	}
	r, _ := utf8.DecodeRuneInString(text[pos:])
	t.upper = unicode.IsUpper(r)
	ascii := true
	i := pos
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !dateIsLetter(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		ascii = false
		i += size
	}
	t.end = i
	if ascii && i-pos <= dateLexMax {
		t.lex = dateLexWord(text, pos, i)
	}
	return i
}

// dateNumber scans a run of digits and an ordinal suffix (1st, 2nd, 3rd,
// 15th). A number glued to other letters ("10am", "5G") gets val -1.
func dateNumber(text string, pos int, t *dateToken) int {
	t.start, t.kind = pos, dtNum
	i := pos
	for i < len(text) && dateIsDigit(text[i]) {
		if t.val < 1e6 {
			t.val = t.val*10 + int(text[i]-'0')
		}
		t.ndig++
		i++
	}
	if i < len(text) && dateIsLetter(text[i]) {
		j := i
		for j < len(text) && dateIsLetter(text[j]) {
			j++
		}
		if dateOrdinalSuffix(text[i:j]) {
			t.ord = true
		} else {
			t.val = -1
		}
		i = j
	}
	t.end = i
	return i
}

// dateOrdinalSuffix reports whether s is st, nd, rd or th in any case.
func dateOrdinalSuffix(s string) bool {
	if len(s) != 2 {
		return false
	}
	switch string([]byte{s[0] | 0x20, s[1] | 0x20}) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// dateTokenize appends the tokens of text to toks.
func dateTokenize(text string, toks []dateToken) []dateToken {
	return dateTokenizeFrom(text, 0, toks)
}

// dateTokenizeFrom appends the tokens of text from byte pos to toks.
func dateTokenizeFrom(text string, pos int, toks []dateToken) []dateToken {
	for {
		toks = append(toks, dateToken{})
		next := dateScan(text, pos, &toks[len(toks)-1])
		if next < 0 {
			return toks[:len(toks)-1]
		}
		pos = next
	}
}

// dateTokensOf is dateTokenize(s, toks) for a cleaned sentence s whose
// attribution tokens are ts (from appendTokensLow): it reads the usual
// word, ASCII letters only, and the usual mark off them, and scans s
// again only for the others. The attribution tokeniser parts s wherever
// the date tokeniser does (at spaces, at marks and where letters end)
// and more, so that no date token spans two of its tokens or the spaces
// between them; those are spaces to both but \v and \f, marks to dates.
// FuzzDateTokensOf holds it to dateTokenize.
func dateTokensOf(s string, ts []tok, toks []dateToken) []dateToken {
	pos := 0 // the end of the tokens read
	for k := range ts {
		t := &ts[k]
		start, end := int(t.start), int(t.end)
		if start > pos && (start > pos+1 || s[pos] != ' ') {
			toks = dateTokenizeFrom(s[:start], pos, toks) // spaces, maybe \v or \f
		}
		pos = end
		switch {
		case t.punct != 0:
			if end-start == 1 && s[start] < utf8.RuneSelf {
				toks = append(toks, dateToken{start: start, end: end, kind: dtPunct})
				continue
			}
		case t.flags&fMayDate == 0 && end-start == len(t.text) && (t.flags>>dateLexShift != 0 || dateShortNoDigit(s, start, end) || dateNoDigit(s, start, end)):
			// ASCII letters and digits (see mayDate) but no digit (as
			// every word dateLexTable holds), its possessive, if any,
			// not cut off: a word to dates too, whose fold's flags tell
			// its slot in dateLexTable.
			dt := dateToken{start: start, end: end, kind: dtWord, upper: t.cap}
			if slot := t.flags >> dateLexShift; slot != 0 {
				dt.lex = dateLexTable[slot-1].lex
			}
			toks = append(toks, dt)
			continue
		}
		toks = dateTokenizeFrom(s[:end], start, toks)
	}
	if pos < len(s) {
		toks = dateTokenizeFrom(s, pos, toks) // spaces, maybe \v or \f
	}
	return toks
}

// dateShortNoDigit is dateNoDigit(s, i, j) for the usual word, of eight
// bytes or fewer with eight to read from its start, and false for the
// others, which dateNoDigit is asked after it: it is inlined into
// dateTokensOf's loop (go build -gcflags=-m), and the call it spares
// cost the loop about as much as the test.
func dateShortNoDigit(s string, i, j int) bool {
	const m = 0x4040404040404040
	mj := uint64(m) >> (64 - 8*uint(j-i))
	return j-i <= 8 && i+8 <= len(s) && swar.Load64(s, i)&mj == mj
}

// dateNoDigit reports whether s[i:j], one or more ASCII letters and
// digits, has no digit, eight bytes at a time: a letter has the bit 0x40
// set, a digit has not.
func dateNoDigit(s string, i, j int) bool {
	const m = 0x4040404040404040
	if n := uint(j - i); n <= 8 && i+8 <= len(s) {
		// The usual word: eight bytes read from its start, masked.
		mj := uint64(m) >> (64 - 8*n)
		return binary.LittleEndian.Uint64([]byte(s[i:i+8]))&mj == mj
	}
	for ; j-i > 8; i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&m != m {
			return false
		}
	}
	mj := uint64(m) >> (64 - 8*uint(j-i))
	return loadLE(s, i, j)&mj == mj
}

// ---- lexicon ----

type dateLexKind uint8

const (
	lxNone     dateLexKind = iota
	lxMonth                // val 1..12
	lxWeekday              // val time.Weekday
	lxNumWord              // val 1..20
	lxArticle              // "a", "an": one, before a unit
	lxOrdWord              // val 1..31
	lxUnit                 // val unitDay..unitDecade
	lxRelDay               // val offset in days: today 0, yesterday -1
	lxPart                 // morning, afternoon, evening, night
	lxLast                 // last, past, previous
	lxNext                 // next
	lxComing               // coming
	lxThis                 // this
	lxAgo                  // ago
	lxThe                  // the
	lxOf                   // of
	lxBefore               // before
	lxAfter                // after
	lxPrep                 // on, in, since, during: part of the expression
	lxCue                  // by, until, between, ...: a date may follow
	lxWeakCue              // to, and, for, ...: a month may follow, not a year
	lxPhase                // early, mid, late: val the day the phase starts
	lxEaster               // easter
	lxWeekend              // weekend
	lxFrom                 // from (also a cue)
	lxNow                  // now
	lxFuture               // will, shall, scheduled, upcoming, due
	lxPastMark             // was, were, had, been, held, since, ago ...
	lxReport               // said, told, announced ...
	lxHoliday              // good, black, ash ...: "Good Friday" is no weekday
	lxPaper                // times, telegraph ...: "Sunday Times" is a paper
)

const (
	unitDay = iota
	unitWeek
	unitMonth
	unitYear
	unitDecade
)

// dateLex is a lexicon entry.
type dateLex struct {
	kind dateLexKind
	val  int8
	// abbr marks words that are not always dates: may, march, april,
	// june, august and all abbreviations ("sun", "wed", "jan"); short
	// marks the abbreviations; plural marks "thursdays" and "weeks".
	abbr, short, plural bool
	past                bool // also a past-tense marker for InferYear
}

var dateLexicon = func() map[string]dateLex {
	m := map[string]dateLex{}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, n := range months {
		e := dateLex{kind: lxMonth, val: int8(i + 1)}
		switch n {
		case "march", "april", "may", "june", "august":
			e.abbr = true // also a verb, noun or name: needs a cue
		}
		m[n] = e
		if len(n) > 3 {
			m[n[:3]] = dateLex{kind: lxMonth, val: int8(i + 1), abbr: true, short: true}
		}
	}
	m["sept"] = dateLex{kind: lxMonth, val: 9, abbr: true, short: true}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, n := range days {
		m[n] = dateLex{kind: lxWeekday, val: int8(i)}
		m[n+"s"] = dateLex{kind: lxWeekday, val: int8(i), plural: true}
		m[n[:3]] = dateLex{kind: lxWeekday, val: int8(i), abbr: true, short: true}
	}
	for n, v := range map[string]int{"tues": 2, "weds": 3, "thur": 4, "thurs": 4} {
		m[n] = dateLex{kind: lxWeekday, val: int8(v), abbr: true, short: true}
	}
	nums := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty"}
	for i, n := range nums {
		m[n] = dateLex{kind: lxNumWord, val: int8(i + 1)}
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, n := range ords {
		m[n] = dateLex{kind: lxOrdWord, val: int8(i + 1)}
	}
	m["thirtieth"] = dateLex{kind: lxOrdWord, val: 30}
	m["a"] = dateLex{kind: lxArticle, val: 1}
	m["an"] = dateLex{kind: lxArticle, val: 1}
	units := []string{"day", "week", "month", "year", "decade"}
	for i, n := range units {
		m[n] = dateLex{kind: lxUnit, val: int8(i)}
		m[n+"s"] = dateLex{kind: lxUnit, val: int8(i), plural: true}
	}
	m["today"] = dateLex{kind: lxRelDay, val: 0}
	m["tonight"] = dateLex{kind: lxRelDay, val: 0}
	m["yesterday"] = dateLex{kind: lxRelDay, val: -1}
	m["tomorrow"] = dateLex{kind: lxRelDay, val: 1}
	for _, n := range []string{"morning", "afternoon", "evening", "night"} {
		m[n] = dateLex{kind: lxPart}
	}
	m["last"] = dateLex{kind: lxLast, past: true}
	m["past"] = dateLex{kind: lxLast}
	m["previous"] = dateLex{kind: lxLast, past: true}
	m["next"] = dateLex{kind: lxNext}
	m["coming"] = dateLex{kind: lxComing}
	m["this"] = dateLex{kind: lxThis}
	m["ago"] = dateLex{kind: lxAgo, past: true}
	m["the"] = dateLex{kind: lxThe}
	m["of"] = dateLex{kind: lxOf}
	m["before"] = dateLex{kind: lxBefore}
	m["after"] = dateLex{kind: lxAfter}
	for _, n := range []string{"on", "in", "during"} {
		m[n] = dateLex{kind: lxPrep}
	}
	m["since"] = dateLex{kind: lxPrep, past: true}
	for _, n := range []string{"by", "until", "till", "through", "throughout", "between"} {
		m[n] = dateLex{kind: lxCue}
	}
	for _, n := range []string{"to", "and", "or", "at", "for", "around"} {
		m[n] = dateLex{kind: lxWeakCue}
	}
	m["from"] = dateLex{kind: lxFrom}
	m["early"] = dateLex{kind: lxPhase, val: 1}
	m["mid"] = dateLex{kind: lxPhase, val: 11}
	m["late"] = dateLex{kind: lxPhase, val: 21}
	m["easter"] = dateLex{kind: lxEaster}
	m["weekend"] = dateLex{kind: lxWeekend}
	m["now"] = dateLex{kind: lxNow}
	for _, n := range []string{"will", "shall", "ll", "scheduled", "upcoming", "due"} {
		m[n] = dateLex{kind: lxFuture}
	}
	for _, n := range []string{"was", "were", "had", "been", "held", "won", "lost", "took", "did", "former"} {
		m[n] = dateLex{kind: lxPastMark}
	}
	for _, n := range []string{"said", "says", "say", "told", "tells", "announced", "stated",
		"added", "noted", "warned", "wrote", "tweeted", "posted", "declared", "insisted", "urged",
		"stressed", "reiterated", "argued", "claimed", "proposed", "commented", "remarked",
		"explained", "affirmed", "emphasized", "emphasised", "acknowledged", "denied",
		"confirmed", "admitted", "suggested", "complained", "vowed", "pledged", "promised",
		"threatened", "demanded", "accused", "criticized", "criticised", "praised", "condemned",
		"rejected", "welcomed", "signalled", "signaled", "indicated", "asserted", "replied",
		"responded", "announces", "tells"} {
		m[n] = dateLex{kind: lxReport}
	}
	for _, n := range []string{"good", "black", "ash", "super", "bloody", "palm", "cyber", "holy", "maundy", "shrove", "whit", "trinity", "low"} {
		m[n] = dateLex{kind: lxHoliday}
	}
	for _, n := range []string{"times", "telegraph", "express", "mail", "mirror", "post", "herald",
		"independent", "tribune", "star", "observer", "world", "sport", "people", "journal",
		"magazine", "edition"} {
		m[n] = dateLex{kind: lxPaper}
	}
	return m
}()

// dateLexMax is the length of the longest word dateLexWord looks up.
const dateLexMax = 16

// dateLexTable holds the words of dateLexicon, all ASCII letters, in an
// open-addressed table keyed by their bytes as two little-endian numbers,
// zero-padded: dateLexWord reads a word eight bytes at a time, lower-cases
// it with one OR and compares it with two, with no pass a byte.
var dateLexTable = func() (t [512]dateLexSlot) {
	for k, v := range dateLexicon {
		if !dateLexKeyed(k) {
			continue // dateWord reads no such word
		}
		k0, k1 := dateLexKey(k, 0, len(k))
		i := dateLexHash(k0, k1)
		for t[i].k0 != 0 {
			i = (i + 1) % uint32(len(t))
		}
		t[i] = dateLexSlot{k0, k1, v}
	}
	return t
}()

// A dateLexSlot is a word of dateLexTable, k0 zero for an empty slot.
type dateLexSlot struct {
	k0, k1 uint64 // the word's first and next eight bytes
	lex    dateLex
}

// dateLexKeyed reports whether dateLexTable holds the word k of
// dateLexicon: one to dateLexMax ASCII letters in lower case, as
// dateWord looks words up.
func dateLexKeyed(k string) bool {
	return k != "" && len(k) <= dateLexMax && strings.ToLower(k) == k && dateLetterWord(k)
}

// dateLexSlotOf returns the slot of dateLexTable that holds the word k;
// ok is false when it holds none.
func dateLexSlotOf(k string) (slot int, ok bool) {
	if !dateLexKeyed(k) {
		return 0, false
	}
	k0, k1 := dateLexKey(k, 0, len(k))
	for s := dateLexHash(k0, k1); dateLexTable[s].k0 != 0; s = (s + 1) % uint32(len(dateLexTable)) {
		if dateLexTable[s].k0 == k0 && dateLexTable[s].k1 == k1 {
			return int(s), true
		}
	}
	return 0, false
}

// dateLetterWord reports whether w is ASCII letters only.
func dateLetterWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !dateIsLetter(w[i]) {
			return false
		}
	}
	return true
}

// dateLexKey returns the word text[i:j], one to dateLexMax ASCII letters,
// lower-cased, as dateLexTable keys it.
func dateLexKey(text string, i, j int) (k0, k1 uint64) {
	const lower = 0x2020202020202020 // a letter OR 0x20 is the letter in lower case
	if n := j - i; n > 8 {
		return loadLE(text, i, i+8) | lower, loadLE(text, i+8, j) | lower>>(128-8*n)
	}
	return loadLE(text, i, j) | lower>>(64-8*(j-i)), 0
}

// dateLexHash is the slot of dateLexTable where the search for a key
// starts: the top nine bits of a multiplicative hash.
func dateLexHash(k0, k1 uint64) uint32 {
	return uint32(((k0 ^ k1*0xbf58476d1ce4e5b9) * 0x9e3779b97f4a7c15) >> 55)
}

// dateLexWord is dateLexicon[strings.ToLower(text[i:j])] for a word of
// one to dateLexMax ASCII letters. Where text has sixteen bytes from i,
// as it mostly has, it reads them and masks the word's.
func dateLexWord(text string, i, j int) dateLex {
	var k0, k1 uint64
	if n := uint(j - i); i+16 <= len(text) {
		const lower = 0x2020202020202020
		k0 = binary.LittleEndian.Uint64([]byte(text[i:i+8])) | lower
		k1 = binary.LittleEndian.Uint64([]byte(text[i+8:i+16])) | lower
		if n <= 8 {
			k0, k1 = k0&(1<<(8*n)-1), 0
		} else {
			k1 &= 1<<(8*(n-8)) - 1
		}
	} else {
		k0, k1 = dateLexKey(text, i, j)
	}
	for s := dateLexHash(k0, k1); ; s = (s + 1) % uint32(len(dateLexTable)) {
		e := &dateLexTable[s]
		if e.k0 == k0 && e.k1 == k1 {
			return e.lex
		}
		if e.k0 == 0 {
			return dateLex{}
		}
	}
}

// pastMark reports whether a word marks the past tense for InferYear.
func (l dateLex) pastMark() bool { return l.kind == lxPastMark || l.past }

// dateStarts holds the lexicon kinds of the words an expression may start
// with, for matchAt (a preposition) and core (the others): dateFind tries
// no match at the others, the cues, reporting verbs and the like that
// are most of the lexicon's words in a sentence, where core would find
// none. TestDateStarts holds it to core.
var dateStarts = func() (starts [256]bool) {
	for _, k := range []dateLexKind{lxPrep, lxRelDay, lxThe, lxNumWord, lxArticle, lxOrdWord, lxMonth, lxWeekday,
		lxLast, lxNext, lxComing, lxThis, lxPhase, lxEaster} {
		starts[k] = true
	}
	return starts
}()

// ---- grammar ----

// dateSpecKind is what a matched expression means, before resolution.
type dateSpecKind uint8

const (
	skRelDay     dateSpecKind = iota // days: offset from ref
	skWeekday                        // wd, mod; n for "2 thursdays ago"
	skDate                           // month, day, optional year and wd
	skMonth                          // month, optional year, mod, phase
	skYear                           // year
	skDayOfMonth                     // day, mod: which month (modPref, modLast, modThis, modNext)
	skRelUnit                        // unit, mod: this/last/next week, month, year, weekend
	skAgo                            // n units ago (dir -1) or from now (dir +1)
	skSpan                           // last/next n units
	skEaster                         // mod
	skWeekOf                         // wd of this/last/next week: wd, n = week offset
	skISO                            // year, month, day stated
)

// Modifiers.
const (
	modPref   = iota // resolve by preference
	modThis          // this <x>
	modLast          // last/past/previous <x>: strictly before
	modNext          // next <x>
	modComing        // coming <x>: strictly after
)

// dateSpec is small (14 bytes; years have four digits and counts three)
// because matchAt, core and the functions after them return it by value
// in a dateMatch, at each token where an expression may start.
type dateSpec struct {
	kind        dateSpecKind
	month, day  int8 // 0 when not stated
	wd          int8 // -1 when none
	mod         int8
	unit, dir   int8
	phase       int8 // 1, 11 or 21 for early, mid, late; 0 for none
	weekendUnit bool
	year        int16 // 0 when not stated
	n           int16
}

// dateMatch is a matched expression: tokens [start, end) of the parser.
type dateMatch struct {
	start, end int
	spec       dateSpec
}

type dateParser struct {
	text  string
	toks  []dateToken
	whole bool // ResolveExpr: the text is one expression, accept bare forms
}

func (p *dateParser) tok(i int) *dateToken {
	if i < 0 || i >= len(p.toks) {
		return &dateNoToken
	}
	return &p.toks[i]
}

// dateNoToken is what dateParser.tok returns outside the tokens; it is
// never written to.
var dateNoToken = dateToken{kind: dtPunct, start: -1, val: -1}

// lexAt returns the lexicon kind of token i, lxNone if it is no word.
func (p *dateParser) lexAt(i int) dateLexKind {
	t := p.tok(i)
	if t.kind != dtWord {
		return lxNone
	}
	return t.lex.kind
}

// punctAt reports whether token i is the punctuation byte c.
func (p *dateParser) punctAt(i int, c byte) bool {
	t := p.tok(i)
	return t.kind == dtPunct && t.start >= 0 && p.text[t.start] == c
}

// number returns the value of a count at token i: digits, "two", "a".
func (p *dateParser) number(i int) (int, bool) {
	t := p.tok(i)
	switch {
	case t.kind == dtNum && !t.ord && t.val > 0 && t.ndig <= 3:
		return t.val, true
	case t.kind == dtWord && (t.lex.kind == lxNumWord || t.lex.kind == lxArticle):
		return int(t.lex.val), true
	}
	return 0, false
}

// dayNum returns a day of month at token i: 1..31, "15th", "first".
func (p *dateParser) dayNum(i int) (int, bool) {
	t := p.tok(i)
	switch {
	case t.kind == dtNum && t.val >= 1 && t.val <= 31 && t.ndig <= 2:
		return t.val, true
	case t.kind == dtWord && t.lex.kind == lxOrdWord:
		return int(t.lex.val), true
	}
	return 0, false
}

// ordinal reports whether token i is an ordinal day ("15th", "first").
func (p *dateParser) ordinal(i int) (int, bool) {
	t := p.tok(i)
	if (t.kind == dtNum && t.ord) || (t.kind == dtWord && t.lex.kind == lxOrdWord) {
		return p.dayNum(i)
	}
	return 0, false
}

// yearAt returns a four-digit year 1000..2999 at token i.
func (p *dateParser) yearAt(i int) (int, bool) {
	t := p.tok(i)
	if t.kind == dtNum && !t.ord && t.ndig == 4 && t.val >= 1000 && t.val < 3000 {
		// Not "2014-15" or "2,014".
		if t.end < len(p.text) && (p.text[t.end] == '-' || p.text[t.end] == ',') &&
			t.end+1 < len(p.text) && dateIsDigit(p.text[t.end+1]) {
			return 0, false
		}
		return t.val, true
	}
	return 0, false
}

// monthAt returns the month at token i and the index after it, skipping
// the full stop of an abbreviation ("Sept.").
func (p *dateParser) monthAt(i int) (m, next int, ok bool) {
	t := p.tok(i)
	if t.kind != dtWord || t.lex.kind != lxMonth {
		return 0, i, false
	}
	next = i + 1
	if t.lex.short && p.punctAt(next, '.') && p.tok(next).start == t.end {
		next++
	}
	return int(t.lex.val), next, true
}

// cue reports whether token i (the one before an expression) makes a
// bare month or year a date: "in", "since", "by", "early", "last" ...
func (p *dateParser) cue(i int) bool {
	switch p.lexAt(i) {
	case lxPrep, lxCue, lxWeakCue, lxFrom, lxPhase, lxOf, lxBefore, lxAfter:
		return true
	}
	return p.whole && i < 0
}

// yearCue reports whether token i (the one before a number) makes the
// number a year: "in 2014", "since 2014", "by 2030", "early 2019", but not
// "to 2000", "around 2000" or "of 2000", where it is more often a count.
func (p *dateParser) yearCue(i int) bool {
	switch p.lexAt(i) {
	case lxPrep, lxCue, lxFrom, lxPhase, lxBefore, lxAfter:
		return true
	}
	return false
}

// skipComma skips one comma at i.
func (p *dateParser) skipComma(i int) int {
	if p.punctAt(i, ',') {
		return i + 1
	}
	return i
}

// yearAfter reads an optional ", 2015" or " 2015" at i.
func (p *dateParser) yearAfter(i int) (year, next int) {
	j := p.skipComma(i)
	if y, ok := p.yearAt(j); ok {
		return y, j + 1
	}
	return 0, i
}

// matchAt matches the longest expression starting at token i (including a
// leading preposition that belongs to it).
func (p *dateParser) matchAt(i int) (dateMatch, bool) {
	t := p.tok(i)
	if t.kind == dtWord && t.lex.kind == lxPrep {
		if m, ok := p.core(i+1, true); ok {
			m.start = i
			return m, true
		}
		return dateMatch{}, false
	}
	return p.core(i, p.cue(i-1))
}

// core matches an expression starting at token i; cue says whether the
// token before makes bare months and years acceptable.
func (p *dateParser) core(i int, cue bool) (dateMatch, bool) {
	t := p.tok(i)
	cue = cue || (p.whole && i == 0)
	mk := func(end int, s dateSpec) (dateMatch, bool) {
		return dateMatch{start: i, end: end, spec: s}, true
	}
	switch t.kind {
	case dtNum:
		return p.numberFirst(i, cue)
	case dtPunct:
		return dateMatch{}, false
	}
	switch t.lex.kind {
	case lxRelDay:
		end := i + 1
		if p.lexAt(end) == lxPart {
			end++
		}
		return mk(end, dateSpec{kind: skRelDay, n: int16(t.lex.val), wd: -1})
	case lxThe:
		return p.theFirst(i, cue)
	case lxNumWord, lxArticle:
		return p.numberFirst(i, cue)
	case lxOrdWord:
		return p.numberFirst(i, cue)
	case lxMonth:
		return p.monthFirst(i, cue, modPref)
	case lxWeekday:
		return p.weekdayFirst(i)
	case lxLast, lxNext, lxComing, lxThis:
		return p.modFirst(i)
	case lxPhase:
		j := i + 1
		if p.punctAt(j, '-') {
			j++
		}
		if mo, next, ok := p.monthAt(j); ok {
			y, end := p.yearAfter(next)
			return mk(end, dateSpec{kind: skMonth, month: int8(mo), year: int16(y), phase: t.lex.val, wd: -1})
		}
	case lxEaster:
		end := i + 1
		if p.lexAt(end) == lxWeekday && p.tok(end).lex.val == 0 {
			end++
		}
		if y, next := p.yearAfter(end); y != 0 {
			return mk(next, dateSpec{kind: skEaster, year: int16(y), wd: -1})
		}
		return mk(end, dateSpec{kind: skEaster, wd: -1})
	}
	return dateMatch{}, false
}

// numberFirst matches expressions that start with a number or number word:
// "3rd march", "10 December 2015", "20th of the previous month", "a week
// ago", "2 thursdays ago", "2014", "2021-05-27".
func (p *dateParser) numberFirst(i int, cue bool) (dateMatch, bool) {
	mk := func(end int, s dateSpec) (dateMatch, bool) {
		s.wd = -1
		return dateMatch{start: i, end: end, spec: s}, true
	}
	// n units ago, n units from now, n weekdays ago.
	if n, ok := p.number(i); ok {
		j := i + 1
		switch p.lexAt(j) {
		case lxUnit:
			u := int(p.tok(j).lex.val)
			if p.lexAt(j+1) == lxAgo {
				return mk(j+2, dateSpec{kind: skAgo, n: int16(n), unit: int8(u), dir: -1})
			}
			if p.lexAt(j+1) == lxFrom && p.lexAt(j+2) == lxNow {
				return mk(j+3, dateSpec{kind: skAgo, n: int16(n), unit: int8(u), dir: 1})
			}
		case lxWeekday:
			if p.lexAt(j+1) == lxAgo && !p.tok(j).lex.abbr {
				s := dateSpec{kind: skWeekday, mod: modLast, n: int16(n)}
				m, _ := mk(j+2, s)
				m.spec.wd = p.tok(j).lex.val
				return m, true
			}
		}
	}
	// ISO dates and years.
	if t := p.tok(i); t.kind == dtNum && t.ndig == 4 && p.punctAt(i+1, '-') && p.punctAt(i+3, '-') {
		mt, dt := p.tok(i+2), p.tok(i+4)
		if mt.kind == dtNum && dt.kind == dtNum && mt.ndig == 2 && dt.ndig == 2 &&
			p.tok(i+1).start == t.end && mt.start == p.tok(i+1).end &&
			dt.start == p.tok(i+3).end && dateValid(t.val, mt.val, dt.val) &&
			(dt.end == len(p.text) || !dateIsDigit(p.text[dt.end])) {
			return mk(i+5, dateSpec{kind: skISO, year: int16(t.val), month: int8(mt.val), day: int8(dt.val)})
		}
	}
	if y, ok := p.yearAt(i); ok {
		if cue && (p.whole || p.yearCue(i-1)) && y >= 1800 && y <= 2200 {
			return mk(i+1, dateSpec{kind: skYear, year: int16(y)})
		}
		return dateMatch{}, false
	}
	d, ok := p.dayNum(i)
	if !ok {
		return dateMatch{}, false
	}
	j := i + 1
	of := false
	if p.lexAt(j) == lxOf {
		j++
		of = true
	}
	if mo, next, ok := p.monthAt(j); ok {
		y, end := p.yearAfter(next)
		// "officials said 5 may die": a lower-case may, march, ... right
		// after a number is no month unless a year follows.
		if mt := p.tok(j); y == 0 && !of && !p.whole && mt.lex.abbr && !mt.upper {
			return dateMatch{}, false
		}
		return mk(end, dateSpec{kind: skDate, month: int8(mo), day: int8(d), year: int16(y)})
	}
	_, ord := p.ordinal(i)
	if of && ord {
		// "20th of the previous month", "20th of this month".
		k := j
		if p.lexAt(k) == lxThe {
			k++
		}
		mod := -1
		switch p.lexAt(k) {
		case lxLast:
			mod = modLast
		case lxThis:
			mod = modThis
		case lxNext, lxComing:
			mod = modNext
		}
		if mod >= 0 && p.lexAt(k+1) == lxUnit && p.tok(k+1).lex.val == unitMonth {
			return mk(k+2, dateSpec{kind: skDayOfMonth, day: int8(d), mod: int8(mod)})
		}
	}
	return dateMatch{}, false
}

// theFirst matches "the day before yesterday", "the day after tomorrow",
// "the first of march", "the 15th", "the past two weeks", "the last decade".
func (p *dateParser) theFirst(i int, cue bool) (dateMatch, bool) {
	j := i + 1
	switch p.lexAt(j) {
	case lxUnit:
		if p.tok(j).lex.val == unitDay {
			switch {
			case p.lexAt(j+1) == lxBefore && p.lexAt(j+2) == lxRelDay && p.tok(j+2).lex.val == -1:
				return dateMatch{start: i, end: j + 3, spec: dateSpec{kind: skRelDay, n: -2, wd: -1}}, true
			case p.lexAt(j+1) == lxAfter && p.lexAt(j+2) == lxRelDay && p.tok(j+2).lex.val == 1:
				return dateMatch{start: i, end: j + 3, spec: dateSpec{kind: skRelDay, n: 2, wd: -1}}, true
			}
		}
		return dateMatch{}, false
	case lxLast, lxNext:
		if m, ok := p.modFirst(j); ok && (m.spec.kind == skSpan || m.spec.kind == skAgo) {
			m.start = i
			return m, true
		}
		return dateMatch{}, false
	}
	d, ok := p.ordinal(j)
	if !ok {
		return dateMatch{}, false
	}
	if m, ok := p.numberFirst(j, false); ok && m.spec.kind != skYear {
		m.start = i
		return m, true
	}
	// "the 15th" alone: only after "on" or as the whole expression; "the
	// 15th century" and "the 15th amendment" are no dates.
	next := p.tok(j + 1)
	if cue && (next.start < 0 || next.kind == dtPunct) {
		return dateMatch{start: i, end: j + 1, spec: dateSpec{kind: skDayOfMonth, day: int8(d), mod: modPref, wd: -1}}, true
	}
	return dateMatch{}, false
}

// monthFirst matches "March 3", "sept. 1st", "April 14, 2015", "October
// 2014", "March", "May 2019".
func (p *dateParser) monthFirst(i int, cue bool, mod int) (dateMatch, bool) {
	mo, j, ok := p.monthAt(i)
	if !ok {
		return dateMatch{}, false
	}
	mk := func(end int, s dateSpec) (dateMatch, bool) {
		s.wd = -1
		s.mod = int8(mod)
		return dateMatch{start: i, end: end, spec: s}, true
	}
	if d, ok := p.dayNum(j); ok {
		t := p.tok(j)
		// Not "May 5,000" or "March 3:30" or "may 2 percent"... the last
		// cannot be told apart cheaply; accept.
		if t.kind != dtNum || t.end >= len(p.text) || (p.text[t.end] != ':' && !(p.text[t.end] == ',' && t.end+1 < len(p.text) && dateIsDigit(p.text[t.end+1]))) {
			y, end := p.yearAfter(j + 1)
			return mk(end, dateSpec{kind: skDate, month: int8(mo), day: int8(d), year: int16(y)})
		}
	}
	if y, ok := p.yearAt(j); ok {
		return mk(j+1, dateSpec{kind: skMonth, month: int8(mo), year: int16(y)})
	}
	if p.lexAt(j) == lxOf {
		if y, ok := p.yearAt(j + 1); ok {
			return mk(j+2, dateSpec{kind: skMonth, month: int8(mo), year: int16(y)})
		}
	}
	// A bare month. In running text it needs a cue word before it ("in
	// March", "since January", "last May"), except for the full names no
	// other word shares ("January", "July"); the ambiguous ones (may,
	// march, april, june, august) and abbreviations must be capitalised,
	// and an abbreviation must carry its dot: "they may agree", "the march
	// on the capital" and "Jan Egeland" are no months.
	if t := p.tok(i); p.whole && t.lex.val == 5 && !t.upper {
		return dateMatch{}, false // a lone "may" is the verb even on its own
	}
	if !p.whole {
		t := p.tok(i)
		if (t.lex.abbr && !t.upper) || (t.lex.short && j == i+1) {
			return dateMatch{}, false
		}
		if !cue && mod == modPref && (t.lex.abbr || !t.upper) {
			return dateMatch{}, false
		}
	}
	return mk(j, dateSpec{kind: skMonth, month: int8(mo)})
}

// weekdayFirst matches "Wednesday", "Sunday, Feb 10", "Thursday, May 27,
// 2021", "monday of this week", "Friday night".
func (p *dateParser) weekdayFirst(i int) (dateMatch, bool) {
	t := p.tok(i)
	wd := int(t.lex.val)
	if t.lex.plural {
		return dateMatch{}, false
	}
	j := i + 1
	if t.lex.short && p.punctAt(j, '.') && p.tok(j).start == t.end {
		j++
	}
	k := p.skipComma(j)
	if m, ok := p.monthFirst(k, false, modPref); ok && m.spec.kind == skDate {
		m.start, m.spec.wd = i, int8(wd)
		return m, true
	}
	if d, ok := p.dayNum(k); ok {
		if mo, next, ok := p.monthAt(k + 1); ok {
			y, end := p.yearAfter(next)
			return dateMatch{start: i, end: end, spec: dateSpec{kind: skDate, month: int8(mo), day: int8(d), year: int16(y), wd: int8(wd)}}, true
		}
	}
	if t.lex.abbr {
		return dateMatch{}, false // "sat", "wed", "sun" alone are words
	}
	// Holidays and newspapers: "Good Friday", "Sunday Times".
	if p.lexAt(i-1) == lxHoliday && p.tok(i-1).upper && t.upper {
		return dateMatch{}, false
	}
	if n := p.tok(j); n.kind == dtWord && n.upper && n.lex.kind == lxPaper && t.upper {
		return dateMatch{}, false
	}
	if p.lexAt(j) == lxOf {
		k := j + 1
		off := 0
		switch p.lexAt(k) {
		case lxThis:
		case lxLast:
			off = -1
		case lxNext:
			off = 1
		default:
			k = -1
		}
		if k > 0 && p.lexAt(k+1) == lxUnit && p.tok(k+1).lex.val == unitWeek {
			return dateMatch{start: i, end: k + 2, spec: dateSpec{kind: skWeekOf, wd: int8(wd), n: int16(off)}}, true
		}
	}
	end := j
	if p.lexAt(end) == lxPart {
		end++
	}
	return dateMatch{start: i, end: end, spec: dateSpec{kind: skWeekday, wd: int8(wd), mod: modPref}}, true
}

// modFirst matches expressions that start with last, past, previous, next,
// coming or this.
func (p *dateParser) modFirst(i int) (dateMatch, bool) {
	mod := modThis
	switch p.lexAt(i) {
	case lxLast:
		mod = modLast
	case lxNext:
		mod = modNext
	case lxComing:
		mod = modComing
	}
	j := i + 1
	if mod == modThis && p.lexAt(j) == lxComing { // "this coming Monday"
		mod = modComing
		j++
	}
	mk := func(end int, s dateSpec) (dateMatch, bool) {
		return dateMatch{start: i, end: end, spec: s}, true
	}
	t := p.tok(j)
	if t.kind != dtWord {
		if n, ok := p.number(j); ok && mod != modThis && mod != modComing {
			if p.lexAt(j+1) == lxUnit && p.tok(j+1).lex.plural || (n == 1 && p.lexAt(j+1) == lxUnit) {
				return mk(j+2, dateSpec{kind: skSpan, n: int16(n), unit: p.tok(j + 1).lex.val, mod: int8(mod), wd: -1})
			}
		}
		return dateMatch{}, false
	}
	switch t.lex.kind {
	case lxWeekday:
		if t.lex.plural || t.lex.abbr {
			return dateMatch{}, false
		}
		end := j + 1
		if p.lexAt(end) == lxPart {
			end++
		}
		return mk(end, dateSpec{kind: skWeekday, wd: t.lex.val, mod: int8(mod)})
	case lxUnit:
		u := int(t.lex.val)
		if t.lex.plural {
			return dateMatch{}, false
		}
		if u == unitDecade {
			if mod == modLast {
				return mk(j+1, dateSpec{kind: skAgo, n: 1, unit: unitDecade, dir: -1, wd: -1})
			}
			return dateMatch{}, false
		}
		if u == unitDay || mod == modComing {
			return dateMatch{}, false
		}
		return mk(j+1, dateSpec{kind: skRelUnit, unit: int8(u), mod: int8(mod), wd: -1})
	case lxWeekend:
		if mod == modComing {
			mod = modThis
		}
		return mk(j+1, dateSpec{kind: skRelUnit, weekendUnit: true, mod: int8(mod), wd: -1})
	case lxMonth:
		if mod == modComing {
			mod = modNext
		}
		m, ok := p.monthFirst(j, true, mod)
		if !ok {
			return dateMatch{}, false
		}
		if m.spec.kind != skMonth || m.spec.year != 0 {
			return dateMatch{}, false // "last March 3" is rare; leave it
		}
		m.start = i
		return m, true
	case lxEaster:
		end := j + 1
		if p.lexAt(end) == lxWeekday && p.tok(end).lex.val == 0 {
			end++
		}
		return mk(end, dateSpec{kind: skEaster, mod: int8(mod), wd: -1})
	case lxPart:
		if mod == modLast && p.text[t.start]|0x20 == 'n' { // last night
			return mk(j+1, dateSpec{kind: skRelDay, n: -1, wd: -1})
		}
		if mod == modThis {
			return mk(j+1, dateSpec{kind: skRelDay, n: 0, wd: -1})
		}
	case lxNumWord, lxArticle:
		if mod == modThis || mod == modComing {
			return dateMatch{}, false
		}
		n := int(t.lex.val)
		if p.lexAt(j+1) == lxUnit && (p.tok(j+1).lex.plural || n == 1) && t.lex.kind == lxNumWord {
			return mk(j+2, dateSpec{kind: skSpan, n: int16(n), unit: p.tok(j + 1).lex.val, mod: int8(mod), wd: -1})
		}
	}
	return dateMatch{}, false
}

// ---- resolution ----

// dateAnchor is what expressions are resolved against.
type dateAnchor struct {
	ref      time.Time // calendar date at 00:00 UTC
	hasRef   bool
	year     int // with yearOnly: the known or inferred year
	yearOnly bool
	pref     Preference
}

// refAnchor anchors dates to the day of ref, if it is not zero, as
// FindDate does.
func refAnchor(ref time.Time, pref Preference) dateAnchor {
	a := dateAnchor{pref: pref}
	if !ref.IsZero() {
		a.ref = dateOf(ref)
		a.hasRef = true
	}
	return a
}

// yearAnchor anchors dates to a year only, as FindDateInYear does.
func yearAnchor(year int) dateAnchor { return dateAnchor{year: year, yearOnly: true} }

// dateResolve turns a match into an EventDate; ok is false when the anchor
// cannot resolve it.
//
// It takes the text and offsets rather than the parser so that the parser,
// and the token array behind it, can stay on the stack.
func dateResolve(text string, start, end int, s dateSpec, a dateAnchor) (EventDate, bool) {
	e := EventDate{Expr: text[start:end], Start: start, End: end}
	t, g, inferred, ok := resolveSpec(s, a)
	if !ok {
		return EventDate{}, false
	}
	e.Time, e.Grain, e.Inferred = t, g, inferred
	return e, true
}

// resolveSpec resolves s against a.
func resolveSpec(s dateSpec, a dateAnchor) (t time.Time, g Grain, inferred, ok bool) {
	// Stated years first: they need no anchor.
	switch s.kind {
	case skISO:
		return dateYMD(int(s.year), int(s.month), int(s.day)), GrainDay, false, true
	case skYear:
		return dateYMD(int(s.year), 1, 1), GrainYear, false, true
	case skDate:
		if s.year != 0 {
			if !dateValid(int(s.year), int(s.month), int(s.day)) {
				return
			}
			return dateYMD(int(s.year), int(s.month), int(s.day)), GrainDay, false, true
		}
	case skMonth:
		if s.year != 0 {
			return dateMonthStart(int(s.year), int(s.month), int(s.phase))
		}
	case skEaster:
		if s.year != 0 {
			return dateEaster(int(s.year)), GrainDay, false, true
		}
	}
	if a.yearOnly {
		return resolveInYear(s, a.year)
	}
	if !a.hasRef {
		return
	}
	r, pref := a.ref, a.pref
	y, mo, _ := r.Date()
	switch s.kind {
	case skRelDay:
		return r.AddDate(0, 0, int(s.n)), GrainDay, false, true
	case skWeekday:
		return dateWeekday(r, int(s.wd), int(s.mod), int(s.n), pref), GrainDay, false, true
	case skWeekOf:
		return dateWeekStart(r).AddDate(0, 0, 7*int(s.n)+dateMondayIndex(int(s.wd))), GrainDay, false, true
	case skDate:
		t, ok := dateMonthDay(r, int(s.month), int(s.day), int(s.wd), pref)
		return t, GrainDay, false, ok
	case skMonth:
		yy := y
		m := time.Month(s.month)
		switch s.mod {
		case modThis:
		case modLast:
			if m >= mo {
				yy--
			}
		case modNext:
			if m <= mo {
				yy++
			}
		default:
			switch pref {
			case PreferPast:
				if m > mo {
					yy--
				}
			case PreferFuture, prefOnOrAfter:
				if m < mo {
					yy++
				}
			}
		}
		return dateMonthStart(yy, int(s.month), int(s.phase))
	case skDayOfMonth:
		return dateDayOfMonth(r, int(s.day), int(s.mod), pref)
	case skRelUnit:
		k := dateModOffset(int(s.mod))
		if s.weekendUnit {
			return dateWeekStart(r).AddDate(0, 0, 5+7*k), GrainDay, false, true
		}
		switch s.unit {
		case unitWeek:
			return dateWeekStart(r).AddDate(0, 0, 7*k), GrainWeek, false, true
		case unitMonth:
			return dateYMD(y, int(mo)+k, 1), GrainMonth, false, true
		case unitYear:
			return dateYMD(y+k, 1, 1), GrainYear, false, true
		}
	case skAgo:
		n := int(s.n) * int(s.dir)
		switch s.unit {
		case unitDay:
			return r.AddDate(0, 0, n), GrainDay, false, true
		case unitWeek:
			return r.AddDate(0, 0, 7*n), GrainDay, false, true
		case unitMonth:
			return dateAddMonths(r, n), GrainDay, false, true
		case unitYear:
			return dateAddMonths(r, 12*n), GrainMonth, false, true
		case unitDecade:
			return dateAddMonths(r, 120*n), GrainYear, false, true
		}
	case skSpan:
		n := int(s.n)
		if s.mod == modNext {
			n = -1 // the span starts with the next period
		}
		switch s.unit {
		case unitDay:
			if s.mod == modNext {
				return r.AddDate(0, 0, 1), GrainDay, false, true
			}
			return r.AddDate(0, 0, -n), GrainDay, false, true
		case unitWeek:
			return dateWeekStart(r).AddDate(0, 0, -7*n), GrainWeek, false, true
		case unitMonth:
			return dateYMD(y, int(mo)-n, 1), GrainMonth, false, true
		case unitYear:
			return dateYMD(y-n, 1, 1), GrainYear, false, true
		case unitDecade:
			if s.mod == modNext {
				return
			}
			return dateAddMonths(r, -120*n), GrainYear, false, true
		}
	case skEaster:
		e := dateEaster(y)
		switch s.mod {
		case modThis:
		case modLast:
			if !e.Before(r) {
				e = dateEaster(y - 1)
			}
		case modNext, modComing:
			if !e.After(r) {
				e = dateEaster(y + 1)
			}
		default:
			switch pref {
			case PreferPast:
				if e.After(r) {
					e = dateEaster(y - 1)
				}
			case PreferFuture, prefOnOrAfter:
				if e.Before(r) {
					e = dateEaster(y + 1)
				}
			}
		}
		return e, GrainDay, false, true
	}
	return
}

// resolveInYear resolves s when only the year is known.
func resolveInYear(s dateSpec, year int) (t time.Time, g Grain, inferred, ok bool) {
	switch s.kind {
	case skDate:
		if !dateValid(year, int(s.month), int(s.day)) {
			return
		}
		return dateYMD(year, int(s.month), int(s.day)), GrainDay, true, true
	case skMonth:
		if s.mod != modPref && s.mod != modThis {
			return
		}
		t, g, _, ok = dateMonthStart(year, int(s.month), int(s.phase))
		return t, g, true, ok
	case skRelUnit:
		if s.unit == unitYear && !s.weekendUnit {
			k := dateModOffset(int(s.mod))
			return dateYMD(year+k, 1, 1), GrainYear, true, true
		}
	}
	return
}

// dateModOffset returns -1 for last, +1 for next, 0 otherwise.
func dateModOffset(mod int) int {
	switch mod {
	case modLast:
		return -1
	case modNext:
		return 1
	}
	return 0
}

// dateMonthStart returns the start of a month, or of its early, mid or late
// part (the 1st, 11th or 21st, at week grain, the grain closest to a third
// of a month).
func dateMonthStart(y, m, phase int) (time.Time, Grain, bool, bool) {
	if phase != 0 {
		return dateYMD(y, m, phase), GrainWeek, false, true
	}
	return dateYMD(y, m, 1), GrainMonth, false, true
}

// dateWeekday resolves a weekday relative to r.
func dateWeekday(r time.Time, wd, mod, n int, pref Preference) time.Time {
	rw := int(r.Weekday())
	back := (rw - wd + 7) % 7 // days back to the last such day, 0 if today
	fwd := (wd - rw + 7) % 7  // days on to the next such day, 0 if today
	switch mod {
	case modLast:
		if back == 0 {
			back = 7
		}
		if n < 1 {
			n = 1
		}
		return r.AddDate(0, 0, -back-7*(n-1))
	case modNext:
		return dateWeekStart(r).AddDate(0, 0, 7+dateMondayIndex(wd))
	case modComing:
		if fwd == 0 {
			fwd = 7
		}
		return r.AddDate(0, 0, fwd)
	}
	switch pref {
	case PreferFuture:
		if fwd == 0 && mod != modThis {
			fwd = 7
		}
		return r.AddDate(0, 0, fwd)
	case prefOnOrAfter:
		return r.AddDate(0, 0, fwd)
	case PreferCurrent:
		return dateWeekStart(r).AddDate(0, 0, dateMondayIndex(wd))
	}
	return r.AddDate(0, 0, -back)
}

// dateMonthDay resolves a day and month without a year. With a weekday
// ("Sunday, Feb 10") the year next to the preferred one whose date falls on
// that weekday wins; if none does, the weekday is ignored.
func dateMonthDay(r time.Time, m, d, wd int, pref Preference) (time.Time, bool) {
	y := r.Year()
	pick := func(y int) (time.Time, bool) {
		if !dateValid(y, m, d) {
			return time.Time{}, false
		}
		return dateYMD(y, m, d), true
	}
	best, ok := time.Time{}, false
	this, thisOK := pick(y)
	switch pref {
	case PreferCurrent:
		best, ok = this, thisOK
	case PreferFuture, prefOnOrAfter:
		if !thisOK || this.Before(r) {
			best, ok = pick(y + 1)
		} else {
			best, ok = this, true
		}
	default:
		if !thisOK || this.After(r) {
			best, ok = pick(y - 1)
		} else {
			best, ok = this, true
		}
	}
	if !ok {
		// February 29 in a common year: the nearest leap year in the
		// preferred direction.
		for k := 1; k <= 8 && !ok; k++ {
			yy := y - k
			if pref == PreferFuture || pref == prefOnOrAfter {
				yy = y + k
			}
			best, ok = pick(yy)
		}
		if !ok {
			return time.Time{}, false
		}
	}
	if wd < 0 || int(best.Weekday()) == wd {
		return best, true
	}
	var found time.Time
	for _, yy := range []int{best.Year() - 1, best.Year() + 1, best.Year() - 2, best.Year() + 2} {
		if t, ok := pick(yy); ok && int(t.Weekday()) == wd {
			found = t
			break
		}
	}
	if found.IsZero() {
		return best, true
	}
	return found, true
}

// dateDayOfMonth resolves "the 15th" (mod modPref) and "the 20th of the
// previous month".
func dateDayOfMonth(r time.Time, d, mod int, pref Preference) (time.Time, Grain, bool, bool) {
	y, m, rd := r.Date()
	step := 0
	switch mod {
	case modLast:
		m--
	case modNext:
		m++
	case modThis:
	default:
		switch pref {
		case PreferPast:
			if d > rd {
				m--
			}
			step = -1
		case PreferFuture, prefOnOrAfter:
			if d < rd {
				m++
			}
			step = 1
		}
	}
	for k := 0; k < 12; k++ {
		first := dateYMD(y, int(m), 1)
		if dateValid(first.Year(), int(first.Month()), d) {
			return dateYMD(first.Year(), int(first.Month()), d), GrainDay, false, true
		}
		if step == 0 {
			break
		}
		m += time.Month(step)
	}
	return time.Time{}, 0, false, false
}

// ---- selection ----

// findDate scans text for date expressions and picks one (see FindDate).
func findDate(text string, a dateAnchor) (EventDate, bool) {
	var buf [64]dateToken
	return dateFind(text, dateTokenize(text, buf[:0]), a)
}

// dateFind is findDate for toks, the tokens of text. (The two come
// apart so that the result, which holds a part of text, does not make
// the tokens escape as parts of one dateParser would, and so that
// Classifier.Article can read the tokens off attribution's.)
func dateFind(text string, toks []dateToken, a dateAnchor) (EventDate, bool) {
	if !dateAnchored(toks) {
		return EventDate{}, false
	}
	p := &dateParser{text: text, toks: toks}
	var (
		best     EventDate
		found    bool
		bestDist = 1 << 30
	)
	for i := 0; i < len(p.toks); {
		if t := &p.toks[i]; t.kind == dtPunct || (t.kind == dtWord && !dateStarts[t.lex.kind]) {
			i++ // no expression starts here
			continue
		}
		m, ok := p.matchAt(i)
		if !ok {
			i++
			continue
		}
		i = m.end
		aa := a
		if a.pref == PreferPast && m.spec.mod == modPref && p.futureBefore(m.start) {
			aa.pref = prefOnOrAfter
		}
		e, ok := dateResolve(text, p.toks[m.start].start, p.toks[m.end-1].end, m.spec, aa)
		if !ok {
			continue
		}
		dist := p.reportDistance(m.start, m.end)
		if !found {
			best, found = e, true
			if dist <= 3 {
				bestDist = dist
			}
			continue
		}
		if dist <= 3 && dist < bestDist {
			best, bestDist = e, dist
		}
	}
	return best, found
}

// dateAnchored reports whether toks hold a token that every expression
// the grammar matches has: a number, a month, a weekday, a day word
// ("today"), an ordinal word, a unit ("week"), "weekend", "Easter" or a
// part of the day ("last night"). Most sentences have none, and findDate
// need not try an expression at each "the", "in" and "said".
func dateAnchored(toks []dateToken) bool {
	for k := range toks {
		switch t := &toks[k]; {
		case t.kind == dtNum:
			return true
		case t.kind == dtWord && t.lex.anchors():
			return true
		}
	}
	return false
}

// anchors reports whether a word of this entry anchors an expression (see
// dateAnchored).
func (l dateLex) anchors() bool {
	switch l.kind {
	case lxMonth, lxWeekday, lxRelDay, lxOrdWord, lxUnit, lxWeekend, lxEaster, lxPart:
		return true
	}
	return false
}

// futureBefore reports whether a future marker ("will", "scheduled") comes
// within the five tokens before token i, with no reporting verb or clause
// punctuation in between.
func (p *dateParser) futureBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := &p.toks[k]
		if t.kind == dtPunct {
			switch p.text[t.start] {
			case ',', ';', ':', '.', '"':
				return false
			}
			continue
		}
		switch t.lex.kind {
		case lxFuture:
			return true
		case lxReport:
			return false
		}
	}
	return false
}

// reportDistance returns the number of tokens between the expression
// [start, end) and the nearest reporting verb, 1<<30 if there is none.
func (p *dateParser) reportDistance(start, end int) int {
	best := 1 << 30
	for k := range p.toks {
		if t := &p.toks[k]; t.kind != dtWord || t.lex.kind != lxReport {
			continue
		}
		var d int
		switch {
		case k < start:
			d = start - k - 1
		case k >= end:
			d = k - end
		default:
			continue
		}
		if d < best {
			best = d
		}
	}
	return best
}
