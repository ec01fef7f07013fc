package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/cmd/stance/internal/table"
	"github.com/stancemix/stance/corpus"
)

func cmdCompare() *command {
	return &command{
		name:  "compare",
		usage: "[flags] INPUT...",
		short: "compare the stance mix side by side: actors, groups, periods, sources or models",
		long: `
Compare prints the stance mix of several actors, groups, periods, sources
or models side by side: for each stance its count and share in every
column, and after every column but the first the change in share from the
column before it, in percentage points.

INPUTs are articles or statement JSONL files, as for 'stance report'; with
--db the statements stored by 'stance classify --db' are read too.

Columns are ordered: periods in time order; models in the order of
--models; actors in the order of --actor when given; otherwise by number
of statements, most first, then by name. "unknown" comes last. Columns
with fewer than --min-n statements are hidden and counted in the footer,
so the totals always reconcile with the statements read.

--models A,B classifies the same articles with each model ("default" is
the embedded one) and adds the agreement rate and the sentences where
the models disagree.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var cf classifierFlags
			cf.register(fs)
			var ff filterFlags
			ff.register(fs)
			format := fs.String("format", "table", "output `format`: table, markdown, csv or json")
			columns := fs.String("columns", "actor", "compare `dim`: actor, group, date, source or model")
			period := fs.String("period", "month", "date bucket for --columns date: day, week, `month`, year or all")
			modelList := fs.String("models", "", "classify with each of these `models` (comma-separated files, or default) and compare them")
			db := fs.String("db", "", "also read the statements stored in this SQLite `file`")
			maxDiff := fs.Int("disagreements", 20, "list at most `n` sentences where models disagree (0: none)")
			return func(ctx context.Context, e *env, args []string) error {
				if err := checkFormat(*format, "table", "markdown", "csv", "json"); err != nil {
					return err
				}
				dims, err := classify.ParseDimensions(*columns)
				if err != nil {
					return usagef("--columns: %v", err)
				}
				if len(dims) != 1 {
					return usagef("--columns takes one dimension, not %q", *columns)
				}
				per, err := classify.ParsePeriod(*period)
				if err != nil {
					return usagef("%v", err)
				}
				flt, err := ff.parse()
				if err != nil {
					return err
				}
				if len(args) == 0 && *db == "" {
					return usagef("no input (give articles, statement JSONL files, - or --db FILE)")
				}
				models := splitList(*modelList)
				if len(models) == 1 {
					return usagef("--models needs at least two models, got %q", *modelList)
				}
				var sts []classify.Statement
				if len(models) > 0 {
					dims = []classify.Dimension{classify.ByModel}
					for _, m := range models {
						c := cf
						c.model, c.loaded = m, nil
						if m == "default" {
							c.model = ""
						}
						more, err := gatherStatements(ctx, e, &c, args)
						if err != nil {
							return err
						}
						sts = append(sts, more...)
					}
				} else {
					if sts, err = gatherAll(ctx, e, &cf, args, *db); err != nil {
						return err
					}
				}
				read := len(sts)
				sts = flt.apply(sts, cf.threshold)
				labels, err := cf.tallyLabels()
				if err != nil {
					return err
				}
				cmp := compareStatements(sts, labels, dims[0], per, flt, models)
				cmp.Title = fmt.Sprintf("stance mix by %s (%s)", columnName(dims[0], per), flt.describe(len(sts), read))
				var agree *agreement
				if len(models) > 0 {
					agree = compareModels(sts, modelNames(models), *maxDiff)
				}
				if *format == "json" {
					enc := json.NewEncoder(e.stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(struct {
						*comparison
						Agreement *agreement `json:"agreement,omitempty"`
					}{cmp, agree})
				}
				if err := cmp.table().Write(e.stdout, table.Format(*format)); err != nil {
					return err
				}
				if agree != nil {
					for _, t := range agree.tables() {
						fmt.Fprintln(e.stdout)
						if err := t.Write(e.stdout, table.Format(*format)); err != nil {
							return err
						}
					}
				}
				return nil
			}
		},
	}
}

func columnName(d classify.Dimension, per classify.Period) string {
	if d == classify.ByDate {
		return per.String()
	}
	return string(d)
}

// modelName is the name a statement carries for a --models entry.
func modelName(path string) string {
	if path == "" || path == "default" {
		return "default"
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

func modelNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = modelName(p)
	}
	return out
}

// A comparison is the stance mix per column.
type comparison struct {
	Title   string          `json:"title"`
	Columns string          `json:"columns"`
	Labels  []string        `json:"labels"`
	Total   int             `json:"total"`
	Cells   []comparedCell  `json:"cells"`
	Hidden  *hiddenColumns  `json:"hidden,omitempty"`
	labels  map[string]bool // for ordering
}

// A comparedCell is one column of a comparison.
type comparedCell struct {
	Key       string             `json:"key"`
	N         int                `json:"n"`
	Counts    map[string]int     `json:"counts"`
	Shares    map[string]float64 `json:"shares"`
	Change    map[string]float64 `json:"change,omitempty"` // share minus the previous column's, in points
	Sentiment float64            `json:"sentiment"`
	counts    []int
}

// hiddenColumns are the columns below --min-n.
type hiddenColumns struct {
	Columns    int `json:"columns"`
	Statements int `json:"statements"`
}

// compareStatements tallies sts by one dimension and orders the columns.
func compareStatements(sts []classify.Statement, labels []string, d classify.Dimension, per classify.Period, flt filter, models []string) *comparison {
	t := classify.NewTally(labels, []classify.Dimension{d}, per)
	for _, st := range sts {
		t.Add(st)
	}
	rows := t.Rows() // dates in time order, names by name, unknown last
	rank := func(key string) int { return -1 }
	switch {
	case d == classify.ByModel && len(models) > 0:
		names := modelNames(models)
		rank = func(key string) int {
			for i, n := range names {
				if n == key {
					return i
				}
			}
			return len(names)
		}
	case d == classify.ByActor && len(flt.actors) > 0:
		rank = func(key string) int {
			for i, q := range flt.actors {
				if matchAny([]string{q}, key) {
					return i
				}
			}
			return len(flt.actors)
		}
	}
	if d != classify.ByDate {
		sort.SliceStable(rows, func(i, j int) bool {
			a, b := rows[i], rows[j]
			if ua, ub := a.Keys[0] == classify.Unknown, b.Keys[0] == classify.Unknown; ua != ub {
				return ub
			}
			if ra, rb := rank(a.Keys[0]), rank(b.Keys[0]); ra != rb {
				return ra < rb
			}
			if d == classify.ByModel {
				return false // keep name order
			}
			return a.N > b.N
		})
	}
	c := &comparison{Columns: columnName(d, per), Labels: t.Labels, Total: t.Total()}
	var prev *comparedCell
	for _, r := range rows {
		if r.N < flt.minN {
			if c.Hidden == nil {
				c.Hidden = &hiddenColumns{}
			}
			c.Hidden.Columns++
			c.Hidden.Statements += r.N
			continue
		}
		cell := comparedCell{Key: r.Keys[0], N: r.N, Counts: map[string]int{}, Shares: map[string]float64{}, Sentiment: round4(r.MeanSentiment()), counts: r.Counts}
		for i, l := range t.Labels {
			cell.Counts[l] = r.Counts[i]
			cell.Shares[l] = round4(r.Share(i))
		}
		if prev != nil {
			cell.Change = map[string]float64{}
			for _, l := range t.Labels {
				cell.Change[l] = round4(100 * (cell.Shares[l] - prev.Shares[l]))
			}
		}
		c.Cells = append(c.Cells, cell)
		prev = &c.Cells[len(c.Cells)-1]
	}
	if c.Cells == nil {
		c.Cells = []comparedCell{}
	}
	return c
}

// table renders the comparison: stances down, columns across, each
// column but the first followed by its change.
func (c *comparison) table() *table.Table {
	t := &table.Table{Title: c.Title, Header: []string{"stance"}}
	for i, cell := range c.Cells {
		t.Header = append(t.Header, cell.Key)
		if i > 0 {
			t.Header = append(t.Header, "Δ pp")
		}
	}
	for _, l := range c.Labels {
		row := []string{l}
		for i, cell := range c.Cells {
			row = append(row, countShare(cell.Counts[l], cell.N))
			if i > 0 {
				row = append(row, fmt.Sprintf("%+.0f", cell.Change[l]))
			}
		}
		t.Rows = append(t.Rows, row)
	}
	sent := []string{"sentiment"}
	for i, cell := range c.Cells {
		sent = append(sent, fmt.Sprintf("%+.2f", cell.Sentiment))
		if i > 0 {
			sent = append(sent, fmt.Sprintf("%+.2f", cell.Sentiment-c.Cells[i-1].Sentiment))
		}
	}
	t.Rows = append(t.Rows, sent)
	foot := []string{"n"}
	for i, cell := range c.Cells {
		foot = append(foot, strconv.Itoa(cell.N))
		if i > 0 {
			foot = append(foot, "")
		}
	}
	t.Footer = foot
	if c.Hidden != nil {
		t.Title += fmt.Sprintf("; %d column(s) with %d statement(s) below --min-n hidden", c.Hidden.Columns, c.Hidden.Statements)
	}
	return t
}

// agreement compares the stances that several models gave the same
// sentences.
type agreement struct {
	Models        []string       `json:"models"`
	Sentences     int            `json:"sentences"`
	Agreed        int            `json:"agreed"`
	Rate          float64        `json:"rate"`
	Disagreements []disagreement `json:"disagreements"`
	shown         int
}

type disagreement struct {
	Article  string    `json:"article"`
	Sentence int       `json:"sentence"`
	Text     string    `json:"text"`
	Stances  []string  `json:"stances"` // one per model
	Probs    []float64 `json:"probs"`
}

// compareModels pairs the statements of each model by article and
// sentence.
func compareModels(sts []classify.Statement, names []string, max int) *agreement {
	type key struct {
		article  string
		sentence int
	}
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	by := map[key][]*classify.Statement{}
	var order []key
	for i := range sts {
		st := &sts[i]
		k := key{st.Article, st.Sentence}
		if by[k] == nil {
			by[k] = make([]*classify.Statement, len(names))
			order = append(order, k)
		}
		if j, ok := idx[st.Model]; ok {
			by[k][j] = st
		}
	}
	a := &agreement{Models: names, Disagreements: []disagreement{}}
	for _, k := range order {
		got := by[k]
		complete := true
		for _, st := range got {
			complete = complete && st != nil
		}
		if !complete {
			continue
		}
		a.Sentences++
		same := true
		for _, st := range got[1:] {
			same = same && st.Stance == got[0].Stance
		}
		if same {
			a.Agreed++
			continue
		}
		if len(a.Disagreements) < max {
			d := disagreement{Article: k.article, Sentence: k.sentence, Text: got[0].Text}
			if got[0].Clean != "" {
				d.Text = got[0].Clean
			}
			for _, st := range got {
				d.Stances = append(d.Stances, st.Stance)
				d.Probs = append(d.Probs, round4(st.Prob))
			}
			a.Disagreements = append(a.Disagreements, d)
		}
	}
	if a.Sentences > 0 {
		a.Rate = round4(float64(a.Agreed) / float64(a.Sentences))
	}
	return a
}

func (a *agreement) tables() []*table.Table {
	sum := &table.Table{
		Title:  "agreement between " + strings.Join(a.Models, " and "),
		Header: []string{"sentences", "agreed", "rate"},
		Rows:   [][]string{{strconv.Itoa(a.Sentences), strconv.Itoa(a.Agreed), fmt.Sprintf("%.1f%%", 100*a.Rate)}},
	}
	out := []*table.Table{sum}
	if len(a.Disagreements) == 0 {
		return out
	}
	d := &table.Table{Title: fmt.Sprintf("sentences where the models disagree (first %d)", len(a.Disagreements)), Header: []string{"article", "#"}}
	d.Header = append(d.Header, a.Models...)
	d.Header = append(d.Header, "sentence")
	for _, x := range a.Disagreements {
		row := []string{x.Article, strconv.Itoa(x.Sentence)}
		for i := range x.Stances {
			row = append(row, x.Stances[i]+" "+f2(x.Probs[i]))
		}
		row = append(row, truncate(corpus.Clean(x.Text), 60))
		d.Rows = append(d.Rows, row)
	}
	return append(out, d)
}
