package corpus

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the corpus readers in every format:
// they must never panic, and every record they return must have a label
// and a text, and every error a position.
func FuzzReader(f *testing.F) {
	f.Add([]byte("label\ttext\npressure\tWashington warned Caracas.\n"), uint8(0))
	f.Add([]byte("text,label\n\"a, b\",support\n"), uint8(1))
	f.Add([]byte("{\"label\":\"neutral\",\"sentence\":\"x\",\"mention\":\"y\"}\n{bad\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		format := []Format{TSV, CSV, JSONL}[int(which)%3]
		rd := NewReader(bytes.NewReader(data), "fuzz", format)
		for rd.Scan() {
			rec, err := rd.Record()
			if err != nil {
				if se, ok := err.(*SyntaxError); ok && se.Line < 1 {
					t.Fatalf("error without a line: %v", err)
				}
				continue
			}
			if rec.Label == "" || rec.Text == "" {
				t.Fatalf("record without label or text: %+v", rec)
			}
		}
		rd.Err()
	})
}

// FuzzParseArticle feeds arbitrary bytes to the article reader: no panic,
// and the body offset lies inside the text.
func FuzzParseArticle(f *testing.F) {
	f.Add([]byte("date: 2021-05-27\ntitle: x\n\nMaduro said so."))
	f.Add([]byte(" date 2021-05-27 The United States supports talks."))
	f.Add([]byte("WASHINGTON, May 27 (Reuters) - Talks resumed.\n"))
	f.Add([]byte("Gonz\xe1lez said \x93no\x94.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle(data, "fuzz.txt")
		if err != nil {
			return
		}
		if a.Body < 0 || a.Body > len(a.Text) {
			t.Fatalf("body offset %d outside text of %d bytes", a.Body, len(a.Text))
		}
	})
}

// FuzzApostrophe holds apostrophe, which finds a mention's contraction, to
// strings.IndexAny, in valid and invalid UTF-8.
func FuzzApostrophe(f *testing.F) {
	for _, s := range []string{"", "we", "we've", "We’ve", "’", "'", "ab’c'd", "\xe2", "\xe2\x80",
		"\xe2\xe2\x80\x99x", "\xf0\xe2\x80\x99", "\x80\x99'", "café’s", "‘", "x\xe2\x80\x98'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := apostrophe(s), strings.IndexAny(s, "'’"); got != want {
			t.Errorf("apostrophe(%q) = %d, want %d", s, got, want)
		}
	})
}
