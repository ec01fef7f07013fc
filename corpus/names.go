package corpus

import (
	"unicode"
	"unicode/utf8"
)

// NameTerm is the term that NameTokenizer gives a run of proper names.
const NameTerm = "<name>"

// NameTokenizer is a WordTokenizer that replaces each run of capitalised
// words inside a sentence ("Antony Blinken", "the Red Sea", "NATO") with
// one token whose Term is NameTerm, spanning the run. A capitalised word
// that opens the text, a quotation or a sentence is kept as a word, since
// its capital says nothing. A possessive "'s" ends the run and is kept.
//
// Replacing names lets a model trained on one set of actors and places
// generalise to news about others: what "<name> said it would send aid"
// teaches does not depend on who the name was.
type NameTokenizer struct {
	Lower bool
}

// Tokenize implements Tokenizer.
func (t NameTokenizer) Tokenize(text string) []Token {
	return t.AppendTokens(nil, text)
}

// AppendTokens implements TokenAppender. It appends the words of text and
// merges the runs of names in place; a token's capital is read from text,
// since the word tokenizer may have lower-cased its term.
func (t NameTokenizer) AppendTokens(dst []Token, text string) []Token {
	n := len(dst)
	dst = WordTokenizer{Lower: t.Lower}.AppendTokens(dst, text)
	return appendNames(dst[:n], dst[n:], text) // out never passes the token being read
}

// appendNames appends to out the tokens words of text, with the runs of
// names merged as NameTokenizer merges them. out may share words' array if
// it ends where words starts.
func appendNames(out, words []Token, text string) []Token {
	start := true // the next word opens the text, a sentence or a quote
	inName := false
	for _, tok := range words {
		term := tok.Term
		if isPunct(term) {
			switch term {
			case ".", "!", "?", "\"", ":", "(":
				start = true
			}
			inName = false
			out = append(out, tok)
			continue
		}
		if !start && startsUpper(text[tok.Start:tok.End]) {
			if inName {
				out[len(out)-1].End = tok.End
				continue
			}
			inName = true
			out = append(out, Token{Term: NameTerm, Start: tok.Start, End: tok.End})
			continue
		}
		start, inName = false, false
		out = append(out, tok)
	}
	return out
}

// startsUpper reports whether w starts with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
