package corpus

import (
	"github.com/stancemix/stance/internal/shared"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want, reason string }{
		{"plain", "Maduro said so.", "Maduro said so.", "plain ASCII unchanged"},
		{"tamil-debris", "Juan Gonz\u0bb8\u0bcdlez said", "Juan Gonzlez said", "Tamil letter and virama inside a Latin name (the seed article's debris)"},
		{"cyrillic-debris", "Gonz\u0430lez", "Gonzlez", "a Cyrillic letter inside a Latin word"},
		{"devanagari-debris", "Mad\u0941\u0930uro", "Maduro", "a Devanagari mark and letter inside a Latin word"},
		{"cjk-mark-debris", "Gonz\u302a\u3099lez", "Gonzlez", "CJK tone and kana voicing marks inside a Latin word"},
		{"arabic-mark-debris", "Gonz\u064elez", "Gonzlez", "an Arabic vowel sign inside a Latin word"},
		{"arabic-marks-kept", "\u0643\u064e\u062a\u064e\u0628\u064e said", "\u0643\u064e\u062a\u064e\u0628\u064e said", "vowel signs in an Arabic word stay"},
		{"debris-zero-width", "Gonz\u0bb8\u200b\u0bcdlez", "Gonzlez", "debris broken by a zero-width space"},
		{"foreign-word", "the word \u0b9a\u0bc6\u0ba9\u0bcd\u0ba9\u0bc8 stays", "the word \u0b9a\u0bc6\u0ba9\u0bcd\u0ba9\u0bc8 stays", "a whole foreign word is kept"},
		{"arabic-quote", "He said \u201c\u0644\u0627 \u0644\u0644\u062d\u0631\u0628\u201d loudly", "He said \"\u0644\u0627 \u0644\u0644\u062d\u0631\u0628\" loudly", "a quotation in Arabic is kept"},
		{"greek-word", "\u0391\u03b8\u03ae\u03bd\u03b1 and Moscow", "\u0391\u03b8\u03ae\u03bd\u03b1 and Moscow", ""},
		{"curly", "Biden\u2019s \u201cnew path\u201d \u2018ok\u2019 \u201equote\u201f \u201aa\u201b", "Biden's \"new path\" 'ok' \"quote\" 'a'", ""},
		{"en-dash", "re \u2013 election", "re - election", "spaces around a dash are kept"},
		{"dashes", "\u2212 5 \u2014 or \u2013", "- 5 - or -", "minus, em and en dash"},
		{"mojibake-apostrophe", "Biden\u00e2\u20ac\u2122s aide", "Biden's aide", "UTF-8 read as Windows-1252"},
		{"mojibake-letters", "caf\u00c3\u00a9 and \u00e2\u20ac\u0153quotes\u00e2\u20ac\u009d", "caf\u00e9 and \"quotes\"", "a letter and curly quotes (undefined byte 0x9D)"},
		{"mojibake-lost-9d", "\u00e2\u20ac\u0153quotes\u00e2\u20ac and", "\"quotes\" and", "the 0x9D of the closing quote was dropped"},
		{"mojibake-capital", "\u00c3\u2030lys\u00c3\u00a9e", "\u00c9lys\u00e9e", ""},
		{"mojibake-twice", "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2", "'", "mojibake of mojibake"},
		{"mojibake-mixed", "Ren\u00c3\u00a9e \u00e2\u20ac\u201c a \u00e2\u20ac\u0161\u00c2\u00b0 \u4e2d", "Ren\u00e9e - a '\u00b0 \u4e2d", "repair runs even when the text holds a character Windows-1252 lacks"},
		{"not-mojibake", "CAF\u00c9\u201d and S\u00c3O PAULO", "CAF\u00c9\" and S\u00c3O PAULO", "capitals that only look like mojibake are kept"},
		{"nfc", "Gonza\u0301lez", "Gonz\u00e1lez", ""},
		{"latin-mark", "Spin\u0308al", "Spin\u0308al", "a combining mark on a Latin letter is kept"},
		{"spaces", "two  spaces\u00a0and\u200b nbsp", "two spaces and nbsp", ""},
		{"unicode-spaces", "a\tb\u2009c\u3000d \n e", "a b c d \n e", "Unicode spaces become one space, newlines stay"},
		{"zero-width", "no\u200bbreak\ufeff\u00adhere", "nobreakhere", "zero-width space, BOM, soft hyphen"},
		{"invalid", "bad \xff byte", "bad \ufffd byte", "invalid UTF-8"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Clean(tt.in)); diff != "" {
				t.Errorf("Clean(%q) mismatch (-want +got):\n%s\n%s", tt.in, diff, tt.reason)
			}
		})
	}
}

// TestCleanSeed checks that the machine-translated seed article comes out
// of Clean with no letter of another script inside a Latin word, and with
// "Gonzலez"-style names in Latin letters only.
func TestCleanSeed(t *testing.T) {
	dir := shared.Path(t, "seeds")
	b, err := os.ReadFile(filepath.Join(dir, "article-2021-05-27-us-venezuela-mt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := Clean(string(b))
	if !strings.Contains(c, "Juan Gonzlez, director") {
		t.Errorf("Clean(seed) lost the name: want \"Juan Gonzlez, director\" in\n%s", c)
	}
	for _, w := range strings.Fields(c) {
		for _, r := range w {
			if r > unicode.MaxLatin1 && (unicode.IsLetter(r) || unicode.IsMark(r)) && !unicode.Is(unicode.Latin, r) {
				t.Errorf("Clean(seed) keeps %q in %q", r, w)
			}
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Gonz\u00e1lez", "gonzalez", "accents stripped"},
		{"Gonzalez", "gonzalez", ""},
		{"U.S. Secretary", "u s secretary", "punctuation becomes a space"},
		{"  Nicol\u00e1s  MADURO ", "nicolas maduro", "spaces collapsed and trimmed"},
		{"Biden\u2019s", "biden s", "a possessive stays a word of its own"},
		{"Gonz\u0bb8\u0bcdlez", "gonzlez", "Clean first"},
		{"\u00c3\u0081lvaro Uribe", "alvaro uribe", "mojibake repaired first"},
		{"  ...  ", "", ""},
		{"\ud55c\uad6d", "\ud55c\uad6d", "Hangul recomposed"},
		{"C\u00f4te d'Ivoire", "cote d ivoire", ""},
		{"\u00c9LYS\u00c9E-Palace 2024", "elysee palace 2024", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Fold(tt.in)); diff != "" {
				t.Errorf("Fold(%q) mismatch (-want +got):\n%s\n%s", tt.in, diff, tt.reason)
			}
		})
	}
}

func TestCleanPlainDoesNotAllocate(t *testing.T) {
	s := "Washington will keep up the pressure on Caracas."
	if n := testing.AllocsPerRun(100, func() { Clean(s) }); n != 0 {
		t.Errorf("Clean of plain ASCII: %v allocs, want 0", n)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Gonz\u0bb8\u0bcdlez", "\u00e2\u20ac\u2122", "a  b", "\xff\xfe", "\u201cq\u201d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q: invalid UTF-8", s, c)
		}
		if cc := Clean(c); cc != c {
			t.Fatalf("Clean not idempotent: %q -> %q -> %q", s, c, cc)
		}
		Fold(s)
	})
}

// benchText is the test article with its ASCII quotes and apostrophes
// made curly, as wire copy has them, so Clean takes its slow path.
func benchText(b *testing.B) string {
	article, err := os.ReadFile(filepath.Join("testdata", "segment", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return strings.NewReplacer("'", "\u2019", " \"", " \u201c", "\" ", "\u201d ").Replace(string(article))
}

func BenchmarkClean(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(text)
	}
}

func BenchmarkCleanPlain(b *testing.B) {
	text := strings.Repeat("Washington will keep up the pressure on Caracas. ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(text)
	}
}

func BenchmarkFold(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(text)
	}
}

// FuzzAppendFold holds AppendFold, which folds plain ASCII without
// Clean's and Fold's copies, to Fold.
func FuzzAppendFold(f *testing.F) {
	for _, s := range []string{"", " ", "U.S.", "Antony J. Blinken", "Biden's", "  x", "x  ", "a\nb", "\t", "al-Ansari ",
		"González", "GONZÁLEZ", "Gonz\xe1lez", "...", "x.", "1,000", "O'Neill", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendFold([]byte("pre"), s)), "pre"+Fold(s); got != want {
			t.Errorf("AppendFold(%q) = %q, want %q", s, got, want)
		}
	})
}

// isPlainRef, cleanRef, dropDebrisRef and isForeignRef are isPlain, Clean,
// dropDebris and isForeign rune by rune, without their shortcuts (eight
// bytes at a time, General Punctuation first): the references of
// FuzzCleanRef and TestIsForeign.
func isPlainRef(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < ' ' || c > '~') && c != '\n' || c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

func cleanRef(s string) string {
	if isPlainRef(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	for range 8 {
		t := fixMojibake(dropDebrisRef(norm.NFC.String(s)))
		if t == s {
			break
		}
		s = t
	}
	var b strings.Builder
	prevSpace := false
	for _, r := range s {
		switch {
		case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '′' || r == 'ʼ':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '‟' || r == '″' || r == '«' || r == '»':
			r = '"'
		case r == '–' || r == '—' || r == '−' || r == '‒' || r == '―' || r == '‐' || r == '‑':
			r = '-'
		case r == '\t' || r == '\v' || r == '\f' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			r = ' '
		}
		if r == ' ' && prevSpace {
			continue
		}
		prevSpace = r == ' '
		b.WriteRune(r)
	}
	return b.String()
}

func dropDebrisRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isZeroWidth(r) {
			i += n
			continue
		}
		if isForeignRef(r) {
			j := i + n
			for j < len(s) {
				r2, m := utf8.DecodeRuneInString(s[j:])
				if !isForeignRef(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += m
			}
			if latinBefore(s[:i]) && latinAfter(s[j:]) {
				i = j
				continue
			}
			n = j - i
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

func isForeignRef(r rune) bool {
	if r < 0x80 || unicode.Is(unicode.Latin, r) || isLatinMark(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// TestIsForeign holds isForeign to isForeignRef over every rune.
func TestIsForeign(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := isForeign(r), isForeignRef(r); got != want {
			t.Errorf("isForeign(%U) = %v, want %v", r, got, want)
		}
	}
}

// FuzzCleanRef holds Clean and isPlain, which read ASCII eight bytes at a
// time, to cleanRef and isPlainRef, and checks that the start plainLen
// gives Clean is plain.
func FuzzCleanRef(f *testing.F) {
	for _, s := range []string{"", "Washington will keep up the pressure.", "two  spaces", "eight b  ytes", "1234567  ",
		"1234567 \n 2345678", "tab\there\r\nand\v\f", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f  ", "Gonz\u0bb8\u0bcdlez said",
		"\u201cquoted,\u201d he said \u2014 twice\u2026", "caf\u00e9 au lait  ", "\u00e2\u20ac\u2122", "\xff\xfe  \xfd",
		"a\u00a0\u00a0b\u2003 c", "abcdefg \u2019 hijklmn   opqrstu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isPlain(s), isPlainRef(s); got != want {
			t.Errorf("isPlain(%q) = %v, want %v", s, got, want)
		}
		if n := plainLen(s); !isPlainRef(s[:n]) {
			t.Errorf("plainLen(%q) = %d, but %q is not plain", s, n, s[:n])
		}
		if got, want := Clean(s), cleanRef(s); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzSettled holds settled to the rounds of Clean it lets a string
// skip: a settled string is valid UTF-8, and NFC, dropDebris and
// fixMojibake each leave it as it is.
func FuzzSettled(f *testing.F) {
	for _, s := range []string{"", "plain", "\u201cquoted,\u201d he said \u2014 twice\u2026", "caf\u00e9 \u00c5ngstr\u00f6m \u0107",
		"e\u0301", "\u00e9\u0301", "\u00e2\u20ac\u2122", "ch\u00e2teau", "\u2000\u2001\u2002", "Gonz\u0bb8\u0bcdlez", "a\u200bb",
		"\u00b5", "\u00ad", "\u20ac5 \u00a35", "\xff", "\xe2\x80", "\u0250\u02b0", "\u2126\u212b", "\u1100\u1161"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !settled(s) {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("settled(%q), not valid UTF-8", s)
		}
		for _, round := range []struct {
			name string
			f    func(string) string
		}{{"NFC", norm.NFC.String}, {"dropDebris", dropDebris}, {"fixMojibake", fixMojibake}} {
			if got := round.f(s); got != s {
				t.Errorf("settled(%q), but %s gives %q", s, round.name, got)
			}
		}
	})
}

// TestStillRunes checks stillRunes on its own: each rune it marks,
// after each of a few letters, marks and runes it marks, is left as it is
// by Clean's rounds (settled's claim, at the edge of a rune), and the
// runes it must not mark are not marked.
func TestStillRunes(t *testing.T) {
	var still []rune
	for r := rune(utf8.RuneSelf); r < stillPunctEnd; r++ {
		if settled(string(r)) {
			still = append(still, r)
		}
	}
	if len(still) < 300 {
		t.Fatalf("stillRunes marks %d runes, want the most of Latin-1 and General Punctuation", len(still))
	}
	before := append([]rune{'a', 'e', 'A', ' ', '\u0301'}, still...)
	for _, r := range still {
		for _, p := range before {
			s := string(p) + string(r)
			if got := norm.NFC.String(s); got != s {
				t.Errorf("%U after %U: NFC gives %q", r, p, got)
			}
		}
		if got := dropDebris("a" + string(r) + "a"); got != "a"+string(r)+"a" {
			t.Errorf("%U: dropDebris gives %q", r, got)
		}
	}
	for _, r := range []rune{'\u00c2', '\u00c3', '\u00c4', '\u00c5', '\u00e2', '\u00ad', '\u200b', '\u2000', '\u2001', '\u00b5', '\u0301'} {
		if settled(string(r)) {
			t.Errorf("settled(%q), want not", string(r))
		}
	}
}
