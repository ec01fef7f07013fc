package classify

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/shared"
	"github.com/stancemix/stance/internal/wiregen"
	"github.com/stancemix/stance/models"
)

// defaultModels returns the embedded stance and news sentiment models.
func defaultModels(tb testing.TB) (stance, sentiment *models.Model) {
	tb.Helper()
	m, err := models.Default()
	if err != nil {
		tb.Fatal(err)
	}
	sm, err := models.DefaultSentiment()
	if err != nil {
		tb.Fatal(err)
	}
	return m, sm
}

// defaultClassifier is the Classifier stance classify uses by default.
func defaultClassifier(tb testing.TB) *Classifier {
	m, sm := defaultModels(tb)
	return &Classifier{Model: m, Actors: DefaultActors(), Sentiment: &ModelSentiment{Model: sm}}
}

// BenchmarkClassify runs whole generated wire articles through the
// Classifier as stance classify does by default: the embedded stance
// model and the news sentiment model. It reports sentences/s besides MB/s.
func BenchmarkClassify(b *testing.B) {
	arts, _, _, size := wireArticles(b, 200)
	benchClassify(b, arts, size)
}

// BenchmarkClassifyPolNeAR runs real news through the Classifier as
// BenchmarkClassify does: the 840 political news articles of PolNeAR
// (about 3.9 MB, $STANCE_SHARED/data/attribution/polnear_train.jsonl), each
// once, read as plain text and so undated, as a folder of pasted articles
// would be. Their sentences are longer than the generated ones and their
// year is inferred from the text.
func BenchmarkClassifyPolNeAR(b *testing.B) {
	arts, size := polnearArticles(b)
	benchClassify(b, arts, size)
}

// benchClassify runs arts, of size bytes in all, through the default
// Classifier, and reports sentences/s besides MB/s.
func benchClassify(b *testing.B, arts []corpus.Article, size int) {
	c := defaultClassifier(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	sents := 0
	for b.Loop() {
		for _, a := range arts {
			sts, err := c.Article(a)
			if err != nil {
				b.Fatal(err)
			}
			sents += len(sts)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// polnearArticles returns the 840 articles of PolNeAR that are not
// duplicates, read as plain text and so undated, and their size.
func polnearArticles(tb testing.TB) (arts []corpus.Article, size int) {
	tb.Helper()
	f, err := os.Open(shared.Path(tb, filepath.Join("data", "attribution", "polnear_train.jsonl")))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	for dec := json.NewDecoder(bufio.NewReader(f)); ; {
		var r polnearRecord
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			tb.Fatal(err)
		}
		if r.Duplicate {
			continue
		}
		a, err := corpus.ParseArticle([]byte(r.Text), r.ID)
		if err != nil {
			tb.Fatalf("article %s: %v", r.ID, err)
		}
		arts = append(arts, a)
		size += len(r.Text)
	}
	return arts, size
}

// BenchmarkClassifySentence classifies one sentence with the default
// models, as an article of its own: splitting, attribution, date, stance
// and sentiment toward its target.
func BenchmarkClassifySentence(b *testing.B) {
	c := defaultClassifier(b)
	const text = "date: 2021-05-27\n\n\u201cThere will be no talks under threats,\u201d Venezuela's President Nicolas Maduro told reporters on Tuesday, rejecting the proposal of the U.S. envoy.\n"
	a, err := corpus.ParseArticle([]byte(text), "a.txt")
	if err != nil {
		b.Fatal(err)
	}
	if sts, err := c.Article(a); err != nil || len(sts) != 1 || sts[0].Target == "" {
		b.Fatalf("want one statement with a target, got %+v, %v", sts, err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Article(a); err != nil {
			b.Fatal(err)
		}
	}
}

// wireArticles returns the first n generated wire articles, split into
// sentences and cleaned as Classifier.Article does, and their size.
func wireArticles(tb testing.TB, n int) (arts []corpus.Article, sents [][]corpus.Sentence, clean [][]string, size int) {
	tb.Helper()
	for i, text := range wiregen.Articles(1, n) {
		a, err := corpus.ParseArticle([]byte(text), "a.txt")
		if err != nil {
			tb.Fatalf("article %d: %v", i, err)
		}
		ss := corpus.Split(a.Text[a.Body:])
		cs := make([]string, len(ss))
		for k, s := range ss {
			ss[k].Start += a.Body
			ss[k].End += a.Body
			cs[k] = corpus.Clean(s.Text)
		}
		arts, sents, clean = append(arts, a), append(sents, ss), append(clean, cs)
		size += len(text)
	}
	return arts, sents, clean, size
}

// BenchmarkAttributeWire attributes the sentences of 200 generated wire
// articles, split and cleaned beforehand: the attribution part of
// Classifier.Article.
func BenchmarkAttributeWire(b *testing.B) {
	arts, sents, clean, size := wireArticles(b, 200)
	a := DefaultActors()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, art := range arts {
			a.attribute(art.Text, sents[i], clean[i], art.Date, nil)
		}
	}
}

// BenchmarkFindDateWire dates the cleaned sentences of 200 generated wire
// articles against their articles' dates: the dating part of
// Classifier.Article.
func BenchmarkFindDateWire(b *testing.B) {
	arts, _, clean, size := wireArticles(b, 200)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, art := range arts {
			for _, c := range clean[i] {
				FindDate(c, art.Date, PreferPast)
			}
		}
	}
}

// BenchmarkTally tallies the statements of 1,000 generated wire articles
// by actor and day and sorts the rows, as stance classify does after the
// last article, on one core: the serial end of the table output.
func BenchmarkTally(b *testing.B) {
	c := defaultClassifier(b)
	var sts []Statement
	for i, text := range wiregen.Articles(1, 1000) {
		a, err := corpus.ParseArticle([]byte(text), "a.txt")
		if err != nil {
			b.Fatalf("article %d: %v", i, err)
		}
		s, err := c.Article(a)
		if err != nil {
			b.Fatal(err)
		}
		sts = append(sts, s...)
	}
	b.ReportAllocs()
	for b.Loop() {
		t := NewTally(c.Model.Labels, []Dimension{ByActor, ByDate}, Day)
		for i := range sts {
			t.Add(sts[i])
		}
		t.Rows()
	}
	b.ReportMetric(float64(len(sts))*float64(b.N)/b.Elapsed().Seconds(), "statements/s")
}
