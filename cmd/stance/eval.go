package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"

	"github.com/stancemix/stance/cmd/stance/internal/table"
	"github.com/stancemix/stance/train"
)

func cmdEval() *command {
	return &command{
		name:  "eval",
		usage: "[--model `model.json`] [flags] CORPUS...",
		short: "score a model on labelled sentences",
		long: `
Eval predicts every sentence of the labelled CORPUS files with the model
(the embedded default unless --model is given) and prints accuracy,
macro-F1, per-label precision, recall and F1, and the confusion matrix
(rows are gold labels, columns predictions). With --format json it prints
one object with the keys accuracy, macro_f1, n, per_label (label ->
{precision, recall, f1, support}), labels and confusion.

A sentence whose label the model does not know is an error that names its
file and line.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			modelPath := fs.String("model", "", "model `file` (default: the embedded model)")
			inFormat := fs.String("input-format", "", "corpus `format` for - and unknown extensions: tsv, csv or jsonl")
			format := fs.String("format", "table", "output `format`: table, markdown, csv or json")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usagef("no corpus files")
				}
				if err := checkFormat(*format, "table", "markdown", "csv", "json"); err != nil {
					return err
				}
				m, err := loadModel(*modelPath)
				if err != nil {
					return err
				}
				// Tabulate the model's scores while the corpus is read;
				// Evaluate waits for them. A loaded model is valid, so
				// this cannot fail.
				go m.Predict(nil)
				recs, err := readCorpora(e, args, *inFormat)
				if err != nil {
					return err
				}
				met, err := train.Evaluate(m, recs)
				if err != nil {
					return err
				}
				return writeMetrics(e, met, *format)
			}
		},
	}
}

func writeMetrics(e *env, met train.Metrics, format string) error {
	if format == "json" {
		type lm struct {
			Precision float64 `json:"precision"`
			Recall    float64 `json:"recall"`
			F1        float64 `json:"f1"`
			Support   int     `json:"support"`
		}
		per := make(map[string]lm, len(met.PerLabel))
		for _, l := range met.PerLabel {
			per[l.Label] = lm{round4(l.Precision), round4(l.Recall), round4(l.F1), l.Support}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Accuracy  float64       `json:"accuracy"`
			MacroF1   float64       `json:"macro_f1"`
			N         int           `json:"n"`
			Labels    []string      `json:"labels"`
			PerLabel  map[string]lm `json:"per_label"`
			Confusion [][]int       `json:"confusion"`
		}{round4(met.Accuracy), round4(met.MacroF1), met.N, met.Labels, per, met.Confusion})
	}
	f := table.Format(format)
	summary := &table.Table{Header: []string{"n", "accuracy", "macro-F1"}, Rows: [][]string{
		{strconv.Itoa(met.N), f3(met.Accuracy), f3(met.MacroF1)},
	}}
	per := &table.Table{Header: []string{"label", "precision", "recall", "F1", "support"}}
	for _, l := range met.PerLabel {
		per.Rows = append(per.Rows, []string{l.Label, f3(l.Precision), f3(l.Recall), f3(l.F1), strconv.Itoa(l.Support)})
	}
	conf := &table.Table{Title: "confusion (rows: gold, columns: predicted)", Header: append([]string{"gold \\ predicted"}, met.Labels...)}
	for i, l := range met.Labels {
		row := []string{l}
		for _, n := range met.Confusion[i] {
			row = append(row, strconv.Itoa(n))
		}
		conf.Rows = append(conf.Rows, row)
	}
	for i, t := range []*table.Table{summary, per, conf} {
		if i > 0 && f == table.CSV {
			fmt.Fprintln(e.stdout)
		}
		if err := t.Write(e.stdout, f); err != nil {
			return err
		}
	}
	return nil
}

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
