package classify

import (
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
	attrs := actors.Attribute(a.Text, sents, a.Date)
	analyzer := c.analyzer()

	out := make([]Statement, len(sents))
	lastDate := map[string]EventDate{} // per actor: the date of their last dated statement
	var lede *EventDate                // the first dated statement with an actor
	for i, s := range sents {
		clean := corpus.Clean(s.Text)
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
		if !a.Date.IsZero() {
			st.Published = a.Date.Format("2006-01-02")
		}

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
			st.Date = d.Time.Format("2006-01-02")
			st.DateGrain = d.Grain.String()
			st.DateInferred = d.Inferred
		}

		p, err := c.stance(analyzer, clean)
		if err != nil {
			return nil, err
		}
		st.Stance, st.Prob = p.Label, p.Prob
		if c.Threshold > 0 && p.Prob < c.Threshold {
			st.Stance = Unclear
		}
		st.Sentiment = "neutral"
		if c.Sentiment != nil {
			label, score, err := c.Sentiment.Sentiment(clean, attrs[i].Target)
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
