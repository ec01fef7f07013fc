package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// invoke runs the stance command in-process.
func invoke(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/golden/<name>, or rewrites it with
// -update. On a mismatch it writes <name>.got beside it (ignored by git).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		gotPath := strings.Replace(path, ".std", ".got-std", 1)
		if gotPath == path {
			gotPath = path + ".got-out"
		}
		os.WriteFile(gotPath, []byte(got), 0o644)
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestGolden runs the commands of the README's tour on the repository's
// own fixtures and compares their output with golden files.
func TestGolden(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "small.json")
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{name: "train", args: []string{"train", "-o", model, "--cv", "3", "testdata/small.tsv"}},
		{name: "train-json", args: []string{"train", "-o", model, "--format", "json", "testdata/small.tsv"}},
		{name: "eval", args: []string{"eval", "--model", model, "testdata/small.tsv"}},
		{name: "eval-json", args: []string{"eval", "--model", model, "--format", "json", "testdata/small.tsv"}},
		{name: "eval-markdown", args: []string{"eval", "--model", model, "--format", "markdown", "testdata/small.tsv"}},
		{name: "eval-csv", args: []string{"eval", "--model", model, "--format", "csv", "testdata/small.tsv"}},
		{name: "report", args: []string{"report", "testdata/statements.jsonl"}},
		{name: "report-month-markdown", args: []string{"report", "--by", "actor,date", "--period", "month", "--format", "markdown", "testdata/statements.jsonl"}},
		{name: "report-group-csv", args: []string{"report", "--by", "group", "--format", "csv", "testdata/statements.jsonl"}},
		{name: "report-json", args: []string{"report", "--by", "actor", "--format", "json", "testdata/statements.jsonl"}},
		{name: "report-stdin", args: []string{"report", "--by", "date", "-"}, stdin: mustRead(t, "testdata/statements.jsonl")},
		{name: "compare", args: []string{"compare", "testdata/statements.jsonl"}},
		{name: "compare-markdown", args: []string{"compare", "--columns", "group", "--format", "markdown", "testdata/statements.jsonl"}},
		{name: "compare-csv", args: []string{"compare", "--columns", "date", "--period", "month", "--format", "csv", "testdata/statements.jsonl"}},
		{name: "compare-json", args: []string{"compare", "--columns", "actor", "--format", "json", "testdata/statements.jsonl"}},
		{name: "compare-filters", args: []string{"compare", "--actor", "Blinken,United States,Maduro", "--since", "2021", "--min-n", "3", "testdata/statements.jsonl"}},
		{name: "report-filters", args: []string{"report", "--by", "actor", "--group", "United States government", "--threshold", "0.9", "testdata/statements.jsonl"}},
		{name: "compare-bad-columns", args: []string{"compare", "--columns", "actor,date", "testdata/statements.jsonl"}, code: 2},
		{name: "compare-bad-since", args: []string{"compare", "--since", "May 2021", "testdata/statements.jsonl"}, code: 2},
		{name: "classify", args: []string{"classify", "--sentiment", "off", "testdata/articles"}},
		{name: "classify-markdown", args: []string{"classify", "--sentiment", "off", "--format", "markdown", "testdata/articles/2021-05-27-gonzalez.txt"}},
		{name: "classify-jsonl", args: []string{"classify", "--sentiment", "off", "--format", "jsonl", "testdata/articles/2021-05-27-gonzalez.txt"}},
		{name: "corpus-stats", args: []string{"corpus", "stats", "testdata/small.tsv", "testdata/dupes.tsv"}, code: 1},
		{name: "explain", args: []string{"explain", "--model", model, "Washington imposed sanctions and warned of consequences."}},
		{name: "bad-flag", args: []string{"classify", "--frobnicate"}, code: 2},
		{name: "bad-format", args: []string{"report", "--format", "xml", "testdata/statements.jsonl"}, code: 2},
		{name: "no-command", args: []string{"frobnicate"}, code: 2},
		{name: "bad-corpus", args: []string{"train", "-o", filepath.Join(dir, "bad.json"), "testdata/bad.tsv"}, code: 1},
		{name: "missing-file", args: []string{"eval", "--model", model, "testdata/nonexistent.tsv"}, code: 1},
		{name: "unknown-label", args: []string{"eval", "--model", model, "testdata/unknown-label.tsv"}, code: 1},
		{name: "bad-model", args: []string{"classify", "--model", "testdata/future-model.json", "testdata/articles"}, code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := invoke(t, tt.stdin, tt.args...)
			stdout = strings.ReplaceAll(stdout, dir, "$TMP")
			stderr = strings.ReplaceAll(stderr, dir, "$TMP")
			if code != tt.code {
				t.Errorf("stance %s: exit %d, want %d\nstderr: %s", strings.Join(tt.args, " "), code, tt.code, stderr)
			}
			golden(t, tt.name+".stdout", stdout)
			golden(t, tt.name+".stderr", stderr)
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
