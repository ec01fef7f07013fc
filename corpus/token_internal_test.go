package corpus

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// appendTokensByRune is WordTokenizer.AppendTokens as it was, every word
// through wordEnd and appendWord, the reference for its fast path.
func appendTokensByRune(t WordTokenizer, toks []Token, text string) []Token {
	toks = slices.Grow(toks, len(text)/4+1)
	low := text
	if t.Lower {
		low, _ = foldASCII(text, nil)
	}
	w := &WordSpans{lower: t.Lower, text: text, low: low}
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIWord(c):
				j := wordEnd(text, i)
				toks = w.appendWord(toks, i, j)
				i = j
			case c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '"' || c == '(' || c == ')':
				toks = append(toks, Token{Term: text[i : i+1], Start: i, End: i + 1})
				i++
			default:
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := wordEnd(text, i)
			toks = w.appendWord(toks, i, j)
			i = j
		case r == '“' || r == '”' || r == '«' || r == '»' || r == '—' || r == '–':
			toks = append(toks, Token{Term: "\"", Start: i, End: i + n})
			i += n
		default:
			i += n
		}
	}
	return toks
}

// FuzzWordTokenizer holds AppendTokens, and WordSpans.Span of the whole
// text, to appendTokensByRune, lower-cased or not.
func FuzzWordTokenizer(f *testing.F) {
	for _, s := range []string{"", "a", "The U.S. and the E.U.", "Maduro's plan", "MADURO'S", "it’s Maduro’s", "1,200 and 3.5, 1, 2",
		"re-election", "AT&T", "end.Next", "U.S.-led", "x.", "A.", "don't", "rock 'n' roll", "González’s", "ÉCHEC, Kelvin \u212A",
		"\xff\xfe bad", "“quoted” — dash – «x»", "a_b;c:d!e?f\"g(h)i", "5.6m", "x&", "x-", "x'", "'s", "U.S.", "e\u0301t\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lower := range []bool{false, true} {
			tz := WordTokenizer{Lower: lower}
			want := appendTokensByRune(tz, nil, s)
			if diff := cmp.Diff(want, tz.AppendTokens(nil, s)); diff != "" {
				t.Errorf("WordTokenizer{Lower: %v}.AppendTokens(%q) mismatch (-want +got):\n%s", lower, s, diff)
			}
			// Again into the array of a longer text's copy.
			_, buf := tz.AppendTokensBuf(nil, "X"+s+s, nil)
			got, _ := tz.AppendTokensBuf(nil, s, buf)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("WordTokenizer{Lower: %v}.AppendTokensBuf(%q) mismatch (-want +got):\n%s", lower, s, diff)
			}
			// As one span of WordSpans, its words lower-cased one by one,
			// into the same array.
			var w WordSpans
			w.Reset(tz, nil, s, buf)
			w.Span(0, len(s))
			got, _ = w.Tokens()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("WordSpans{Lower: %v}.Span(%q) mismatch (-want +got):\n%s", lower, s, diff)
			}
		}
	})
}

// lowerBytes is lower as it was, byte by byte, the reference for its
// words.
func lowerBytes(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// FuzzLower holds lower to lowerBytes: the same string, and w itself
// whenever lowerBytes gives w.
func FuzzLower(f *testing.F) {
	for _, w := range []string{"", "a", "A", "ab", "aB", "abc", "abC", "aBc", "said", "saiD", "Said", "plan", "planS", "sanctions", "sanctionS", "Sanctions", "sanctionsX", "élan", "éLAN", "abcdefgh", "abcdefgH", "abcdefghijklmnoP", "abcdefghiJklmnop", "\u212Aelvin", "x\xff", "[@`{"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		got, want := lower(w), lowerBytes(w)
		if got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
		if want == w && unsafe.StringData(got) != unsafe.StringData(w) {
			t.Errorf("lower(%q) is a copy", w)
		}
	})
}
