package classify

import (
	"slices"
	"sync"
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
	anchor := refAnchor(a.Date, PreferPast)
	if a.Date.IsZero() {
		if year, ok := InferYear(body); ok {
			anchor = yearAnchor(year)
		}
	}
	cleans := make([]string, len(sents))
	for i, s := range sents {
		cleans[i] = corpus.Clean(s.Text)
	}
	an := c.analysis()
	defer analyses.Put(an)
	// Attribution tells which sentences may hold a date, from its tokens:
	// most do not, and need not be tokenised for dates.
	an.mayDate = slices.Grow(an.mayDate[:0], len(sents))[:len(sents)]
	// The scratch keeps attribution's tokens of each sentence, which the
	// date tokens are read off.
	sc := getScratch()
	defer putScratch(sc)
	attrs := actors.attributeIn(sc, a.Text, sents, cleans, a.Date, an.mayDate)
	var dateBuf [64]dateToken
	dateToks := dateBuf[:0] // room for the date tokens of a sentence

	published := ""
	if !a.Date.IsZero() {
		published = dateDay(a.Date)
	}
	var dayT time.Time // the last event date formatted, and its text
	var day string

	out := make([]Statement, len(sents))
	lastDate := map[string]EventDate{} // per actor: the date of their last dated statement
	// The date of the first dated statement with an actor, if haveLede: a
	// copy, not a pointer to d, which would move d to the heap for every
	// sentence.
	var lede EventDate
	haveLede := false
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
		case !an.mayDate[i]:
		case anchor.hasRef || anchor.yearOnly:
			dateToks = dateTokensOf(clean, sc.ss[i].ts, dateToks[:0])
			d, ok = dateFind(clean, dateToks, anchor)
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
				if !haveLede {
					lede, haveLede = d, true
				}
			}
		case st.Actor != "" && lastDate[st.Actor].Time != (time.Time{}):
			d, ok = lastDate[st.Actor], true
		case haveLede:
			d, ok = lede, true
		case !a.Date.IsZero():
			d, ok = EventDate{Time: a.Date, Grain: GrainDay}, true
		}
		if ok {
			if d.Time != dayT || day == "" { // the same Time, field for field, formats the same
				dayT, day = d.Time, dateDay(d.Time)
			}
			st.Date = day
			st.DateGrain = d.Grain.String()
			st.DateInferred = d.Inferred
		}

		p, err := an.stanceOf(clean, sc.ss[i].ts)
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
				label, score, err = an.sentimentOf(clean, attrs[i].Target)
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
	return c.Model.Predict(corpus.NewMarker(c.stanceFeatures()).Terms(corpus.Clean(sentence), ""))
}

// stanceFeatures is the analysis of a sentence's stance: the stance
// model's, with no target, since the stance is the whole sentence's.
// Lexicon terms are added as in training.
func (c *Classifier) stanceFeatures() corpus.Features {
	f := corpus.Features(c.Model.Tokenizer)
	f.Target = 0
	return f
}

// analysis analyses sentences for the stance model and, when the
// Sentimenter is a ModelSentiment, for the sentiment model, from one
// WordTokenizer tokenisation of each sentence when the two models' words
// agree on case (the stance model's NameTokenizer is built on words, the
// sentiment model marks its target on them). With a ModelSentiment, the
// two models score their terms in parts (corpus.TermParts), never
// written, each word looked up once for both (partsIndex). Its buffers are
// reused from sentence to sentence, and from article to article through
// analyses.
type analysis struct {
	f, sf       corpus.Features    // the stance and sentiment analyses
	stance      *corpus.Marker     // f's
	sentiment   *ModelSentiment    // nil: the Sentimenter analyses for itself
	sentMark    *corpus.Marker     // sf's
	shared      bool               // sentMark reads the stance analysis's words
	words       []corpus.Token     // WordTokenizer{Lower: f.Lower} tokens
	sentWords   []corpus.Token     // WordTokenizer{Lower: sf.Lower} tokens, if not shared
	stanceTerms []string           // the stance terms' array
	parts       []corpus.TermParts // the terms' array, in parts
	seen        []int32            // the scorers' entries, per word of words
	facts       corpus.WordFacts   // of words, for both Markers when shared
	mayDate     []bool             // per sentence of an article: may hold a date

	// The arrays of words' and sentWords' lower-cased terms
	// (WordTokenizer.AppendTokensBuf), rewritten for each sentence.
	low, sentLow []byte

	// The scorers of the models they were made for (nil for an invalid
	// model, whose Predict gives the error), the index of the two models'
	// terms, nil without a ModelSentiment, and the sentiment labels.
	model, sentModel   *models.Model
	scorer, sentScorer *models.Scorer
	index              *partsIndex
	neg, pos           int
}

// analyses keeps analyses, with their buffers, between Article calls.
var analyses sync.Pool

// analysis returns an analysis for c's models: the one that analyses
// gives, if it analyses as they do, else a new one.
func (c *Classifier) analysis() *analysis {
	f := c.stanceFeatures()
	ms, _ := c.Sentiment.(*ModelSentiment)
	var sf corpus.Features
	if ms != nil && ms.Model == nil {
		ms = nil
	}
	if ms != nil {
		sf = corpus.Features(ms.Model.Tokenizer)
	}
	an, _ := analyses.Get().(*analysis)
	if an == nil || an.f != f || (an.sentiment == nil) != (ms == nil) || an.sf != sf {
		an = &analysis{f: f, sf: sf, stance: corpus.NewMarker(f)}
		if ms != nil {
			an.sentMark, an.shared = corpus.NewMarker(sf), sf.Lower == f.Lower
		}
	}
	an.sentiment = ms
	if an.model != c.Model {
		an.model = c.Model
		an.scorer, _ = c.Model.NewScorer()
	}
	if ms != nil && an.sentModel != ms.Model {
		m := ms.Model
		an.sentModel, an.sentScorer = m, nil
		if an.neg, an.pos = m.Index("negative"), m.Index("positive"); an.neg >= 0 && an.pos >= 0 && m.Index("neutral") >= 0 {
			an.sentScorer, _ = m.NewScorer()
		}
	}
	an.index = nil
	if an.sentiment != nil && an.scorer != nil && an.sentScorer != nil {
		an.index = ms.partsIndex(c.Model)
	}
	return an
}

// terms returns the stance model's terms of a cleaned sentence, good until
// the next call.
func (an *analysis) terms(clean string) []string {
	an.words, an.low = corpus.WordTokenizer{Lower: an.f.Lower}.AppendTokensBuf(an.words[:0], clean, an.low)
	an.stanceTerms = an.stance.AppendTermsFrom(an.stanceTerms[:0], clean, "", an.words)
	return an.stanceTerms
}

// stanceOf predicts the stance of a cleaned sentence, as the stance model's
// Predict of terms(clean); ts are its attribution tokens, which its words
// are read off (readWords). The prediction's slices are good until the
// next call.
func (an *analysis) stanceOf(clean string, ts []tok) (models.Prediction, error) {
	switch {
	case an.scorer == nil:
		return an.model.Predict(an.terms(clean))
	case an.index == nil:
		an.scorer.Reset()
		for _, t := range an.terms(clean) {
			an.scorer.Add(t)
		}
		return an.scorer.Prediction(), nil
	}
	an.readWords(clean, ts)
	an.facts.Reset()
	an.parts = an.stance.AppendTermPartsWith(an.parts[:0], clean, "", an.words, &an.facts)
	an.seen = append(an.seen[:0], make([]int32, len(an.words))...)
	an.scorer.Reset()
	an.index.scoreStance(an.scorer, an.parts, an.seen)
	return an.scorer.Prediction(), nil
}

// readWords sets words to the WordTokenizer tokens of the cleaned
// sentence clean, read off its attribution tokens ts (from
// appendTokensLow) instead of scanning it again: the attribution
// tokeniser parts a sentence at its spaces and more, and a word of ASCII
// letters and digits only (as in dateTokensOf: no fMayDate, its
// possessive, if any, not cut off) is a word to the WordTokenizer too
// unless a joiner goes on with it, its term the word's fold (written
// in lower case, as foldASCII writes it) or text. FuzzReadWords holds
// the words to AppendTokens.
func (an *analysis) readWords(clean string, ts []tok) {
	lower := an.f.Lower
	var ws corpus.WordSpans
	ws.Reset(corpus.WordTokenizer{Lower: lower}, an.words[:0], clean, an.low)
	for k := range ts {
		t := &ts[k]
		start, end := int(t.start), int(t.end)
		switch {
		case t.fold == "" && end-start == 1:
			ws.Mark(start) // most marks
			continue
		case t.fold == "" || t.flags&fMayDate != 0 || end-start != len(t.text):
			ws.Span(start, end) // not a plain word
			continue
		}
		term := t.text
		if lower {
			term = t.fold
		}
		ws.Word(start, end, term)
	}
	an.words, an.low = ws.Tokens()
}

// sentimentOf scores the sentiment of the sentence that stanceOf last saw
// toward target, with an.sentiment.
func (an *analysis) sentimentOf(clean, target string) (string, float64, error) {
	words := an.words
	if !an.shared {
		an.sentWords, an.sentLow = corpus.WordTokenizer{Lower: an.sf.Lower}.AppendTokensBuf(an.sentWords[:0], clean, an.sentLow)
		words = an.sentWords
	}
	if an.index == nil {
		// An invalid model, or not a sentiment model: score gives the error.
		return an.sentiment.score(an.sentMark.AppendTermsFrom(nil, clean, target, words))
	}
	if an.shared {
		an.parts = an.sentMark.AppendTermPartsWith(an.parts[:0], clean, target, words, &an.facts)
	} else {
		an.parts = an.sentMark.AppendTermPartsFrom(an.parts[:0], clean, target, words)
		// The stance analysis's entries are of other words.
		an.seen = append(an.seen[:0], make([]int32, len(words))...)
	}
	an.sentScorer.Reset()
	an.index.scoreSentiment(an.sentScorer, an.parts, an.seen)
	p := an.sentScorer.Prediction()
	return p.Label, p.Probs[an.pos] - p.Probs[an.neg], nil
}
