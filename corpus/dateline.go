package corpus

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseDate parses the date of an article's metadata, such as the value of
// a "date 2021-05-27" or "Date: May 27, 2021" line. It accepts, with
// surrounding spaces:
//
//	2021-05-27   2021/05/27   2021.05.27   27.05.2021
//	May 27, 2021   May 27 2021   May 27th, 2021   27 May 2021   27th of May 2021
//	Thursday, May 27, 2021   Thu, 27 May 2021 10:00:00 GMT
//	2021-05-27T10:00:00Z (RFC 3339)
//
// Month and weekday names may be abbreviated, with or without a dot, in
// any case. Slashed or dashed day-first and month-first dates (27/05/2021,
// 05/27/2021) are accepted only when the day is over 12, so that the order
// is not in doubt. A time after the date is ignored: the result is the date
// as written, at 00:00 UTC, even if an RFC 3339 offset would put the
// instant on another day in UTC.
//
// A date without a year ("May 27", "27 May") is returned with year 0 and
// ok true: the caller infers the year, for instance from the article's
// other dates. The weekday is not checked against the date.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if dlIsDigit(s[0]) {
		if t, ok := dlNumericDate(s); ok {
			return t, true
		}
	}
	return dlWordDate(s)
}

// Dateline recognises a wire-service dateline at the very start of an
// article body, such as
//
//	CARACAS, May 27 (Reuters) -
//	WASHINGTON (AP) —
//	Caracas, 27 May 2021 -
//	SAN JOSE, Costa Rica, May 27 (AP) —
//
// It returns the place as written ("CARACAS", "SAN JOSE, Costa Rica") and
// the date, if the dateline has one: a zero date when it has none, and a
// date with year 0 when it gives no year (the caller infers the year, as
// with [ParseDate]). The dateline must end with a dash (-, --, – or —)
// on the first line, and the place must be capitalised words; to tell a
// dateline from a sentence such as "Biden, the president - ...", it must
// also have a date, a news agency in parentheses, or a place in capitals.
func Dateline(s string) (place string, date time.Time, ok bool) {
	s = strings.TrimLeft(s, " \t\r\n\ufeff")
	head, found := dlHead(s)
	if !found {
		return "", time.Time{}, false
	}
	agency := false
	if strings.HasSuffix(head, ")") {
		open := strings.LastIndexByte(head, '(')
		if open < 0 {
			return "", time.Time{}, false
		}
		name := head[open+1 : len(head)-1]
		if !dlAgency(name) {
			return "", time.Time{}, false
		}
		agency = true
		head = strings.TrimSpace(head[:open])
	}
	segs := strings.Split(head, ",")
	for i := range segs {
		segs[i] = strings.TrimSpace(segs[i])
	}
	n := len(segs) // segs[:n] is the place
	for k := 1; k < len(segs); k++ {
		if d, ok := ParseDate(strings.Join(segs[k:], ", ")); ok {
			date, n = d, k
			break
		}
	}
	for _, seg := range segs[:n] {
		if !dlPlace(seg) {
			return "", time.Time{}, false
		}
	}
	if date.IsZero() && !agency && !dlCapitals(segs[0]) {
		return "", time.Time{}, false
	}
	return strings.Join(segs[:n], ", "), date, true
}

// dlHead returns the text before the dash that ends a dateline on the first
// line of s, within its first 120 bytes.
func dlHead(s string) (string, bool) {
	limit := min(len(s), 120)
	for i := 0; i < limit; {
		c := s[i]
		if c == '\n' || c == '\r' {
			return "", false
		}
		if c == '-' {
			// A spaced hyphen or a double hyphen, not "Port-au-Prince".
			prevSpace := i > 0 && (s[i-1] == ' ' || s[i-1] == ')')
			next := i + 1
			if next < len(s) && s[next] == '-' {
				next++
				prevSpace = true
			}
			if prevSpace && (next == len(s) || s[next] == ' ') {
				return strings.TrimSpace(s[:i]), i > 0
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '—' || r == '–' {
				return strings.TrimSpace(s[:i]), i > 0
			}
			i += size
			continue
		}
		i++
	}
	return "", false
}

// dlAgency reports whether name looks like a news agency: "Reuters", "AP",
// "AFP", "dpa", "Xinhua".
func dlAgency(name string) bool {
	if name == "" || len(name) > 30 {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && r != ' ' && r != '.' && r != '-' && r != '/' && r != '&' {
			return false
		}
	}
	return true
}

// dlPlace reports whether seg is one to five capitalised words.
func dlPlace(seg string) bool {
	words := strings.Fields(seg)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			// Lower-case particles in names: "Port of Spain", "Dar es Salaam".
			switch w {
			case "of", "de", "del", "la", "es", "al", "el", "da", "do", "au":
				continue
			}
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' && r != '-' {
				return false
			}
		}
	}
	return true
}

// dlCapitals reports whether seg has no lower-case letters and at least two
// letters.
func dlCapitals(seg string) bool {
	letters := 0
	for _, r := range seg {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func dlIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// dlNumericDate parses all-digit dates: 2021-05-27, 2021/05/27,
// 2021.05.27, 27.05.2021, 27/05/2021, RFC 3339.
func dlNumericDate(s string) (time.Time, bool) {
	n1, i := dlDigits(s, 0)
	if i == 0 || i >= len(s) {
		return time.Time{}, false
	}
	sep := s[i]
	if sep != '-' && sep != '/' && sep != '.' {
		return time.Time{}, false
	}
	n2, j := dlDigits(s, i+1)
	if j == i+1 || j >= len(s) || s[j] != sep {
		return time.Time{}, false
	}
	n3, k := dlDigits(s, j+1)
	if k == j+1 {
		return time.Time{}, false
	}
	rest := s[k:]
	var y, m, d int
	switch {
	case i == 4 && j-i-1 <= 2 && k-j-1 <= 2: // year first
		y, m, d = n1, n2, n3
		if strings.HasPrefix(rest, "T") {
			if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
				return time.Time{}, false
			}
			rest = ""
		}
	case k-j-1 == 4 && i <= 2 && j-i-1 <= 2: // year last
		y = n3
		switch {
		case sep == '.':
			d, m = n1, n2
		case n1 > 12:
			d, m = n1, n2
		case n2 > 12:
			m, d = n1, n2
		default:
			return time.Time{}, false // 03/04/2021: March 4 or 3 April?
		}
	default:
		return time.Time{}, false
	}
	if rest != "" && !dlTimeRest(rest) {
		return time.Time{}, false
	}
	return dlDate(y, m, d)
}

// dlDigits reads up to 4 digits at s[i:].
func dlDigits(s string, i int) (n, end int) {
	for end = i; end < len(s) && end-i < 4 && dlIsDigit(s[end]); end++ {
		n = n*10 + int(s[end]-'0')
	}
	if end < len(s) && dlIsDigit(s[end]) {
		return 0, i // too long
	}
	return n, end
}

// dlTimeRest reports whether rest is a time after a date: " 10:00",
// " 10:00:00 GMT", " 10:00:00 +0000".
func dlTimeRest(rest string) bool {
	f := strings.Fields(rest)
	if len(f) == 0 {
		return true
	}
	if !strings.Contains(f[0], ":") || !dlIsDigit(f[0][0]) {
		return false
	}
	for _, r := range f[0] {
		if !dlIsDigit(byte(r)) && r != ':' && r != '.' {
			return false
		}
	}
	return len(f) <= 2
}

// dlDate validates and builds a date; y may be 0 (unknown).
func dlDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	// Year 0 is a leap year in the proleptic Gregorian calendar, so
	// "February 29" without a year is accepted.
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false
	}
	return t, true
}

var dlMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var dlWeekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
}

// dlWordDate parses dates with month names.
func dlWordDate(s string) (time.Time, bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(fields) == 0 {
		return time.Time{}, false
	}
	word := func(f string) string { return strings.ToLower(strings.TrimSuffix(f, ".")) }
	if dlWeekdays[word(fields[0])] {
		fields = fields[1:]
	}
	var y, m, d int
	i := 0
	day := func(f string) (int, bool) {
		f = strings.ToLower(f)
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(f, suf) {
				f = f[:len(f)-2]
				break
			}
		}
		if f == "" || len(f) > 2 {
			return 0, false
		}
		n := 0
		for j := 0; j < len(f); j++ {
			if !dlIsDigit(f[j]) {
				return 0, false
			}
			n = n*10 + int(f[j]-'0')
		}
		return n, n >= 1 && n <= 31
	}
	if i >= len(fields) {
		return time.Time{}, false
	}
	if mm, ok := dlMonths[word(fields[i])]; ok { // May 27[th][,] [2021]
		m = mm
		i++
		if i >= len(fields) {
			return time.Time{}, false
		}
		dd, ok := day(fields[i])
		if !ok {
			return time.Time{}, false
		}
		d = dd
		i++
	} else if dd, ok := day(fields[i]); ok { // 27[th] [of] May [2021]
		d = dd
		i++
		if i < len(fields) && strings.EqualFold(fields[i], "of") {
			i++
		}
		if i >= len(fields) {
			return time.Time{}, false
		}
		mm, ok := dlMonths[word(fields[i])]
		if !ok {
			return time.Time{}, false
		}
		m = mm
		i++
	} else {
		return time.Time{}, false
	}
	if i < len(fields) && len(fields[i]) == 4 && dlIsDigit(fields[i][0]) {
		yy, end := dlDigits(fields[i], 0)
		if end != 4 {
			return time.Time{}, false
		}
		y = yy
		i++
	}
	if i < len(fields) && !dlTimeRest(strings.Join(fields[i:], " ")) {
		return time.Time{}, false
	}
	return dlDate(y, m, d)
}
