package models

// The model file codec. A model file is what
//
//	json.MarshalIndent(file{Format: Kind, Version: Version, Checksum: sum, Model: m}, "", " ")
//
// gives, plus a newline (the canonical encoding; encodeReflect in the tests),
// and its checksum is the SHA-256 of that encoding with an empty checksum.
// Reflection is slow on the counts, millions of terms for an n-gram model,
// so encode writes them by hand, byte for byte as encoding/json would, and
// decode reads them by hand. Neither changes the format: files written
// before these fast paths load, and new files are byte-identical to them.
//
// A file that WriteTo wrote is its own canonical encoding, so decode
// verifies the checksum over the file's bytes with the checksum's value
// blanked, and only re-encodes a file laid out otherwise. Anything the fast
// reader does not expect (reordered or repeated fields, numbers that are
// not plain integers, ...) sends the file to encoding/json, whose verdict
// stands; the fuzz test checks that both readers agree.

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// fileHead is file without the counts: the fields in file's order, with a
// counts field that encodes as null for encode to replace.
type fileHead struct {
	Format    string    `json:"format"`
	Version   int       `json:"version"`
	Checksum  string    `json:"checksum"`
	Labels    []string  `json:"labels"`
	Tokenizer Tokenizer `json:"tokenizer"`
	Alpha     float64   `json:"alpha"`
	Priors    string    `json:"priors"`
	Summary   Summary   `json:"summary"`
	Counts    *struct{} `json:"counts"`
}

// encode returns the file bytes of m with the given checksum.
func (m *Model) encode(sum string) ([]byte, error) {
	head, err := json.MarshalIndent(fileHead{
		Format: Kind, Version: Version, Checksum: sum,
		Labels: m.Labels, Tokenizer: m.Tokenizer, Alpha: m.Alpha, Priors: m.Priors, Summary: m.Summary,
	}, "", " ")
	if err != nil {
		return nil, err
	}
	const null = "null\n}"
	if !bytes.HasSuffix(head, []byte(null)) {
		return nil, errors.New("unexpected model file layout")
	}
	head = head[:len(head)-len(null)]
	if m.Counts == nil {
		return append(head, null+"\n"...), nil
	}
	if len(m.Counts) == 0 {
		return append(head, "[]\n}\n"...), nil
	}
	// Each label's table is sorted and written on its own core.
	parts := make([][]byte, len(m.Counts))
	var wg sync.WaitGroup
	for i, c := range m.Counts {
		wg.Go(func() { parts[i] = appendCounts(nil, c) })
	}
	wg.Wait()
	n := len(head) + 16
	for _, p := range parts {
		n += len(p) + 8
	}
	out := make([]byte, 0, n)
	out = append(out, head...)
	out = append(out, "[\n"...)
	for i, p := range parts {
		if i > 0 {
			out = append(out, ",\n"...)
		}
		out = append(out, "  "...)
		out = append(out, p...)
	}
	return append(out, "\n ]\n}\n"...), nil
}

// appendCounts appends c as encoding/json indents a map at depth 2 of the
// file: keys sorted bytewise, "{}" when empty, "null" when nil.
func appendCounts(b []byte, c map[string]int) []byte {
	if c == nil {
		return append(b, "null"...)
	}
	if len(c) == 0 {
		return append(b, "{}"...)
	}
	// Sort the entries rather than the keys, so that no map lookup
	// follows, by their first eight bytes as a number and then by the
	// whole term: most comparisons then stay inside the entries instead
	// of fetching two terms from all over memory.
	type entry struct {
		prefix uint64
		term   string
		n      int
	}
	entries := make([]entry, 0, len(c))
	size := 0
	for k, n := range c {
		entries = append(entries, entry{prefix8(k), k, n})
		size += len(k) + 16
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.prefix != b.prefix {
			return cmp.Compare(a.prefix, b.prefix)
		}
		return strings.Compare(a.term, b.term)
	})
	b = slices.Grow(b, size+8)
	b = append(b, '{')
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n   "...)
		b = appendString(b, e.term)
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(e.n), 10)
	}
	return append(b, "\n  }"...)
}

// prefix8 returns the first eight bytes of s, zero-padded, as a
// big-endian number: prefix8(a) < prefix8(b) implies a < b.
func prefix8(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// appendString appends s as a JSON string the way encoding/json writes
// it. Keys that need no escaping, nearly all, are copied; the others go
// through encoding/json itself.
func appendString(b []byte, s string) []byte {
	if plainString(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, err := json.Marshal(s)
	if err != nil { // a string always marshals
		panic(err)
	}
	return append(b, q...)
}

// plainString reports whether encoding/json writes s between quotes as it
// is: valid UTF-8 with no control character, quote, backslash, HTML
// special (< > &, which it escapes by default), U+2028 or U+2029.
func plainString(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			continue
		}
		if c < ' ' || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return ascii || utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029")
}

// checksumOf returns the checksum field's value for file bytes b whose
// checksum value (between its quotes) is b[lo:hi]: the SHA-256 of b
// without it.
func checksumOf(b []byte, lo, hi int) string {
	h := sha256.New()
	h.Write(b[:lo])
	h.Write(b[hi:])
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// decodeFast reads a model file without reflection on its counts. ok is
// false when b is not laid out as the fast reader expects, or fails any
// check; the caller then decodes b with encoding/json, which gives the
// verdict and the error. A model returned with ok is valid, its checksum
// verified, and equal to what encoding/json would decode.
func decodeFast(b []byte) (m *Model, ok bool) {
	s := string(b) // terms are cut from one copy of the file
	p := &scanner{s: s}
	p.ws()
	if !p.eat('{') {
		return nil, false
	}
	// The members other than counts are gathered into one small object
	// for encoding/json.
	head := make([]byte, 0, 4096)
	head = append(head, '{')
	var counts []map[string]int
	haveCounts := false
	sumLo, sumHi := -1, -1
	for first := true; ; first = false {
		p.ws()
		if p.eat('}') {
			break
		}
		if !first && !(p.eat(',') && p.wsThen()) {
			return nil, false
		}
		kLo := p.i
		key, plain := p.rawString()
		if !plain {
			return nil, false
		}
		kHi := p.i
		p.ws()
		if !p.eat(':') {
			return nil, false
		}
		p.ws()
		if key == "counts" {
			if haveCounts {
				return nil, false
			}
			haveCounts = true
			if counts, ok = p.counts(); !ok {
				return nil, false
			}
			continue
		}
		if strings.EqualFold(key, "counts") {
			return nil, false // encoding/json matches field names without case
		}
		vLo := p.i
		if !p.skipValue(0) {
			return nil, false
		}
		if key == "checksum" {
			if sumLo >= 0 || s[vLo] != '"' {
				return nil, false
			}
			sumLo, sumHi = vLo+1, p.i-1
		}
		if len(head) > 1 {
			head = append(head, ',')
		}
		head = append(head, s[kLo:kHi]...)
		head = append(head, ':')
		head = append(head, s[vLo:p.i]...)
	}
	p.ws()
	if p.i != len(s) || !haveCounts || sumLo < 0 {
		return nil, false
	}
	head = append(head, '}')

	var h header
	if err := json.Unmarshal(head, &h); err != nil || h.Format != Kind || h.Version < 1 || h.Version > Version {
		return nil, false
	}
	m = new(Model)
	dec := json.NewDecoder(bytes.NewReader(head))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file{Model: m}); err != nil {
		return nil, false
	}
	m.Counts = counts
	if err := m.Validate(); err != nil {
		return nil, false
	}
	if checksumOf(b, sumLo, sumHi) != h.Checksum {
		return nil, false
	}
	return m, true
}

// A scanner reads the JSON of a model file from s[i:].
type scanner struct {
	s string
	i int
}

func (p *scanner) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\n', '\t', '\r':
			p.i++
		default:
			return
		}
	}
}

// wsThen skips white space and reports whether input is left.
func (p *scanner) wsThen() bool {
	p.ws()
	return p.i < len(p.s)
}

func (p *scanner) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// rawString reads a string. plain is false unless it is one that
// encoding/json decodes to its bytes between the quotes: no escape, no
// control character, valid UTF-8.
func (p *scanner) rawString() (str string, plain bool) {
	if !p.eat('"') {
		return "", false
	}
	lo := p.i
	ascii := true
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			str = p.s[lo:p.i]
			p.i++
			return str, ascii || utf8.ValidString(str)
		case c == '\\' || c < ' ':
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
		p.i++
	}
	return "", false
}

// string reads any JSON string and returns its value. Strings with
// escapes or non-UTF-8 bytes are decoded by encoding/json.
func (p *scanner) string() (string, bool) {
	lo := p.i
	if str, plain := p.rawString(); plain {
		return str, true
	}
	p.i = lo
	if !p.skipString() {
		return "", false
	}
	var str string
	if err := json.Unmarshal([]byte(p.s[lo:p.i]), &str); err != nil {
		return "", false
	}
	return str, true
}

// skipString moves past a string, escapes included, without checking them.
func (p *scanner) skipString() bool {
	if !p.eat('"') {
		return false
	}
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '"':
			p.i++
			return true
		case c == '\\':
			p.i += 2
		default:
			p.i++
		}
	}
	return false
}

// skipValue moves past one JSON value, for encoding/json to check later.
func (p *scanner) skipValue(depth int) bool {
	if depth > 64 || p.i >= len(p.s) {
		return false
	}
	switch c := p.s[p.i]; c {
	case '"':
		return p.skipString()
	case '{', '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		p.i++
		p.ws()
		if p.eat(end) {
			return true
		}
		for {
			p.ws()
			if c == '{' {
				if !p.skipString() {
					return false
				}
				p.ws()
				if !p.eat(':') {
					return false
				}
				p.ws()
			}
			if !p.skipValue(depth + 1) {
				return false
			}
			p.ws()
			if p.eat(end) {
				return true
			}
			if !p.eat(',') {
				return false
			}
		}
	default:
		lo := p.i
		for p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+' || p.s[p.i] == '.' || 'a' <= p.s[p.i] && p.s[p.i] <= 'z' || 'A' <= p.s[p.i] && p.s[p.i] <= 'Z' || '0' <= p.s[p.i] && p.s[p.i] <= '9') {
			p.i++
		}
		return p.i > lo
	}
}

// int reads a plain integer that fits in an int: an optional minus and
// at most 18 digits, no leading zero, fraction or exponent.
func (p *scanner) int() (int, bool) {
	neg := p.eat('-')
	lo := p.i
	n := 0
	for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		n = n*10 + int(p.s[p.i]-'0')
		p.i++
	}
	digits := p.i - lo
	if digits == 0 || digits > 18 || digits > 1 && p.s[lo] == '0' {
		return 0, false
	}
	if p.i < len(p.s) {
		if c := p.s[p.i]; c == '.' || c == 'e' || c == 'E' {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// counts reads the counts array: one object of term counts, or null, per
// label. The tables are filled on another core while the next is read.
func (p *scanner) counts() ([]map[string]int, bool) {
	if p.eat('n') {
		// null: no counts at all, which Validate refuses; let
		// encoding/json say so.
		return nil, false
	}
	if !p.eat('[') {
		return nil, false
	}
	type entry struct {
		term string
		n    int
	}
	var (
		cells []*map[string]int // filled by the goroutines
		wg    sync.WaitGroup
	)
	defer wg.Wait() // no goroutine outlives a failed parse
	p.ws()
	if p.eat(']') {
		return []map[string]int{}, true
	}
	for {
		p.ws()
		if p.i+4 <= len(p.s) && p.s[p.i:p.i+4] == "null" {
			p.i += 4
			cells = append(cells, new(map[string]int))
		} else {
			if !p.eat('{') {
				return nil, false
			}
			// Terms per label are about one a line; the entries
			// are collected first so that the map is made at its
			// size.
			entries := make([]entry, 0, 1024)
			p.ws()
			if !p.eat('}') {
				for {
					p.ws()
					term, ok := p.string()
					if !ok {
						return nil, false
					}
					p.ws()
					if !p.eat(':') {
						return nil, false
					}
					p.ws()
					n, ok := p.int()
					if !ok {
						return nil, false
					}
					entries = append(entries, entry{term, n})
					p.ws()
					if p.eat('}') {
						break
					}
					if !p.eat(',') {
						return nil, false
					}
				}
			}
			cell := new(map[string]int)
			cells = append(cells, cell)
			wg.Go(func() {
				c := make(map[string]int, len(entries))
				for _, e := range entries {
					c[e.term] = e.n // a repeated term: the last wins, as in encoding/json
				}
				*cell = c
			})
		}
		p.ws()
		if p.eat(']') {
			break
		}
		if !p.eat(',') {
			return nil, false
		}
	}
	wg.Wait()
	counts := make([]map[string]int, len(cells))
	for i, c := range cells {
		counts[i] = *c
	}
	return counts, true
}
