package classify_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/models"
)

// TestModelSentimentTarget checks that the default sentiment model judges
// the sentiment toward the target, not the sentence: the one criticised is
// negative, the one criticising is not.
func TestModelSentimentTarget(t *testing.T) {
	m, err := models.DefaultSentiment()
	if err != nil {
		t.Fatal(err)
	}
	s := &classify.ModelSentiment{Model: m}
	tests := []struct {
		sentence, target string
		want             string
		reason           string
	}{
		{"Chancellor Greta Holm sharply criticised Prime Minister Ivo Marsh over the port deal.", "Ivo Marsh", "negative", "the target is criticised"},
		{"Chancellor Greta Holm sharply criticised Prime Minister Ivo Marsh over the port deal.", "Greta Holm", "neutral", "the target criticises"},
		{"Prime Minister Ivo Marsh sharply criticised Chancellor Greta Holm over the port deal.", "Greta Holm", "negative", "the same sentence with the roles swapped"},
		{"Prime Minister Ivo Marsh sharply criticised Chancellor Greta Holm over the port deal.", "Ivo Marsh", "neutral", "the same sentence with the roles swapped"},
		{"The mayor praised Senator Ruth Abara for reopening the clinic.", "Ruth Abara", "positive", "the target is praised"},
		{"Senator Ruth Abara will visit the port city of Tema on Thursday, her office said.", "Ruth Abara", "neutral", "a plain report"},
	}
	for _, tt := range tests {
		label, score, err := s.Sentiment(tt.sentence, tt.target)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, label); diff != "" {
			t.Errorf("Sentiment(%q, %q) mismatch (-want +got):\n%s\nreason: %s (score %+.2f)", tt.sentence, tt.target, diff, tt.reason, score)
		}
		if score < -1 || score > 1 {
			t.Errorf("Sentiment(%q, %q) score %v out of [-1, 1]", tt.sentence, tt.target, score)
		}
	}
}

func TestModelSentimentErrors(t *testing.T) {
	stance := &models.Model{
		Labels: []string{"pressure", "support"}, Alpha: 1, Priors: models.PriorsUniform,
		Counts:  []map[string]int{{"sanctions": 1}, {"aid": 1}},
		Summary: models.Summary{Rows: []int{1, 1}},
	}
	if _, _, err := (&classify.ModelSentiment{Model: stance}).Sentiment("Aid arrived.", ""); !errors.Is(err, classify.ErrNotSentiment) {
		t.Errorf("Sentiment with a stance model: err = %v, want ErrNotSentiment", err)
	}
	if _, _, err := (&classify.ModelSentiment{}).Sentiment("Aid arrived.", ""); err == nil {
		t.Errorf("Sentiment without a model: err = nil, want an error")
	}
}

func TestMovieSentimentIgnoresTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("restores the movie-review model")
	}
	var s classify.MovieSentiment
	const sentence = "The minister gave a wonderful, moving speech."
	l1, s1, err := s.Sentiment(sentence, "")
	if err != nil {
		t.Fatal(err)
	}
	l2, s2, err := s.Sentiment(sentence, "minister")
	if err != nil {
		t.Fatal(err)
	}
	if l1 != l2 || s1 != s2 {
		t.Errorf("target changed the movie sentiment: (%s, %v) vs (%s, %v)", l1, s1, l2, s2)
	}
}
