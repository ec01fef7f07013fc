package corpus_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
)

func TestAnalyzer(t *testing.T) {
	tests := []struct {
		name     string
		features corpus.Features
		input    string
		want     []string
		reason   string
	}{
		{
			name:     "plain",
			features: corpus.Features{},
			input:    "The U.S. said Maduro's talks failed.",
			want:     []string{"The", "U.S.", "said", "Maduro", "'s", "talks", "failed"},
			reason:   "initialisms keep their dots and possessives split off",
		},
		{
			name:     "lower and numbers",
			features: corpus.Features{Lower: true, Numbers: true},
			input:    "Aid of $1,200 and 3.5 percent in 2021",
			want:     []string{"aid", "of", "<num>", "and", "<num>", "percent", "in", "<num>"},
		},
		{
			name:     "negation scope ends at clause punctuation",
			features: corpus.Features{Lower: true, Negation: true},
			input:    "We will not stop putting pressure, he said.",
			want:     []string{"we", "will", "not", "not_stop", "not_putting", "not_pressure", "he", "said"},
		},
		{
			name:     "negation through a quote mark",
			features: corpus.Features{Lower: true, Negation: true},
			input:    `They refused to "negotiate" now.`,
			want:     []string{"they", "refused", "not_to", "not_negotiate", "not_now"},
			reason:   "quote marks do not end a negation's scope",
		},
		{
			name:     "contracted negation",
			features: corpus.Features{Lower: true, Negation: true},
			input:    "Caracas won't talk.",
			want:     []string{"caracas", "won't", "not_talk"},
		},
		{
			name:     "bigrams",
			features: corpus.Features{Lower: true, NGrams: 2},
			input:    "Keep up pressure.",
			want:     []string{"keep", "up", "pressure", "keep_up", "up_pressure"},
		},
		{
			name:     "trigrams",
			features: corpus.Features{NGrams: 3},
			input:    "a b c",
			want:     []string{"a", "b", "c", "a_b", "b_c", "a_b_c"},
		},
		{
			name:     "stopwords",
			features: corpus.Features{Lower: true, Stopwords: true},
			input:    "The envoy of the EU met them.",
			want:     []string{"envoy", "eu", "met", "them"},
		},
		{
			name:     "unicode words and curly quotes",
			features: corpus.Features{Lower: true},
			input:    "“Guaidó’s allies” — Bogotá",
			want:     []string{"guaidó", "'s", "allies", "bogotá"},
		},
		{
			name:     "hyphens and missing space after a full stop",
			features: corpus.Features{Lower: true},
			input:    "re-election ended.Then talks",
			want:     []string{"re-election", "ended", "then", "talks"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.features.Analyzer().Terms(tt.input)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Terms(%q) mismatch (-want +got):\n%s\nreason: %s", tt.input, diff, tt.reason)
			}
		})
	}
}

// TestTokenOffsets checks that every token a tokenizer emits points at its
// source text.
func TestTokenOffsets(t *testing.T) {
	inputs := []string{
		"The U.S. said Maduro's talks failed.",
		"“Guaidó’s allies” — Bogotá, 3.5%, 1,200 people; A.B.C. co-op!",
		"Gonz\u0bb8\u0bcdlez said: \"no\"",
		"bad \xff\xfe bytes and \xe2\x80 cut",
	}
	for _, in := range inputs {
		prev := 0
		for _, tok := range (corpus.WordTokenizer{}).Tokenize(in) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(in) {
				t.Fatalf("Tokenize(%q): token %+v out of order or range", in, tok)
			}
			if src := in[tok.Start:tok.End]; src != tok.Term && strings.ReplaceAll(src, "’", "'") != tok.Term && !(tok.Term == "\"" && strings.ContainsAny(src, "“”—")) {
				t.Errorf("Tokenize(%q): token %q has source %q", in, tok.Term, src)
			}
			prev = tok.End
		}
	}
}

// benchText is 20 sentences of wire prose, 4.7 KB.
var benchText = strings.Repeat("The United States supports a negotiated solution to the political crisis in Venezuela, but will continue to put pressure on Nicolas Maduro's government until free and fair elections are held in the country, an aide said on Wednesday. ", 20)

func benchAnalyze(b *testing.B, f corpus.Features) {
	a := f.Analyzer()
	var toks []corpus.Token
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		toks = a.AppendAnalyze(toks[:0], benchText)
	}
	b.ReportMetric(float64(20*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAnalyze is the default model's analysis (train.DefaultOptions:
// unigrams, binary, names), reusing the token slice as train and eval do.
func BenchmarkAnalyze(b *testing.B) {
	benchAnalyze(b, corpus.Features{Lower: true, Numbers: true, Negation: true, Binary: true, Names: true})
}

// BenchmarkAnalyzeUnigrams is plain unigram counts (stance train --ngrams 1
// --binary=false --names=false).
func BenchmarkAnalyzeUnigrams(b *testing.B) {
	benchAnalyze(b, corpus.Features{Lower: true, Numbers: true, Negation: true})
}

// BenchmarkAnalyzeBinaryBigrams is bench/run.sh's binary uni+bigram
// setting (UniqueFilter).
func BenchmarkAnalyzeBinaryBigrams(b *testing.B) {
	benchAnalyze(b, corpus.Features{Lower: true, NGrams: 2, Binary: true})
}

func BenchmarkTokenize(b *testing.B) {
	tok := corpus.WordTokenizer{Lower: true}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		tok.Tokenize(benchText)
	}
	b.ReportMetric(float64(20*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestUniqueFilter compares UniqueFilter with the plain map it replaces.
func TestUniqueFilter(t *testing.T) {
	text := strings.Repeat("The talks will go on, the talks will not stop; talks, talks and more TALKS. ", 40) + "a b c d e f g h i j k l m n o p q r s t u v w x y z a"
	for _, f := range []corpus.Features{{}, {Lower: true}, {Lower: true, NGrams: 3}} {
		toks := f.Analyzer().Analyze(text)
		var want []corpus.Token
		seen := map[string]bool{}
		for _, tok := range toks {
			if !seen[tok.Term] {
				seen[tok.Term] = true
				want = append(want, tok)
			}
		}
		got := corpus.UniqueFilter{}.Filter(slices.Clone(toks))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("UniqueFilter(%+v) mismatch (-want +got):\n%s", f, diff)
		}
	}
	for _, toks := range [][]corpus.Token{nil, {}, {{Term: "x"}}, {{Term: ""}, {Term: ""}}} {
		if got := (corpus.UniqueFilter{}).Filter(toks); len(got) != min(len(toks), 1) {
			t.Errorf("UniqueFilter(%v) = %v", toks, got)
		}
	}
}
