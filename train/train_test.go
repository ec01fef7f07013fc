package train_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
	"github.com/stancemix/stance/train"
)

// small is a hand-written corpus: enough to train on, small enough to read.
func small() []corpus.Record {
	rows := []struct{ label, text string }{
		{"pressure", "The ministry condemned the strikes and demanded an apology."},
		{"pressure", "Washington imposed new sanctions on the oil company."},
		{"pressure", "The envoy warned that the government would face consequences."},
		{"pressure", "Officials rejected the proposal and threatened to expel diplomats."},
		{"negotiation", "Both delegations met in Oslo for a second round of talks."},
		{"negotiation", "The mediator proposed resuming negotiations next week."},
		{"negotiation", "The rebels agreed to a ceasefire during the talks."},
		{"negotiation", "The foreign minister held talks with his counterpart by phone."},
		{"support", "The president praised the election as free and fair."},
		{"support", "The bank approved a loan to support the recovery."},
		{"support", "Allies pledged humanitarian aid and reaffirmed their support."},
		{"support", "The council welcomed the agreement and offered assistance."},
	}
	recs := make([]corpus.Record, len(rows))
	for i, r := range rows {
		recs[i] = corpus.Record{Label: r.label, Text: r.text, Line: i + 2}
	}
	return recs
}

func encode(t *testing.T, m *models.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	opts := train.DefaultOptions()
	opts.Files = []string{"/some/where/small.tsv"}
	a, err := train.Train(small(), opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Files = []string{"/else/where/small.tsv"}
	b, err := train.Train(small(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encode(t, a), encode(t, b)) {
		t.Errorf("two trainings on the same corpus gave different model files")
	}
}

func TestTrain(t *testing.T) {
	m, err := train.Train(small(), train.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(m.Labels, m.Summary.Rows); got != "[pressure negotiation support] [4 4 4]" {
		t.Errorf("labels and rows = %s", got)
	}
	a := corpus.Features(m.Tokenizer).Analyzer()
	for sentence, want := range map[string]string{
		"The government condemned the sanctions.":     "pressure",
		"The two sides will resume talks in Oslo.":    "negotiation",
		"The bank pledged aid to support the region.": "support",
	} {
		p, err := m.Predict(a.Terms(sentence))
		if err != nil {
			t.Fatal(err)
		}
		if p.Label != want {
			t.Errorf("Predict(%q) = %s (%v), want %s", sentence, p.Label, p.Probs, want)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	one := []corpus.Record{{Label: "a", Text: "x"}, {Label: "a", Text: "y"}}
	if _, err := train.Train(nil, train.DefaultOptions()); !errors.Is(err, train.ErrEmptyCorpus) {
		t.Errorf("empty corpus: %v, want ErrEmptyCorpus", err)
	}
	if _, err := train.Train(one, train.DefaultOptions()); err == nil {
		t.Errorf("one label: no error")
	}
	opts := train.DefaultOptions()
	opts.Labels = []string{"pressure", "support"}
	_, err := train.Train(small(), opts)
	var le *train.LabelError
	if !errors.As(err, &le) || le.Record.Label != "negotiation" || le.Record.Line != 6 {
		t.Errorf("label outside --labels: %v, want a LabelError for line 6", err)
	}
	opts = train.DefaultOptions()
	opts.Alpha = 0.3
	if _, err := train.Train(small(), opts); err == nil {
		t.Errorf("alpha 0.3 (not 1/K): no error")
	}
	opts = train.DefaultOptions()
	opts.Features.Lead = -1
	if _, err := train.Train(small(), opts); err == nil || !strings.Contains(err.Error(), "lead words -1") {
		t.Errorf("lead -1: %v, want an error naming it", err)
	}
}

func TestCrossValidate(t *testing.T) {
	met, err := train.CrossValidate(small(), train.DefaultOptions(), 4)
	if err != nil {
		t.Fatal(err)
	}
	if met.N != 12 {
		t.Errorf("cross-validation scored %d rows, want all 12", met.N)
	}
	if met.Accuracy < 0.5 {
		t.Errorf("cross-validated accuracy %.2f on an easy corpus", met.Accuracy)
	}
	if _, err := train.CrossValidate(small(), train.DefaultOptions(), 1); err == nil {
		t.Errorf("1 fold: no error")
	}
}

func TestScore(t *testing.T) {
	labels := []string{"a", "b", "c"}
	gold := []int{0, 0, 1, 1, 2, 2}
	pred := []int{0, 1, 1, 1, 2, 0}
	m := train.Score(labels, gold, pred)
	if m.Accuracy != 4.0/6 {
		t.Errorf("accuracy %v, want 4/6", m.Accuracy)
	}
	// a: P 1/2 R 1/2 F 1/2; b: P 2/3 R 1 F 0.8; c: P 1 R 1/2 F 2/3.
	want := (0.5 + 0.8 + 2.0/3) / 3
	if d := m.MacroF1 - want; d > 1e-12 || d < -1e-12 {
		t.Errorf("macro-F1 %v, want %v", m.MacroF1, want)
	}
	if m.Confusion[2][0] != 1 || m.PerLabel[1].Support != 2 {
		t.Errorf("confusion %v / per-label %v", m.Confusion, m.PerLabel)
	}
}

func TestCrossValidateProgress(t *testing.T) {
	opts := train.DefaultOptions()
	var calls []int
	opts.Progress = func(done, total int) {
		if total != 3 {
			t.Errorf("progress total %d, want 3", total)
		}
		calls = append(calls, done)
	}
	if _, err := train.CrossValidate(small(), opts, 3); err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 || calls[0] != 1 || calls[2] != 3 {
		t.Errorf("progress calls %v, want [1 2 3]", calls)
	}
}
