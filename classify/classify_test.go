package classify

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/wiregen"
	"github.com/stancemix/stance/models"
)

// textSentiment scores sentiment as ModelSentiment did before
// corpus.Marker: it writes the marked text (corpus.Features.Text) and
// analyses it again. Its type hides the model from the Classifier, which
// cannot share its analysis with it then.
type textSentiment struct{ m *models.Model }

func (s textSentiment) Sentiment(sentence, target string) (string, float64, error) {
	f := corpus.Features(s.m.Tokenizer)
	return (&ModelSentiment{Model: s.m}).score(f.Analyzer().Terms(f.Text(sentence, target)))
}

// TestSharedAnalysis checks that the Classifier, which tokenises a
// sentence once for the stance and the news sentiment model and computes
// the sentiment model's terms from its tokens, finds what the two models
// find each on their own from the marked text, to the last bit of every
// probability.
func TestSharedAnalysis(t *testing.T) {
	m, sm := defaultModels(t)
	// The shipped models both read lower-cased words: the sentiment model
	// marks its target on the tokens the stance model replaces names in.
	if an := (&Classifier{Model: m, Sentiment: &ModelSentiment{Model: sm}}).analysis(); an.sentiment == nil || !an.shared {
		t.Fatal("the default models do not share their words")
	}
	// A sentiment model that reads words as written cannot share the
	// stance model's lower-cased ones.
	cased, err := models.LoadFile("../models/sentiment.json") // a copy of its own
	if err != nil {
		t.Fatal(err)
	}
	cased.Tokenizer.Lower = false
	if an := (&Classifier{Model: m, Sentiment: &ModelSentiment{Model: cased}}).analysis(); an.sentiment == nil || an.shared {
		t.Fatal("models that differ on case share their words")
	}
	for _, s := range []*models.Model{sm, cased} {
		shared := &Classifier{Model: m, Sentiment: &ModelSentiment{Model: s}}
		apart := &Classifier{Model: m, Sentiment: textSentiment{s}}
		for i, text := range wiregen.Articles(3, 40) {
			a, err := corpus.ParseArticle([]byte(text), "a.txt")
			if err != nil {
				t.Fatal(err)
			}
			want, err := apart.Article(a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := shared.Article(a)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("lower %v: article %d: shared analysis mismatch (-want +got):\n%s", s.Tokenizer.Lower, i, diff)
			}
			for _, st := range want {
				clean := st.Clean // the sentence the Classifier scored
				if clean == "" {
					clean = st.Text
				}
				// Stance, which suggest uses, and the text path agree too.
				f := corpus.Features(m.Tokenizer)
				text, err := m.Predict(f.Analyzer().Terms(f.Text(clean, "")))
				if err != nil {
					t.Fatal(err)
				}
				p, err := shared.Stance(st.Text)
				if err != nil || p.Label != st.Stance || p.Prob != text.Prob || text.Label != st.Stance {
					t.Fatalf("Stance(%q) = %s %v, %v; the text path gives %s %v; Article gives %s", st.Text, p.Label, p.Prob, err, text.Label, text.Prob, st.Stance)
				}
				label, score, err := (&ModelSentiment{Model: s}).Sentiment(clean, st.Target)
				if err != nil || label != st.Sentiment || score != st.SentimentScore {
					t.Fatalf("ModelSentiment.Sentiment(%q, %q) = %s, %v, %v; the text path gives %s, %v", st.Text, st.Target, label, score, err, st.Sentiment, st.SentimentScore)
				}
			}
		}
	}
}

// TestDefaultStance holds the default model to plain sentences of the
// kinds a user tries first, none of them a training row: the issue's
// "we will keep up the pressure" and its neighbours.
func TestDefaultStance(t *testing.T) {
	m, _ := defaultModels(t)
	c := &Classifier{Model: m}
	for _, tc := range []struct{ text, want string }{
		{"We will keep up the pressure.", "pressure"},
		{"The European Union will maintain sanctions on Caracas.", "pressure"},
		{"The United States will not stop putting pressure on the Maduro regime.", "pressure"},
		{"Maduro refused to negotiate with the opposition.", "pressure"},
		{`"The regime has to take real steps."`, "pressure"},
		{"Maduro closed the talks, rejecting tough sanctions.", "pressure"},
		{"Norway offered to mediate between the government and the opposition.", "negotiation"},
		{"Norway will continue to facilitate the talks.", "negotiation"},
		{"Blinken praised El Salvador for holding successful elections.", "support"},
		{"Washington will continue to provide aid to Colombia.", "support"},
		{"The UN said 5.6 million Venezuelans have left the country.", "neutral"},
	} {
		p, err := c.Stance(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		if p.Label != tc.want {
			t.Errorf("%q: %s (%.2f), want %s", tc.text, p.Label, p.Prob, tc.want)
		}
	}
}

// BenchmarkAnalysisWire times the stance and sentiment analyses of
// Classifier.Article alone on the sentences of 200 generated wire
// articles: stanceOf, then sentimentOf toward the sentence's target.
func BenchmarkAnalysisWire(b *testing.B) {
	arts, _, _, _ := wireArticles(b, 200)
	benchAnalysis(b, arts)
}

// BenchmarkAnalysisPolNeAR is BenchmarkAnalysisWire on real news, the
// articles of BenchmarkClassifyPolNeAR, whose sentences repeat much less.
func BenchmarkAnalysisPolNeAR(b *testing.B) {
	arts, _ := polnearArticles(b)
	benchAnalysis(b, arts)
}

// benchAnalysis times stanceOf and sentimentOf on the cleaned sentences of
// arts, split, cleaned and attributed beforehand as Classifier.Article
// does, with their attribution tokens.
func benchAnalysis(b *testing.B, arts []corpus.Article) {
	c := defaultClassifier(b)
	var clean, targets []string
	var tokens [][]tok
	size := 0
	for _, a := range arts {
		sents := corpus.Split(a.Text[a.Body:])
		cs := make([]string, len(sents))
		for i := range sents {
			sents[i].Start += a.Body
			sents[i].End += a.Body
			cs[i] = corpus.Clean(sents[i].Text)
		}
		sc := getScratch() // not put back: its tokens are kept
		for i, at := range c.Actors.attributeIn(sc, a.Text, sents, cs, a.Date, nil) {
			clean, targets, tokens = append(clean, cs[i]), append(targets, at.Target), append(tokens, sc.ss[i].ts)
		}
		size += len(a.Text)
	}
	an := c.analysis()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range clean {
			if _, err := an.stanceOf(s, tokens[i]); err != nil {
				b.Fatal(err)
			}
			if _, _, err := an.sentimentOf(s, targets[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(clean)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// readWordsDiff reports how the words readWords reads off the attribution
// tokens of s, from either tokeniser's dictionary, differ from
// WordTokenizer's, lower-cased and not, or "".
func readWordsDiff(s string) string {
	for _, lower := range []bool{true, false} {
		want := corpus.WordTokenizer{Lower: lower}.AppendTokens(nil, s)
		for _, a := range []*Actors{DefaultActors(), nil} {
			ts, _ := appendTokensLow(nil, s, lowerASCII(s), false, a)
			an := &analysis{f: corpus.Features{Lower: lower}, low: []byte("a buffer used before")}
			an.readWords(s, ts)
			if slices.Equal(want, an.words) {
				continue
			}
			if diff := cmp.Diff(want, an.words); diff != "" {
				return fmt.Sprintf("readWords(%q), Lower %v, dictionary %v mismatch (-want +got):\n%s", s, lower, a != nil, diff)
			}
		}
	}
	return ""
}

// TestReadWords holds readWords to WordTokenizer on the stance corpora and
// generated wire sentences.
func TestReadWords(t *testing.T) {
	for _, s := range mayDateSentences(t) {
		if diff := readWordsDiff(s); diff != "" {
			t.Fatal(diff)
		}
	}
}

// FuzzReadWords holds readWords to WordTokenizer.
func FuzzReadWords(f *testing.F) {
	for _, s := range append([]string{"", " ", "said, on Tuesday.", "Venezuela's 2nd", "Sanders' week", "1,200 and 3.5, 1, 2",
		"AT&T", "foo_bar _x", "U.S.-led", "it’s Maduro’s", "don't", "rock 'n' roll", "''quoted'' ``x''", "a\vb\fc \u00a0 d\u2003",
		"Gonz\u00e1lez e\u0301t\u00e9", "\xffab\xfe", "“quoted” — dash – «x»", "a;b:c!d?e\"f(g)h", "5.6m", "x& x- x'", "A. J. Blinken",
		"end.Next", "MADURO'S", "U.S. Jan. 5", "\u0661\u0662 x"}, dateBenchSentences...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := readWordsDiff(s); diff != "" {
			t.Error(diff)
		}
	})
}
