package main

import (
	"math"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/internal/swar"
)

// appendStatementJSON appends st as a json.Encoder writes it (HTML-safe
// escaping, fields in struct order, empty omitempty fields left out), byte
// for byte, but without reflection: --format jsonl spent more time in
// encoding/json than in splitting articles into sentences. ok is false
// when a float is NaN or infinite, which JSON cannot hold; the caller then
// lets encoding/json report it. TestStatementJSON holds it to
// encoding/json's output and to the fields of classify.Statement.
func appendStatementJSON(b []byte, st *classify.Statement) (_ []byte, ok bool) {
	if !finite(st.Prob) || !finite(st.SentimentScore) {
		return b, false
	}
	b = append(b, `{"article":`...)
	b = appendJSONString(b, st.Article)
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(st.Sentence), 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(st.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(st.End), 10)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, st.Text)
	if st.Clean != "" {
		b = append(b, `,"clean":`...)
		b = appendJSONString(b, st.Clean)
	}
	b = append(b, `,"actor":`...)
	b = appendJSONString(b, st.Actor)
	b = append(b, `,"group":`...)
	b = appendJSONString(b, st.Group)
	if st.Speaker != "" {
		b = append(b, `,"speaker":`...)
		b = appendJSONString(b, st.Speaker)
	}
	b = append(b, `,"known":`...)
	b = strconv.AppendBool(b, st.Known)
	if st.Target != "" {
		b = append(b, `,"target":`...)
		b = appendJSONString(b, st.Target)
	}
	b = append(b, `,"date":`...)
	b = appendJSONString(b, st.Date)
	if st.DateGrain != "" {
		b = append(b, `,"date_grain":`...)
		b = appendJSONString(b, st.DateGrain)
	}
	if st.DateInferred {
		b = append(b, `,"date_inferred":true`...)
	}
	if st.Published != "" {
		b = append(b, `,"published":`...)
		b = appendJSONString(b, st.Published)
	}
	if st.Source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, st.Source)
	}
	b = append(b, `,"stance":`...)
	b = appendJSONString(b, st.Stance)
	b = append(b, `,"prob":`...)
	b = appendJSONFloat(b, st.Prob)
	if st.Model != "" {
		b = append(b, `,"model":`...)
		b = appendJSONString(b, st.Model)
	}
	b = append(b, `,"sentiment":`...)
	b = appendJSONString(b, st.Sentiment)
	b = append(b, `,"sentiment_score":`...)
	b = appendJSONFloat(b, st.SentimentScore)
	return append(b, '}'), true
}

func finite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }

// appendJSONFloat formats f as encoding/json does: like ES6, with 'e'
// only below 1e-6 and from 1e21, and no padded exponent.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	if abs == 0 || abs >= 1e-6 && abs < 1e21 {
		return appendShortestF(b, f)
	}
	b = strconv.AppendFloat(b, f, 'e', -1, 64)
	// e-09 to e-9
	if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

// appendShortestF appends strconv.FormatFloat(f, 'f', -1, 64) for f 0 or
// from 1e-6 to 1e21, where encoding/json writes that format. It has strconv write the same shortest digits in the 'e'
// format, which copies them where 'f' appends them one by one (a
// statement's probabilities have 16 or 17), and places the point itself.
func appendShortestF(b []byte, f float64) []byte {
	const zeros = "000000000000000000000000"
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], f, 'e', -1, 64) // [-]d[.ddd]e±dd
	if e[0] == '-' {
		b = append(b, '-')
		e = e[1:]
	}
	// The exponent has two digits, from e-06 to e+20.
	x := len(e) - 4
	exp := 10*int(e[x+2]-'0') + int(e[x+3]-'0')
	if e[x+1] == '-' {
		exp = -exp
	}
	// The digits are first, then more; the point goes after dp of them.
	first, more, dp := e[0], e[min(2, x):x], exp+1
	switch nd := 1 + len(more); {
	case dp <= 0:
		b = append(b, "0."...)
		b = append(b, zeros[:-dp]...)
		b = append(b, first)
		b = append(b, more...)
	case dp >= nd:
		b = append(b, first)
		b = append(b, more...)
		b = append(b, zeros[:dp-nd]...)
	default:
		b = append(b, first)
		b = append(b, more[:dp-1]...)
		b = append(b, '.')
		b = append(b, more[dp-1:]...)
	}
	return b
}

// jsonSafe holds the ASCII bytes a JSON string with HTML escaping keeps
// as they are.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return safe
}()

// appendJSONString quotes s as encoding/json does with HTML escaping: <, >
// and & as \u003c..., control characters, invalid UTF-8 as \ufffd, and
// U+2028 and U+2029 escaped. It passes over the bytes it keeps as they are
// eight at a time (jsonPlain), where a statement's text and names are
// most of what --format jsonl writes.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	if jsonPlainString(s) {
		// Most strings: the labels, dates, names and most sentences.
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if m := jsonPlain(swar.Load64(s, i)); m == 0 {
				i += 8
				continue
			} else {
				i += bits.TrailingZeros64(m) >> 3 // the first byte to look at
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonPlain returns 0 when the eight bytes of w, little-endian, are all
// ones that jsonSafe keeps; else a mask whose lowest set bit is the top
// bit of the first byte that is not (the bits above it may be wrong).
// Each term is a "has a zero byte" or "has a byte below n" test, whose
// lowest flagged byte is exact: no borrow reaches the bytes below it.
func jsonPlain(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - ones) &^ v }
	m := w                               // bytes from 0x80: not ASCII
	m |= (w - 0x20*ones) &^ w            // bytes below 0x20: control characters
	m |= zero(w | 0x04*ones ^ 0x26*ones) // '"' (0x22) and '&' (0x26)
	m |= zero(w | 0x02*ones ^ 0x3e*ones) // '<' (0x3c) and '>' (0x3e)
	m |= zero(w ^ 0x5c*ones)             // '\\'
	return m & highs
}

// jsonPlainString reports whether jsonSafe keeps every byte of s, eight
// bytes at a time (jsonPlain), the last eight or the first and last four
// overlapping the ones before.
func jsonPlainString(s string) bool {
	switch n := len(s); {
	case n >= 8:
		for i := 0; i < n-8; i += 8 {
			if jsonPlain(swar.Load64(s, i)) != 0 {
				return false
			}
		}
		return jsonPlain(swar.Load64(s, n-8)) == 0
	case n >= 4:
		return jsonPlain(uint64(swar.Load32(s, 0))|uint64(swar.Load32(s, n-4))<<32) == 0
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !jsonSafe[c] {
			return false
		}
	}
	return true
}
