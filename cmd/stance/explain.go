package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/stancemix/stance/cmd/stance/internal/table"
	"github.com/stancemix/stance/corpus"
)

func cmdExplain() *command {
	return &command{
		name:  "explain",
		usage: "[--model `model.json`] [flags] SENTENCE...",
		short: "show the words that drove a decision",
		long: `
Explain classifies each SENTENCE ("-" reads one sentence per line from
stdin) and shows the posterior of every label and, for each term the model
saw, its log-likelihood in each label relative to the mean over labels: a
positive number pushes toward that label. Terms are sorted by how much they
favour the predicted label over the runner-up, so the top rows are why the
model decided, and the bottom rows what argued against it. Terms the model
never saw carry no weight and are listed as unknown.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			modelPath := fs.String("model", "", "model `file` (default: the embedded model)")
			format := fs.String("format", "table", "output `format`: table, markdown, csv or json")
			top := fs.Int("top", 12, "show at most `n` terms (0: all)")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usagef("no sentence")
				}
				if err := checkFormat(*format, "table", "markdown", "csv", "json"); err != nil {
					return err
				}
				m, err := loadModel(*modelPath)
				if err != nil {
					return err
				}
				sentences, err := argsOrLines(e, args)
				if err != nil {
					return err
				}
				mk := corpus.NewMarker(corpus.Features(m.Tokenizer))
				for _, s := range sentences {
					terms := mk.Terms(corpus.Clean(s), "")
					p, err := m.Predict(terms)
					if err != nil {
						return err
					}
					second := -1
					for i := range m.Labels {
						if i != p.Index && (second < 0 || p.Probs[i] > p.Probs[second]) {
							second = i
						}
					}
					type row struct {
						Term    string             `json:"term"`
						Known   bool               `json:"known"`
						Weights map[string]float64 `json:"weights"`
						margin  float64
					}
					var rows []row
					seen := map[string]bool{}
					for _, t := range terms {
						if seen[t] {
							continue
						}
						seen[t] = true
						lp, known, err := m.TermWeight(t)
						if err != nil {
							return err
						}
						mean := 0.0
						for _, x := range lp {
							mean += x
						}
						mean /= float64(len(lp))
						r := row{Term: t, Known: known, Weights: map[string]float64{}}
						for i, l := range m.Labels {
							r.Weights[l] = round4(lp[i] - mean)
						}
						n := float64(strings.Count(" "+strings.Join(terms, " ")+" ", " "+t+" "))
						r.margin = n * (lp[p.Index] - lp[second])
						rows = append(rows, r)
					}
					sort.SliceStable(rows, func(i, j int) bool { return rows[i].margin > rows[j].margin })
					if *format == "json" {
						probs := map[string]float64{}
						for i, l := range m.Labels {
							probs[l] = round4(p.Probs[i])
						}
						enc := json.NewEncoder(e.stdout)
						if err := enc.Encode(struct {
							Sentence string             `json:"sentence"`
							Label    string             `json:"label"`
							Probs    map[string]float64 `json:"probs"`
							Terms    any                `json:"terms"`
						}{s, p.Label, probs, rows}); err != nil {
							return err
						}
						continue
					}
					pt := &table.Table{Title: fmt.Sprintf("%q -> %s (%.2f)", s, p.Label, p.Prob), Header: []string{"label", "probability"}}
					for i, l := range m.Labels {
						pt.Rows = append(pt.Rows, []string{l, f3(p.Probs[i])})
					}
					if err := pt.Write(e.stdout, table.Format(*format)); err != nil {
						return err
					}
					tt := &table.Table{Header: append([]string{"term", fmt.Sprintf("%s vs %s", p.Label, m.Labels[second])}, m.Labels...)}
					shown := rows
					if *top > 0 && len(shown) > *top {
						shown = shown[:*top]
					}
					for _, r := range shown {
						cells := []string{r.Term, signed(r.margin)}
						for _, l := range m.Labels {
							if r.Known {
								cells = append(cells, signed(r.Weights[l]))
							} else {
								cells = append(cells, "unknown")
							}
						}
						tt.Rows = append(tt.Rows, cells)
					}
					if err := tt.Write(e.stdout, table.Format(*format)); err != nil {
						return err
					}
				}
				return nil
			}
		},
	}
}

func signed(x float64) string {
	if math.Abs(x) < 0.0005 {
		return "0.000"
	}
	return fmt.Sprintf("%+.3f", x)
}

// argsOrLines returns args, or the non-blank lines of stdin for "-".
func argsOrLines(e *env, args []string) ([]string, error) {
	if len(args) == 1 && args[0] == "-" {
		var out []string
		sc := bufio.NewScanner(e.stdin)
		sc.Buffer(make([]byte, 64<<10), corpus.MaxLine)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				out = append(out, s)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("<stdin>: %w", err)
		}
		return out, nil
	}
	return args, nil
}
