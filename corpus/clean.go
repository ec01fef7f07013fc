package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/stancemix/stance/internal/swar"
)

// Clean returns the normalised form of s that models and matchers see;
// the original text is kept beside it. It applies, in order: invalid
// bytes become U+FFFD; NFC; zero-width characters removed; the removal of
// machine-translation debris, letters and marks of another script inside
// a Latin-script word ("Gonz" + Tamil + "lez" becomes "Gonzlez", a form
// the actor matcher's fuzzy lookup maps onto "Gonzalez"), while a whole
// word in another script is kept; repair of UTF-8 that was decoded as
// Windows-1252 ("â€™" for "’", "Ã©" for "é", "â€" alone for "”"); these repeat until nothing
// changes, so Clean is idempotent. Then straight quotes and apostrophes,
// "-" for dashes and minus signs, one space for every kind of space
// (newlines are kept), and runs of spaces become one.
//
// Plain ASCII text with no double spaces is returned as is, without
// allocating.
func Clean(s string) string {
	n := plainLen(s)
	if n == len(s) {
		return s
	}
	// A settled string keeps its plain start as it is (settled reads no
	// neighbours of its characters, and the start is ASCII), so the loop
	// below takes up after it; the rounds may change it.
	if !settled(s[n:]) {
		n = 0
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		for range 8 { // each round only shortens s; two are the most seen
			t := norm.NFC.String(s)
			t = dropDebris(t)
			t = fixMojibake(t)
			if t == s {
				break
			}
			s = t
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:n])
	prevSpace := n > 0 && s[n-1] == ' '
	for i := n; i < len(s); {
		if s[i] < utf8.RuneSelf {
			// Copy the run of ASCII that stays as it is at once.
			j := i
			for j < len(s) {
				if j+8 <= len(s) {
					// Eight bytes from ' ' to 0x7f with no space after
					// a space, at once (see isPlain).
					const ones, highs = 0x0101010101010101, 0x8080808080808080
					w, prev := swar.Load64(s, j), uint64(0)
					if prevSpace {
						prev = 0x80
					}
					sp := ^((w ^ 0x20*ones) + 0x7f*ones) & highs
					if (w|(w-0x20*ones)&^w)&highs == 0 && sp&(sp<<8|prev) == 0 {
						prevSpace = sp>>63 != 0
						j += 8
						continue
					}
				}
				c := s[j]
				if c >= utf8.RuneSelf || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == ' ' && prevSpace {
					break
				}
				prevSpace = c == ' '
				j++
			}
			if j > i {
				b.WriteString(s[i:j])
				i = j
				continue
			}
			// A space after a space, or a tab or other space control.
			i++
			if !prevSpace {
				b.WriteByte(' ')
				prevSpace = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '′' || r == 'ʼ':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '‟' || r == '″' || r == '«' || r == '»':
			r = '"'
		case r == '–' || r == '—' || r == '−' || r == '‒' || r == '―' || r == '‐' || r == '‑':
			r = '-'
		case unicode.IsSpace(r):
			r = ' '
		}
		if r == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPlain reports printable ASCII (and newlines) with no double spaces:
// text that Clean would return unchanged.
func isPlain(s string) bool { return plainLen(s) == len(s) }

// plainLen returns the length of the plain start of s, as isPlain has it,
// up to the first byte outside ' '...'~' other than a newline, or the
// second space of the first pair: len(s) when s is plain. It reads eight
// bytes at a time up to the first block that is not plain, most often
// one with a newline, and from there one at a time.
func plainLen(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i, prev := 0, uint64(0) // prev: 0x80 when the byte before s[i] is a space
	for ; i+8 <= len(s); i += 8 {
		w := swar.Load64(s, i)
		if (w|(w+ones)|(w-0x20*ones)&^w)&highs != 0 {
			break // a byte from 0x7f or below 0x20
		}
		// The top bit of each space, exactly: no byte carries into the
		// next, all being below 0x80.
		sp := ^((w ^ 0x20*ones) + 0x7f*ones) & highs
		if sp&(sp<<8|prev) != 0 {
			break // a double space
		}
		prev = sp >> 56
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' {
			if c == '\n' {
				continue
			}
			return i
		}
		if c == ' ' && i > 0 && s[i-1] == ' ' {
			return i
		}
	}
	return i
}

// settled reports whether s is valid UTF-8 that the rounds of Clean
// (NFC, dropDebris, fixMojibake) leave as it is, because every character
// past ASCII is one of stillRunes: the curly quotes and dashes of most
// news sentences, and accented Latin letters. It reads ASCII eight bytes
// at a time and looks the other characters up, where the rounds cost
// some 3,000 instructions for a sentence with a pair of curly quotes.
// FuzzSettled holds it to the rounds.
func settled(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && swar.Load64(s, i)&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		var n int
		switch {
		case c == 0xE2 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// U+2000 to U+2FFF, the curly quotes and dashes among
			// them, decoded here: DecodeRuneInString took some 100
			// instructions for a character of three bytes.
			r, n = 0x2000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		case 0xC2 <= c && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		default:
			r, n = utf8.DecodeRuneInString(s[i:]) // U+FFFD for a bad byte: not still
		}
		switch {
		case r < stillLatinEnd:
			if !stillRunes.latin[r-utf8.RuneSelf] {
				return false
			}
		case stillPunctStart <= r && r < stillPunctEnd:
			if !stillRunes.punct[r-stillPunctStart] {
				return false
			}
		default:
			return false
		}
		i += n
	}
	return true
}

// The blocks that stillRunes covers: Latin-1 Supplement and Latin
// Extended-A and -B; General Punctuation, super- and subscripts and
// currency symbols.
const (
	stillLatinEnd   = 0x250
	stillPunctStart = 0x2000
	stillPunctEnd   = 0x20D0
)

// stillRunes marks the characters of its blocks that no round of Clean
// changes in a string of them and ASCII: NFC leaves them (quick check
// yes, no combining class, so none composes with or reorders around
// another), they are not zero-width or foreign (dropDebris) and not a
// lead of mojibake (fixMojibake: "Â", "Ã", "Ä", "Å", "â").
var stillRunes = func() (t struct {
	latin [stillLatinEnd - utf8.RuneSelf]bool
	punct [stillPunctEnd - stillPunctStart]bool
}) {
	still := func(r rune) bool {
		c := string(r)
		return norm.NFC.PropertiesString(c).BoundaryBefore() && norm.NFC.IsNormalString(c) &&
			!isZeroWidth(r) && !isForeign(r) && !hasMojibakeLead(c)
	}
	for i := range t.latin {
		t.latin[i] = still(utf8.RuneSelf + rune(i))
	}
	for i := range t.punct {
		t.punct[i] = still(stillPunctStart + rune(i))
	}
	return t
}()

// isZeroWidth reports invisible characters that Clean removes.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad', '\u180e':
		return true
	}
	return false
}

// dropDebris removes zero-width characters, and letters and marks of a
// non-Latin script that sit inside a Latin-script word.
func dropDebris(s string) string {
	var b []byte // nil until something is dropped
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j+8 <= len(s) && swar.Load64(s, j)&0x8080808080808080 == 0 {
				j += 8
			}
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if b != nil {
				b = append(b, s[i:j]...)
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		drop := 0
		switch {
		case isZeroWidth(r):
			drop = n
		case r >= 0x80 && isForeign(r):
			// The run of foreign letters and marks (inherited marks
			// included) from here.
			j := i + n
			for j < len(s) {
				r2, m := utf8.DecodeRuneInString(s[j:])
				if !isForeign(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += m
			}
			if latinBefore(s[:i]) && latinAfter(s[j:]) {
				drop = j - i
			} else {
				n = j - i
			}
		}
		if drop > 0 {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			i += drop
			continue
		}
		if b != nil {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// isForeign reports letters and marks of a script other than Latin. The
// combining diacritics that accent Latin letters (U+0300..., see
// isLatinMark) are not foreign; other marks that Unicode gives no script
// of their own are: Arabic vowel signs, the kana voicing marks and the
// ideographic tone marks of CJK text.
//
// General Punctuation (U+2000-U+206F: curly quotes, dashes, spaces) has
// neither letters nor marks; it is answered first, without the tables,
// as news text has it in most sentences.
func isForeign(r rune) bool {
	if r < 0x80 || 0x2000 <= r && r <= 0x206F || unicode.Is(unicode.Latin, r) || isLatinMark(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// isLatinMark reports the combining diacritical marks used with Latin
// letters: the Combining Diacritical Marks blocks and their supplements.
func isLatinMark(r rune) bool {
	return 0x0300 <= r && r <= 0x036F || 0x1AB0 <= r && r <= 0x1AFF || 0x1DC0 <= r && r <= 0x1DFF ||
		0x20D0 <= r && r <= 0x20FF || 0xFE20 <= r && r <= 0xFE2F
}

// latinBefore reports whether s ends with a Latin letter, perhaps
// followed by combining diacritics.
func latinBefore(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if isLatinMark(r) {
			s = s[:len(s)-n]
			continue
		}
		return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r)
	}
	return false
}

// latinAfter reports whether s starts with a Latin letter.
func latinAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r)
}

// fixMojibake undoes UTF-8 that was read as Windows-1252, one character at
// a time: a lead that mojibake shows ("Â", "Ã", "Ä", "Å" for Latin
// letters, "â" for punctuation) followed by the continuation characters
// whose Windows-1252 bytes complete a valid UTF-8 sequence. Other text,
// "É”" in capitals for one, is left alone.
func fixMojibake(s string) string {
	if !hasMojibakeLead(s) {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if seq, size, m := mojibakeAt(s[i:], r); m > 0 {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			b = append(b, seq[:size]...)
			i += m
			continue
		}
		if b != nil {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// hasMojibakeLead reports whether s holds one of "Â", "Ã", "Ä", "Å", "â"
// (0xC3 then 0x82-0x85 or 0xA2 in UTF-8).
func hasMojibakeLead(s string) bool {
	for {
		i := strings.IndexByte(s, 0xC3)
		if i < 0 || i+1 >= len(s) {
			return false
		}
		if c := s[i+1]; 0x82 <= c && c <= 0x85 || c == 0xA2 {
			return true
		}
		s = s[i+1:]
	}
}

// mojibakeAt returns the UTF-8 bytes (seq[:size]) of the character whose
// mojibake starts s (its first rune is r), and the length in s of that
// mojibake; n is 0 when s does not start with one.
func mojibakeAt(s string, r rune) (seq [4]byte, size, n int) {
	switch r {
	case 'Â', 'Ã', 'Ä', 'Å':
		size = 2
	case 'â':
		size = 3
	default:
		return seq, 0, 0
	}
	seq[0] = byte(r)
	n = utf8.RuneLen(r)
	for k := 1; k < size; k++ {
		c, m := utf8.DecodeRuneInString(s[n:])
		b, ok := cp1252Byte(c)
		if m == 0 || !ok || b < 0x80 || b > 0xBF {
			if k == 2 && seq[1] == 0x80 {
				// "â€" alone: the 0x9D of a closing "”" was lost
				// on the way, as Windows-1252 has no character
				// for it.
				seq[2] = 0x9D
				return seq, 3, n
			}
			return seq, 0, 0
		}
		seq[k] = b
		n += m
	}
	if r, _ := utf8.DecodeRune(seq[:size]); r == utf8.RuneError {
		return seq, 0, 0
	}
	return seq, size, n
}

// cp1252Byte is the Windows-1252 byte of c. The five bytes that
// Windows-1252 leaves undefined come through as C1 controls.
func cp1252Byte(c rune) (byte, bool) {
	switch c {
	case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
		return byte(c), true
	}
	return charmap.Windows1252.EncodeRune(c)
}

// AppendFold appends Fold(s) to dst and returns the extended buffer. For
// plain ASCII s (printable, newlines, no double spaces) it allocates
// nothing beyond growing dst, so that a key can be folded and looked up
// in a map[string] without making a string of it.
func AppendFold(dst []byte, s string) []byte {
	if !isPlain(s) {
		return append(dst, Fold(s)...)
	}
	n, space := len(dst), true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
			space = false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			dst = append(dst, c)
			space = false
		case !space:
			dst = append(dst, ' ')
			space = true
		}
	}
	if space && len(dst) > n {
		dst = dst[:len(dst)-1] // at most one trailing space
	}
	return dst
}

// Fold returns the matching key of s: Clean, diacritics removed, lower
// case, and every run of characters other than letters and digits made
// one space, apostrophes included: "González" and "Gonzalez" fold alike,
// "U.S." folds to "u s" and "Biden's" to "biden s", so the name is still a
// word of its own.
func Fold(s string) string {
	s = Clean(s)
	plain := isPlain(s)
	if !plain {
		// No shared transform.Chain here: a Chain keeps state and
		// Fold is called from many goroutines.
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for i, r := range s {
		if r < utf8.RuneSelf {
			c := s[i]
			switch {
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
				space = false
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				b.WriteByte(c)
				space = false
			case !space:
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if !plain && unicode.Is(unicode.Mn, r) {
			continue
		}
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
	out := strings.TrimRight(b.String(), " ")
	if !plain {
		out = norm.NFC.String(out) // Hangul jamo back into syllables
	}
	return out
}
