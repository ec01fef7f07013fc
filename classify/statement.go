package classify

// A Statement is one sentence of an article with its actor, date, stance
// and sentiment. Every sentence of an article becomes exactly one
// Statement, so counts in reconcile with counts out; a sentence with no
// actor has Actor "".
type Statement struct {
	Article  string `json:"article"`  // article ID, or file name
	Sentence int    `json:"sentence"` // 1-based position in the article
	Start    int    `json:"start"`    // byte offsets of Text in the article
	End      int    `json:"end"`
	Text     string `json:"text"`            // the sentence as written
	Clean    string `json:"clean,omitempty"` // its normalised form, when different

	Actor   string `json:"actor"`             // whose position it is
	Group   string `json:"group"`             // the actor's country and side
	Speaker string `json:"speaker,omitempty"` // who said it, when not the actor
	Known   bool   `json:"known"`             // actor found in the dictionary
	Target  string `json:"target,omitempty"`  // the other actor the sentence is about

	Date         string `json:"date"`                    // event date, YYYY-MM-DD; "" when unknown
	DateGrain    string `json:"date_grain,omitempty"`    // day, week, month or year
	DateInferred bool   `json:"date_inferred,omitempty"` // the year or date was inferred
	Published    string `json:"published,omitempty"`     // the article's date
	Source       string `json:"source,omitempty"`        // outlet or file

	Stance string  `json:"stance"`
	Prob   float64 `json:"prob"`            // the stance's posterior probability
	Model  string  `json:"model,omitempty"` // the stance model's name

	Sentiment      string  `json:"sentiment"`       // negative, neutral or positive
	SentimentScore float64 `json:"sentiment_score"` // in [-1, 1]
}
