package models_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stancemix/stance/models"
)

func tiny() *models.Model {
	return &models.Model{
		Labels:    []string{"pressure", "support"},
		Tokenizer: models.Tokenizer{Lower: true, NGrams: 1},
		Alpha:     1,
		Priors:    models.PriorsEmpirical,
		Summary:   models.Summary{Rows: []int{2, 2}, Vocabulary: 5, Tokens: 9, Corpus: []string{"tiny.tsv"}},
		Counts: []map[string]int{
			{"sanctions": 2, "condemned": 1, "the": 2},
			{"aid": 2, "praised": 1, "the": 1},
		},
	}
}

func encode(t *testing.T, m *models.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	b := encode(t, tiny())
	m, err := models.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tiny(), m, cmpopts.IgnoreUnexported(models.Model{})); diff != "" {
		t.Errorf("Load(WriteTo(m)) mismatch (-want +got):\n%s", diff)
	}
	if again := encode(t, m); !bytes.Equal(b, again) {
		t.Errorf("re-encoding a loaded model changed its bytes")
	}
	path := filepath.Join(t.TempDir(), "m.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := models.LoadFile(path); err != nil {
		t.Errorf("LoadFile: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	good := encode(t, tiny())
	tests := []struct {
		name  string
		input []byte
		want  string // substring of the error
		is    error  // optional sentinel
	}{
		{"empty", nil, "empty model file", nil},
		{"truncated", good[:len(good)/2], "truncated or corrupted", nil},
		{"garbage", []byte("\x00\x01binary"), "not a model file", nil},
		{"other json", []byte(`{"hello": 1}`), `not a model file: format ""`, nil},
		{"future version", bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 9`), 1), "newer version", models.ErrFutureVersion},
		{"tampered count", bytes.Replace(good, []byte(`"sanctions": 2`), []byte(`"sanctions": 3`), 1), "checksum mismatch", models.ErrChecksum},
		{"negative count", bytes.Replace(good, []byte(`"sanctions": 2`), []byte(`"sanctions": -3`), 1), "negative", nil},
		{"unknown field", bytes.Replace(good, []byte(`"alpha": 1`), []byte(`"alpha": 1, "beta": 2`), 1), "unknown field", nil},
		{"one label", bytes.Replace(good, []byte("\"labels\": [\n  \"pressure\",\n  \"support\"\n ]"), []byte(`"labels": ["pressure"]`), 1), "1 labels", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := models.Load(bytes.NewReader(tt.input))
			if err == nil {
				t.Fatalf("Load succeeded, want error containing %q", tt.want)
			}
			if m != nil {
				t.Errorf("Load returned a model with its error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %q, want it to contain %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Load error %v is not %v", err, tt.is)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("Load error spans lines: %q", err)
			}
		})
	}
}

func TestPredict(t *testing.T) {
	m := tiny()
	tests := []struct {
		terms []string
		want  string
	}{
		{[]string{"sanctions"}, "pressure"},
		{[]string{"aid", "praised"}, "support"},
		{[]string{"condemned", "aid", "aid"}, "support"},
	}
	for _, tt := range tests {
		p, err := m.Predict(tt.terms)
		if err != nil {
			t.Fatal(err)
		}
		if p.Label != tt.want {
			t.Errorf("Predict(%q) = %s, want %s", tt.terms, p.Label, tt.want)
		}
		sum := 0.0
		for _, x := range p.Probs {
			sum += x
		}
		if math.Abs(sum-1) > 1e-9 || p.Prob != p.Probs[p.Index] {
			t.Errorf("Predict(%q) probabilities %v do not sum to 1", tt.terms, p.Probs)
		}
	}
}

// TestSmoothing shows the fix for navossoc/bayesian's unsmoothed estimate:
// without it, one word never seen in a class vetoes that class (its
// probability is 1e-11) even when every other word points there.
func TestSmoothing(t *testing.T) {
	m := tiny()
	// "condemned" was only seen in pressure; "aid" three times in support.
	p, err := m.Predict([]string{"aid", "aid", "aid", "praised", "condemned"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Label != "support" {
		t.Errorf("smoothed model: %v, want support (four support words outweigh one pressure word)", p.Probs)
	}
	// With Lidstone alpha=1 the unseen-in-class word costs log((0+1)/(4+5))
	// rather than log(1e-11).
	lp, known, err := m.TermWeight("condemned")
	if err != nil || !known {
		t.Fatal(err, known)
	}
	if want := math.Log(1.0 / (4 + 5)); math.Abs(lp[1]-want) > 1e-9 {
		t.Errorf("log P(condemned|support) = %v, want %v (add-one)", lp[1], want)
	}
	if lp, known, _ := m.TermWeight("never-seen"); known || lp[0] != lp[1] {
		t.Errorf("an out-of-vocabulary term weighs %v, want equal weights in every label", lp)
	}
}

func TestDefault(t *testing.T) {
	m, err := models.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"pressure", "negotiation", "support", "neutral"}
	if diff := cmp.Diff(want, m.Labels); diff != "" {
		t.Errorf("default labels mismatch (-want +got):\n%s", diff)
	}
	if n := m.Summary.Rows; len(n) != 4 || n[0] < 100 {
		t.Errorf("default model rows %v: want a real corpus", n)
	}
}

func TestLoadFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(models.MaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = models.LoadFile(path)
	if !errors.Is(err, models.ErrTooLarge) {
		t.Errorf("LoadFile of a sparse %d-byte file: %v, want ErrTooLarge", models.MaxSize+1, err)
	}
}

// TestScorer checks that a Scorer, reused from list to list and given
// rows, predicts the bits Predict does.
func TestScorer(t *testing.T) {
	m, err := models.Default()
	if err != nil {
		t.Fatal(err)
	}
	lists := [][]string{
		nil,
		{"sanctions", "not_talks", "no-such-term", "<num>"},
		{"the", "the", "president", "\x00", "praised", "aid"},
		strings.Fields("the united states will not not_stop not_putting not_pressure on name 's government"),
	}
	s, err := m.NewScorer()
	if err != nil {
		t.Fatal(err)
	}
	for _, terms := range lists {
		want, err := m.Predict(terms)
		if err != nil {
			t.Fatal(err)
		}
		s.Reset()
		for _, term := range terms {
			s.AddRow(m.Row(term))
		}
		if diff := cmp.Diff(want, s.Prediction()); diff != "" {
			t.Errorf("Scorer of %q mismatch (-want +got):\n%s", terms, diff)
		}
	}
	if _, err := (&models.Model{}).NewScorer(); err == nil {
		t.Error("NewScorer of an invalid model gave no error")
	}
}

// TestPredictTie: terms that give no evidence (none in the vocabulary)
// leave every label as likely as its prior; with uniform priors that is
// an exact tie, which goes to the label "neutral" when the model has one,
// and to the first label otherwise.
func TestPredictTie(t *testing.T) {
	m := &models.Model{
		Labels:    []string{"pressure", "support", "neutral"},
		Tokenizer: models.Tokenizer{Lower: true, NGrams: 1},
		Alpha:     1,
		Priors:    models.PriorsUniform,
		Summary:   models.Summary{Rows: []int{2, 2, 2}, Vocabulary: 3, Tokens: 9, Corpus: []string{"tie.tsv"}},
		Counts: []map[string]int{
			{"sanctions": 3},
			{"aid": 3},
			{"said": 3},
		},
	}
	for _, terms := range [][]string{nil, {"reuters"}, {"reuters", "byline"}} {
		p, err := m.Predict(terms)
		if err != nil {
			t.Fatal(err)
		}
		if p.Label != "neutral" || math.Abs(p.Prob-1.0/3) > 1e-12 {
			t.Errorf("Predict(%q) = %s %.3f, want neutral 0.333", terms, p.Label, p.Prob)
		}
	}
	// Evidence still wins.
	if p, _ := m.Predict([]string{"sanctions"}); p.Label != "pressure" {
		t.Errorf("Predict(sanctions) = %s, want pressure", p.Label)
	}
	// Without a neutral label, a tie goes to the first.
	m2 := &models.Model{Labels: []string{"pressure", "support", "other"}, Tokenizer: m.Tokenizer, Alpha: m.Alpha, Priors: m.Priors, Summary: m.Summary, Counts: m.Counts}
	if p, _ := m2.Predict([]string{"reuters"}); p.Label != "pressure" {
		t.Errorf("no neutral label: tie went to %s, want the first label", p.Label)
	}
}
