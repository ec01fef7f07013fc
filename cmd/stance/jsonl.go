package main

import (
	"encoding/binary"
	"math"
	"math/big"
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
// encoding/json's output and to the fields of classify.Statement. The
// article's fields, the same for all its statements, are quoted through
// m, which keeps them from the statement before.
func appendStatementJSON(b []byte, st *classify.Statement, m *jsonMemo) (_ []byte, ok bool) {
	if !finite(st.Prob) || !finite(st.SentimentScore) {
		return b, false
	}
	b = append(b, `{"article":"`...)
	b = m.article.appendRest(b, st.Article)
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(st.Sentence), 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(st.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(st.End), 10)
	b = append(b, `,"text":"`...)
	b = appendJSONRest(b, st.Text)
	if st.Clean != "" {
		b = append(b, `,"clean":"`...)
		b = appendJSONRest(b, st.Clean)
	}
	b = append(b, `,"actor":"`...)
	b = appendJSONRest(b, st.Actor)
	b = append(b, `,"group":"`...)
	b = appendJSONRest(b, st.Group)
	if st.Speaker != "" {
		b = append(b, `,"speaker":"`...)
		b = appendJSONRest(b, st.Speaker)
	}
	b = append(b, `,"known":`...)
	b = strconv.AppendBool(b, st.Known)
	if st.Target != "" {
		b = append(b, `,"target":"`...)
		b = appendJSONRest(b, st.Target)
	}
	b = append(b, `,"date":"`...)
	b = appendJSONRest(b, st.Date)
	if st.DateGrain != "" {
		b = append(b, `,"date_grain":"`...)
		b = appendJSONRest(b, st.DateGrain)
	}
	if st.DateInferred {
		b = append(b, `,"date_inferred":true`...)
	}
	if st.Published != "" {
		b = append(b, `,"published":"`...)
		b = m.published.appendRest(b, st.Published)
	}
	if st.Source != "" {
		b = append(b, `,"source":"`...)
		b = m.source.appendRest(b, st.Source)
	}
	b = append(b, `,"stance":"`...)
	b = appendJSONRest(b, st.Stance)
	b = append(b, `,"prob":`...)
	b = appendJSONFloat(b, st.Prob)
	if st.Model != "" {
		b = append(b, `,"model":"`...)
		b = m.model.appendRest(b, st.Model)
	}
	b = append(b, `,"sentiment":"`...)
	b = appendJSONRest(b, st.Sentiment)
	b = append(b, `,"sentiment_score":`...)
	b = appendJSONFloat(b, st.SentimentScore)
	return append(b, '}'), true
}

// jsonMemo keeps the quoted forms of the fields a statement has from its
// article (its file, publication date and source) and from the run (the
// model's name), for appendStatementJSON to copy for the next statement
// instead of quoting them again: a statement quoted some ten strings, and
// an article has dozens of statements.
type jsonMemo struct {
	article, published, source, model quotedString
}

// quotedString is a string and what appendJSONRest appends for it.
type quotedString struct {
	s string
	q []byte
}

// appendRest appends appendJSONRest(nil, s), quoting s only when it is
// not the string quoted last.
func (m *quotedString) appendRest(b []byte, s string) []byte {
	if s != m.s || m.q == nil {
		m.s, m.q = s, appendJSONRest(m.q[:0], s)
	}
	return append(b, m.q...)
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
// from 1e-6 to 1e21, where encoding/json writes that format. It finds
// the shortest digits with shortestDecimal, strconv's own algorithm, and
// writes them eight at a time (digits8) in one append: strconv's 'e' and
// the layout from it took some 900 instructions a float (a statement's
// two floats have 16 or 17 digits), finding the digits about a fifth.
func appendShortestF(b []byte, f float64) []byte {
	d, exp, ok := shortestDecimal(f)
	if !ok {
		return strconv.AppendFloat(b, f, 'f', -1, 64)
	}
	// d's digits, at the end of 32 with zeros before them (d < 10^17),
	// and room before those for "-0." and the zeros after the point.
	var buf [32]byte
	binary.LittleEndian.PutUint64(buf[8:], digits8(uint32(d/1e16)))
	binary.LittleEndian.PutUint64(buf[16:], digits8(uint32(d/1e8%1e8)))
	binary.LittleEndian.PutUint64(buf[24:], digits8(uint32(d%1e8)))
	nd := decimalLen(d)
	i, dp := len(buf)-nd, nd+exp // d's digits are buf[i:]; the point goes after dp of them
	if dp <= 0 {
		// Most statements' floats, both below 1: "0.", zeros and the
		// digits in one append. i+dp >= 10, as nd <= 17 and dp > -6.
		i += dp - 2
		buf[i], buf[i+1] = '0', '.'
		if f < 0 {
			i--
			buf[i] = '-'
		}
		return append(b, buf[i:]...)
	}
	if f < 0 {
		b = append(b, '-')
	}
	digits := buf[i:]
	if dp >= nd {
		b = append(b, digits...)
		return append(b, "000000000000000000000"[:dp-nd]...)
	}
	b = append(b, digits[:dp]...)
	b = append(b, '.')
	return append(b, digits[dp:]...)
}

// The binary exponents (of f as a 53-bit integer times a power of two)
// that shortestDecimal takes, those of 1e-6 to 1e21, and the powers of
// ten its steps multiply by for them.
const (
	shortestMinExp = -72 // 1e-6 is 0x10c6f7a0b5ed8d * 2^-72
	shortestMaxExp = 17  // 1e21 is 0x1b1ae4d6e2ef50 * 2^17
	pow10Min       = 2 - (shortestMaxExp*78913)>>18
	pow10Max       = 2 - (shortestMinExp*78913)>>18
)

// pow10s holds 10^k for k from pow10Min to pow10Max as Dragonbox wants it
// (φ̃k): the 128 bits from its leading one, hi and lo, rounded up where
// they are not exact (k < 0), and exp, 10^k being about
// (hi*2^64 + lo) * 2^(exp-128). Made with math/big rather than copied
// from strconv's table.
var pow10s = func() (tab [pow10Max - pow10Min + 1]struct {
	hi, lo uint64
	exp    int
}) {
	mask := new(big.Int).SetUint64(math.MaxUint64)
	for i := range tab {
		k := pow10Min + i
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(k, -k))), nil)
		n, exp := new(big.Int), p.BitLen()
		if k >= 0 {
			n.Lsh(p, uint(128-exp)) // exact: k < 39
		} else {
			// 2^(127+L)/10^-k lies between 2^127 and 2^128 (L the bits of
			// 10^-k), never on either; rounded up.
			n.Lsh(big.NewInt(1), uint(127+exp))
			n.Div(n, p)
			n.Add(n, big.NewInt(1))
			exp = 1 - exp
		}
		tab[i].hi = new(big.Int).Rsh(n, 64).Uint64()
		tab[i].lo = new(big.Int).And(n, mask).Uint64()
		tab[i].exp = exp
	}
	return tab
}()

// shortestDecimal returns the shortest digits that read back as f, and
// their decimal exponent (f is about d * 10^exp), as strconv finds them
// (its dboxFtoa64, from Junekey Jeon's Dragonbox), for a normal f of 1e-6
// to 1e21 whose mantissa is not a power of two; ok is false for any other
// f, whose digits the caller leaves to strconv. FuzzJSONFloat and
// TestShortestF hold it, through appendShortestF, to strconv.
func shortestDecimal(f float64) (d uint64, exp int, ok bool) {
	const κ = 2 // Dragonbox's for float64
	bits64 := math.Float64bits(f)
	mant := bits64 & (1<<52 - 1)
	e := int(bits64>>52&0x7ff) - 1075
	if mant == 0 || e < shortestMinExp || e > shortestMaxExp {
		return 0, 0, false
	}
	mant |= 1 << 52
	k0 := -(e * 78913 >> 18) // -⌊e log10 2⌋
	p := &pow10s[κ+k0-pow10Min]
	β := uint(e + p.exp - 1)

	// zi, exact: the integer part of (2 mant + 1) 2^β φ̃, and whether it
	// has no fraction (Dragonbox's z^(i) and z^(f) = 0).
	u := (2*mant + 1) << β
	hh, hl := bits.Mul64(u, p.hi)
	lh, _ := bits.Mul64(u, p.lo)
	lo, carry := bits.Add64(hl, lh, 0)
	zi, exact := hh+carry, lo == 0

	s, r := zi/1000, uint32(zi%1000)
	δi := uint32(p.hi >> (63 - β))
	if r < δi {
		if r != 0 || !exact || mant%2 == 0 {
			s, zeros := trimZeros(s)
			return s, -k0 + 1 + zeros, true
		}
		s--
		r = 1000
	} else if r == δi {
		parity, exact := parityOf(2*mant-1, p.hi, p.lo, β)
		if parity || exact && mant%2 == 0 {
			s, zeros := trimZeros(s)
			return s, -k0 + 1 + zeros, true
		}
	}
	D := r + 50 - δi/2
	t, ρ := D/100, D%100
	d = 10*s + uint64(t)
	if ρ == 0 {
		parity, exact := parityOf(2*mant, p.hi, p.lo, β)
		if parity != ((D-50)%2 != 0) || exact && d%2 != 0 {
			d--
		}
	}
	return d, -k0, true
}

// parityOf returns the parity of the integer part of m 2^β φ̃, with φ̃
// 128 bits hi and lo, and whether it has no fraction (strconv's
// dboxParity64).
func parityOf(m, hi, lo uint64, β uint) (parity, exact bool) {
	h := m * hi
	ph, pl := bits.Mul64(m, lo)
	h += ph
	return h>>(64-β)&1 != 0, h<<β|pl>>(64-β) == 0
}

// trimZeros returns x without its trailing decimal zeros and how many
// there were (strconv's), testing for 8, 4, 2 and 1 of them with the
// inverses of 5^n: x*inv rotated right n bits is x/10^n when that is an
// integer, and too large when it is not.
func trimZeros(x uint64) (uint64, int) {
	const (
		div1e8m  = 0xc767074b22e90e21
		div1e8le = math.MaxUint64 / 100000000
		div1e4m  = 0xd288ce703afb7e91
		div1e4le = math.MaxUint64 / 10000
		div1e2m  = 0x8f5c28f5c28f5c29
		div1e2le = math.MaxUint64 / 100
		div1e1m  = 0xcccccccccccccccd
		div1e1le = math.MaxUint64 / 10
	)
	p := 0
	for d := bits.RotateLeft64(x*div1e8m, -8); d <= div1e8le; d = bits.RotateLeft64(x*div1e8m, -8) {
		x = d
		p += 8
	}
	if d := bits.RotateLeft64(x*div1e4m, -4); d <= div1e4le {
		x = d
		p += 4
	}
	if d := bits.RotateLeft64(x*div1e2m, -2); d <= div1e2le {
		x = d
		p += 2
	}
	if d := bits.RotateLeft64(x*div1e1m, -1); d <= div1e1le {
		x = d
		p++
	}
	return x, p
}

// digits8 returns the eight decimal digits of n < 10^8, with leading
// zeros, as ASCII bytes, little-endian (the first digit in the low byte):
// n split in halves of four digits, each half in pairs, each pair in
// digits, the lanes of one word at a time. v*10486>>20 is v/100 for
// v < 10^4, v*103>>10 is v/10 for v < 100.
func digits8(n uint32) uint64 {
	x := uint64(n/10000) | uint64(n%10000)<<32
	q := x * 10486 >> 20 & 0x0000007f0000007f
	x = q | (x-q*100)<<16
	q = x * 103 >> 10 & 0x000f000f000f000f
	x = q | (x-q*10)<<8
	return x | 0x3030303030303030
}

// decimalLen returns the number of decimal digits of d > 0: ⌊log10 2⌋
// times its bits, or one more.
func decimalLen(d uint64) int {
	n := bits.Len64(d) * 1233 >> 12
	if d >= pow10u64[n] {
		n++
	}
	return n
}

var pow10u64 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// jsonSafe holds the ASCII bytes a JSON string with HTML escaping keeps
// as they are.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return safe
}()

// appendJSONRest appends s as encoding/json quotes it with HTML escaping,
// less the opening quote, which appendStatementJSON writes with the key
// before it. Most of a statement's strings are labels, dates and names of
// at most 16 bytes with no byte to escape: it tests such a string with
// jsonPlain on one or two overlapping loads and stores those words as
// they are, instead of calling jsonPlainLen and memmove for a few bytes.
// Longer strings, and b without room for 17 more bytes, are for
// appendJSONLong.
func appendJSONRest(b []byte, s string) []byte {
	l, n := len(b), len(s)
	if n > 16 || cap(b)-l < 17 {
		return appendJSONLong(b, s)
	}
	d := b[l : l+17]
	switch {
	case n >= 8:
		lo, hi := swar.Load64(s, 0), swar.Load64(s, n-8)
		if jsonPlain(lo)|jsonPlain(hi) != 0 {
			return appendJSONEscaped(b, s, 0)
		}
		binary.LittleEndian.PutUint64(d, lo)
		binary.LittleEndian.PutUint64(d[n-8:], hi)
	case n >= 4:
		lo, hi := swar.Load32(s, 0), swar.Load32(s, n-4)
		if jsonPlain(uint64(lo)|uint64(hi)<<32) != 0 {
			return appendJSONEscaped(b, s, 0)
		}
		binary.LittleEndian.PutUint32(d, lo)
		binary.LittleEndian.PutUint32(d[n-4:], hi)
	case n > 0:
		// The first, middle and last byte, which are all of s, and
		// spaces.
		c0, c1, c2 := s[0], s[n/2], s[n-1]
		if jsonPlain(uint64(c0)|uint64(c1)<<8|uint64(c2)<<16|0x2020202020000000) != 0 {
			return appendJSONEscaped(b, s, 0)
		}
		d[0], d[n/2], d[n-1] = c0, c1, c2
	}
	d[n] = '"'
	return b[:l+n+1]
}

// appendJSONLong is appendJSONRest for any s. Most strings (most
// sentences, too) have no byte to escape; jsonPlainLen finds so eight
// bytes at a time and they are copied as they are.
func appendJSONLong(b []byte, s string) []byte {
	n := jsonPlainLen(s)
	if n == len(s) {
		b = append(b, s...)
		return append(b, '"')
	}
	return appendJSONEscaped(b, s, n)
}

// appendJSONEscaped is appendJSONRest for a string with bytes to escape:
// <, > and & as \u003c..., control characters, invalid UTF-8 as \ufffd,
// and U+2028 and U+2029 escaped. The bytes before from are ASCII that
// needs no escape (jsonPlainLen has read them); it passes over the bytes
// it keeps as they are eight at a time (jsonPlain).
func appendJSONEscaped(b []byte, s string, from int) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := from; i < len(s); {
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
// Each term but w's own top bits subtracts from the byte a value that
// leaves a top bit only where it borrows, so from a byte below 0x20, or
// from the zero byte that '"' or '&', '<' or '>', or '\\' leave after the
// xor: a byte kept as it is neither borrows nor gains a top bit, so the
// first byte that is not is flagged exactly. (A byte from 0x80 up may
// keep a top bit in the terms; w flags it anyway.)
func jsonPlain(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	m := w                                  // bytes from 0x80: not ASCII
	m |= w - 0x20*ones                      // bytes below 0x20: control characters
	m |= (w | 0x04*ones ^ 0x26*ones) - ones // '"' (0x22) and '&' (0x26)
	m |= (w | 0x02*ones ^ 0x3e*ones) - ones // '<' (0x3c) and '>' (0x3e)
	m |= (w ^ 0x5c*ones) - ones             // '\\'
	return m & highs
}

// jsonPlainLen returns len(s) when jsonSafe keeps every byte of s; else
// a position at or before the first byte it does not keep, past bytes
// it keeps, from which appendJSONEscaped takes up instead of reading them
// again. It reads eight bytes at a time (jsonPlain), the last eight or
// the first and last four overlapping the ones before.
func jsonPlainLen(s string) int {
	switch n := len(s); {
	case n >= 8:
		i := 0
		for ; i < n-8; i += 8 {
			if jsonPlain(swar.Load64(s, i)) != 0 {
				return i
			}
		}
		// The bytes before i are kept, and those of the last eight from
		// n-8 <= i too.
		if jsonPlain(swar.Load64(s, n-8)) != 0 {
			return i
		}
		return n
	case n >= 4:
		if jsonPlain(uint64(swar.Load32(s, 0))|uint64(swar.Load32(s, n-4))<<32) != 0 {
			return 0
		}
		return n
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !jsonSafe[c] {
			return i
		}
	}
	return len(s)
}
