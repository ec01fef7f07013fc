package corpus

// A Sentence is one sentence of an article. Text is exactly
// article[Start:End]: the original bytes, never rewritten. Use [Clean] on
// Text for the normalised form that models and matchers see.
type Sentence struct {
	Text  string
	Start int // byte offset of the first byte in the article text
	End   int // byte offset just past the last byte
}
