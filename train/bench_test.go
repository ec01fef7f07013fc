package train_test

import (
	"bytes"
	"testing"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
	"github.com/stancemix/stance/train"
)

// benchSet is every 10th IMDB training review, 2,500 reviews (3.3 MB).
func benchSet(b *testing.B) ([]corpus.Record, int64) {
	recs := readIMDB(b, imdbDir(b), "train", 10)
	var n int64
	for _, r := range recs {
		n += int64(len(r.Text))
	}
	return recs, n
}

func benchTrain(b *testing.B, f corpus.Features) {
	recs, size := benchSet(b)
	opts := train.Options{Features: f}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := train.Train(recs, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "reviews/s")
}

// BenchmarkTrain fits unigrams on 2,500 IMDB reviews.
func BenchmarkTrain(b *testing.B) {
	benchTrain(b, corpus.Features{Lower: true, Numbers: true, Negation: true})
}

// BenchmarkTrainBigrams fits the IMDB setting of TestIMDBBinaryNGrams.
func BenchmarkTrainBigrams(b *testing.B) {
	benchTrain(b, imdbFeatures)
}

// BenchmarkEvaluate analyses and predicts 2,500 IMDB reviews with a
// unigram model trained on them.
func BenchmarkEvaluate(b *testing.B) {
	recs, size := benchSet(b)
	m, err := train.Train(recs, train.Options{Features: corpus.Features{Lower: true, Numbers: true, Negation: true}})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := train.Evaluate(m, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "reviews/s")
}

// BenchmarkWriteLoad writes a unigram IMDB model and loads it back.
func BenchmarkWriteLoad(b *testing.B) {
	benchWriteLoad(b, corpus.Features{Lower: true, Numbers: true, Negation: true})
}

// BenchmarkWriteLoadBigrams does the same with a binary uni+bigram model
// (bench/run.sh's setting), 6.8 MB of JSON.
func BenchmarkWriteLoadBigrams(b *testing.B) {
	benchWriteLoad(b, corpus.Features{Lower: true, NGrams: 2, Binary: true})
}

func benchWriteLoad(b *testing.B, f corpus.Features) {
	recs, _ := benchSet(b)
	m, err := train.Train(recs, train.Options{Features: f})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if _, err := m.WriteTo(&buf); err != nil {
			b.Fatal(err)
		}
		if _, err := models.Load(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPredictBigrams loads a binary uni+bigram model and scores
// one review with it: the cost of a model's first prediction, which
// builds its score tables.
func BenchmarkLoadPredictBigrams(b *testing.B) {
	recs, _ := benchSet(b)
	m, err := train.Train(recs, train.Options{Features: corpus.Features{Lower: true, NGrams: 2, Binary: true}})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	file := buf.Bytes()
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		m, err := models.Load(bytes.NewReader(file))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.Predict([]string{"a_great", "film"}); err != nil {
			b.Fatal(err)
		}
	}
}
