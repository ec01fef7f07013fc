package models

// Internal tests of the fast paths (tabulated scores, single encoding) and
// the scoring benchmarks.

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stancemix/stance/corpus"
)

// benchSentence is a real wire sentence, the kind classify scores one at a
// time.
const benchSentence = "The United States will not stop putting pressure on Nicolas Maduro's government until free and fair elections are held, Secretary of State Mike Pompeo said on Wednesday, while leaving the door open to talks with the opposition."

// TestPredictMatchesLibrary checks that Predict's tabulated scores are the
// bits navossoc/bayesian's LogScores gives, plus the prior adjustment.
func TestPredictMatchesLibrary(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := corpus.Features(m.Tokenizer).Analyzer()
	docs := [][]string{
		nil,
		{"never-seen-term"},
		{"\x00", "sanctions", "sanctions", "talks"},
		a.Terms(benchSentence),
		a.Terms(strings.Repeat(benchSentence+" ", 30)),
	}
	for _, terms := range docs {
		p, err := m.Predict(terms)
		if err != nil {
			t.Fatal(err)
		}
		lib, _, _ := m.clf.LogScores(terms)
		for i := range lib {
			if want := lib[i] + m.adjust[i]; p.Log[i] != want {
				t.Errorf("Predict(%.40q).Log[%d] = %v, want LogScores+adjust = %v", terms, i, p.Log[i], want)
			}
		}
	}
}

// TestWriteToSingleEncoding checks that WriteTo, which encodes once and
// fills in the checksum, writes the bytes of encoding with the checksum.
func TestWriteToSingleEncoding(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := m.checksum()
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.encode(sum)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if _, err := m.WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("WriteTo differs from encode(checksum()) (%d vs %d bytes)", got.Len(), len(want))
	}
	if !bytes.Equal(got.Bytes(), defaultJSON) {
		t.Errorf("WriteTo of the default model differs from default.json")
	}
	if _, err := setChecksum([]byte(`{"format": "other"}`), sum); err == nil {
		t.Error("setChecksum accepted a foreign layout")
	}
}

// BenchmarkPredict scores one analysed sentence with the default model.
func BenchmarkPredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	terms := corpus.Features(m.Tokenizer).Analyzer().Terms(benchSentence)
	if _, err := m.Predict(terms); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	for b.Loop() {
		m.Predict(terms)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAnalyzePredict analyses and scores one sentence, as classify
// does for each sentence of an article.
func BenchmarkAnalyzePredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	a := corpus.Features(m.Tokenizer).Analyzer()
	if _, err := m.Predict(a.Terms(benchSentence)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	for b.Loop() {
		m.Predict(a.Terms(benchSentence))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLogScores is the library's scoring of the same sentence, which
// Predict's tables replace.
func BenchmarkLogScores(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	terms := corpus.Features(m.Tokenizer).Analyzer().Terms(benchSentence)
	m.build()
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	for b.Loop() {
		m.clf.LogScores(terms)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
