package classify_test

import (
	"github.com/stancemix/stance/internal/shared"
	"path/filepath"
	"testing"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// newsMTSCDir returns the NewsMTSC folder of the shared data; see
// [shared.Path] for when the test skips or fails.
func newsMTSCDir(t testing.TB) string {
	t.Helper()
	return filepath.Dir(shared.Path(t, "data/newsmtsc/dev_rw.jsonl"))
}

// macroF1 is the mean F1 over the labels negative, neutral and positive.
func macroF1(gold, pred []string) float64 {
	sum := 0.0
	for _, l := range []string{"negative", "neutral", "positive"} {
		tp, g, p := 0, 0, 0
		for i := range gold {
			if gold[i] == l {
				g++
			}
			if pred[i] == l {
				p++
				if gold[i] == l {
					tp++
				}
			}
		}
		if tp > 0 {
			prec, rec := float64(tp)/float64(p), float64(tp)/float64(g)
			sum += 2 * prec * rec / (prec + rec)
		}
	}
	return sum / 3
}

// TestNewsMTSCSentimenters scores the shipped sentimenters on the NewsMTSC
// dev sets (political news, one label per sentence and target person), by
// macro-F1 over the three labels: the movie-review baseline, which knows
// positive and negative only and ignores the target, and the default
// sentiment model, trained on our own corpus, never on NewsMTSC. The
// floors are the measured scores rounded down. train/newsmtsc_test.go
// measures models trained on NewsMTSC itself.
func TestNewsMTSCSentimenters(t *testing.T) {
	if testing.Short() {
		t.Skip("restores the movie-review model")
	}
	dir := newsMTSCDir(t)
	def, err := models.DefaultSentiment()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		s      classify.Sentimenter
		floors map[string]float64
	}{
		{"movie reviews (cdipaolo/sentiment)", &classify.MovieSentiment{}, map[string]float64{"dev_rw": 0.28, "dev_mt": 0.22}},
		{"default sentiment model (own corpus)", &classify.ModelSentiment{Model: def}, map[string]float64{"dev_rw": 0.44, "dev_mt": 0.38}},
	}
	for _, dev := range []string{"dev_rw", "dev_mt"} {
		recs, err := corpus.ReadFile(filepath.Join(dir, dev+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			gold := make([]string, len(recs))
			pred := make([]string, len(recs))
			for i, r := range recs {
				gold[i] = r.Label
				if pred[i], _, err = tt.s.Sentiment(r.Text, r.Target); err != nil {
					t.Fatal(err)
				}
			}
			f1 := macroF1(gold, pred)
			t.Logf("%s: %s macro-F1 %.3f (n=%d)", tt.name, dev, f1, len(recs))
			if f1 < tt.floors[dev] {
				t.Errorf("%s: %s macro-F1 %.3f below the floor %.2f", tt.name, dev, f1, tt.floors[dev])
			}
		}
	}
}
