package corpus_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
)

func TestNameTokenizer(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		want   []string
		reason string
	}{
		{
			name:   "runs collapse",
			input:  "Secretary of State Antony Blinken met Wang Yi in Vienna.",
			want:   []string{"secretary", "of", "<name>", "met", "<name>", "in", "<name>", "."},
			reason: "the opening capital is kept as a word; each run of capitals inside the sentence is one name",
		},
		{
			name:   "possessive ends a run",
			input:  "Kenya said Nairobi's offer stood.",
			want:   []string{"kenya", "said", "<name>", "'s", "offer", "stood", "."},
			reason: "a possessive stays its own term",
		},
		{
			name:   "quotes and new sentences open afresh",
			input:  `He said: "We will help." Aid came.`,
			want:   []string{"he", "said", ":", "\"", "we", "will", "help", ".", "\"", "aid", "came", "."},
			reason: "a capital after a quote mark or a full stop opens a sentence, not a name",
		},
		{
			name:  "acronyms are names",
			input: "The EU and NATO agreed.",
			want:  []string{"the", "<name>", "and", "<name>", "agreed", "."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range (corpus.NameTokenizer{Lower: true}).Tokenize(tt.input) {
				got = append(got, tok.Term)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s\nreason: %s", tt.input, diff, tt.reason)
			}
		})
	}
}

func TestNameTokenizerOffsets(t *testing.T) {
	text := "Officials in Addis Ababa said the U.N. would help."
	for _, tok := range (corpus.NameTokenizer{}).Tokenize(text) {
		if tok.Term == corpus.NameTerm {
			continue
		}
		if text[tok.Start:tok.End] != tok.Term {
			t.Errorf("token %q spans %q", tok.Term, text[tok.Start:tok.End])
		}
	}
	toks := (corpus.NameTokenizer{}).Tokenize(text)
	if got := text[toks[2].Start:toks[2].End]; got != "Addis Ababa" {
		t.Errorf("name run spans %q, want %q", got, "Addis Ababa")
	}
}

// TestNameTokenizerAppends checks that AppendTokens keeps what dst held and
// merges names only among the tokens it appends, as Analyzer.AppendAnalyze
// relies on when it reuses a slice.
func TestNameTokenizerAppends(t *testing.T) {
	tok := corpus.NameTokenizer{Lower: true}
	first := "Talks in Oslo resumed."
	second := "Officials in Addis Ababa said the U.N. would help."
	got := tok.AppendTokens(tok.Tokenize(first), second)
	want := append(tok.Tokenize(first), tok.Tokenize(second)...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AppendTokens mismatch (-want +got):\n%s", diff)
	}
}

func TestFeaturesNames(t *testing.T) {
	got := corpus.Features{Lower: true, Names: true}.Analyzer().Terms("Ankara sent aid to Beirut on Monday.")
	want := []string{"ankara", "sent", "aid", "to", "<name>", "on", "<name>"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Terms mismatch (-want +got):\n%s", diff)
	}
}
