package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/classify"
)

// articles returns two small articles' statements, keyed by a fake hash.
func articles() map[string][]classify.Statement {
	return map[string][]classify.Statement{
		"aaaa": {
			{Article: "a.txt", Sentence: 1, Start: 0, End: 30, Text: "Biden urged Russia to pull back.", Actor: "Biden", Group: "US", Target: "Russia", Known: true,
				Date: "2021-05-26", DateGrain: "day", Published: "2021-05-27", Source: "Reuters", Stance: "pressure", Prob: 0.81, Sentiment: "negative", SentimentScore: -0.4},
			{Article: "a.txt", Sentence: 2, Start: 31, End: 70, Text: "Putin said talks \"could\" resume.", Clean: "Putin said talks could resume.", Actor: "Putin", Group: "RU", Speaker: "Peskov", Known: true,
				Date: "2021-06-02", DateGrain: "week", DateInferred: true, Stance: "negotiation", Prob: 0.5, Sentiment: "positive", SentimentScore: 0.25},
			{Article: "a.txt", Sentence: 3, Start: 71, End: 80, Text: "It rained.", Stance: "neutral", Prob: 0.9, Sentiment: "neutral"},
		},
		"bbbb": {
			{Article: "b.txt", Sentence: 1, Start: 0, End: 20, Text: "Biden backed Kyiv.", Actor: "Biden", Group: "US", Known: true,
				Date: "2021-05-26", Stance: "support", Prob: 0.7, Sentiment: "positive", SentimentScore: 0.5},
		},
	}
}

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stance.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func addAll(t *testing.T, db *DB, model string) {
	t.Helper()
	for _, h := range []string{"aaaa", "bbbb"} {
		if _, err := db.Add(h, articles()[h], model); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	db, path := openTemp(t)
	addAll(t, db, "m1")
	a, b := articles()["aaaa"], articles()["bbbb"]
	// Date order, then article: both 2021-05-26 first (a.txt before
	// b.txt), then 2021-06-02, then the undated one.
	want := []classify.Statement{a[0], b[0], a[1], a[2]}
	for i := range want {
		want[i].Model = "m1" // the model a statement was stored under
	}
	got, err := db.Statements(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Statements mismatch (-want +got):\n%s", diff)
	}

	// And again after reopening the file.
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	got, err = db2.Statements(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Statements after reopen mismatch (-want +got):\n%s", diff)
	}
}

func TestAddIdempotent(t *testing.T) {
	db, _ := openTemp(t)
	stmts := articles()["aaaa"]
	for i, want := range []bool{true, false, false} {
		added, err := db.Add("aaaa", stmts, "m1")
		if err != nil {
			t.Fatal(err)
		}
		if added != want {
			t.Errorf("Add #%d: added = %v, want %v", i+1, added, want)
		}
	}
	// The same article under another model is another record.
	if added, err := db.Add("aaaa", stmts, "m2"); err != nil || !added {
		t.Errorf("Add with model m2 = %v, %v; want true, nil", added, err)
	}
	// An article with no statements is remembered too.
	if added, err := db.Add("cccc", nil, "m1"); err != nil || !added {
		t.Errorf("Add empty = %v, %v; want true, nil", added, err)
	}
	if added, err := db.Add("cccc", nil, "m1"); err != nil || added {
		t.Errorf("Add empty again = %v, %v; want false, nil", added, err)
	}
	got, err := db.Statements(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2*len(stmts) {
		t.Errorf("got %d statements, want %d", len(got), 2*len(stmts))
	}
	for _, m := range []string{"m1", "m2"} {
		got, err := db.Statements(Filter{Model: m})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(stmts) {
			t.Errorf("model %s: got %d statements, want %d", m, len(got), len(stmts))
		}
	}
}

func TestAddAtomic(t *testing.T) {
	db, _ := openTemp(t)
	// Two statements with the same sentence number: the second insert
	// fails, and the whole article must be rolled back.
	bad := articles()["aaaa"]
	bad[1].Sentence = bad[0].Sentence
	if _, err := db.Add("aaaa", bad, "m1"); err == nil {
		t.Fatal("Add with duplicate sentence numbers succeeded, want error")
	}
	got, err := db.Statements(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("after a failed Add, got %d statements, want 0", len(got))
	}
	// Not recorded as done: a corrected retry adds it.
	if added, err := db.Add("aaaa", articles()["aaaa"], "m1"); err != nil || !added {
		t.Errorf("retry Add = %v, %v; want true, nil", added, err)
	}
	if _, err := db.Add("", nil, "m1"); err == nil {
		t.Error("Add with empty hash succeeded, want error")
	}
}

func TestFilter(t *testing.T) {
	db, _ := openTemp(t)
	addAll(t, db, "m1")
	if _, err := db.Add("aaaa", articles()["aaaa"][:1], "m2"); err != nil {
		t.Fatal(err)
	}
	type key struct {
		Article  string
		Sentence int
	}
	tests := []struct {
		name   string
		filter Filter
		want   []key
		reason string
	}{
		{name: "all", want: []key{{"a.txt", 1}, {"a.txt", 1}, {"b.txt", 1}, {"a.txt", 2}, {"a.txt", 3}},
			reason: "the two models' copies of a.txt:1 sit side by side, ordered by model"},
		{name: "model", filter: Filter{Model: "m1"}, want: []key{{"a.txt", 1}, {"b.txt", 1}, {"a.txt", 2}, {"a.txt", 3}}},
		{name: "actor", filter: Filter{Actor: []string{"Biden"}, Model: "m1"}, want: []key{{"a.txt", 1}, {"b.txt", 1}}},
		{name: "actors", filter: Filter{Actor: []string{"Putin", "Biden"}, Model: "m1"}, want: []key{{"a.txt", 1}, {"b.txt", 1}, {"a.txt", 2}}},
		{name: "group", filter: Filter{Group: []string{"RU"}}, want: []key{{"a.txt", 2}}},
		{name: "actor and group", filter: Filter{Actor: []string{"Biden"}, Group: []string{"RU"}}, want: nil},
		{name: "since", filter: Filter{Since: "2021-06-01"}, want: []key{{"a.txt", 2}},
			reason: "undated statements are left out once a bound is set"},
		{name: "until day", filter: Filter{Until: "2021-05-26", Model: "m1"}, want: []key{{"a.txt", 1}, {"b.txt", 1}}},
		{name: "until month", filter: Filter{Until: "2021-06", Model: "m1"}, want: []key{{"a.txt", 1}, {"b.txt", 1}, {"a.txt", 2}},
			reason: "Until 2021-06 takes in all of June"},
		{name: "since month", filter: Filter{Since: "2021-06", Until: "2021", Model: "m1"}, want: []key{{"a.txt", 2}}},
		{name: "until before", filter: Filter{Until: "2021-05-25"}, want: nil},
		{name: "unknown model", filter: Filter{Model: "nope"}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stmts, err := db.Statements(tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []key
			for _, s := range stmts {
				got = append(got, key{s.Article, s.Sentence})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Statements(%+v) mismatch (-want +got):\n%s\n%s", tt.filter, diff, tt.reason)
			}
		})
	}
}

func TestOpenBadFile(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	{
		// Another program's SQLite database: a table, no application_id.
		o, err := sql.Open("sqlite", other)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Exec(`CREATE TABLE t (x)`); err != nil {
			t.Fatal(err)
		}
		o.Close()
	}
	newer := filepath.Join(dir, "newer.db")
	{
		db, err := Open(newer)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.db.Exec(`PRAGMA user_version = 99`); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	tests := []struct {
		name, path string
		want       []string // substrings of the error
	}{
		{"text file", text, []string{text, "not a stance statements database", "not a database"}},
		{"other sqlite", other, []string{other, "not a stance statements database"}},
		{"newer schema", newer, []string{newer, "schema version 99"}},
		{"missing folder", filepath.Join(dir, "no", "such", "x.db"), []string{filepath.Join(dir, "no", "such", "x.db")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			db, err := Open(tt.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded, want error", tt.path)
			}
			t.Logf("Open: %v", err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Open(%q) error %q does not contain %q", tt.path, err, w)
				}
			}
			if after, _ := os.ReadFile(tt.path); string(after) != string(before) {
				t.Errorf("Open(%q) changed the file", tt.path)
			}
		})
	}
}

func TestOpenEmptyFileAndOddName(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	odd := filepath.Join(dir, "what?#%20.db")
	for _, p := range []string{empty, odd} {
		db, err := Open(p)
		if err != nil {
			t.Fatalf("Open(%q): %v", p, err)
		}
		if _, err := db.Add("aaaa", articles()["aaaa"], "m"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("Open(%q) did not write that file: %v", p, err)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q, want just the two databases (no journals left behind)", names)
	}
}
