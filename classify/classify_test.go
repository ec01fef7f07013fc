package classify

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/wiregen"
	"github.com/stancemix/stance/models"
)

// sentimenter hides a Sentimenter's type, so that the Classifier cannot
// share its analysis with it.
type sentimenter struct{ Sentimenter }

// TestSharedAnalysis checks that the Classifier, which tokenises a
// sentence once for the stance and the news sentiment model, finds what
// the two models find each on their own, to the last bit of every
// probability.
func TestSharedAnalysis(t *testing.T) {
	m, sm := defaultModels(t)
	// The shipped models analyse differently (the stance model replaces
	// names, the sentiment model adds its lexicon), so the Classifier must
	// not share their analysis; a sentiment model given the stance model's
	// word analysis must.
	if (&Classifier{Model: m, Sentiment: &ModelSentiment{Model: sm}}).analysis().sentiment != nil {
		t.Fatal("the default models share an analysis although their tokenizers differ")
	}
	same, err := models.LoadFile("../models/sentiment.json") // a copy of its own
	if err != nil {
		t.Fatal(err)
	}
	same.Tokenizer = m.Tokenizer
	same.Tokenizer.NGrams, same.Tokenizer.Binary = 1, false
	shared := &Classifier{Model: m, Sentiment: &ModelSentiment{Model: same}}
	if shared.analysis().sentiment == nil {
		t.Fatal("models with the same word analysis do not share it")
	}
	apart := &Classifier{Model: m, Sentiment: sentimenter{&ModelSentiment{Model: same}}}
	for i, text := range wiregen.Articles(3, 40) {
		a, err := corpus.ParseArticle([]byte(text), "a.txt")
		if err != nil {
			t.Fatal(err)
		}
		want, err := apart.Article(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := shared.Article(a)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("article %d: shared analysis mismatch (-want +got):\n%s", i, diff)
		}
	}
}

// TestAppendNGrams checks the Classifier's n-grams against
// corpus.NGramFilter's.
func TestAppendNGrams(t *testing.T) {
	for _, text := range []string{"", "Maduro", "Maduro said", "Blinken said on Monday that talks with Caracas would go on.", "a b c d e"} {
		for longest := 0; longest <= 4; longest++ {
			a := corpus.Features{Lower: true, Numbers: true, Negation: true}.Analyzer()
			toks := a.Analyze(text)
			want := termsOf(corpus.NGramFilter{N: longest}.Filter(a.Analyze(text)), 0)
			got := appendNGrams(termsOf(toks, ngramCount(len(toks), longest)), longest)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("appendNGrams(%q, %d) mismatch (-want +got):\n%s", text, longest, diff)
			}
		}
	}
}
