package corpus

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadAll holds readAll, which sizes its buffer from a file's Stat,
// to io.ReadAll, for files and readers that cannot tell their size.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 511, 512, 513, 4800, 70000} {
		data := bytes.Repeat([]byte("Maduro said. "), n/13+1)[:n]
		path := filepath.Join(dir, "a.txt")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAll(f)
		f.Close()
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("readAll(file of %d bytes) = %d bytes, %v; want %d bytes", n, len(got), err, n)
		}
		want, _ := io.ReadAll(strings.NewReader(string(data)))
		if got, err := readAll(strings.NewReader(string(data))); err != nil || !bytes.Equal(got, want) {
			t.Errorf("readAll(reader of %d bytes) = %d bytes, %v", n, len(got), err)
		}
	}
}
