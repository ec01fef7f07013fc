package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/cmd/stance/internal/table"
)

func cmdSuggest() *command {
	return &command{
		name:  "suggest",
		usage: "[--model `model.json`] [flags] ARTICLE...",
		short: "list the sentences the model is least sure about, to label next",
		long: `
Suggest classifies ARTICLEs and lists the sentences the model is least
sure about (uncertainty sampling: the smallest margin between the two most
likely labels), most uncertain first. The default output is the corpus TSV
format (label, actor, date, text) with the model's guess in the label
column, ready to be corrected and pasted into a training corpus.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var cf classifierFlags
			cf.register(fs)
			n := fs.Int("n", 20, "list `n` sentences (0: all)")
			format := fs.String("format", "tsv", "output `format`: tsv, csv, jsonl or table")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usagef("no articles")
				}
				if err := checkFormat(*format, "tsv", "csv", "jsonl", "table"); err != nil {
					return err
				}
				cf.sentiment = "off"
				c, err := cf.classifier(e)
				if err != nil {
					return err
				}
				type cand struct {
					st     classify.Statement
					margin float64
				}
				var cands []cand
				seen := map[string]bool{}
				err = classifyAll(ctx, e, c, expandArgs(e, args), cf.inputFormat, nil, func(r classified) error {
					for _, st := range r.statements {
						text := st.Text
						if st.Clean != "" {
							text = st.Clean
						}
						if seen[text] {
							continue
						}
						seen[text] = true
						cands = append(cands, cand{st, margin(c, text)})
					}
					return nil
				})
				if err != nil {
					return err
				}
				sort.SliceStable(cands, func(i, j int) bool { return cands[i].margin < cands[j].margin })
				if *n > 0 && len(cands) > *n {
					cands = cands[:*n]
				}
				rows := [][]string{}
				for _, cd := range cands {
					text := cd.st.Text
					if cd.st.Clean != "" {
						text = cd.st.Clean
					}
					rows = append(rows, []string{cd.st.Stance, cd.st.Actor, cd.st.Date, text, f3(cd.margin)})
				}
				switch *format {
				case "jsonl":
					enc := json.NewEncoder(e.stdout)
					for _, r := range rows {
						if err := enc.Encode(map[string]string{"label": r[0], "actor": r[1], "date": r[2], "text": r[3], "margin": r[4]}); err != nil {
							return err
						}
					}
					return nil
				case "table":
					t := &table.Table{Header: []string{"guess", "actor", "date", "text", "margin"}, Rows: rows}
					return t.Write(e.stdout, table.Text)
				}
				header := []string{"label", "actor", "date", "text", "margin"}
				if *format == "tsv" {
					// TSV has no quoting: tabs and newlines inside fields become spaces.
					for _, r := range append([][]string{header}, rows...) {
						for i := range r {
							r[i] = strings.Join(strings.Fields(r[i]), " ")
						}
						if _, err := fmt.Fprintln(e.stdout, strings.Join(r, "\t")); err != nil {
							return err
						}
					}
					return nil
				}
				w := csv.NewWriter(e.stdout)
				w.Write(header)
				for _, r := range rows {
					w.Write(r)
				}
				w.Flush()
				return w.Error()
			}
		},
	}
}

// margin is the gap between the two most likely labels' probabilities.
func margin(c *classify.Classifier, text string) float64 {
	p, err := c.Stance(text)
	if err != nil {
		return 1
	}
	a, b := 0.0, 0.0
	for _, x := range p.Probs {
		if x > a {
			a, b = x, a
		} else if x > b {
			b = x
		}
	}
	return a - b
}
