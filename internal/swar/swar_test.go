package swar

import (
	"encoding/binary"
	"testing"
)

// TestUpper8 tries every byte value in every place of a word, among
// neighbours that could carry into it.
func TestUpper8(t *testing.T) {
	for _, fill := range []byte{0, 'A', 'Z', 'a', 0x7f, 0x80, 0xc1, 0xda, 0xff} {
		for place := range 8 {
			for c := range 256 {
				var b [8]byte
				for i := range b {
					b[i] = fill
				}
				b[place] = byte(c)
				var want uint64
				for i, x := range b {
					if 'A' <= x && x <= 'Z' {
						want |= 0x80 << (8 * i)
					}
				}
				if got := Upper8(binary.LittleEndian.Uint64(b[:])); got != want {
					t.Fatalf("Upper8(% x) = %#x, want %#x", b, got, want)
				}
			}
		}
	}
}

func TestLoad(t *testing.T) {
	s := "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"
	if got, want := Load64(s, 2), uint64(0x0a09080706050403); got != want {
		t.Errorf("Load64 = %#x, want %#x", got, want)
	}
	if got, want := Load32(s, 6), uint32(0x0a090807); got != want {
		t.Errorf("Load32 = %#x, want %#x", got, want)
	}
}

// FuzzPutLowerASCII holds PutLowerASCII to a byte-by-byte lower-casing,
// and checks that it writes nothing outside its bytes of b.
func FuzzPutLowerASCII(f *testing.F) {
	for _, s := range []string{"", "A", "Secretary of State Antony J. Blinken", "@[`{AZaz09", "\u00c9L GONZ\u00c1LEZ \xff\xc0Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte(s)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		b := make([]byte, len(s)+3)
		PutLowerASCII(b[1:], s)
		if got := string(b[1 : 1+len(s)]); got != string(want) || b[0] != 0 || b[len(b)-2] != 0 {
			t.Errorf("PutLowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}
