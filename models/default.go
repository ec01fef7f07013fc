package models

import (
	"bytes"
	_ "embed"
	"fmt"
	"io/fs"
	"sync"
)

// The default model is trained on the repository's own corpus in
// ../data/stance. Rebuild it, byte-identical each time, with:
//
//	go generate ./models
//
//go:generate go run ../cmd/stance train -quiet -o default.json --labels pressure,negotiation,support,neutral --ngrams 1 --alpha 1/3 --priors uniform --binary --names --lexicon --lead 3 --cv 5 ../data/stance/americas_europe.tsv ../data/stance/mideast_asia_africa.tsv ../data/stance/constructions.tsv ../data/stance/wire.tsv ../data/stance/cooperation.tsv ../data/stance/conflict_statements.tsv ../data/stance/reported.tsv ../data/stance/statements.tsv ../data/stance/pressure_support.tsv ../data/stance/talks_aid.tsv ../data/stance/long_wire.tsv ../data/stance/support_wire.tsv ../data/stance/pressure_wire.tsv ../data/stance/sustained.tsv ../data/stance/demands.tsv

//go:embed default.json
var defaultJSON []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := decode(defaultJSON)
	if err != nil {
		return nil, fmt.Errorf("embedded default model: %w", err)
	}
	return m, nil
})

// Default returns the embedded default model: labels pressure,
// negotiation, support and neutral. It is decoded once; callers share it
// and must not modify it.
func Default() (*Model, error) { return loadDefault() }

// DefaultBytes returns the embedded default model file.
func DefaultBytes() []byte { return bytes.Clone(defaultJSON) }

// LoadFS reads the named model file from fsys.
func LoadFS(fsys fs.FS, name string) (*Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}
