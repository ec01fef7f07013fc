package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/stancemix/stance/cmd/stance/internal/progress"
	"github.com/stancemix/stance/cmd/stance/internal/table"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
	"github.com/stancemix/stance/train"
)

func cmdTrain() *command {
	return &command{
		name:  "train",
		usage: "-o `model.json` [flags] CORPUS...",
		short: "train a model on labelled sentences",
		long: `
Train fits a naive-Bayes model on labelled sentences and writes it to the
file named by -o, atomically. CORPUS files are TSV or CSV with a header row
naming at least "label" and "text", or JSONL objects with those keys; the
format comes from the extension, and "-" reads stdin in --input-format.
Labels are whatever the corpus holds, unless --labels fixes them.

It prints what the model learned: rows per label, vocabulary size, and with
--cv K the K-fold cross-validated accuracy and macro-F1, which are also
stored in the model's summary.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			def := train.DefaultOptions()
			out := fs.String("o", "", "write the model to `file`")
			cv := fs.Int("cv", 0, "cross-validate with `K` folds (0: none)")
			labels := fs.String("labels", "", "comma-separated `labels`: fix the label set and order")
			ngrams := fs.Int("ngrams", def.Features.NGrams, "longest word n-gram `n` (1: unigrams)")
			alpha := alphaFlag(def.Alpha)
			fs.Var(&alpha, "alpha", "Lidstone smoothing `alpha`, 1/K for a whole K (\"1/3\" or 0.3333333333333333)")
			priors := fs.String("priors", def.Priors, "class priors: `empirical` or uniform")
			negation := fs.Bool("negation", def.Features.Negation, "mark words in the scope of a negation")
			numbers := fs.Bool("numbers", def.Features.Numbers, "map numbers to one term")
			lower := fs.Bool("lower", def.Features.Lower, "fold case")
			stop := fs.Bool("stopwords", def.Features.Stopwords, "drop function words")
			binary := fs.Bool("binary", def.Features.Binary, "count each term once per sentence (binarised naive Bayes; helps on long texts)")
			names := fs.Bool("names", def.Features.Names, "replace runs of capitalised words inside a sentence (names of people, places, bodies) with one term")
			target := fs.Int("target", 0, "target-aware features: mark each record's target mention and the words within `w` of it (0: off)")
			adjacent := fs.Bool("adjacent", false, "with --target: mark the words right next to a target mention once more")
			lexicon := fs.Bool("lexicon", def.Features.Lexicon, "add a term for each word of the built-in sentiment lexicon (with --target, also by its place near the target)")
			lead := fs.Int("lead", def.Features.Lead, "repeat the first `n` content words of the main clause as lead_ terms (0: off)")
			inFormat := fs.String("input-format", "", "corpus `format` for - and unknown extensions: tsv, csv or jsonl")
			format := fs.String("format", "table", "output `format`: table, markdown, csv or json")
			quiet := fs.Bool("quiet", false, "print nothing on success")
			return func(ctx context.Context, e *env, args []string) error {
				if *out == "" {
					return usagef("missing -o model.json")
				}
				if len(args) == 0 {
					return usagef("no corpus files")
				}
				if err := checkFormat(*format, "table", "markdown", "csv", "json"); err != nil {
					return err
				}
				opts := train.Options{
					Features: corpus.Features{Lower: *lower, Numbers: *numbers, Negation: *negation, NGrams: *ngrams, Stopwords: *stop, Target: *target, Binary: *binary, Adjacent: *adjacent, Lexicon: *lexicon, Names: *names, Lead: *lead},
					Alpha:    float64(alpha),
					Priors:   *priors,
					Labels:   splitList(*labels),
					Files:    args,
				}
				recs, err := readCorpora(e, args, *inFormat)
				if err != nil {
					return err
				}
				m, err := train.Train(recs, opts)
				if err != nil {
					return err
				}
				if *cv > 0 {
					bar := progress.New(e.stderr, int64(*cv), "folds", *quiet)
					opts.Progress = func(done, total int) { bar.Add(1) }
					met, err := train.CrossValidate(recs, opts, *cv)
					bar.Done()
					if err != nil {
						return err
					}
					m.Summary.CV = &models.CV{Folds: *cv, Accuracy: round4(met.Accuracy), MacroF1: round4(met.MacroF1)}
				}
				var buf bytes.Buffer
				if _, err := m.WriteTo(&buf); err != nil {
					return err
				}
				if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
					return err
				}
				if *quiet {
					return nil
				}
				return writeSummary(e, m, *out, *format)
			}
		},
	}
}

// An alphaFlag is a smoothing alpha, written "1/K" for a whole K above 1
// (1/3 has no short decimal) and read as "1/K" or a number.
type alphaFlag float64

func (a *alphaFlag) Set(s string) error {
	if num, den, ok := strings.Cut(s, "/"); ok {
		n, err1 := strconv.ParseFloat(num, 64)
		d, err2 := strconv.ParseFloat(den, 64)
		if err1 != nil || err2 != nil || d == 0 {
			return fmt.Errorf("not a number or fraction: %q", s)
		}
		*a = alphaFlag(n / d)
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("not a number or fraction: %q", s)
	}
	*a = alphaFlag(v)
	return nil
}

func (a alphaFlag) String() string {
	if k := 1 / float64(a); k > 1 && k == math.Round(k) && float64(a) == 1/k {
		return "1/" + strconv.FormatFloat(k, 'f', -1, 64)
	}
	return strconv.FormatFloat(float64(a), 'g', -1, 64)
}

// round4 rounds x to 4 decimals, so that model files do not change with
// the last bits of a float sum.
func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v + 0 // no "-0" in JSON

}

func writeSummary(e *env, m *models.Model, path, format string) error {
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Model  string         `json:"model"`
			Labels []string       `json:"labels"`
			Sum    models.Summary `json:"summary"`
		}{path, m.Labels, m.Summary})
	}
	t := &table.Table{Title: "trained " + path, Header: []string{"label", "rows", "share"}}
	total := 0
	for _, n := range m.Summary.Rows {
		total += n
	}
	for i, l := range m.Labels {
		t.Rows = append(t.Rows, []string{l, strconv.Itoa(m.Summary.Rows[i]), pct(m.Summary.Rows[i], total)})
	}
	t.Footer = []string{"total", strconv.Itoa(total), pct(total, total)}
	if err := t.Write(e.stdout, table.Format(format)); err != nil {
		return err
	}
	s := &table.Table{Header: []string{"measure", "value"}, Rows: [][]string{
		{"vocabulary", strconv.Itoa(m.Summary.Vocabulary)},
		{"tokens", strconv.Itoa(m.Summary.Tokens)},
		{"features", featureString(m.Tokenizer)},
		{"alpha", alphaFlag(m.Alpha).String()},
		{"priors", m.Priors},
	}}
	if cv := m.Summary.CV; cv != nil {
		s.Rows = append(s.Rows,
			[]string{fmt.Sprintf("cv accuracy (%d folds)", cv.Folds), fmt.Sprintf("%.3f", cv.Accuracy)},
			[]string{fmt.Sprintf("cv macro-F1 (%d folds)", cv.Folds), fmt.Sprintf("%.3f", cv.MacroF1)})
	}
	return s.Write(e.stdout, table.Format(format))
}

func featureString(t models.Tokenizer) string {
	s := fmt.Sprintf("%d-grams", max(t.NGrams, 1))
	if t.Lower {
		s += ", lower"
	}
	if t.Numbers {
		s += ", numbers"
	}
	if t.Negation {
		s += ", negation"
	}
	if t.Stopwords {
		s += ", stopwords"
	}
	if t.Binary {
		s += ", binary"
	}
	if t.Names {
		s += ", names"
	}
	if t.Target > 0 {
		s += fmt.Sprintf(", target window %d", t.Target)
	}
	if t.Adjacent {
		s += ", adjacent"
	}
	if t.Lexicon {
		s += ", lexicon"
	}
	if t.Lead > 0 {
		s += fmt.Sprintf(", lead %d", t.Lead)
	}
	return s
}

// pct formats n/total as a percentage with one decimal.
func pct(n, total int) string {
	if total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(total))
}

// checkFormat is a usage error unless f is one of ok.
func checkFormat(f string, ok ...string) error {
	for _, o := range ok {
		if f == o {
			return nil
		}
	}
	return usagef("unknown --format %q (want %s)", f, joinOr(ok))
}

func joinOr(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := ""
	for i, x := range s[:len(s)-1] {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out + " or " + s[len(s)-1]
}
