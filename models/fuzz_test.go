package models

import (
	"bytes"
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
