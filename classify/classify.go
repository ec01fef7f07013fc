package classify

import (
	"slices"
	"strings"
	"time"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// Unclear is the stance of a statement whose most likely label has a
// probability below the Classifier's Threshold.
const Unclear = "unclear"

// A Classifier turns articles into statements.
type Classifier struct {
	Model     *models.Model
	Actors    *Actors     // nil means DefaultActors()
	Sentiment Sentimenter // nil means no sentiment: neutral, 0
	// Threshold, when positive, reports statements whose stance
	// probability is below it as Unclear instead of forcing a label.
	Threshold float64
	// Name is the stance model's name, stored with each statement so that
	// two models can be compared; "" leaves it out.
	Name string
}

// Article classifies every sentence of a. It returns one Statement per
// sentence, in order.
func (c *Classifier) Article(a corpus.Article) ([]Statement, error) {
	actors := c.Actors
	if actors == nil {
		actors = DefaultActors()
	}
	body := a.Text[a.Body:]
	sents := corpus.Split(body)
	for i := range sents {
		sents[i].Start += a.Body
		sents[i].End += a.Body
	}

	// Dates resolve against the article's date; an undated article gets
	// the year its text suggests, and its dates are marked inferred.
	year, haveYear := 0, false
	if a.Date.IsZero() {
		year, haveYear = InferYear(body)
	}
	cleans := make([]string, len(sents))
	for i, s := range sents {
		cleans[i] = corpus.Clean(s.Text)
	}
	attrs := actors.attribute(a.Text, sents, cleans, a.Date)
	an := c.analysis()

	published := ""
	if !a.Date.IsZero() {
		published = a.Date.Format("2006-01-02")
	}
	var dayT time.Time // the last event date formatted, and its text
	var day string

	out := make([]Statement, len(sents))
	lastDate := map[string]EventDate{} // per actor: the date of their last dated statement
	var lede *EventDate                // the first dated statement with an actor
	for i, s := range sents {
		clean := cleans[i]
		st := Statement{
			Article:  a.ID,
			Sentence: i + 1,
			Start:    s.Start,
			End:      s.End,
			Text:     s.Text,
			Actor:    attrs[i].Actor,
			Group:    attrs[i].Group,
			Speaker:  attrs[i].Speaker,
			Known:    attrs[i].Known,
			Target:   attrs[i].Target,
			Model:    c.Name,
			Source:   a.Source,
		}
		if clean != s.Text {
			st.Clean = clean
		}
		st.Published = published

		// Event date: the sentence's own date expression; else the date of
		// the actor's last dated statement in this article (the same
		// occasion); else the lede's date; else the article's date.
		var d EventDate
		var ok bool
		switch {
		case !a.Date.IsZero():
			d, ok = FindDate(clean, a.Date, PreferPast)
		case haveYear:
			d, ok = FindDateInYear(clean, year)
		}
		if ok && d.Grain == GrainYear && !a.Date.IsZero() {
			// A bare year in a dated article is background ("chairman
			// of the assembly elected in 2015"), not when it was said.
			ok = false
		}
		switch {
		case ok:
			if st.Actor != "" {
				lastDate[st.Actor] = d
				if lede == nil {
					lede = &d
				}
			}
		case st.Actor != "" && lastDate[st.Actor].Time != (time.Time{}):
			d, ok = lastDate[st.Actor], true
		case lede != nil:
			d, ok = *lede, true
		case !a.Date.IsZero():
			d, ok = EventDate{Time: a.Date, Grain: GrainDay}, true
		}
		if ok {
			if d.Time != dayT || day == "" { // the same Time, field for field, formats the same
				dayT, day = d.Time, d.Time.Format("2006-01-02")
			}
			st.Date = day
			st.DateGrain = d.Grain.String()
			st.DateInferred = d.Inferred
		}

		terms, plain := an.terms(clean)
		p, err := c.Model.Predict(terms)
		if err != nil {
			return nil, err
		}
		st.Stance, st.Prob = p.Label, p.Prob
		if c.Threshold > 0 && p.Prob < c.Threshold {
			st.Stance = Unclear
		}
		st.Sentiment = "neutral"
		if c.Sentiment != nil {
			var label string
			var score float64
			if an.sentiment != nil {
				label, score, err = an.sentiment.sentiment(clean, attrs[i].Target, plain)
			} else {
				label, score, err = c.Sentiment.Sentiment(clean, attrs[i].Target)
			}
			if err != nil {
				return nil, err
			}
			st.Sentiment, st.SentimentScore = label, score
		}
		out[i] = st
	}
	return out, nil
}

// Stance predicts the stance of one sentence.
func (c *Classifier) Stance(sentence string) (models.Prediction, error) {
	return c.stance(c.analyzer(), corpus.Clean(sentence))
}

func (c *Classifier) analyzer() corpus.Analyzer {
	return corpus.Features(c.Model.Tokenizer).Analyzer()
}

func (c *Classifier) stance(a corpus.Analyzer, clean string) (models.Prediction, error) {
	return c.Model.Predict(a.Terms(clean))
}

// analysis analyses sentences for the stance model and, when the
// Sentimenter is a ModelSentiment whose model reads words as the stance
// model does before n-grams, for the sentiment model in the same pass: a
// sentence without a marked target is then tokenised once, not twice.
type analysis struct {
	base      corpus.Analyzer      // the stance analysis up to its n-grams
	ngrams    int                  // then its n-grams up to this length, as corpus.NGramFilter makes them
	rest      []corpus.TokenFilter // and then binarising
	sentiment *ModelSentiment      // nil: the Sentimenter analyses for itself
	buf       []string             // terms' array, reused from sentence to sentence
}

func (c *Classifier) analysis() *analysis {
	f := corpus.Features(c.Model.Tokenizer)
	base := f
	base.NGrams, base.Binary, base.Target = 0, false, 0
	an := &analysis{base: base.Analyzer(), ngrams: f.NGrams}
	if f.Binary {
		// UniqueFilter works on tokens: n-grams as tokens first.
		if f.NGrams > 1 {
			an.rest = append(an.rest, corpus.NGramFilter{N: f.NGrams})
		}
		an.rest = append(an.rest, corpus.UniqueFilter{})
		an.ngrams = 0
	}
	if ms, ok := c.Sentiment.(*ModelSentiment); ok && ms.Model != nil {
		sf := corpus.Features(ms.Model.Tokenizer)
		sf.Target = 0
		if sf.NGrams <= 1 {
			sf.NGrams = 0
		}
		if sf == base {
			an.sentiment = ms
		}
	}
	return an
}

// terms returns the stance model's terms of a cleaned sentence and, when
// the sentiment model shares the analysis, the sentence's terms for it.
// They are good until the next call.
func (an *analysis) terms(clean string) (stance, plain []string) {
	toks := an.base.Analyze(clean)
	n := len(toks)
	if len(an.rest) > 0 {
		if an.sentiment != nil {
			plain = termsOf(toks, 0) // before the filters below may rewrite toks
		}
		for _, f := range an.rest {
			toks = f.Filter(toks)
		}
		return termsOf(toks, 0), plain
	}
	an.buf = slices.Grow(an.buf[:0], n+ngramCount(n, an.ngrams))
	for _, t := range toks {
		an.buf = append(an.buf, t.Term)
	}
	an.buf = appendNGrams(an.buf, an.ngrams)
	stance = an.buf
	if an.sentiment != nil {
		plain = stance[:n:n]
	}
	return stance, plain
}

// termsOf returns the terms of toks, with room for extra more.
func termsOf(toks []corpus.Token, extra int) []string {
	terms := make([]string, len(toks), len(toks)+extra)
	for i, t := range toks {
		terms[i] = t.Term
	}
	return terms
}

// ngramCount is the number of n-grams of length 2 to longest of n terms.
func ngramCount(n, longest int) int {
	c := 0
	for size := 2; size <= longest; size++ {
		c += max(n-size+1, 0)
	}
	return c
}

// appendNGrams appends to terms their n-grams of length 2 to longest, in
// the order corpus.NGramFilter appends them and joined by "_" as it joins
// them, cut from one string; unlike the filter, it does not grow a copy
// of the tokens to do so.
func appendNGrams(terms []string, longest int) []string {
	n := len(terms)
	total := 0
	for size := 2; size <= longest; size++ {
		for i := 0; i+size <= n; i++ {
			total += size - 1
			for k := i; k < i+size; k++ {
				total += len(terms[k])
			}
		}
	}
	if total == 0 {
		return terms
	}
	var b strings.Builder
	b.Grow(total)
	for size := 2; size <= longest; size++ {
		for i := 0; i+size <= n; i++ {
			for k := i; k < i+size; k++ {
				if k > i {
					b.WriteByte('_')
				}
				b.WriteString(terms[k])
			}
		}
	}
	all, pos := b.String(), 0
	for size := 2; size <= longest; size++ {
		for i := 0; i+size <= n; i++ {
			end := pos + size - 1
			for k := i; k < i+size; k++ {
				end += len(terms[k])
			}
			terms = append(terms, all[pos:end])
			pos = end
		}
	}
	return terms
}
