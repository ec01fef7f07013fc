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
// dateLexTable for dates). Those tables exist for speed: a word is looked
// up in place in its sentence, without making a string, which a Go map
// keyed by string cannot do for a word that must be lower-cased first;
// attribution's tables by a hash the tokeniser computes once per word,
// dateLexTable by the word's bytes read eight at a time. Fuzz tests hold
// each of them to a plain map. The partsIndex (parts.go) plays the same
// role for the two models' vocabularies, so that a sentence's words are
// looked up once for both.
//
// Attribution's tokens also serve the dates. They carry whether a word may
// anchor a date (mayDate in attribute.go), so that Classifier.Article
// dates only the sentences that may hold one, and, in a word's flags, its
// slot in dateLexTable, so that Classifier.Article reads most date tokens
// off them (dateTokensOf in dates.go) rather than tokenise the sentence
// again. Tests and fuzz tests hold both to the date tokeniser's own.
package classify
