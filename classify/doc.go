// Package classify turns articles into statements: for each sentence it
// attributes an actor (who said or did it) and an event date, tags its
// stance with a model from package models, and scores its sentiment. It
// then tallies statements into the stance mix per actor and period.
//
//	c := &classify.Classifier{Model: m, Actors: classify.DefaultActors()}
//	for _, st := range c.Article(a) { t.Add(st) }
//
// classify never imports train: it only reads models.
package classify
