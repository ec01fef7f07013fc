package models_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/models"
)

func TestDefaultSentiment(t *testing.T) {
	m, err := models.DefaultSentiment()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"negative", "neutral", "positive"}, m.Labels); diff != "" {
		t.Errorf("labels mismatch (-want +got):\n%s", diff)
	}
	if m.Tokenizer.Target <= 0 {
		t.Errorf("Tokenizer.Target = %d, want a target-aware model", m.Tokenizer.Target)
	}
	if diff := cmp.Diff([]string{"news.tsv"}, m.Summary.Corpus); diff != "" {
		t.Errorf("trained on (-want +got):\n%s", diff)
	}
	again, err := models.DefaultSentiment()
	if err != nil || again != m {
		t.Errorf("DefaultSentiment() decoded twice (%p, %p, %v)", m, again, err)
	}
}
