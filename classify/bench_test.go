package classify

import (
	"testing"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/wiregen"
	"github.com/stancemix/stance/models"
)

// defaultModels returns the embedded stance and news sentiment models.
func defaultModels(tb testing.TB) (stance, sentiment *models.Model) {
	tb.Helper()
	m, err := models.Default()
	if err != nil {
		tb.Fatal(err)
	}
	sm, err := models.DefaultSentiment()
	if err != nil {
		tb.Fatal(err)
	}
	return m, sm
}

// defaultClassifier is the Classifier stance classify uses by default.
func defaultClassifier(tb testing.TB) *Classifier {
	m, sm := defaultModels(tb)
	return &Classifier{Model: m, Actors: DefaultActors(), Sentiment: &ModelSentiment{Model: sm}}
}

// BenchmarkClassify runs whole generated wire articles through the
// Classifier as stance classify does by default: the embedded stance
// model and the news sentiment model. It reports sentences/s besides MB/s.
func BenchmarkClassify(b *testing.B) {
	c := defaultClassifier(b)
	var arts []corpus.Article
	size := 0
	for i, text := range wiregen.Articles(1, 200) {
		a, err := corpus.ParseArticle([]byte(text), "a.txt")
		if err != nil {
			b.Fatalf("article %d: %v", i, err)
		}
		arts = append(arts, a)
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	sents := 0
	for b.Loop() {
		for _, a := range arts {
			sts, err := c.Article(a)
			if err != nil {
				b.Fatal(err)
			}
			sents += len(sts)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkClassifySentence classifies one sentence with the default
// models, as an article of its own: splitting, attribution, date, stance
// and sentiment toward its target.
func BenchmarkClassifySentence(b *testing.B) {
	c := defaultClassifier(b)
	const text = "date: 2021-05-27\n\n\u201cThere will be no talks under threats,\u201d Venezuela's President Nicolas Maduro told reporters on Tuesday, rejecting the proposal of the U.S. envoy.\n"
	a, err := corpus.ParseArticle([]byte(text), "a.txt")
	if err != nil {
		b.Fatal(err)
	}
	if sts, err := c.Article(a); err != nil || len(sts) != 1 || sts[0].Target == "" {
		b.Fatalf("want one statement with a target, got %+v, %v", sts, err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Article(a); err != nil {
			b.Fatal(err)
		}
	}
}
