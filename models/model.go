// Package models holds a trained stance model: its labels, the tokeniser
// settings it was trained with, per-label token counts, and a training
// summary. It loads and saves the versioned, checksummed JSON model file,
// scores token lists with navossoc/bayesian's probabilities (tabulated once
// per model as logarithms), and embeds the default model.
//
// A model file is safe to load from strangers: its size is bounded before
// anything is allocated, its checksum is verified, and a truncated,
// corrupted or future-version file gives an error, never a panic.
//
// # Smoothing
//
// navossoc/bayesian gives a word it has not seen in a class the fixed
// probability 1e-11 and applies no add-one smoothing, which lets one rare
// word veto a class. Model fixes that through the library's own API: it
// feeds each count scaled by K = 1/Alpha plus one pseudo-count for every
// vocabulary word in every class through Observe, which is Lidstone
// smoothing with parameter Alpha. Words outside the vocabulary get 1e-11
// in every class and so cancel out. The library's prior (the share of
// word tokens per class) is replaced by the prior the model asks for.
package models

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sync"

	"github.com/navossoc/bayesian"
)

// Version is the model file format this package writes and reads. Files of
// a higher version are refused with ErrFutureVersion.
const Version = 1

// Kind is the value of a model file's "format" field.
const Kind = "stance-model"

// MaxSize is the largest model file Load accepts, in bytes.
const MaxSize = 1 << 30

// Errors that callers may branch on. Load wraps them.
var (
	ErrFutureVersion = errors.New("model file is from a newer version of stance")
	ErrChecksum      = errors.New("model file checksum mismatch (corrupted or edited)")
	ErrTooLarge      = fmt.Errorf("model file larger than %d bytes", MaxSize)
)

// Tokenizer records how a model's training text was analysed. Its fields
// mirror corpus.Features, so that the two convert with a plain conversion;
// models does not import corpus.
type Tokenizer struct {
	Lower     bool `json:"lower"`
	Numbers   bool `json:"numbers"`
	Negation  bool `json:"negation"`
	NGrams    int  `json:"ngrams"`
	Stopwords bool `json:"stopwords"`
	Target    int  `json:"target,omitempty"`
	Binary    bool `json:"binary,omitempty"`
	Adjacent  bool `json:"adjacent,omitempty"`
	Lexicon   bool `json:"lexicon,omitempty"`
	Names     bool `json:"names,omitempty"`
	Lead      int  `json:"lead,omitempty"`
}

// Priors names how class priors are set.
const (
	PriorsEmpirical = "empirical" // share of training rows per label
	PriorsUniform   = "uniform"   // every label equally likely
)

// Summary says what a model learned from.
type Summary struct {
	Rows       []int    `json:"rows"`       // training rows per label, in Labels order
	Vocabulary int      `json:"vocabulary"` // distinct terms
	Tokens     int      `json:"tokens"`     // term occurrences
	Corpus     []string `json:"corpus"`     // base names of the training files
	CorpusHash string   `json:"corpus_sha256"`
	CV         *CV      `json:"cv,omitempty"`
}

// CV is a cross-validated estimate of a model's quality.
type CV struct {
	Folds    int     `json:"folds"`
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
}

// A Model is a trained naive-Bayes classifier. Its exported fields are the
// model file; do not change them after the first call to Predict.
type Model struct {
	Labels    []string  `json:"labels"`
	Tokenizer Tokenizer `json:"tokenizer"`
	Alpha     float64   `json:"alpha"`  // Lidstone smoothing, 1/K for a whole K
	Priors    string    `json:"priors"` // PriorsEmpirical or PriorsUniform
	Summary   Summary   `json:"summary"`
	// Counts[i] maps each term to its count in label Labels[i]'s rows.
	Counts []map[string]int `json:"counts"`

	once     sync.Once
	clf      *bayesian.Classifier
	classes  []bayesian.Class
	adjust   []float64 // log prior wanted minus log prior the library uses
	buildErr error

	// The library's log-probabilities, computed once: Predict adds them up
	// in the order LogScores does, with one map lookup per term.
	index    map[string]int32 // term -> row of logp
	logp     []float64        // len(vocabulary) rows of len(Labels) columns
	logPrior []float64        // the library's log prior per label
	unknown  []float64        // log-probability of a term outside the vocabulary
	neutral  int              // the index of the label "neutral", or -1: see Prediction
}

// Neutral is the label that wins an exact tie, when a model has it: see
// [Scorer.Prediction].
const Neutral = "neutral"

// A Prediction is a model's verdict on one token list.
type Prediction struct {
	Label string    // the most likely label
	Index int       // its index in Model.Labels
	Prob  float64   // its posterior probability
	Probs []float64 // posterior per label, in Model.Labels order
	Log   []float64 // unnormalised log posterior per label
}

// Validate checks that m is a usable model.
func (m *Model) Validate() error {
	if len(m.Labels) < 2 {
		return fmt.Errorf("model has %d labels, need at least 2", len(m.Labels))
	}
	seen := make(map[string]bool, len(m.Labels))
	for _, l := range m.Labels {
		if l == "" {
			return errors.New("model has an empty label")
		}
		if seen[l] {
			return fmt.Errorf("model names label %q twice", l)
		}
		seen[l] = true
	}
	if len(m.Counts) != len(m.Labels) {
		return fmt.Errorf("model has counts for %d labels, want %d", len(m.Counts), len(m.Labels))
	}
	if len(m.Summary.Rows) != len(m.Labels) {
		return fmt.Errorf("model summary has rows for %d labels, want %d", len(m.Summary.Rows), len(m.Labels))
	}
	if !(m.Alpha > 0 && m.Alpha <= 1) {
		return fmt.Errorf("model smoothing alpha %v out of range (0, 1]", m.Alpha)
	}
	if m.Priors != PriorsEmpirical && m.Priors != PriorsUniform {
		return fmt.Errorf("model priors %q unknown (want %q or %q)", m.Priors, PriorsEmpirical, PriorsUniform)
	}
	if m.Tokenizer.NGrams < 0 || m.Tokenizer.NGrams > 5 {
		return fmt.Errorf("model n-gram size %d out of range 0..5", m.Tokenizer.NGrams)
	}
	for i, c := range m.Counts {
		for term, n := range c {
			if n < 0 {
				return fmt.Errorf("model count of %q in %q is negative", term, m.Labels[i])
			}
		}
	}
	for _, r := range m.Summary.Rows {
		if r < 0 {
			return errors.New("model summary has a negative row count")
		}
	}
	return nil
}

// Index returns the index of label in m.Labels, or -1.
func (m *Model) Index(label string) int {
	for i, l := range m.Labels {
		if l == label {
			return i
		}
	}
	return -1
}

// K returns the integer scale 1/Alpha applied to counts.
func (m *Model) K() int {
	return int(math.Round(1 / m.Alpha))
}

// build turns the counts into a bayesian.Classifier, once.
func (m *Model) build() {
	m.once.Do(func() {
		if err := m.Validate(); err != nil {
			m.buildErr = err
			return
		}
		m.classes = make([]bayesian.Class, len(m.Labels))
		for i, l := range m.Labels {
			m.classes[i] = bayesian.Class(l)
		}
		m.neutral = m.Index(Neutral)
		m.clf = bayesian.NewClassifier(m.classes...)
		k := m.K()
		// Every vocabulary term is observed once per class, with
		// k*count + 1 (Lidstone: (k*count + 1) / (k*total + V) =
		// (count + alpha) / (total + alpha*V)); so the order of the
		// observations does not change the library's sums. Each class
		// has its own tables in the library, so the classes are
		// observed on all cores.
		own := m.termsByLabel()
		vocab := slices.Concat(own...)
		var wg sync.WaitGroup
		for i, c := range m.Counts {
			class := m.classes[i]
			wg.Go(func() {
				// The class's own terms, without a lookup per term.
				for term, n := range c {
					m.clf.Observe(term, k*n+1, class)
				}
				// The terms it lacks get the pseudo-count alone. A
				// term first counted by a later label is not in c.
				for _, terms := range own[:i] {
					for _, term := range terms {
						if _, ok := c[term]; !ok {
							m.clf.Observe(term, 1, class)
						}
					}
				}
				for _, terms := range own[min(i+1, len(own)):] {
					for _, term := range terms {
						m.clf.Observe(term, 1, class)
					}
				}
			})
		}
		wg.Wait()
		// The library's prior is each class's share of observed tokens;
		// replace it by the prior the model asks for.
		totals := m.clf.WordCount()
		sumTotals, sumRows := 0, 0
		for i := range totals {
			sumTotals += totals[i]
			sumRows += m.Summary.Rows[i]
		}
		m.adjust = make([]float64, len(m.Labels))
		for i := range m.Labels {
			want := 1 / float64(len(m.Labels))
			if m.Priors == PriorsEmpirical && sumRows > 0 {
				// Add-one on rows keeps a label with no rows possible.
				want = float64(m.Summary.Rows[i]+1) / float64(sumRows+len(m.Labels))
			}
			have := float64(totals[i]) / float64(sumTotals)
			m.adjust[i] = math.Log(want) - math.Log(have)
		}
		m.tabulate(vocab)
	})
}

// tabulate caches the library's scores: the log of each term's probability
// per label (WordFrequencies), the log prior and the log-probability of an
// unknown term (LogScores of no term, WordFrequencies of an unknown term). Predict sums
// them in the order LogScores would, so its scores are the same bits.
func (m *Model) tabulate(vocab []string) {
	k := len(m.Labels)
	var wg sync.WaitGroup
	wg.Go(func() {
		m.index = make(map[string]int32, len(vocab))
		for j, term := range vocab {
			m.index[term] = int32(j)
		}
	})
	// The library's tables are only read from here on: the rows are
	// filled in chunks on all cores.
	m.logp = make([]float64, len(vocab)*k)
	const chunk = 1 << 14
	for lo := 0; lo < len(vocab); lo += chunk {
		hi := min(lo+chunk, len(vocab))
		wg.Go(func() {
			freqs := m.clf.WordFrequencies(vocab[lo:hi])
			for i := range freqs {
				for j, f := range freqs[i] {
					m.logp[(lo+j)*k+i] = math.Log(f)
				}
			}
		})
	}
	wg.Wait()
	m.logPrior, _, _ = m.clf.LogScores(nil)
	// Every term the model has not counted scores the same; find one.
	unseen := "\x00"
	for _, ok := m.index[unseen]; ok; _, ok = m.index[unseen] {
		unseen += "\x00"
	}
	m.unknown = make([]float64, k)
	for i, f := range m.clf.WordFrequencies([]string{unseen}) {
		m.unknown[i] = math.Log(f[0])
	}
}

// Vocabulary returns every term the model has counted, sorted.
func (m *Model) Vocabulary() []string {
	vocab := m.terms()
	slices.Sort(vocab)
	return vocab
}

// terms returns every term the model has counted, in no particular order.
func (m *Model) terms() []string {
	return slices.Concat(m.termsByLabel()...)
}

// termsByLabel returns, for each label, the terms it counted that no
// earlier label counted, in no particular order.
func (m *Model) termsByLabel() [][]string {
	own := make([][]string, len(m.Counts))
	for i, c := range m.Counts {
	next:
		for t := range c {
			for _, earlier := range m.Counts[:i] {
				if _, ok := earlier[t]; ok {
					continue next
				}
			}
			own[i] = append(own[i], t)
		}
	}
	return own
}

// Predict scores a list of terms, analysed with the model's Tokenizer
// settings. It returns an error only for an invalid model.
func (m *Model) Predict(terms []string) (Prediction, error) {
	m.build()
	if m.buildErr != nil {
		return Prediction{}, m.buildErr
	}
	// Log and Probs share one allocation.
	s := Scorer{m: m, buf: make([]float64, 2*len(m.Labels))}
	s.Reset()
	for _, t := range terms {
		s.Add(t)
	}
	return s.Prediction(), nil
}

// Row returns the row of term in the model's tables, for [Scorer.AddRow],
// or -1 for a term outside the vocabulary (and for every term of an
// invalid model).
func (m *Model) Row(term string) int32 {
	m.build()
	if j, ok := m.index[term]; ok {
		return j
	}
	return -1
}

// A Scorer adds up a model's scores for a list of terms one term at a
// time, as Predict does, for a caller that scores many lists: it reuses
// its buffers, and it takes terms as rows (see [Model.Row]) that the
// caller may have looked up once for several terms. Predict(terms) is
// Reset, Add of each term in order, and Prediction, to the bit. A Scorer
// is not safe for concurrent use.
type Scorer struct {
	m   *Model
	buf []float64 // the log scores, then the probabilities
}

// NewScorer returns a Scorer for m, reset. It returns an error only for an
// invalid model.
func (m *Model) NewScorer() (*Scorer, error) {
	m.build()
	if m.buildErr != nil {
		return nil, m.buildErr
	}
	s := &Scorer{m: m, buf: make([]float64, 2*len(m.Labels))}
	s.Reset()
	return s, nil
}

// Reset starts a new list of terms.
func (s *Scorer) Reset() {
	copy(s.buf, s.m.logPrior)
}

// Add adds term to the list.
func (s *Scorer) Add(term string) {
	m := s.m
	row := m.unknown
	if j, ok := m.index[term]; ok {
		k := len(m.Labels)
		row = m.logp[int(j)*k : int(j)*k+k]
	}
	s.add(row)
}

// AddRow adds the term of row j (see [Model.Row]; -1 for a term outside
// the vocabulary) to the list.
func (s *Scorer) AddRow(j int32) {
	m := s.m
	row := m.unknown
	if j >= 0 {
		k := len(m.Labels)
		row = m.logp[int(j)*k : int(j)*k+k]
	}
	s.add(row)
}

func (s *Scorer) add(row []float64) {
	scores := s.buf[:len(row)]
	for i := range scores {
		scores[i] += row[i]
	}
}

// AddRows adds the terms of rows (see [Model.Row]) to the list, in order,
// as AddRow of each does, to the bit. For a model of three or four labels,
// the sentiment and stance models, it keeps the scores in registers while
// it adds the rows, instead of loading and storing each score of each
// term: a caller that scores sentences term by term spends most of its
// time adding.
func (s *Scorer) AddRows(rows []int32) {
	switch len(s.m.Labels) {
	case 3:
		s.addRows3(rows)
	case 4:
		s.addRows4(rows)
	default:
		for _, j := range rows {
			s.AddRow(j)
		}
	}
}

func (s *Scorer) addRows3(rows []int32) {
	logp, unknown := s.m.logp, (*[3]float64)(s.m.unknown)
	scores := (*[3]float64)(s.buf)
	a0, a1, a2 := scores[0], scores[1], scores[2]
	for _, j := range rows {
		row := unknown
		if j >= 0 {
			row = (*[3]float64)(logp[3*int(j):])
		}
		a0 += row[0]
		a1 += row[1]
		a2 += row[2]
	}
	scores[0], scores[1], scores[2] = a0, a1, a2
}

func (s *Scorer) addRows4(rows []int32) {
	logp, unknown := s.m.logp, (*[4]float64)(s.m.unknown)
	scores := (*[4]float64)(s.buf)
	a0, a1, a2, a3 := scores[0], scores[1], scores[2], scores[3]
	for _, j := range rows {
		row := unknown
		if j >= 0 {
			row = (*[4]float64)(logp[4*int(j):])
		}
		a0 += row[0]
		a1 += row[1]
		a2 += row[2]
		a3 += row[3]
	}
	scores[0], scores[1], scores[2], scores[3] = a0, a1, a2, a3
}

// Prediction returns the prediction for the terms added since Reset. Its
// Log and Probs are the Scorer's buffers, good until the next Reset; it
// may be called only once per list. The most likely label wins; an exact
// tie with the label Neutral, as when no term is in the vocabulary, goes
// to Neutral, and other ties to the first label.
func (s *Scorer) Prediction() Prediction {
	m := s.m
	k := len(m.Labels)
	scores, probs := s.buf[:k:k], s.buf[k:2*k:2*k]
	var best int
	switch k {
	case 3:
		best = softmax3((*[3]float64)(scores), (*[3]float64)(probs), (*[3]float64)(m.adjust), m.neutral)
	case 4:
		best = softmax4((*[4]float64)(scores), (*[4]float64)(probs), (*[4]float64)(m.adjust), m.neutral)
	default:
		best = softmax(scores, probs, m.adjust[:k], m.neutral)
	}
	return Prediction{Label: m.Labels[best], Index: best, Prob: probs[best], Probs: probs, Log: scores}
}

// softmax adds adjust to the log scores, writes their softmax to probs
// and returns the index of the best label, as Prediction describes (an
// exact tie with the label neutral, if not -1, goes to it). The best
// label's score, and any equal to it, shift to 0, whose exponential is 1:
// one call of math.Exp spared.
func softmax(scores, probs, adjust []float64, neutral int) int {
	best := 0
	for i := range scores {
		scores[i] += adjust[i]
		if scores[i] > scores[best] {
			best = i
		}
	}
	if neutral >= 0 && scores[neutral] == scores[best] {
		// An exact tie: the terms gave no evidence (none is in the
		// vocabulary, as in a byline), and a sentence that says nothing
		// the model knows is neutral rather than the first label.
		best = neutral
	}
	// Shifted by the maximum so that it cannot overflow.
	top, sum := scores[best], 0.0
	for i, v := range scores {
		probs[i] = shiftedExp(v, top)
		sum += probs[i]
	}
	for i := range probs {
		probs[i] /= sum
	}
	return best
}

// softmax3 is softmax for three labels, the sentiment model's, written
// out: the loops of softmax cost more than their sums for so few.
func softmax3(scores, probs, adjust *[3]float64, neutral int) int {
	s0, s1, s2 := scores[0]+adjust[0], scores[1]+adjust[1], scores[2]+adjust[2]
	scores[0], scores[1], scores[2] = s0, s1, s2
	best, top := 0, s0
	if s1 > top {
		best, top = 1, s1
	}
	if s2 > top {
		best, top = 2, s2
	}
	if neutral >= 0 && scores[neutral] == top {
		best = neutral
	}
	e0, e1, e2 := shiftedExp(s0, top), shiftedExp(s1, top), shiftedExp(s2, top)
	sum := e0 + e1 + e2
	probs[0], probs[1], probs[2] = e0/sum, e1/sum, e2/sum
	return best
}

// softmax4 is softmax for four labels, the stance model's, written out.
func softmax4(scores, probs, adjust *[4]float64, neutral int) int {
	s0, s1, s2, s3 := scores[0]+adjust[0], scores[1]+adjust[1], scores[2]+adjust[2], scores[3]+adjust[3]
	scores[0], scores[1], scores[2], scores[3] = s0, s1, s2, s3
	best, top := 0, s0
	if s1 > top {
		best, top = 1, s1
	}
	if s2 > top {
		best, top = 2, s2
	}
	if s3 > top {
		best, top = 3, s3
	}
	if neutral >= 0 && scores[neutral] == top {
		best = neutral
	}
	e0, e1, e2, e3 := shiftedExp(s0, top), shiftedExp(s1, top), shiftedExp(s2, top), shiftedExp(s3, top)
	sum := e0 + e1 + e2 + e3
	probs[0], probs[1], probs[2], probs[3] = e0/sum, e1/sum, e2/sum, e3/sum
	return best
}

// shiftedExp returns math.Exp(v - top), without the call when v is top.
func shiftedExp(v, top float64) float64 {
	if d := v - top; d != 0 {
		return math.Exp(d)
	}
	return 1
}

// TermWeight returns, for each label, the log-probability the model gives
// term in that label (smoothed), and whether the term is in the vocabulary.
// explain uses it to show which words drove a decision.
func (m *Model) TermWeight(term string) (logp []float64, known bool, err error) {
	m.build()
	if m.buildErr != nil {
		return nil, false, m.buildErr
	}
	freqs := m.clf.WordFrequencies([]string{term})
	logp = make([]float64, len(m.Labels))
	for i := range m.Labels {
		logp[i] = math.Log(freqs[i][0])
		if m.Counts[i][term] > 0 {
			known = true
		}
	}
	return logp, known, nil
}

// file is the on-disk shape of a model.
type file struct {
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Checksum string `json:"checksum"`
	*Model
}

// header is read first, to refuse other formats and future versions before
// decoding a body whose shape may have changed.
type header struct {
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Checksum string `json:"checksum"`
}

// setChecksum returns the file bytes b, encoded with an empty checksum, with
// the checksum sum filled in: the bytes encode(sum) gives, without encoding
// the model twice. The field is the third line of every encoding.
func setChecksum(b []byte, sum string) ([]byte, error) {
	head := fmt.Appendf(nil, "{\n \"format\": %q,\n \"version\": %d,\n \"checksum\": \"", Kind, Version)
	if !bytes.HasPrefix(b, head) || !bytes.HasPrefix(b[len(head):], []byte(`",`)) {
		return nil, errors.New("unexpected model file layout")
	}
	out := make([]byte, 0, len(b)+len(sum))
	out = append(out, head...)
	out = append(out, sum...)
	return append(out, b[len(head):]...), nil
}

// checksum is the SHA-256 of the file bytes with an empty checksum field.
func (m *Model) checksum() (string, error) {
	b, err := m.encode("")
	if err != nil {
		return "", err
	}
	h := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(h[:]), nil
}

// WriteTo writes m as a model file. The output depends only on m: the same
// model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if err := m.Validate(); err != nil {
		return 0, fmt.Errorf("models: %w", err)
	}
	b, err := m.encode("")
	if err != nil {
		return 0, fmt.Errorf("models: %w", err)
	}
	h := sha256.Sum256(b)
	if b, err = setChecksum(b, "sha256:"+hex.EncodeToString(h[:])); err != nil {
		return 0, fmt.Errorf("models: %w", err)
	}
	n, err := w.Write(b)
	return int64(n), err
}

// Load reads a model file. It never returns a partly built model.
func Load(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	if len(b) > MaxSize {
		return nil, fmt.Errorf("models: %w", ErrTooLarge)
	}
	return decode(b)
}

// decode reads a model file: the fast reader's way when it can, else
// encoding/json's, which also gives the errors.
func decode(b []byte) (*Model, error) {
	if m, ok := decodeFast(b); ok {
		return m, nil
	}
	return decodeJSON(b)
}

// decodeJSON reads a model file with encoding/json and verifies the
// checksum by re-encoding the model.
func decodeJSON(b []byte) (*Model, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errors.New("models: empty model file")
	}
	var h header
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, fmt.Errorf("models: not a model file (truncated or corrupted?): %w", err)
	}
	if h.Format != Kind {
		return nil, fmt.Errorf("models: not a model file: format %q, want %q", h.Format, Kind)
	}
	if h.Version > Version {
		return nil, fmt.Errorf("models: %w: format version %d, this stance reads up to %d", ErrFutureVersion, h.Version, Version)
	}
	if h.Version < 1 {
		return nil, fmt.Errorf("models: bad format version %d", h.Version)
	}
	m := new(Model)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file{Model: m}); err != nil {
		return nil, fmt.Errorf("models: bad model file: %w", err)
	}
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("models: bad model file: %w", err)
	}
	sum, err := m.checksum()
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	if sum != h.Checksum {
		return nil, fmt.Errorf("models: %w", ErrChecksum)
	}
	return m, nil
}

// LoadFile reads the named model file, refusing one larger than MaxSize
// before reading it.
func LoadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxSize {
		return nil, fmt.Errorf("%s: models: %w", path, ErrTooLarge)
	}
	m, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
