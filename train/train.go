// Package train fits stance models from labelled sentences, evaluates them,
// and cross-validates them.
//
// Training is deterministic: labels keep the order given (or first seen),
// counts are plain per-label maps that the model file writes with sorted
// keys, folds are assigned by position, and nothing uses map order or a
// random source, so the same corpus and options give a byte-identical
// model file.
package train

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// ErrEmptyCorpus is returned when there is nothing to train on.
var ErrEmptyCorpus = errors.New("empty corpus")

// Options control training.
type Options struct {
	Features corpus.Features
	// Alpha is the Lidstone smoothing parameter, 1/K for a whole K
	// (1, 0.5, 0.25, 0.2, 0.1, ...). Zero means 1.
	Alpha float64
	// Priors is models.PriorsEmpirical (the default) or models.PriorsUniform.
	Priors string
	// Labels, when set, fixes the label set and its order; a record with
	// another label is an error. When empty, labels are taken in the order
	// they first appear.
	Labels []string
	// Progress, when set, is called after each fold of CrossValidate
	// with the folds done and their total, for a progress display. It
	// does not affect the model.
	Progress func(done, total int)
	// Files names the training files, for the model's summary; only their
	// base names are stored, so the model does not depend on where the
	// corpus was checked out.
	Files []string
}

// DefaultOptions are the options the shipped model is trained with; see
// the measurements in the README.
func DefaultOptions() Options {
	return Options{
		Features: corpus.Features{Lower: true, Numbers: true, Negation: true, NGrams: 1, Binary: true, Names: true, Lexicon: true, Lead: 3},
		Alpha:    1.0 / 3,
		Priors:   models.PriorsUniform,
	}
}

// A LabelError is a record whose label is not in the fixed label set.
type LabelError struct {
	Record corpus.Record
	Labels []string
}

// Error names the record's file and line, when known, in the
// "file:line: problem" form of the corpus reader's errors.
func (e *LabelError) Error() string {
	msg := fmt.Sprintf("unknown label %q (want one of %v)", e.Record.Label, e.Labels)
	if e.Record.File != "" && e.Record.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Record.File, e.Record.Line, msg)
	}
	return msg
}

func (o Options) check() (Options, error) {
	if o.Alpha == 0 {
		o.Alpha = 1
	}
	if o.Priors == "" {
		o.Priors = models.PriorsEmpirical
	}
	if !(o.Alpha > 0 && o.Alpha <= 1) {
		return o, fmt.Errorf("smoothing alpha %v out of range (0, 1]", o.Alpha)
	}
	if k := 1 / o.Alpha; math.Abs(k-math.Round(k)) > 1e-9 {
		return o, fmt.Errorf("smoothing alpha %v is not 1/K for a whole K", o.Alpha)
	}
	if o.Priors != models.PriorsEmpirical && o.Priors != models.PriorsUniform {
		return o, fmt.Errorf("unknown priors %q (want %s or %s)", o.Priors, models.PriorsEmpirical, models.PriorsUniform)
	}
	if o.Features.NGrams < 0 || o.Features.NGrams > 5 {
		return o, fmt.Errorf("n-gram size %d out of range 1..5", o.Features.NGrams)
	}
	if o.Features.Lead < 0 || o.Features.Lead > 20 {
		return o, fmt.Errorf("lead words %d out of range 0..20", o.Features.Lead)
	}
	return o, nil
}

// Labels returns the label set of recs: opts.Labels if set (checking every
// record against it), else the labels in first-seen order.
func Labels(recs []corpus.Record, fixed []string) ([]string, error) {
	if len(fixed) > 0 {
		set := make(map[string]bool, len(fixed))
		for _, l := range fixed {
			if set[l] {
				return nil, fmt.Errorf("label %q named twice", l)
			}
			set[l] = true
		}
		for _, r := range recs {
			if !set[r.Label] {
				return nil, &LabelError{Record: r, Labels: fixed}
			}
		}
		return fixed, nil
	}
	var labels []string
	seen := make(map[string]bool)
	for _, r := range recs {
		if !seen[r.Label] {
			seen[r.Label] = true
			labels = append(labels, r.Label)
		}
	}
	return labels, nil
}

// Train fits a model on recs.
func Train(recs []corpus.Record, opts Options) (*models.Model, error) {
	opts, err := opts.check()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, ErrEmptyCorpus
	}
	labels, err := Labels(recs, opts.Labels)
	if err != nil {
		return nil, err
	}
	if len(labels) < 2 {
		return nil, fmt.Errorf("corpus has %d label(s) %v, need at least 2", len(labels), labels)
	}
	index := make(map[string]int, len(labels))
	for i, l := range labels {
		index[l] = i
	}
	m := &models.Model{
		Labels:    labels,
		Tokenizer: models.Tokenizer(opts.Features),
		Alpha:     opts.Alpha,
		Priors:    opts.Priors,
		Counts:    make([]map[string]int, len(labels)),
		Summary:   models.Summary{Rows: make([]int, len(labels)), Corpus: []string{}},
	}
	for _, f := range opts.Files {
		m.Summary.Corpus = append(m.Summary.Corpus, filepath.Base(f))
	}

	// The corpus hash is taken while the workers count.
	hashed := make(chan string, 1)
	go func() {
		h := sha256.New()
		for _, r := range recs {
			io.WriteString(h, r.Label)
			io.WriteString(h, "\t")
			io.WriteString(h, r.Text)
			io.WriteString(h, "\n")
		}
		hashed <- hex.EncodeToString(h.Sum(nil))
	}()

	// Tokenise and count on all cores; counts are sums, so the order in
	// which the workers' tables are merged does not change them. Each
	// label's tables are merged on a core of their own.
	parts := countAll(recs, index, opts.Features, len(labels))
	for _, p := range parts {
		for li := range labels {
			m.Summary.Rows[li] += p.rows[li]
		}
		m.Summary.Tokens += p.tokens
	}
	var wg sync.WaitGroup
	for li := range labels {
		wg.Go(func() {
			// Merge into the largest table.
			big := 0
			for w, p := range parts {
				if len(p.counts[li]) > len(parts[big].counts[li]) {
					big = w
				}
			}
			dst := parts[big].counts[li]
			for w, p := range parts {
				if w == big {
					continue
				}
				for t, n := range p.counts[li] {
					dst[t] += n
				}
			}
			m.Counts[li] = dst
		})
	}
	wg.Wait()
	m.Summary.CorpusHash = <-hashed
	m.Summary.Vocabulary = distinct(m.Counts)
	return m, nil
}

// counts are one worker's term counts per label.
type counts struct {
	counts []map[string]int
	rows   []int
	tokens int
}

// countAll tokenises and counts recs on all cores. The workers take the
// records in batches from a shared position, so that one slowed by other
// load on its core does not hold the others up; counts are sums, so which
// worker counts a record does not change them.
func countAll(recs []corpus.Record, index map[string]int, f corpus.Features, nlabels int) []counts {
	parts := make([]counts, min(runtime.GOMAXPROCS(0), len(recs)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range parts {
		p := &parts[w]
		wg.Go(func() {
			p.counts = make([]map[string]int, nlabels)
			for i := range p.counts {
				p.counts[i] = make(map[string]int)
			}
			p.rows = make([]int, nlabels)
			// The analysis and its buffers, reused from record to record.
			mk := corpus.NewMarker(f)
			var terms []string
			for lo, hi := range batches(&next, len(recs)) {
				for _, r := range recs[lo:hi] {
					li := index[r.Label]
					p.rows[li]++
					c := p.counts[li]
					terms = mk.AppendTerms(terms[:0], r.Text, r.Target)
					for _, t := range terms {
						c[t]++
					}
					p.tokens += len(terms)
				}
			}
		})
	}
	wg.Wait()
	return parts
}

// batch is the number of records a worker takes at a time.
const batch = 64

// batches yields the bounds [lo, hi) of the next batch of n records until
// none is left; the workers that share next share the records out.
func batches(next *atomic.Int64, n int) iter.Seq2[int, int] {
	return func(yield func(lo, hi int) bool) {
		for {
			lo := int(next.Add(batch)) - batch
			if lo >= n || !yield(lo, min(lo+batch, n)) {
				return
			}
		}
	}
}

// distinct returns the number of distinct terms over all label counts.
func distinct(counts []map[string]int) int {
	n := 0
	for i, c := range counts {
	term:
		for t := range c {
			for _, earlier := range counts[:i] {
				if _, ok := earlier[t]; ok {
					continue term
				}
			}
			n++
		}
	}
	return n
}
