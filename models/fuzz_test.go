package models

import (
	"bytes"
	"math"
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
