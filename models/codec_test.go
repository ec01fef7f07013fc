package models

// Tests of the hand-written codec against encoding/json: encode must write
// the bytes of the reflection encoding, and decodeFast must accept only
// what decodeJSON accepts, with the same result.

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// encodeReflect is the canonical encoding of a model file, which encode
// writes by hand.
func (m *Model) encodeReflect(sum string) ([]byte, error) {
	b, err := json.MarshalIndent(file{Format: Kind, Version: Version, Checksum: sum, Model: m}, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// oddModel has terms that encoding/json escapes or rewrites, and the
// edge cases of a counts table.
func oddModel() *Model {
	return &Model{
		Labels:    []string{"a\"b", "<c>", "d"},
		Tokenizer: Tokenizer{Lower: true, Numbers: true, NGrams: 2, Target: 3, Binary: true},
		Alpha:     0.25,
		Priors:    PriorsUniform,
		Summary:   Summary{Rows: []int{1, 0, 2}, Vocabulary: 12, Tokens: 40, Corpus: []string{"x&y.tsv"}, CV: &CV{Folds: 5, Accuracy: 0.5, MacroF1: 0.25}},
		Counts: []map[string]int{
			{
				"<num>": 3, "not_<num>": 1, "a&b": 2, "plain": 1, "": 4, "tab\there": 1, "nl\n": 1,
				"quote\"": 1, "back\\slash": 1, "café": 2, "line\u2028sep": 1,
				"ctl\x01": 1, "emoji😀": 1, "ünï": 0, "big": 1 << 40,
			},
			{},
			{"plain": 2},
		},
	}
}

func TestEncodeMatchesReflection(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sent, err := DefaultSentiment()
	if err != nil {
		t.Fatal(err)
	}
	withNil := oddModel()
	withNil.Counts[1] = nil
	// Invalid UTF-8 is written as U+FFFD, so such a model does not
	// read back the same; WriteTo still writes what encoding/json would.
	badUTF8 := oddModel()
	badUTF8.Counts[2]["bad\xffutf8"] = 1
	tests := []struct {
		name string
		m    *Model
	}{
		{"default", def},
		{"sentiment", sent},
		{"odd terms", oddModel()},
		{"nil table", withNil},
		{"invalid UTF-8", badUTF8},
		{"no tables", &Model{Counts: []map[string]int{}}},
		{"nil counts", &Model{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, sum := range []string{"", "sha256:0123"} {
				want, err := tt.m.encodeReflect(sum)
				if err != nil {
					t.Fatal(err)
				}
				got, err := tt.m.encode(sum)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("encode(%q) mismatch (-want +got):\n%s", sum, cmp.Diff(string(want), string(got)))
				}
			}
		})
	}
}

func TestDecodeFast(t *testing.T) {
	var good bytes.Buffer
	if _, err := oddModel().WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	b := good.Bytes()
	compact := func(b []byte) []byte {
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name     string
		input    []byte
		fast     bool // decodeFast takes it
		slowOnly bool // only decodeJSON takes it
		reason   string
	}{
		{name: "default", input: defaultJSON, fast: true},
		{name: "sentiment", input: sentimentJSON, fast: true},
		{name: "odd terms", input: b, fast: true},
		{name: "compacted", input: compact(b), slowOnly: true,
			reason: "not the canonical bytes, so the raw checksum fails and the re-encoded one holds"},
		{name: "fraction", input: bytes.Replace(b, []byte(`"plain": 2`), []byte(`"plain": 2.0`), 1),
			reason: "encoding/json refuses 2.0 for an int; the fast reader leaves it to it"},
		{name: "exponent", input: bytes.Replace(b, []byte(`"plain": 2`), []byte(`"plain": 2e0`), 1)},
		{name: "leading zero", input: bytes.Replace(b, []byte(`"plain": 2`), []byte(`"plain": 02`), 1)},
		{name: "trailing garbage", input: append(bytes.Clone(b), 'x')},
		{name: "trailing space", input: append(bytes.Clone(b), ' '), slowOnly: true,
			reason: "white space after the object changes the bytes but not the model"},
		{name: "Counts", input: bytes.Replace(b, []byte(`"counts"`), []byte(`"Counts"`), 1), slowOnly: true,
			reason: "encoding/json matches field names without case; the fast reader leaves that to it"},
		{name: "bad escape", input: bytes.Replace(b, []byte(`\u003cnum`), []byte(`\u00zcnum`), 1)},
		{name: "truncated", input: b[:len(b)-10]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, fast := decodeFast(tt.input)
			if fast != tt.fast {
				t.Errorf("decodeFast ok = %v, want %v (%s)", fast, tt.fast, tt.reason)
			}
			sm, err := decodeJSON(tt.input)
			if (err == nil) != (tt.fast || tt.slowOnly) {
				t.Errorf("decodeJSON error = %v, want ok = %v (%s)", err, tt.fast || tt.slowOnly, tt.reason)
			}
			if fast && err == nil {
				if diff := cmp.Diff(sm, fm, cmpopts.IgnoreUnexported(Model{})); diff != "" {
					t.Errorf("decodeFast mismatch (-decodeJSON +decodeFast):\n%s", diff)
				}
			}
			m, err := decode(tt.input)
			if (err == nil) != (tt.fast || tt.slowOnly) || (err == nil) != (m != nil) {
				t.Errorf("decode = %v, %v", m != nil, err)
			}
		})
	}
}

// FuzzDecodeFast checks that the fast reader accepts only what
// encoding/json accepts, with the same model.
func FuzzDecodeFast(f *testing.F) {
	var good bytes.Buffer
	if _, err := oddModel().WriteTo(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		// Most mutations break the checksum; mend it, so that the
		// fuzzer reaches the counts.
		if i := bytes.Index(data, []byte(`"checksum": "`)); i >= 0 {
			lo := i + len(`"checksum": "`)
			if n := bytes.IndexByte(data[lo:], '"'); n >= 0 {
				sum := checksumOf(data, lo, lo+n)
				data = append(append(append([]byte(nil), data[:lo]...), sum...), data[lo+n:]...)
			}
		}
		fm, ok := decodeFast(data)
		if !ok {
			return
		}
		sm, err := decodeJSON(data)
		if err != nil {
			// A crafted file may carry the checksum of its own bytes
			// rather than of its canonical encoding; the model must
			// still be the one encoding/json reads.
			var m Model
			if jerr := json.Unmarshal(data, &file{Model: &m}); jerr != nil {
				t.Fatalf("decodeFast took a file encoding/json refuses: %v", jerr)
			}
			sm = &m
		}
		if diff := cmp.Diff(sm, fm, cmpopts.IgnoreUnexported(Model{})); diff != "" {
			t.Errorf("decodeFast mismatch (-encoding/json +decodeFast):\n%s", diff)
		}
	})
}
