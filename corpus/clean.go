package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Clean returns the normalised form of s that models and matchers see;
// the original text is kept beside it. It applies, in order: repair of
// UTF-8 text that was decoded as Windows-1252 ("â€™" for "’"), NFC,
// straight quotes and apostrophes, "-" for dashes and minus signs, one
// space for every kind of space and zero-width characters removed, and
// the removal of machine-translation debris: letters of another script
// inside a Latin-script word ("Gonz" + Tamil + "lez" becomes "Gonzlez", a
// form the actor matcher's fuzzy lookup maps onto "Gonzalez"). A whole
// word in another script is kept. Runs of spaces become one.
//
// Plain ASCII text with no double spaces is returned as is, without
// allocating.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = fixMojibake(s)
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	prevSpace := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			r = '\uFFFD'
		case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '′' || r == 'ʼ':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '‟' || r == '″' || r == '«' || r == '»':
			r = '"'
		case r == '–' || r == '—' || r == '−' || r == '‒' || r == '―' || r == '‐' || r == '‑':
			r = '-'
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060' || r == '\u00ad':
			i += n
			continue
		case r != '\n' && unicode.IsSpace(r):
			r = ' '
		case isForeignLetter(r) && insideLatinWord(s, i, n):
			i += n
			continue
		}
		if r == ' ' {
			if prevSpace {
				i += n
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

// isPlain reports printable ASCII with no double spaces.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' {
			if c == '\n' {
				continue
			}
			return false
		}
		if c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// fixMojibake undoes UTF-8 read as Windows-1252 when s shows its marks.
func fixMojibake(s string) string {
	if !strings.ContainsAny(s, "ÃÂâ") {
		return s
	}
	enc, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil || !utf8.ValidString(enc) || enc == s {
		return s
	}
	return enc
}

// isForeignLetter reports letters and marks of scripts other than Latin,
// Greek and Cyrillic... in news in English only Latin is expected inside a
// Latin word, so any non-Latin letter or mark there is debris.
func isForeignLetter(r rune) bool {
	if r < 0x80 {
		return false
	}
	if unicode.Is(unicode.Latin, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// insideLatinWord reports whether the rune at s[i:i+n] sits between
// Latin letters, skipping other foreign runes: "Gonz<...>lez".
func insideLatinWord(s string, i, n int) bool {
	before := false
	for j := i; j > 0; {
		r, m := utf8.DecodeLastRuneInString(s[:j])
		if isForeignLetter(r) {
			j -= m
			continue
		}
		before = unicode.Is(unicode.Latin, r)
		break
	}
	if !before {
		return false
	}
	for j := i + n; j < len(s); {
		r, m := utf8.DecodeRuneInString(s[j:])
		if isForeignLetter(r) {
			j += m
			continue
		}
		return unicode.Is(unicode.Latin, r)
	}
	return false
}

var foldChain = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// Fold returns the matching key of s: Clean, diacritics removed, lower
// case, and every run of characters other than letters and digits made
// one space, apostrophes included: "González" and "Gonzalez" fold alike,
// "U.S." folds to "u s" and "Biden's" to "biden s", so the name is still a
// word of its own.
func Fold(s string) string {
	s = Clean(s)
	if !isPlain(s) {
		if t, _, err := transform.String(foldChain, s); err == nil {
			s = t
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}
