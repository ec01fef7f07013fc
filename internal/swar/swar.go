// Package swar reads a string eight or four bytes at a time and tests the
// bytes of a word at once (SIMD within a register), for the hot loops of
// corpus, classify and the command's output: the segmenter, the cleaner,
// the tokenisers, the parts index, and the JSON and table writers. The
// standard library has the loads (encoding/binary) but only for byte
// slices; these take a string and its offset without a copy. Each is small
// enough for the compiler to inline across packages.
package swar

import (
	"encoding/binary"
	"unsafe"
)

// Load64 reads the little-endian word at s[i:], which must have eight
// bytes.
func Load64(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
}

// Load32 reads the little-endian word at s[i:], which must have four
// bytes.
func Load32(s string, i int) uint32 {
	return binary.LittleEndian.Uint32(unsafe.Slice(unsafe.StringData(s[i:]), 4))
}

// Upper8 returns 0x80 in each byte of x that is an ASCII capital, and 0
// in the others: no byte carries into the next.
func Upper8(x uint64) uint64 {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	low7 := x &^ msb
	geA := low7 + (0x80-'A')*lsb   // high bit set where low7 >= 'A'
	gtZ := low7 + (0x80-'Z'-1)*lsb // high bit set where low7 > 'Z'
	return (geA ^ gtZ) &^ x & msb
}

// PutLowerASCII writes s to b, which has room for it, with its ASCII
// capitals lower-cased and every other byte as it is: eight bytes at a
// time, then the tail.
func PutLowerASCII(b []byte, s string) {
	b = b[:len(s)]
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := Load64(s, i)
		binary.LittleEndian.PutUint64(b[i:], x|Upper8(x)>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
}
