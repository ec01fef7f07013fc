package models

import (
	_ "embed"
	"fmt"
	"sync"
)

// The default sentiment model is trained on the repository's own news
// sentiment corpus in ../data/sentiment (sentences written for stance,
// each labelled toward a target person or country), never on third-party
// data. Rebuild it, byte-identical each time, with:
//
//	go generate ./models
//
//go:generate go run ../cmd/stance train -quiet -o sentiment.json --labels negative,neutral,positive --ngrams 1 --alpha 1 --priors empirical --lower --numbers --negation --binary=false --names=false --lead 0 --target 3 --adjacent --lexicon --cv 5 ../data/sentiment/news.tsv

//go:embed sentiment.json
var sentimentJSON []byte

var loadSentiment = sync.OnceValues(func() (*Model, error) {
	m, err := decode(sentimentJSON)
	if err != nil {
		return nil, fmt.Errorf("embedded sentiment model: %w", err)
	}
	return m, nil
})

// DefaultSentiment returns the embedded default sentiment model: labels
// negative, neutral and positive, toward a target (its Tokenizer has
// Target 3, the window of corpus.MarkTarget, with Adjacent and Lexicon).
// It is decoded once; callers share it and must not modify it.
func DefaultSentiment() (*Model, error) { return loadSentiment() }
