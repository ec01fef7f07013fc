package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedModelsReproduce runs each models/*.go go:generate line that
// calls 'stance train' and checks that it rebuilds the embedded model file
// byte for byte: the shipped models are what the repository's corpus and
// the documented command give, and training is deterministic.
func TestEmbeddedModelsReproduce(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the embedded models")
	}
	srcs, err := filepath.Glob(filepath.Join("..", "..", "models", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "//go:generate go run ../cmd/stance "
	found := 0
	for _, src := range srcs {
		f, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if !strings.HasPrefix(line, prefix) {
				continue
			}
			found++
			args := strings.Fields(strings.TrimPrefix(line, prefix))
			t.Run(filepath.Base(src), func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "model.json")
				var want string
				for i := range args {
					if args[i] == "-o" && i+1 < len(args) {
						want = filepath.Join("..", "..", "models", args[i+1])
						args[i+1] = out
						continue
					}
					if strings.HasPrefix(args[i], "../") {
						args[i] = filepath.Join("..", "..", "models", args[i]) // relative to models/
					}
				}
				if want == "" {
					t.Fatalf("%s: go:generate line has no -o: %s", src, line)
				}
				_, stderr, code := invoke(t, "", args...)
				if code != 0 {
					t.Fatalf("stance %s: exit %d: %s", strings.Join(args, " "), code, stderr)
				}
				got, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				wantBytes, err := os.ReadFile(want)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, wantBytes) {
					t.Errorf("%s differs from what its go:generate line builds (%d vs %d bytes): run go generate ./models and commit", want, len(wantBytes), len(got))
				}
			})
		}
		f.Close()
	}
	if found == 0 {
		t.Fatal("no go:generate line calls stance in models/*.go")
	}
}
