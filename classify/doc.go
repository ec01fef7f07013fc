// Package classify turns articles into statements: for each sentence it
// attributes an actor (who said or did it) and an event date, tags its
// stance with a model from package models, and scores its sentiment. It
// then tallies statements into the stance mix per actor and period.
//
//	c := &classify.Classifier{Model: m, Actors: classify.DefaultActors()}
//	for _, st := range c.Article(a) { t.Add(st) }
//
// classify never imports train: it only reads models.
//
// Written by hand here, because no library does it: the actor dictionary
// and attribution rules (the dictionary is ours, see actors.tsv), the date
// expressions of wire copy relative to an article's date, and three small
// open-addressed hash tables (wordTable and lowerWords for attribution,
// dateLexTable for dates). Those tables exist for speed: each word is
// hashed once, as the tokeniser reads it, and looked up without making a
// string, which a Go map keyed by string cannot do for a word that must be
// lower-cased first; fuzz tests hold each of them to a plain map. The
// partsIndex (parts.go) plays the same role for the two models'
// vocabularies, so that a sentence's words are looked up once for both.
// Attribution's tokens also carry whether a word may anchor a date
// (mayDate in attribute.go), so that Classifier.Article dates only the
// sentences that may hold one; a test and a fuzz test hold that to the
// date tokeniser's own answer.
package classify
