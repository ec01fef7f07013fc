package classify

import (
	"sync"

	"github.com/cdipaolo/sentiment"
)

// A Sentimenter scores the sentiment of a sentence: a label (negative,
// neutral or positive) and a score in [-1, 1].
type Sentimenter interface {
	Sentiment(sentence string) (label string, score float64, err error)
}

// MovieSentiment is the baseline sentimenter: cdipaolo/sentiment's
// built-in naive-Bayes model, trained on IMDB movie reviews. Its model
// takes about 0.2 s to restore, so it is loaded on first use. It knows
// only positive and negative; scores within Neutral of zero are labelled
// neutral. The zero value is ready to use and safe for concurrent use.
type MovieSentiment struct {
	// Neutral is the half-width of the neutral band around 0; 0 means 0.2.
	Neutral float64

	once   sync.Once
	models sentiment.Models
	err    error
}

// Sentiment implements Sentimenter. The score is 2*P(positive) - 1.
func (m *MovieSentiment) Sentiment(s string) (string, float64, error) {
	m.once.Do(func() { m.models, m.err = sentiment.Restore() })
	if m.err != nil {
		return "", 0, m.err
	}
	class, p := m.models[sentiment.English].Probability(s)
	if class == 0 {
		p = 1 - p
	}
	score := 2*p - 1
	return SentimentLabel(score, m.Neutral), score, nil
}

// SentimentLabel maps a score in [-1, 1] to negative, neutral or positive,
// with a neutral band of half-width band (0 means 0.2).
func SentimentLabel(score, band float64) string {
	if band == 0 {
		band = 0.2
	}
	switch {
	case score > band:
		return "positive"
	case score < -band:
		return "negative"
	}
	return "neutral"
}
