package classify

import (
	"errors"
	"sync"
	"sync/atomic"

	"github.com/cdipaolo/sentiment"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// A Sentimenter scores the sentiment of a sentence toward a target (the
// person or country a statement is about; "" for the sentence as a whole):
// a label (negative, neutral or positive) and a score in [-1, 1].
type Sentimenter interface {
	Sentiment(sentence, target string) (label string, score float64, err error)
}

// MovieSentiment is the baseline sentimenter: cdipaolo/sentiment's
// built-in naive-Bayes model, trained on IMDB movie reviews. It ignores
// the target. Its model takes about 0.2 s to restore, so it is loaded on
// first use. It knows only positive and negative; scores within Neutral
// of zero are labelled neutral. The zero value is ready to use and safe
// for concurrent use.
//
// On news it does poorly: 0.29 and 0.23 macro-F1 on the NewsMTSC dev sets
// (see newsmtsc_test.go), where always answering "negative" scores 0.19
// and 0.16.
type MovieSentiment struct {
	// Neutral is the half-width of the neutral band around 0; 0 means 0.2.
	Neutral float64

	once   sync.Once
	models sentiment.Models
	err    error
}

// Sentiment implements Sentimenter. The score is 2*P(positive) - 1; the
// target is ignored.
func (m *MovieSentiment) Sentiment(s, target string) (string, float64, error) {
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

// ModelSentiment scores sentiment with a stance model whose labels include
// negative, neutral and positive, such as models.DefaultSentiment or one
// trained with "stance train --target 3" on a target-sentiment corpus. A
// target-aware model (Tokenizer.Target > 0) looks at the sentence around
// the target's mention (see corpus.MarkTarget). The label is the model's
// most likely one; the score is P(positive) - P(negative). It is safe for
// concurrent use.
type ModelSentiment struct {
	Model *models.Model

	// The index of Model's terms and a stance model's, built on first use
	// (see analysis), under building.
	index    atomic.Pointer[partsIndex]
	building sync.Mutex
}

// ErrNotSentiment is returned by ModelSentiment for a model without the
// labels negative, neutral and positive.
var ErrNotSentiment = errors.New("model is not a sentiment model: want labels negative, neutral and positive")

// Sentiment implements Sentimenter.
func (s *ModelSentiment) Sentiment(sentence, target string) (string, float64, error) {
	if s.Model == nil {
		return s.score(nil)
	}
	return s.score(corpus.NewMarker(corpus.Features(s.Model.Tokenizer)).Terms(sentence, target))
}

// score scores the terms of a sentence marked for its target, as
// corpus.Marker gives them for the model's Tokenizer.
func (s *ModelSentiment) score(terms []string) (string, float64, error) {
	m := s.Model
	if m == nil {
		return "", 0, errors.New("classify: ModelSentiment has no model")
	}
	neg, neu, pos := m.Index("negative"), m.Index("neutral"), m.Index("positive")
	if neg < 0 || neu < 0 || pos < 0 {
		return "", 0, ErrNotSentiment
	}
	p, err := m.Predict(terms)
	if err != nil {
		return "", 0, err
	}
	return p.Label, p.Probs[pos] - p.Probs[neg], nil
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
