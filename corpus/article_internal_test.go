package corpus

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadAll holds readAll, which appends to a buffer ReadArticle keeps,
// to io.ReadAll, for files and other readers, into an empty buffer, a
// small one and one with bytes before.
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
		got, err := readAll(nil, f)
		f.Close()
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("readAll(file of %d bytes) = %d bytes, %v; want %d bytes", n, len(got), err, n)
		}
		want, _ := io.ReadAll(strings.NewReader(string(data)))
		for _, b := range [][]byte{nil, make([]byte, 0, 512), []byte("before")} {
			got, err := readAll(b, strings.NewReader(string(data)))
			if err != nil || !bytes.Equal(got[:len(b)], b) || !bytes.Equal(got[len(b):], want) {
				t.Errorf("readAll(%d bytes of %d, reader of %d bytes) = %d bytes, %v", len(b), cap(b), n, len(got), err)
			}
		}
	}
}

// TestReadArticleOwnsText reads articles one after another, as stance
// classify does, through the buffer ReadArticle keeps, and checks that
// each article's text is its own: the next one does not write over it.
func TestReadArticleOwnsText(t *testing.T) {
	texts := []string{"First story.\nMaduro said so.", "Second, longer story.\nGuaido said otherwise, twice over.", "Third."}
	var as []Article
	for i, text := range texts {
		a, err := ReadArticle(strings.NewReader(text), "a.txt")
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		as = append(as, a)
	}
	for i, a := range as {
		if a.Text != texts[i] {
			t.Errorf("article %d: Text %q after reading the others, want %q", i, a.Text, texts[i])
		}
	}
}
