package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/cmd/stance/internal/chart"
	"github.com/stancemix/stance/cmd/stance/internal/store"
	"github.com/stancemix/stance/cmd/stance/internal/table"
	"github.com/stancemix/stance/corpus"
)

func cmdReport() *command {
	return &command{
		name:  "report",
		usage: "[flags] INPUT...",
		short: "print the stance mix per actor and date",
		long: `
Report prints the stance mix (counts and shares per label, and the mean
sentiment) per actor and date. INPUTs are articles, classified on the fly
as 'stance classify' does, or statement files written by
'stance classify --format jsonl' (recognised by their "stance" field).

Rows are sorted by actor (case-insensitively) then by period in time
order, with unknown actors and dates last; the totals row equals the
number of statements read.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var cf classifierFlags
			cf.register(fs)
			var ff filterFlags
			ff.register(fs)
			format := fs.String("format", "table", "output `format`: table, markdown, csv or json")
			by := fs.String("by", "actor,date", "group by `dims`: actor, group, date, source, model (comma-separated)")
			period := fs.String("period", "day", "date bucket: `day`, week, month, year or all")
			db := fs.String("db", "", "also read the statements stored in this SQLite `file` by 'stance classify --db'")
			chartFile := fs.String("chart", "", "write a stance timeline per actor (stacked shares per period) as SVG to `file`")
			chartActors := fs.Int("chart-actors", 8, "chart the `n` actors with most statements")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 && *db == "" {
					return usagef("no input (give articles, statement JSONL files, - or --db FILE)")
				}
				if err := checkFormat(*format, "table", "markdown", "csv", "json"); err != nil {
					return err
				}
				dims, err := classify.ParseDimensions(*by)
				if err != nil {
					return usagef("--by: %v", err)
				}
				per, err := classify.ParsePeriod(*period)
				if err != nil {
					return usagef("%v", err)
				}
				flt, err := ff.parse()
				if err != nil {
					return err
				}
				sts, err := gatherAll(ctx, e, &cf, args, *db)
				if err != nil {
					return err
				}
				read := len(sts)
				sts = flt.apply(sts, cf.threshold)
				labels, err := cf.tallyLabels()
				if err != nil {
					return err
				}
				tally := classify.NewTally(labels, dims, per)
				for _, st := range sts {
					tally.Add(st)
				}
				if *chartFile != "" {
					if err := writeChart(*chartFile, labels, sts, per, *chartActors, flt.describe(len(sts), read)); err != nil {
						return err
					}
				}
				shown, hidden := tally.Rows(), 0
				if flt.minN > 0 {
					shown = shown[:0:0]
					for _, r := range tally.Rows() {
						if r.N >= flt.minN {
							shown = append(shown, r)
						} else {
							hidden += r.N
						}
					}
				}
				if *format == "json" {
					enc := json.NewEncoder(e.stdout)
					enc.SetIndent("", "  ")
					out := mixRowsOf(tally, shown)
					out.Read, out.Hidden = read, hidden
					return enc.Encode(out)
				}
				t := mixTableOf(tally, shown)
				t.Title = strings.Replace(t.Title, fmt.Sprintf("(%d statements)", tally.Total()), "("+flt.describe(len(sts), read)+")", 1)
				if hidden > 0 {
					t.Title += fmt.Sprintf("; %d statement(s) in rows below --min-n not shown", hidden)
				}
				return t.Write(e.stdout, table.Format(*format))
			}
		},
	}
}

// writeChart writes the stance timeline of the actors with most
// statements to path, atomically.
func writeChart(path string, labels []string, sts []classify.Statement, per classify.Period, maxActors int, note string) error {
	if per == classify.Day {
		per = classify.Month // a bar a day is rarely readable; months are
	}
	t := classify.NewTally(labels, []classify.Dimension{classify.ByActor, classify.ByDate}, per)
	for _, st := range sts {
		if st.Actor != "" {
			t.Add(st)
		}
	}
	totals := map[string]int{}
	var order []string
	series := map[string]*chart.Series{}
	for _, r := range t.Rows() { // actors by name, periods in time order
		a := r.Keys[0]
		if series[a] == nil {
			series[a] = &chart.Series{Actor: a}
			order = append(order, a)
		}
		totals[a] += r.N
		series[a].Periods = append(series[a].Periods, r.Keys[1])
		series[a].Counts = append(series[a].Counts, append([]int(nil), r.Counts...))
	}
	sort.SliceStable(order, func(i, j int) bool { return totals[order[i]] > totals[order[j]] })
	if maxActors > 0 && len(order) > maxActors {
		order = order[:maxActors]
	}
	var ss []chart.Series
	for _, a := range order {
		ss = append(ss, *series[a])
	}
	var b bytes.Buffer
	if err := chart.Timeline(&b, "Stance per actor and "+per.String()+" ("+note+")", t.Labels, ss); err != nil {
		return err
	}
	return writeFileAtomic(path, b.Bytes())
}

// gatherAll reads the statements stored in the database at db (when
// given) and then those of args.
func gatherAll(ctx context.Context, e *env, cf *classifierFlags, args []string, db string) ([]classify.Statement, error) {
	var sts []classify.Statement
	if db != "" {
		d, err := store.Open(db)
		if err != nil {
			return nil, err
		}
		sts, err = d.Statements(store.Filter{})
		d.Close()
		if err != nil {
			return nil, err
		}
	}
	if len(args) == 0 {
		return sts, nil
	}
	more, err := gatherStatements(ctx, e, cf, args)
	return append(sts, more...), err
}

// gatherStatements reads statement JSONL files and classifies articles,
// in argument order.
func gatherStatements(ctx context.Context, e *env, cf *classifierFlags, args []string) ([]classify.Statement, error) {
	var sts []classify.Statement
	var articles []string
	var c *classify.Classifier
	flush := func() error {
		if len(articles) == 0 {
			return nil
		}
		if c == nil {
			var err error
			if c, err = cf.classifier(e); err != nil {
				return err
			}
		}
		err := classifyAll(ctx, e, c, articles, cf.inputFormat, nil, func(r classified) error {
			sts = append(sts, r.statements...)
			return nil
		})
		articles = nil
		return err
	}
	for _, in := range expandArgs(e, args) {
		ok, data, err := isStatementFile(e, in)
		if err != nil {
			e.warnf("%v", err)
			continue
		}
		if !ok {
			if in == "-" {
				// stdin was consumed by the check; classify what was read.
				e.stdin = io.MultiReader(bytes.NewReader(data), e.stdin)
			}
			articles = append(articles, in)
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		name := in
		if in == "-" {
			name = "<stdin>"
		}
		more, err := readStatements(e, bytes.NewReader(data), name)
		if err != nil {
			return nil, err
		}
		sts = append(sts, more...)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return sts, nil
}

// isStatementFile reports whether the input is statement JSONL: a .jsonl
// file (or stdin) whose first object has a "stance" field. It returns the
// data read, to be reused.
func isStatementFile(e *env, in string) (bool, []byte, error) {
	if in != "-" && !strings.EqualFold(filepath.Ext(in), ".jsonl") {
		return false, nil, nil
	}
	var data []byte
	var err error
	if in == "-" {
		data, err = io.ReadAll(io.LimitReader(e.stdin, corpus.MaxArticle+1))
	} else {
		data, err = os.ReadFile(in)
	}
	if err != nil {
		return false, nil, err
	}
	first := bytes.TrimSpace(data)
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(first, &probe) != nil {
		return false, data, nil
	}
	_, ok := probe["stance"]
	return ok, data, nil
}

// readStatements reads statement JSONL; a bad line is reported with its
// file and line and skipped.
func readStatements(e *env, r io.Reader, name string) ([]classify.Statement, error) {
	var out []classify.Statement
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), corpus.MaxArticle)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var st classify.Statement
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&st); err != nil {
			e.warnf("%s:%d: bad statement: %v", name, line, err)
			continue
		}
		if st.Stance == "" {
			e.warnf("%s:%d: statement has no stance", name, line)
			continue
		}
		out = append(out, st)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}
