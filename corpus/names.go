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
// The lexicon terms that Features.Text writes are never names.
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
	runs := nameRuns{start: true}
	for _, tok := range words {
		switch runs.step(tok, text) {
		case nameExtend:
			out[len(out)-1].End = tok.End
		case nameOpen:
			out = append(out, Token{Term: NameTerm, Start: tok.Start, End: tok.End})
		default:
			out = append(out, tok)
		}
	}
	return out
}

// A nameStep is what merging the runs of names does with one word token.
type nameStep uint8

const (
	nameKeep   nameStep = iota // the token stays as it is
	nameOpen                   // it opens a run of names: one NameTerm token
	nameExtend                 // it continues the run that the last token opened
)

// nameRuns finds the runs of names in a text's word tokens, read in
// order: the one definition that NameTokenizer and the Marker's parts
// share. Its zero value must be given start: true.
type nameRuns struct {
	start  bool // the next word opens the text, a sentence or a quote
	inName bool // the last token was in a run of names
}

// step returns what to do with tok, the next word token of text.
func (r *nameRuns) step(tok Token, text string) nameStep {
	if isPunct(tok.Term) {
		switch tok.Term {
		case ".", "!", "?", "\"", ":", "(":
			r.start = true
		}
		r.inName = false
		return nameKeep
	}
	if w := text[tok.Start:tok.End]; !r.start && startsUpper(w) && !isLexTerm(w) {
		if r.inName {
			return nameExtend
		}
		r.inName = true
		return nameOpen
	}
	r.start, r.inName = false, false
	return nameKeep
}

// isLexTerm reports whether w is a lexicon term that Features.Text
// writes (LexNegative, LexPositive), which is never a name.
func isLexTerm(w string) bool {
	return len(w) == len(LexNegative) && (w == LexNegative || w == LexPositive)
}

// startsUpper reports whether w starts with an upper-case letter. It
// decides an ASCII first byte without decoding a rune: it runs for every
// word of every sentence.
func startsUpper(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return w[0]-'A' < 26 // below 'A' wraps past 26
	}
	return startsUpperRune(w)
}

// startsUpperRune is startsUpper decoding the first rune, out of line so
// that startsUpper is inlined.
func startsUpperRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
