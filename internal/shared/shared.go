// Package shared locates the third-party data sets that tests and
// benchmarks read but the repository never copies: $STANCE_SHARED, or the
// folder "shared" beside the repository. A relative $STANCE_SHARED is
// taken from the repository root, so it means the same in every package.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of rel (slash-separated) under the shared data
// folder. When it is absent the test is skipped with a message saying how
// to point at the data, except under CI=true, where the data must be
// present and the test fails.
func Path(t testing.TB, rel string) string {
	t.Helper()
	root := repoRoot(t)
	dir := os.Getenv("STANCE_SHARED")
	switch {
	case dir == "":
		dir = filepath.Join(root, "..", "shared")
	case !filepath.IsAbs(dir):
		dir = filepath.Join(root, dir)
	}
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data %s missing under CI: %v (set STANCE_SHARED to the shared folder)", rel, err)
		}
		t.Skipf("shared data %s not found: %v (set STANCE_SHARED to the shared folder)", rel, err)
	}
	return path
}

// repoRoot is the nearest folder at or above the working directory (a
// test's package folder) that holds go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("shared: no go.mod above the working directory")
		}
		dir = parent
	}
}
