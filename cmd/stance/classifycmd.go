package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/cmd/stance/internal/store"
	"github.com/stancemix/stance/cmd/stance/internal/table"
)

func cmdClassify() *command {
	return &command{
		name:  "classify",
		usage: "[flags] ARTICLE...",
		short: "tag the statements of articles and table the stance mix",
		long: `
Classify reads ARTICLEs (files, folders of .txt/.md/.jsonl files, or "-"
for stdin), splits them into sentences, and prints for each article its
statements: sentence, actor, event date, stance with its probability, and
sentiment; then the stance mix per actor and date.

Plain-text articles may start with metadata lines ("date: 2021-05-27",
"title: ..."); JSONL files hold one article a line as {id, date, title,
text, source}. Every sentence becomes exactly one statement.

With --format jsonl it prints one statement a line, the input of
'stance report'.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var cf classifierFlags
			cf.register(fs)
			format := fs.String("format", "table", "output `format`: table, markdown, csv, json or jsonl")
			by := fs.String("by", "actor,date", "group the stance mix by `dims`: actor, group, date, source")
			period := fs.String("period", "day", "date bucket: `day`, week, month, year or all")
			width := fs.Int("width", 72, "truncate sentences in table output to `n` characters (0: never)")
			db := fs.String("db", "", "also store the statements in this SQLite `file`, keyed by article content, so re-runs add nothing twice")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usagef("no articles (give files, folders, or - for stdin)")
				}
				if err := checkFormat(*format, "table", "markdown", "csv", "json", "jsonl"); err != nil {
					return err
				}
				dims, err := classify.ParseDimensions(*by)
				if err != nil {
					return usagef("%v", err)
				}
				per, err := classify.ParsePeriod(*period)
				if err != nil {
					return usagef("%v", err)
				}
				c, err := cf.classifier(e)
				if err != nil {
					return err
				}
				tally := classify.NewTally(c.Model.Labels, dims, per)
				var all []classify.Statement
				var sdb *store.DB
				added, stored, kept := 0, 0, 0
				if *db != "" {
					if sdb, err = store.Open(*db); err != nil {
						return err
					}
					defer sdb.Close()
				}
				// One write per article or so, not per statement or table
				// line; the workers render each article's statements.
				w := bufio.NewWriterSize(e.stdout, 64<<10)
				defer w.Flush()
				var render func(classified) ([]byte, error)
				switch *format {
				case "jsonl":
					render = func(r classified) ([]byte, error) {
						// Sized for the statements' strings and the ~320
						// bytes of keys, numbers, dates and labels each, so
						// that appending seldom grows it: each growth copies
						// what is written and leaves the old array to the
						// collector.
						size := 0
						for i := range r.statements {
							st := &r.statements[i]
							size += len(st.Article) + len(st.Text) + len(st.Clean) + len(st.Actor) + len(st.Group) +
								len(st.Speaker) + len(st.Target) + len(st.Source) + len(st.Model) + 320
						}
						b := make([]byte, 0, size)
						var m jsonMemo
						for i := range r.statements {
							var ok bool
							if b, ok = appendStatementJSON(b, &r.statements[i], &m); !ok {
								_, err := json.Marshal(r.statements[i]) // says what is wrong
								return nil, err
							}
							b = append(b, '\n')
						}
						return b, nil
					}
				case "json":
				default:
					render = func(r classified) ([]byte, error) {
						return statementTable(r, *width, *format == "csv").Append(nil, table.Format(*format))
					}
				}
				err = classifyAll(ctx, e, c, expandArgs(e, args), cf.inputFormat, render, func(r classified) error {
					if *format != "jsonl" { // jsonl prints no stance mix
						for _, st := range r.statements {
							tally.Add(st)
						}
					}
					if sdb != nil {
						sum := sha256.Sum256([]byte(r.article.Text))
						ok, err := sdb.Add(hex.EncodeToString(sum[:]), r.statements, c.Name)
						if err != nil {
							return err
						}
						if ok {
							added++
							stored += len(r.statements)
						} else {
							kept++
						}
					}
					if *format == "json" {
						all = append(all, r.statements...)
						return nil
					}
					if r.outErr != nil {
						return r.outErr
					}
					_, err := w.Write(r.out)
					return err
				})
				if err != nil {
					return err
				}
				if sdb != nil && !cf.quiet {
					if err := w.Flush(); err != nil {
						return err
					}
					fmt.Fprintf(e.stderr, "stance: classify: stored %d statements of %d new article(s) in %s; %d article(s) were already there\n", stored, added, *db, kept)
				}
				switch *format {
				case "jsonl":
					return w.Flush()
				case "json":
					if all == nil {
						all = []classify.Statement{}
					}
					enc := json.NewEncoder(w)
					enc.SetIndent("", "  ")
					if err := enc.Encode(struct {
						Statements []classify.Statement `json:"statements"`
						Mix        mixJSON              `json:"mix"`
					}{all, mixRows(tally)}); err != nil {
						return err
					}
					return w.Flush()
				}
				if *format == "csv" {
					fmt.Fprintln(w)
				}
				if err := mixTable(tally).Write(w, table.Format(*format)); err != nil {
					return err
				}
				return w.Flush()
			}
		},
	}
}

// statementTable lists one article's statements. The cells it writes
// (numbers, "actor (via speaker)", truncated sentences) go into one
// buffer that becomes one string, which they are cut from: a table per
// article made several strings per statement before.
func statementTable(r classified, width int, full bool) *table.Table {
	a := r.article
	title := a.ID
	if a.Title != "" {
		title += ": " + a.Title
	}
	if !a.Date.IsZero() {
		title += " (" + a.Date.Format("2006-01-02") + ")"
	}
	t := &table.Table{Title: title, Header: []string{"#", "actor", "date", "stance", "p", "sentiment", "sentence"}}
	if full {
		t.Header = append([]string{"article"}, t.Header...)
	}
	n := len(t.Header)
	cells := make([]string, len(r.statements)*n)
	size := 0
	for i := range r.statements {
		size += len(r.statements[i].Speaker) + 40
		if !full && width > 0 {
			size += min(len(r.statements[i].Text)+len(r.statements[i].Clean), 4*width)
		}
	}
	buf := make([]byte, 0, size)
	// Each written cell's index in cells and its end in buf, where the
	// one written before it ends.
	type written struct{ cell, end int }
	cuts := make([]written, 0, 3*len(r.statements))
	write := func(cell int) { cuts = append(cuts, written{cell, len(buf)}) }
	for i := range r.statements {
		st := &r.statements[i]
		row := cells[i*n : (i+1)*n : (i+1)*n]
		c := 0
		if full {
			row[c], c = a.ID, c+1
		}
		row[c] = strconv.Itoa(st.Sentence)
		if row[c+1] = st.Actor; st.Speaker != "" {
			buf = append(append(append(append(buf, st.Actor...), " (via "...), st.Speaker...), ')')
			write(i*n + c + 1)
		}
		if row[c+2] = st.Date; st.DateInferred && st.Date != "" {
			buf = append(append(buf, st.Date...), '?')
			write(i*n + c + 2)
		}
		row[c+3] = st.Stance
		buf = strconv.AppendFloat(buf, st.Prob, 'f', 2, 64)
		write(i*n + c + 4)
		buf = appendSigned2(append(append(buf, st.Sentiment...), ' '), st.SentimentScore)
		write(i*n + c + 5)
		text := st.Text
		if st.Clean != "" {
			text = st.Clean
		}
		row[c+6] = text
		if !full && width > 0 {
			var truncated bool
			if buf, truncated = appendTruncated(buf, text, width); truncated {
				write(i*n + c + 6)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	all, from := string(buf), 0
	for _, k := range cuts {
		cells[k.cell], from = all[from:k.end], k.end
	}
	return t
}

func f2(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// signed2 is fmt's %+.2f: two decimals and a sign, "+0.95", "-0.25".
func signed2(x float64) string { return string(appendSigned2(nil, x)) }

// appendSigned2 appends signed2(x) to b.
func appendSigned2(b []byte, x float64) []byte {
	var num [32]byte
	s := strconv.AppendFloat(num[:0], x, 'f', 2, 64)
	if s[0] != '-' && s[0] != '+' {
		b = append(b, '+')
	}
	return append(b, s...)
}

// mixTable renders a tally: counts with shares per label, the row total,
// and the mean sentiment, with a totals footer that reconciles with the
// statement count.
func mixTable(t *classify.Tally) *table.Table {
	all := t.Rows() // sorted once: sorting a large tally costs as much as drawing it
	return mixTableIn(t, all, all)
}

// mixTableOf renders the given rows of t; the footer counts every
// statement of t, shown or not.
func mixTableOf(t *classify.Tally, rows []*classify.Row) *table.Table {
	return mixTableIn(t, t.Rows(), rows)
}

// mixTableIn is mixTableOf given all, t.Rows().
func mixTableIn(t *classify.Tally, all, rows []*classify.Row) *table.Table {
	out := &table.Table{Title: fmt.Sprintf("stance mix by %s (%d statements)", dimsString(t), t.Total())}
	for _, d := range t.By {
		name := string(d)
		if d == classify.ByDate && t.Period != classify.Day {
			name = t.Period.String()
		}
		out.Header = append(out.Header, name)
	}
	out.Header = append(out.Header, "n")
	out.Header = append(out.Header, t.Labels...)
	out.Header = append(out.Header, "sentiment")
	totals := make([]int, len(t.Labels))
	sent := 0.0
	for _, r := range all {
		for i := range t.Labels {
			totals[i] += r.Counts[i]
		}
		sent += r.MeanSentiment() * float64(r.N)
	}
	for _, r := range rows {
		row := append([]string(nil), r.Keys...)
		row = append(row, strconv.Itoa(r.N))
		for i := range t.Labels {
			row = append(row, countShare(r.Counts[i], r.N))
		}
		row = append(row, signed2(r.MeanSentiment()))
		out.Rows = append(out.Rows, row)
	}
	foot := []string{"total"}
	for range t.By[1:] {
		foot = append(foot, "")
	}
	foot = append(foot, strconv.Itoa(t.Total()))
	for i := range t.Labels {
		foot = append(foot, countShare(totals[i], t.Total()))
	}
	if t.Total() > 0 {
		foot = append(foot, signed2(sent/float64(t.Total())))
	} else {
		foot = append(foot, "")
	}
	out.Footer = foot
	return out
}

func dimsString(t *classify.Tally) string {
	s := ""
	for i, d := range t.By {
		if i > 0 {
			s += " and "
		}
		s += string(d)
	}
	if t.Period != classify.Day {
		s += " (" + t.Period.String() + ")"
	}
	return s
}

// countShare formats "3 (60%)", as fmt's "%d (%.0f%%)" of n and its
// percentage of total, without fmt: a mix table has one for each label of
// each row, and it is drawn after every article is classified, on one
// core.
func countShare(n, total int) string {
	if total == 0 {
		return "0"
	}
	var buf [48]byte
	b := append(strconv.AppendInt(buf[:0], int64(n), 10), " ("...)
	b = strconv.AppendFloat(b, 100*float64(n)/float64(total), 'f', 0, 64)
	return string(append(b, "%)"...))
}

// mixJSON is the JSON form of a tally.
type mixJSON struct {
	By     []classify.Dimension `json:"by"`
	Period string               `json:"period"`
	Labels []string             `json:"labels"`
	Read   int                  `json:"read,omitempty"`   // statements read, before filters
	Total  int                  `json:"total"`            // statements tallied
	Hidden int                  `json:"hidden,omitempty"` // statements in rows below --min-n
	Rows   []mixRowJSON         `json:"rows"`
}

type mixRowJSON struct {
	Keys      map[string]string  `json:"keys"`
	N         int                `json:"n"`
	Counts    map[string]int     `json:"counts"`
	Shares    map[string]float64 `json:"shares"`
	Sentiment float64            `json:"sentiment"`
}

func mixRows(t *classify.Tally) mixJSON { return mixRowsOf(t, t.Rows()) }

func mixRowsOf(t *classify.Tally, rows []*classify.Row) mixJSON {
	out := mixJSON{By: t.By, Period: t.Period.String(), Total: t.Total(), Rows: []mixRowJSON{}}
	out.Labels = t.Labels
	for _, r := range rows {
		j := mixRowJSON{Keys: map[string]string{}, N: r.N, Counts: map[string]int{}, Shares: map[string]float64{}, Sentiment: round4(r.MeanSentiment())}
		for i, d := range t.By {
			j.Keys[string(d)] = r.Keys[i]
		}
		for i, l := range t.Labels {
			j.Counts[l] = r.Counts[i]
			j.Shares[l] = round4(r.Share(i))
		}
		out.Rows = append(out.Rows, j)
	}
	return out
}
