package models

import (
	"bytes"
	"math"
	"slices"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the model loader: it must never panic
// and never return a model together with an error.
func FuzzLoad(f *testing.F) {
	f.Add(DefaultBytes()[:2000])
	f.Add([]byte(`{"format":"stance-model","version":1,"checksum":"sha256:00"}`))
	f.Add([]byte(`{"format":"stance-model","version":99}`))
	f.Add([]byte("not json"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil && m != nil {
			t.Fatalf("model returned with error %v", err)
		}
		if err == nil {
			if _, err := m.Predict([]string{"talks"}); err != nil {
				t.Fatalf("loaded model cannot predict: %v", err)
			}
		}
	})
}

// FuzzAddRows holds AddRows to AddRow of each row, bit for bit, for
// models of three labels (the sentiment model), four (the stance model)
// and two (AddRows's loop), with the rows given in two calls.
func FuzzAddRows(f *testing.F) {
	stance, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	sentiment, err := DefaultSentiment()
	if err != nil {
		f.Fatal(err)
	}
	two := &Model{Labels: []string{"a", "b"}, Alpha: 1, Priors: PriorsEmpirical, Summary: Summary{Rows: []int{1, 2}},
		Counts: []map[string]int{{"x": 1, "y": 3}, {"y": 1, "z": 2}}}
	f.Add([]byte{}, 0)
	f.Add([]byte{0xff, 0xff, 0, 0, 1, 0, 0xff, 0xff, 7, 3}, 2)
	f.Add(bytes.Repeat([]byte{0x10, 0x27}, 100), 64)
	f.Fuzz(func(t *testing.T, data []byte, split int) {
		for _, m := range []*Model{stance, sentiment, two} {
			want, err := m.NewScorer()
			if err != nil {
				t.Fatal(err)
			}
			got, _ := m.NewScorer()
			// Each two bytes a row, or -1 for a term outside the
			// vocabulary.
			n := int32(len(m.index))
			var rows []int32
			for i := 0; i+1 < len(data); i += 2 {
				rows = append(rows, int32(uint16(data[i])|uint16(data[i+1])<<8)%(n+1)-1)
			}
			for _, j := range rows {
				want.AddRow(j)
			}
			split := min(max(split, 0), len(rows))
			got.AddRows(rows[:split])
			got.AddRows(rows[split:])
			w, g := want.Prediction(), got.Prediction()
			for i := range w.Log {
				if math.Float64bits(w.Log[i]) != math.Float64bits(g.Log[i]) {
					t.Fatalf("%d labels, rows %v: AddRows scores %v, AddRow %v", len(m.Labels), rows, g.Log, w.Log)
				}
			}
		}
	})
}

// predictionReference is Scorer.Prediction as first written: every
// label's exponential taken, the best's too.
func predictionReference(s *Scorer) Prediction {
	m := s.m
	k := len(m.Labels)
	scores := s.buf[:k:k]
	p := Prediction{Log: scores, Probs: s.buf[k : 2*k : 2*k]}
	best := 0
	for i := range scores {
		scores[i] += m.adjust[i]
		if scores[i] > scores[best] {
			best = i
		}
	}
	if n := m.neutral; n >= 0 && scores[n] == scores[best] {
		best = n
	}
	sum := 0.0
	for i, s := range scores {
		p.Probs[i] = math.Exp(s - scores[best])
		sum += p.Probs[i]
	}
	for i := range p.Probs {
		p.Probs[i] /= sum
	}
	p.Index, p.Label, p.Prob = best, m.Labels[best], p.Probs[best]
	return p
}

// FuzzPrediction holds Prediction (softmax3, softmax4 and softmax) to
// predictionReference, bit for bit, for two to four labels with or
// without a neutral one, on any scores and adjustments: ties, infinities
// and NaNs too.
func FuzzPrediction(f *testing.F) {
	f.Add(3, 1, -12.5, -12.5, -13.0, 0.0, 0.1, -0.1, 0.0, 0.0)
	f.Add(4, -1, 1.0, 2.0, 2.0, 1.0, 0.0, 0.0, 0.0, 0.0)
	f.Add(2, 0, math.Inf(1), math.Inf(1), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add(3, 2, math.NaN(), -1.0, math.Inf(-1), 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add(4, 3, -800.0, -1.0, -1e300, -0.0, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, k, neutral int, s0, s1, s2, s3, a0, a1, a2, a3 float64) {
		k = 2 + int(uint(k)%3)
		if neutral = neutral % (k + 1); neutral == k {
			neutral = -1
		}
		m := &Model{Labels: []string{"a", "b", "c", "d"}[:k], neutral: neutral, adjust: []float64{a0, a1, a2, a3}[:k]}
		want := &Scorer{m: m, buf: make([]float64, 2*k)}
		copy(want.buf, []float64{s0, s1, s2, s3}[:k])
		got := &Scorer{m: m, buf: slices.Clone(want.buf)}
		w, g := predictionReference(want), got.Prediction()
		if g.Label != w.Label || g.Index != w.Index || math.Float64bits(g.Prob) != math.Float64bits(w.Prob) ||
			!slices.Equal(bitsOf(g.Probs), bitsOf(w.Probs)) || !slices.Equal(bitsOf(g.Log), bitsOf(w.Log)) {
			t.Fatalf("Prediction %+v, reference %+v", g, w)
		}
	})
}

func bitsOf(fs []float64) []uint64 {
	b := make([]uint64, len(fs))
	for i, f := range fs {
		b[i] = math.Float64bits(f)
	}
	return b
}
