package classify

import (
	"testing"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/wiregen"
	"github.com/stancemix/stance/models"
)

// BenchmarkClassify runs whole generated wire articles through the
// Classifier as stance classify does by default: the embedded stance
// model and the news sentiment model. It reports sentences/s besides MB/s.
func BenchmarkClassify(b *testing.B) {
	m, err := models.Default()
	if err != nil {
		b.Fatal(err)
	}
	sm, err := models.DefaultSentiment()
	if err != nil {
		b.Fatal(err)
	}
	c := &Classifier{Model: m, Actors: DefaultActors(), Sentiment: &ModelSentiment{Model: sm}}
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
