package table

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
)

// TestBoxes holds appendBoxes to tablewriter's Blueprint rendering of the
// same tables: statement-like rows, footers, and cells of wide, combining,
// zero-width and ambiguous characters, blanks and padding.
func TestBoxes(t *testing.T) {
	words := []string{"", " ", "  lead", "trail  ", "Maduro", "1", "12", "-0.25", "+0.95", "0.99", "3 (60%)", "2021-05-27",
		"2021-05-27?", "Nicolás Maduro", "Gonzalez (via Ned Price)", "“quoted”", "it’s", "…", "CARACAS, July 6 (AFP) - Gen.…",
		"中国外交部", "한국어", "日本", "emoji 😀 here", "👍🏽", "e\u0301", "zero\u200bwidth", "a\u200db", "ß", "Ǆ", "ｆｕｌｌ",
		"│ box ─", "\u00a0nbsp", "x", "neutral +0.00", "positive +0.95", "Ελληνικά", "עברית", "العربية"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		cols := 1 + rng.IntN(7)
		tab := &Table{}
		for range cols {
			tab.Header = append(tab.Header, words[rng.IntN(len(words))])
		}
		for range 1 + rng.IntN(6) {
			var row []string
			for range cols {
				w := words[rng.IntN(len(words))]
				if rng.IntN(3) == 0 {
					w += " " + words[rng.IntN(len(words))]
				}
				row = append(row, w)
			}
			tab.Rows = append(tab.Rows, row)
		}
		if rng.IntN(2) == 0 {
			for range cols {
				tab.Footer = append(tab.Footer, words[rng.IntN(len(words))])
			}
		}
		if !tab.plain() {
			t.Fatalf("table %d not plain: %q", n, tab)
		}
		var want bytes.Buffer
		if err := tab.render(&want, renderer.NewBlueprint()); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), string(tab.appendBoxes(nil))); diff != "" {
			t.Fatalf("appendBoxes(%q) mismatch (-want +got):\n%s", tab, diff)
		}
	}
	for _, tab := range []*Table{
		{Header: []string{"a"}},
		{Header: []string{"a"}, Rows: [][]string{{"line\nbreak"}}},
		{Header: []string{"a"}, Rows: [][]string{{"tab\there"}}},
		{Header: []string{"a"}, Rows: [][]string{{"\x1b[31mred\x1b[0m"}}},
		{Header: []string{"a", "b"}, Rows: [][]string{{"short row"}}},
		{Header: []string{"a"}, Rows: [][]string{{"x"}}, Footer: []string{"total", "extra"}},
		{Header: []string{"a"}, Rows: [][]string{{"x"}}, Footer: []string{"to\ttal"}},
	} {
		if tab.plain() {
			t.Errorf("table %q plain, want not", tab)
		}
	}
	// Write takes either way to the same bytes.
	tab := &Table{Title: "t", Header: []string{"#", "text"}, Rows: [][]string{{"1", strings.Repeat("ab ", 30)}}}
	var fast, slow bytes.Buffer
	if err := tab.Write(&fast, Text); err != nil {
		t.Fatal(err)
	}
	slow.WriteString("t\n")
	if err := tab.render(&slow, renderer.NewBlueprint()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(slow.String(), fast.String()); diff != "" {
		t.Errorf("Write mismatch (-want +got):\n%s", diff)
	}
}

// TestAppend holds Append to Write in every format, for plain tables and
// the ones tablewriter draws, with and without a title.
func TestAppend(t *testing.T) {
	for _, tab := range []*Table{
		{Header: []string{"a"}},
		{Title: "t", Header: []string{"#", "actor", "p"}, Rows: [][]string{{"1", "Maduro", "0.95"}, {"2", "Nicolás Maduro…", "0.5"}}},
		{Header: []string{"a", "n"}, Rows: [][]string{{"x", "3 (60%)"}}, Footer: []string{"total", "3"}},
		{Title: "breaks", Header: []string{"a"}, Rows: [][]string{{"line\nbreak"}}},
	} {
		for _, f := range []Format{Text, Markdown, CSV} {
			var want bytes.Buffer
			werr := tab.Write(&want, f)
			got, err := tab.Append([]byte("prefix"), f)
			if (err != nil) != (werr != nil) {
				t.Fatalf("Append(%q, %s) error %v, Write error %v", tab, f, err, werr)
			}
			if diff := cmp.Diff("prefix"+want.String(), string(got)); diff != "" {
				t.Errorf("Append(%q, %s) mismatch (-want +got):\n%s", tab, f, diff)
			}
		}
	}
}

func TestHasLower(t *testing.T) {
	for _, s := range []string{"", "0.95", "3 (60%)", "+0.25", "1e5", "É", "ñ", "Z", "\xff", "12 a"} {
		if got, want := hasLower(s), strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz"); got != want {
			t.Errorf("hasLower(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzCellWidth holds cellWidth, which counts an ASCII prefix eight bytes
// at a time, to tablewriter's width of a cell without control characters,
// hasControl to a byte-by-byte scan, and appendSpaces to n spaces.
func FuzzCellWidth(f *testing.F) {
	for _, s := range []string{"", "Maduro", "CARACAS, July 6 (AFP) - Gen.…", "Nicolás Maduro (via Ned Price)", "“quoted” it’s",
		"twelve chars\x7f", "tab\there", "emoji 😀 here and more ascii after it", "中国外交部 said so", "e\u0301e\u0301e\u0301e\u0301"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		control := false
		for i := 0; i < len(s); i++ {
			control = control || s[i] < 0x20 || s[i] == 0x7f
		}
		if got := hasControl(s); got != control {
			t.Errorf("hasControl(%q) = %v, want %v", s, got, control)
		}
		if !control {
			if got, want := cellWidth(s), twwidth.WidthNoCache(s); got != want {
				t.Errorf("cellWidth(%q) = %d, want %d", s, got, want)
			}
		}
		n = min(max(n, 0), 1000)
		if got := appendSpaces([]byte("x"), n); string(got) != "x"+strings.Repeat(" ", n) {
			t.Errorf("appendSpaces(%d) = %q", n, got)
		}
	})
}
