package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

func TestDefaultActorsParse(t *testing.T) {
	if _, err := defaultActors(); err != nil {
		t.Fatal(err)
	}
	if n := DefaultActors().Len(); n < 80 {
		t.Errorf("default dictionary has %d actors, want at least 80", n)
	}
}

func TestLookup(t *testing.T) {
	a := DefaultActors()
	tests := []struct{ name, want string }{
		{"Secretary of State Antony J Blinken", "Antony Blinken"},
		{"Juan Gonzlez", "Juan Gonzalez"},
		{"Gonz\u0bb8\u0bcdlez", "Juan Gonzalez"},
		{"the White House", "United States"},
		{"Caracas", "Venezuela"},
		{"Nicolás Maduro", "Nicolas Maduro"},
		{"Madurro", "Nicolas Maduro"},
	}
	for _, tt := range tests {
		got, ok := a.Lookup(tt.name)
		if !ok || got.Name != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, got.Name, ok, tt.want)
		}
	}
	if got, ok := a.Lookup("Quxbarfoo"); ok {
		t.Errorf("Lookup of an unknown name found %q", got.Name)
	}
}

func TestReadActorsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"name\tgroup\n", "x.tsv:1: header"},
		{"name\tgroup\tkind\taliases\tfrom\tto\nA\tB\tcity\t\t\t\n", "x.tsv:2: unknown kind"},
		{"name\tgroup\tkind\taliases\tfrom\tto\nA\tB\tperson\t\t2021-13-01\t\n", "x.tsv:2: bad date"},
	}
	for _, tt := range tests {
		_, err := ReadActors(strings.NewReader(tt.in), "x.tsv")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ReadActors(%q) error %v, want prefix %q", tt.in, err, tt.want)
		}
	}
}

func TestWithOverrides(t *testing.T) {
	extra, err := ReadActors(strings.NewReader("name\tgroup\tkind\taliases\tfrom\tto\nJuan Gonzalez\tUS NSC\tperson\tJG\t\t\nAna Ruiz\tPeru government\tperson\tRuiz\t\t\n"), "extra.tsv")
	if err != nil {
		t.Fatal(err)
	}
	a := DefaultActors().With(extra)
	if got, _ := a.Lookup("Juan Gonzalez"); got.Group != "US NSC" {
		t.Errorf("override: group %q, want US NSC", got.Group)
	}
	if got, ok := a.Lookup("Ruiz"); !ok || got.Name != "Ana Ruiz" {
		t.Errorf("added actor not found: %q %v", got.Name, ok)
	}
}

func attribute(text string, published time.Time) []Attribution {
	return DefaultActors().Attribute(text, corpus.Split(text), published)
}

func TestAttribute(t *testing.T) {
	day := time.Date(2021, 5, 27, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, actor, speaker, reason string
		i                            int
	}{
		{"Maduro rejected the demands on Tuesday.", "Nicolas Maduro", "", "subject without cue", 0},
		{"\"We will not lift sanctions,\" Gonzalez told reporters.", "Juan Gonzalez", "", "speaker after a quote", 0},
		{"Secretary of State Antony J Blinken met Guaido. He said talks must go on.", "Antony Blinken", "", "pronoun", 1},
		{"Ned Price said in a statement: \"Secretary Blinken stressed the need for elections.\"", "Antony Blinken", "Ned Price", "spokesman", 0},
		{"Elections must be free, according to Norway.", "Norway", "", "according to", 0},
		{"Juan Gonzalez, the senior director at the National Security Council, said talks were welcome.", "Juan Gonzalez", "", "apposition", 0},
		{"Pedro Alvarado said the strike would continue.", "Pedro Alvarado", "", "unknown name kept as written", 0},
	}
	for _, tt := range tests {
		got := attribute(tt.text, day)
		if tt.i >= len(got) {
			t.Errorf("%s: %d sentences", tt.reason, len(got))
			continue
		}
		if got[tt.i].Actor != tt.actor || got[tt.i].Speaker != tt.speaker {
			t.Errorf("%s: %q: actor %q speaker %q, want %q %q", tt.reason, tt.text, got[tt.i].Actor, got[tt.i].Speaker, tt.actor, tt.speaker)
		}
	}
}

func sharedDir(t *testing.T, sub string) string {
	t.Helper()
	dir := os.Getenv("STANCE_SHARED")
	switch {
	case dir == "":
		dir = filepath.Join("..", "..", "shared")
	case !filepath.IsAbs(dir):
		dir = filepath.Join("..", dir)
	}
	path := filepath.Join(dir, sub)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data missing under CI: %v (set STANCE_SHARED)", err)
		}
		t.Skipf("shared data not found: %v (set STANCE_SHARED to the shared folder)", err)
	}
	return path
}

// TestSeeds checks the two seed articles the product was conceived from.
func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	read := func(name string) corpus.Article {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := corpus.ParseArticle(b, name)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	c := &Classifier{Model: mustDefault(t)}
	sts, err := c.Article(read("article-2021-05-27-us-venezuela-mt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gonzalez, closed := 0, false
	for _, st := range sts {
		if st.Actor == "Juan Gonzalez" && st.Group == "United States government" && st.Date == "2021-05-26" {
			gonzalez++
		}
		if strings.Contains(st.Text, "closed the") && st.Actor == "Nicolas Maduro" && strings.HasPrefix(st.Date, "2019-08") {
			closed = true
		}
	}
	if gonzalez < 5 {
		t.Errorf("first seed: %d statements by Juan Gonzalez (United States government) on 2021-05-26, want at least 5", gonzalez)
	}
	if !closed {
		t.Errorf("first seed: the closure of talks is not attributed to Maduro in August 2019")
	}
	sts, err = c.Article(read("article-2021-03-02-blinken-guaido.txt"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, st := range sts {
		seen[st.Actor] = true
		if st.Speaker != "" {
			seen[st.Speaker] = true
		}
		if st.Actor == "Antony Blinken" && !strings.HasPrefix(st.Date, "2021-") {
			t.Errorf("second seed: Blinken statement dated %q: %s", st.Date, st.Text)
		}
	}
	for _, who := range []string{"Antony Blinken", "Ned Price", "Nicolas Maduro", "Juan Guaido"} {
		if !seen[who] {
			t.Errorf("second seed: no statement attributed to %s", who)
		}
	}
}

func mustDefault(t *testing.T) *models.Model {
	t.Helper()
	m, err := models.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
