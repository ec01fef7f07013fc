package corpus_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/shared"
)

// markerFeatures are the analyses the Marker is checked with: the news
// sentiment model's (models.DefaultSentiment), the stance model's (the
// eighth), and
// variants that change each option the marked text depends on.
var markerFeatures = []corpus.Features{
	{Lower: true, Numbers: true, Negation: true, NGrams: 1, Target: 3, Adjacent: true, Lexicon: true},
	{Lower: true, Numbers: true, Negation: true, NGrams: 1, Binary: true, Names: true},
	{Lower: true, Numbers: true, Negation: true, Target: 3},
	{Target: 2, Adjacent: true, Lexicon: true},
	{Lower: true, Negation: true, NGrams: 2, Stopwords: true, Binary: true, Target: 1, Lexicon: true},
	{Lower: true, Target: 3, Names: true},
	{Lower: true, Negation: true, Lexicon: true},
	{Lower: true, Numbers: true, Negation: true, NGrams: 1, Binary: true, Names: true, Lexicon: true, Lead: 3},
	{Numbers: true, Negation: true, Names: true, Lexicon: true, Lead: 2},
}

// textTerms is the text path that Marker.Terms must agree with.
func textTerms(f corpus.Features, sentence, target string) []string {
	return f.Analyzer().Terms(f.Text(sentence, target))
}

// checkMarker reports a difference between the Marker's terms and the
// text path's for every analysis of markerFeatures.
func checkMarker(t *testing.T, markers []*corpus.Marker, sentence, target string) {
	t.Helper()
	for i, mk := range markers {
		f := markerFeatures[i]
		want := textTerms(f, sentence, target)
		got := mk.Terms(sentence, target)
		if !slices.Equal(want, got) {
			t.Errorf("%+v: Marker.Terms(%q, %q) mismatch (-want +got):\n%s\nmarked text: %q", f, sentence, target, cmp.Diff(want, got), f.Text(sentence, target))
		}
		words := corpus.WordTokenizer{Lower: f.Lower}.Tokenize(sentence)
		parts := mk.AppendTermPartsFrom(nil, sentence, target, words)
		got = got[:0]
		for _, p := range parts {
			got = append(got, p.String())
			if p.Tok >= 0 && (int(p.Tok) >= len(words) || words[p.Tok].Term != p.Base) {
				t.Errorf("%+v: Marker.AppendTermPartsFrom(%q, %q): %+v is not of word %d", f, sentence, target, p, p.Tok)
			}
		}
		if !slices.Equal(want, got) {
			t.Errorf("%+v: Marker.AppendTermPartsFrom(%q, %q) mismatch (-want +got):\n%s\nmarked text: %q", f, sentence, target, cmp.Diff(want, got), f.Text(sentence, target))
		}
	}
	// The analyses that take the same words share the facts of them, as
	// classify's stance and sentiment analyses do, one without the target
	// and one with it.
	var facts corpus.WordFacts
	for _, lower := range []bool{false, true} {
		words := corpus.WordTokenizer{Lower: lower}.Tokenize(sentence)
		facts.Reset()
		for _, target := range []string{"", target} {
			for i, mk := range markers {
				f := markerFeatures[i]
				if f.Lower != lower {
					continue
				}
				want := textTerms(f, sentence, target)
				var got []string
				for _, p := range mk.AppendTermPartsWith(nil, sentence, target, words, &facts) {
					got = append(got, p.String())
				}
				if !slices.Equal(want, got) {
					t.Errorf("%+v: Marker.AppendTermPartsWith(%q, %q) mismatch (-want +got):\n%s\nmarked text: %q", f, sentence, target, cmp.Diff(want, got), f.Text(sentence, target))
				}
			}
		}
	}
}

func newMarkers() []*corpus.Marker {
	var markers []*corpus.Marker
	for _, f := range markerFeatures {
		markers = append(markers, corpus.NewMarker(f))
	}
	return markers
}

func TestMarkerTerms(t *testing.T) {
	tests := []struct {
		name             string
		sentence, target string
		reason           string
	}{
		{name: "object", sentence: "Merkel criticised Trump's plan.", target: "Trump"},
		{name: "no target", sentence: "Merkel criticised Trump's plan.", target: ""},
		{name: "not found", sentence: "The senator spoke on Monday.", target: "Pelosi"},
		{
			name:     "final initialism",
			sentence: "Sanctions were imposed by the U.S.",
			target:   "Sanctions",
			reason:   `alone the sentence ends "U.S", "."; before " ." the dot stays: "u.s."`,
		},
		{
			name:     "final initialism, lexicon terms only",
			sentence: "Critics condemned the sanctions imposed by the U.S.",
			reason:   `the stance analysis (names, lexicon): "U.S." is one token and no word's`,
		},
		{
			name:     "final initial",
			sentence: "The plan came from Jane Doe and John Q.",
			target:   "Jane Doe",
			reason:   `"Q." keeps its dot before " ."`,
		},
		{
			name:     "initialism added",
			sentence: "Critics of the U.S. Trump said it failed.",
			target:   "Trump",
			reason:   `"L_U.S." is tokenised again: its final dot is not an initialism's after "L_"`,
		},
		{
			name:     "lower-case abbreviation added",
			sentence: "Trump praised allies, e.g. Japan.",
			target:   "Trump",
			reason:   `"R_e.g" splits into "r_e", ".", "g"`,
		},
		{
			name:     "negation in an addition",
			sentence: "Trump didn't win, and Biden won't lose.",
			target:   "Biden",
			reason:   `"L_won't" negates the additions after it up to the next punctuation`,
		},
		{
			name:     "upper-case contraction",
			sentence: "THEY DON'T trust Biden.",
			target:   "Biden",
			reason:   `negates reads "DON'T" as written: no "n't" there, and "don't" is not in its list`,
		},
		{
			name:     "possessive target",
			sentence: "Maduro's government rejected Guaidó's claim.",
			target:   "Guaidó's",
		},
		{
			name:     "target is a possessive",
			sentence: "Maduro's government rejected Guaidó's claim.",
			target:   "'s",
			reason:   "a mention that starts at a split-off 's: TGT joins the word before it",
		},
		{
			name:     "compound",
			sentence: "An anti-Trump rally filled the square in Washington.",
			target:   "Donald Trump",
		},
		{
			name:     "numbers and hyphens",
			sentence: "Pence-Schumer talks on the 1,200-page bill and its $3.5 billion cost went nowhere, Pence said.",
			target:   "Pence",
		},
		{
			name:     "quotes",
			sentence: "“Le Pen” — said Macron’s aide, “non.”",
			target:   "Macron",
		},
		{
			name:     "adjacent mentions",
			sentence: "Biden Biden, Biden.",
			target:   "Biden",
		},
		{
			name:     "other names",
			sentence: "He met Angela Merkel,  Emmanuel  Macron and Xi in Paris.",
			target:   "Xi",
		},
		{
			name:     "non-ASCII",
			sentence: "ÉMILE criticised Zoë Zelenskyy’s ally Ökonom-İnan over Ärger.",
			target:   "Zelenskyy",
		},
		{
			name:     "Kelvin sign",
			sentence: "The \u212A team backed Biden.",
			target:   "Biden",
			reason:   "the Kelvin sign lower-cases to ASCII k",
		},
		{name: "empty", sentence: "", target: "Trump"},
		{name: "only target", sentence: "Trump", target: "Trump"},
		{name: "ends in target and dot", sentence: "They blamed A.", target: "A"},
	}
	markers := newMarkers()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMarker(t, markers, tt.sentence, tt.target)
		})
	}
}

// targetsOf returns targets to mark in a sentence: its own, every word,
// and runs of two words, so that mentions fall at its start, inside and at
// its end, and its fallbacks are taken.
func targetsOf(sentence, own string) []string {
	targets := []string{own, "", "Trump", "U.S."}
	words := strings.FieldsFunc(sentence, func(r rune) bool { return unicode.IsSpace(r) })
	for i, w := range words {
		targets = append(targets, w)
		if i > 0 {
			targets = append(targets, words[i-1]+" "+w)
		}
	}
	return targets
}

// TestMarkerCorpus compares the Marker with the text path on every row of
// our corpora, each with its own target and with every word and pair of
// words of it as the target.
func TestMarkerCorpus(t *testing.T) {
	files, err := filepath.Glob("../data/*/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	markers := newMarkers()
	n := 0
	for _, file := range files {
		recs, err := corpus.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range recs {
			// Every word as a target for a sample of rows, the row's own
			// target for all.
			targets := []string{r.Target, ""}
			if i%20 == 0 {
				targets = targetsOf(r.Text, r.Target)
			}
			for _, target := range targets {
				checkMarker(t, markers, r.Text, target)
				n++
			}
			if t.Failed() {
				t.Fatalf("%s: stopped at the first row that differs", file)
			}
		}
	}
	t.Logf("%d sentences and targets", n)
}

// TestMarkerNewsMTSC compares the Marker with the text path on every
// sentence and target of NewsMTSC.
func TestMarkerNewsMTSC(t *testing.T) {
	dir := filepath.Dir(shared.Path(t, "data/newsmtsc/train.jsonl"))
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	markers := newMarkers()
	n := 0
	for _, file := range files {
		recs, err := corpus.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			checkMarker(t, markers, r.Text, r.Target)
			n++
			if t.Failed() {
				t.Fatalf("%s: stopped at the first row that differs", file)
			}
		}
	}
	t.Logf("%d sentences and targets", n)
}

func FuzzMarkerTerms(f *testing.F) {
	// More seeds, the cases the Marker had wrong once, are in
	// testdata/fuzz/FuzzMarkerTerms.
	f.Add("Merkel criticised Trump's plan.", "Trump")
	f.Add("“Le Pen” — said Macron’s aide, “non.”", "Macron")
	f.Add("", "")
	markers := newMarkers()
	f.Fuzz(func(t *testing.T, sentence, target string) {
		checkMarker(t, markers, sentence, target)
	})
}

func BenchmarkMarkerTerms(b *testing.B) {
	const s = "Senator Elizabeth Warren, who has criticised the bank, said on Tuesday that President Donald Trump's tax plan would not help working families in Ohio."
	mk := corpus.NewMarker(markerFeatures[0])
	words := corpus.WordTokenizer{Lower: true}.Tokenize(s)
	var terms []string
	b.ReportAllocs()
	for b.Loop() {
		terms = mk.AppendTermsFrom(terms[:0], s, "Donald Trump", words)
	}
}

func BenchmarkMarkerTermParts(b *testing.B) {
	benchTermParts(b, markerFeatures[0], "Senator Elizabeth Warren, who has criticised the bank, said on Tuesday that President Donald Trump's tax plan would not help working families in Ohio.", "Donald Trump")
}

// BenchmarkMarkerStanceParts is the default stance model's terms in parts
// (markerFeatures[7]: names, lexicon terms and lead words), as classify
// computes them for every sentence.
func BenchmarkMarkerStanceParts(b *testing.B) {
	benchTermParts(b, markerFeatures[7], "The United States will not stop putting pressure on Nicolas Maduro's government until free and fair elections are held, Secretary of State Mike Pompeo said on Wednesday.", "")
}

// benchTermParts times a Marker for f giving the terms of sentence, with
// target marked, in parts.
func benchTermParts(b *testing.B, f corpus.Features, sentence, target string) {
	mk := corpus.NewMarker(f)
	words := corpus.WordTokenizer{Lower: f.Lower}.Tokenize(sentence)
	var parts []corpus.TermParts
	b.ReportAllocs()
	for b.Loop() {
		parts = mk.AppendTermPartsFrom(parts[:0], sentence, target, words)
	}
}

func TestSplitTerm(t *testing.T) {
	for _, term := range []string{"plan", "l_plan", "not_cr_plan", "not_", "not_not_x", "L1_l_", "<num>", "", "lead_plan", "not_lead_plan"} {
		n := 0
		for p := range corpus.SplitTerm(term) {
			if p.String() != term {
				t.Errorf("SplitTerm(%q) gave %+v, which is %q", term, p, p.String())
			}
			n++
		}
		if n == 0 {
			t.Errorf("SplitTerm(%q) gave nothing", term)
		}
	}
}

func BenchmarkMarkTargetTerms(b *testing.B) {
	const s = "Senator Elizabeth Warren, who has criticised the bank, said on Tuesday that President Donald Trump's tax plan would not help working families in Ohio."
	f := markerFeatures[0]
	a := f.Analyzer()
	b.ReportAllocs()
	for b.Loop() {
		a.Terms(f.Text(s, "Donald Trump"))
	}
}
