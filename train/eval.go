package train

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// Metrics are the scores of predictions against gold labels.
type Metrics struct {
	Labels    []string       `json:"labels"`
	N         int            `json:"n"`
	Accuracy  float64        `json:"accuracy"`
	MacroF1   float64        `json:"macro_f1"`
	PerLabel  []LabelMetrics `json:"-"`
	Confusion [][]int        `json:"confusion"` // [gold][predicted], in Labels order
}

// LabelMetrics are the scores of one label.
type LabelMetrics struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"` // gold rows with this label
}

// Score compares predicted label indexes with gold ones. Macro-F1 is the
// unweighted mean of the per-label F1 over labels with gold support or
// predictions, so a label absent from an evaluation set does not count.
func Score(labels []string, gold, pred []int) Metrics {
	k := len(labels)
	m := Metrics{Labels: labels, N: len(gold), Confusion: make([][]int, k)}
	for i := range m.Confusion {
		m.Confusion[i] = make([]int, k)
	}
	correct := 0
	for i := range gold {
		m.Confusion[gold[i]][pred[i]]++
		if gold[i] == pred[i] {
			correct++
		}
	}
	if m.N > 0 {
		m.Accuracy = float64(correct) / float64(m.N)
	}
	counted := 0
	for i, l := range labels {
		tp, goldN, predN := m.Confusion[i][i], 0, 0
		for j := 0; j < k; j++ {
			goldN += m.Confusion[i][j]
			predN += m.Confusion[j][i]
		}
		lm := LabelMetrics{Label: l, Support: goldN}
		if predN > 0 {
			lm.Precision = float64(tp) / float64(predN)
		}
		if goldN > 0 {
			lm.Recall = float64(tp) / float64(goldN)
		}
		if lm.Precision+lm.Recall > 0 {
			lm.F1 = 2 * lm.Precision * lm.Recall / (lm.Precision + lm.Recall)
		}
		if goldN > 0 || predN > 0 {
			m.MacroF1 += lm.F1
			counted++
		}
		m.PerLabel = append(m.PerLabel, lm)
	}
	if counted > 0 {
		m.MacroF1 /= float64(counted)
	}
	return m
}

// Evaluate predicts every record with m and scores the predictions. A
// record whose label the model does not know is a *LabelError.
func Evaluate(m *models.Model, recs []corpus.Record) (Metrics, error) {
	gold, pred, err := Predict(m, recs)
	if err != nil {
		return Metrics{}, err
	}
	return Score(m.Labels, gold, pred), nil
}

// Predict returns the gold and predicted label indexes of recs under m.
func Predict(m *models.Model, recs []corpus.Record) (gold, pred []int, err error) {
	gold = make([]int, len(recs))
	for i, r := range recs {
		gold[i] = m.Index(r.Label)
		if gold[i] < 0 {
			return nil, nil, &LabelError{Record: r, Labels: m.Labels}
		}
	}
	// An invalid model fails here, before the workers start.
	if _, err := m.Predict(nil); err != nil {
		return nil, nil, err
	}
	f := corpus.Features(m.Tokenizer)
	pred = make([]int, len(recs))
	// The workers take the records in batches, as in Train, and each
	// prediction goes to its record's place.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(recs)) {
		wg.Go(func() {
			// The analysis, and the terms of one record at a time.
			mk := corpus.NewMarker(f)
			var terms []string
			for lo, hi := range batches(&next, len(recs)) {
				for i := lo; i < hi; i++ {
					terms = mk.AppendTerms(terms[:0], recs[i].Text, recs[i].Target)
					p, _ := m.Predict(terms)
					pred[i] = p.Index
				}
			}
		})
	}
	wg.Wait()
	return gold, pred, nil
}

// CrossValidate trains on k-1 folds and predicts the k-th, k times, and
// scores the pooled predictions. Folds are stratified and deterministic:
// the n-th record of each label goes to fold n mod k.
func CrossValidate(recs []corpus.Record, opts Options, k int) (Metrics, error) {
	if k < 2 {
		return Metrics{}, fmt.Errorf("cross-validation needs at least 2 folds, got %d", k)
	}
	if len(recs) < k {
		return Metrics{}, fmt.Errorf("cross-validation with %d folds needs at least %d rows, got %d", k, k, len(recs))
	}
	labels, err := Labels(recs, opts.Labels)
	if err != nil {
		return Metrics{}, err
	}
	opts.Labels = labels
	fold := Folds(recs, k)
	gold := make([]int, 0, len(recs))
	pred := make([]int, 0, len(recs))
	for f := 0; f < k; f++ {
		var trainSet, testSet []corpus.Record
		for i, r := range recs {
			if fold[i] == f {
				testSet = append(testSet, r)
			} else {
				trainSet = append(trainSet, r)
			}
		}
		m, err := Train(trainSet, opts)
		if err != nil {
			return Metrics{}, fmt.Errorf("fold %d: %w", f+1, err)
		}
		g, p, err := Predict(m, testSet)
		if err != nil {
			return Metrics{}, fmt.Errorf("fold %d: %w", f+1, err)
		}
		gold = append(gold, g...)
		pred = append(pred, p...)
		if opts.Progress != nil {
			opts.Progress(f+1, k)
		}
	}
	return Score(labels, gold, pred), nil
}

// Folds assigns each record to one of k stratified folds: the n-th record
// of each label goes to fold n mod k.
func Folds(recs []corpus.Record, k int) []int {
	seen := make(map[string]int)
	fold := make([]int, len(recs))
	for i, r := range recs {
		fold[i] = seen[r.Label] % k
		seen[r.Label]++
	}
	return fold
}
