package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/classify"
)

// TestStatementJSON holds appendStatementJSON to what a json.Encoder
// writes, on classified wire articles and on strings and floats that
// encoding/json escapes or formats in its own way.
func TestStatementJSON(t *testing.T) {
	// The encoder knows every field of a Statement, in order.
	var fields []string
	st := reflect.TypeFor[classify.Statement]()
	for i := range st.NumField() {
		fields = append(fields, st.Field(i).Name+" "+st.Field(i).Type.String()+" "+st.Field(i).Tag.Get("json"))
	}
	wantFields := []string{
		"Article string article", "Sentence int sentence", "Start int start", "End int end",
		"Text string text", "Clean string clean,omitempty", "Actor string actor", "Group string group",
		"Speaker string speaker,omitempty", "Known bool known", "Target string target,omitempty",
		"Date string date", "DateGrain string date_grain,omitempty", "DateInferred bool date_inferred,omitempty",
		"Published string published,omitempty", "Source string source,omitempty", "Stance string stance",
		"Prob float64 prob", "Model string model,omitempty", "Sentiment string sentiment",
		"SentimentScore float64 sentiment_score",
	}
	if diff := cmp.Diff(wantFields, fields); diff != "" {
		t.Fatalf("classify.Statement changed: update appendStatementJSON (-want +got):\n%s", diff)
	}

	c := defaultClassifier(t)
	c.Name = "default"
	var sts []classify.Statement
	for _, r := range wireClassified(t, c, 5, 20) {
		sts = append(sts, r.statements...)
	}
	odd := []string{"", "<b>&amp;</b>", "say \"no\"", `back\slash`, "tab\there\nline\r\b\f\x00\x1f\x7f",
		"bad \xff utf-8 \xe2\x80", "line\u2028para\u2029", "caf\u00e9 \u201cquoted\u201d \u2014 \U0001F600", "\u0085\u00a0"}
	floats := []float64{0, 1, -1, 0.5, 1.0 / 3, 1e-7, -1e-7, 1e-6, 1e21, 1e20, 123456789.125, math.SmallestNonzeroFloat64, math.MaxFloat64, -0.0}
	for i, s := range odd {
		sts = append(sts, classify.Statement{Article: s, Text: s, Clean: s, Actor: s, Group: s, Speaker: s, Known: i%2 == 0,
			Target: s, Date: s, DateGrain: s, DateInferred: i%2 == 1, Published: s, Source: s, Stance: s, Model: s, Sentiment: s,
			Prob: floats[i%len(floats)], SentimentScore: floats[(i+5)%len(floats)], Sentence: -i, Start: i << 40})
	}
	for i, f := range floats {
		sts = append(sts, classify.Statement{Prob: f, SentimentScore: -f, Sentence: i})
	}
	// One memo for all, as for an article's statements: the fields it
	// keeps change from one statement to the next now and then.
	var m jsonMemo
	for _, st := range sts {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(st); err != nil {
			t.Fatal(err)
		}
		got, ok := appendStatementJSON(nil, &st, &m)
		if !ok {
			t.Fatalf("appendStatementJSON(%+v) not ok", st)
		}
		got = append(got, '\n')
		if diff := cmp.Diff(want.String(), string(got)); diff != "" {
			t.Errorf("appendStatementJSON mismatch (-want +got):\n%s", diff)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := appendStatementJSON(nil, &classify.Statement{Prob: f}, &m); ok {
			t.Errorf("appendStatementJSON of prob %v ok, want not", f)
		}
	}
}

// BenchmarkStatementJSON renders the statements of 200 generated wire
// articles as --format jsonl does.
func BenchmarkStatementJSON(b *testing.B) {
	c := defaultClassifier(b)
	c.Name = "default"
	var sts []classify.Statement
	for _, r := range wireClassified(b, c, 1, 200) {
		sts = append(sts, r.statements...)
	}
	var buf []byte
	var m jsonMemo
	for i := range sts {
		buf, _ = appendStatementJSON(buf, &sts[i], &m)
	}
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf = buf[:0]
		m = jsonMemo{}
		for i := range sts {
			buf, _ = appendStatementJSON(buf, &sts[i], &m)
		}
	}
}

// FuzzJSONString holds appendJSONRest, which stores a short string as
// the words it tests, and appendJSONLong, which passes over plain bytes
// eight at a time, to encoding/json's quoting of a string, less its
// opening quote, and jsonPlainLen to the first byte to escape.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text, eight at a time", "<b>&amp;</b> \"q\" back\\slash",
		"tab\there\nline\r\b\f\x00\x1f\x7f~ ", "bad \xff utf-8 \xe2\x80", "line\u2028para\u2029",
		"caf\u00e9 \u201cquoted\u201d \u2014 \U0001F600", "12345678<2345678&", "\x80abcdefg\"bcdefgh",
		"a", "<", "ab", "a\"", "abc", "a&c", "\u00e9", "abcd", "ab>d", "caf\u00e9", "1234567", "123456\\",
		"12345678", "\t2345678", "2019-07-06", "sixteen bytes ok", "fifteen bytes&!", "negotiation"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		want = want[1:]
		// jsonPlainLen stops at or before the first byte to escape, and
		// at the end only when there is none.
		first := len(s)
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= utf8.RuneSelf || !jsonSafe[c] {
				first = i
				break
			}
		}
		if n := jsonPlainLen(s); n > first || (n == len(s)) != (first == len(s)) {
			t.Errorf("jsonPlainLen(%q) = %d, the first byte to escape is at %d", s, n, first)
		}
		if got := appendJSONRest(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONRest(%q) = %s, want %s", s, got, want)
		}
		if got := appendJSONLong(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONLong(%q) = %s, want %s", s, got, want)
		}
		// After other bytes, with room or not: appendJSONRest stores a
		// short string only with room for 17 bytes, as the last two give.
		for _, b := range [][]byte{[]byte("{\""), make([]byte, 3, 3+len(s)+2), make([]byte, 5, 5+16), make([]byte, 5, 5+17), make([]byte, 1, 64)} {
			if got := appendJSONRest(b, s); !bytes.Equal(got[len(b):], want) || !bytes.Equal(got[:len(b)], b) {
				t.Errorf("appendJSONRest(%q, %q) = %s, want %s", b, s, got, want)
			}
			if got := appendJSONLong(b, s); !bytes.Equal(got[len(b):], want) || !bytes.Equal(got[:len(b)], b) {
				t.Errorf("appendJSONLong(%q, %q) = %s, want %s", b, s, got, want)
			}
		}
	})
}

// FuzzJSONFloat holds appendJSONFloat, which writes the 'f' format from
// shortestDecimal's digits, to encoding/json's formatting of a float64,
// and appendShortestF to strconv's 'f'.
func FuzzJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 1, -1, 0.5, 1.0 / 3, 1e-7, -1e-7, 1e-6, 9.99999e-7, 1e21, 1e20, 999999999999999900000,
		123456789.125, 0.9176635542246171, -0.00001618203846607779, 100, 1e-5, 12.5, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, x); !bytes.Equal(got, want) {
			t.Errorf("appendJSONFloat(%v) = %s, want %s", x, got, want)
		}
		// The bits' mantissa and sign at an exponent where encoding/json
		// uses the 'f' format, most of the fuzzer's floats being outside.
		frac := math.Float64frombits(bits&(1<<52-1) | 0x3fe<<52) // [0.5, 1)
		y := math.Copysign(math.Ldexp(frac, int(bits>>52&0x7ff)%90-19), x)
		if a := math.Abs(y); a < 1e-6 || a >= 1e21 {
			return
		}
		if got, want := appendShortestF(nil, y), strconv.FormatFloat(y, 'f', -1, 64); string(got) != want {
			t.Errorf("appendShortestF(%v) = %s, want %s", y, got, want)
		}
	})
}

// TestShortestF holds appendShortestF to strconv's 'f' format on a
// million floats across its range, each power of two alike; on the
// floats nearest to short decimals, whose digits shortestDecimal finds
// by its other steps (trailing zeros cut, a tie to the even digit); and
// on the powers of ten and two and their neighbours.
func TestShortestF(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var xs []float64
	for range 1_000_000 {
		x := math.Ldexp(0.5+r.Float64()/2, r.IntN(90)-19)
		if r.IntN(2) == 0 {
			x = -x
		}
		xs = append(xs, x)
	}
	for range 300_000 {
		d := r.Uint64N(pow10u64[1+r.IntN(17)])
		x, err := strconv.ParseFloat(strconv.FormatUint(d, 10)+"e"+strconv.Itoa(r.IntN(40)-25), 64)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x, math.Nextafter(x, 0), math.Nextafter(x, 1e22))
	}
	for p := 1e-6; p < 1e21; p *= 10 {
		xs = append(xs, p, math.Nextafter(p, 0), math.Nextafter(p, 1e22))
	}
	for e := -20; e < 70; e++ {
		p := math.Ldexp(1, e)
		xs = append(xs, p, math.Nextafter(p, 0), math.Nextafter(p, 1e22))
	}
	xs = append(xs, 0, math.Copysign(0, -1))
	for _, x := range xs {
		if a := math.Abs(x); a != 0 && (a < 1e-6 || a >= 1e21) {
			continue
		}
		if got, want := appendShortestF(nil, x), strconv.FormatFloat(x, 'f', -1, 64); string(got) != want {
			t.Errorf("appendShortestF(%v) = %s, want %s", x, got, want)
		}
	}
}

// FuzzJSONPlain holds jsonPlain to jsonSafe byte by byte: no mask when
// every byte is kept, else the lowest bit set on the first that is not.
func FuzzJSONPlain(f *testing.F) {
	for _, s := range []string{"plain ok", "\"quoted", "a&b<c>d\\", "\x1f\x00\x7f~ !#%", "caf\xc3\xa9!!", "\xff\x80\x20\x21\x22\x23\x24\x25"} {
		f.Add(binary.LittleEndian.Uint64([]byte(s + "        ")[:8]))
	}
	f.Fuzz(func(t *testing.T, w uint64) {
		want := 64 // the first byte not kept, in bits
		for i := range 8 {
			if c := byte(w >> (8 * i)); c >= utf8.RuneSelf || !jsonSafe[c] {
				want = 8*i + 7
				break
			}
		}
		if m := jsonPlain(w); bits.TrailingZeros64(m) != want {
			t.Errorf("jsonPlain(%#016x) = %#016x, want the lowest bit %d", w, m, want)
		}
	})
}
