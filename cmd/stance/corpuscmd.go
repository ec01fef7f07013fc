package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/stancemix/stance/cmd/stance/internal/table"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/swar"
)

func cmdCorpus() *command {
	return &command{
		name:  "corpus",
		usage: "stats [flags] CORPUS...",
		short: "check a labelled corpus: balance, duplicates, bad lines",
		long: `
Corpus stats reads labelled CORPUS files and reports the label balance, the
lines that fail to parse (each as file:line: problem), exact duplicates,
and near-duplicates: pairs of sentences whose word sets overlap by at least
--near (Jaccard similarity), with conflicting labels flagged. It exits 1
when any line fails to parse or --strict is set and duplicates were found.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			near := fs.Float64("near", 0.8, "near-duplicate `threshold` (Jaccard similarity of word sets)")
			inFormat := fs.String("input-format", "", "corpus `format` for - and unknown extensions: tsv, csv or jsonl")
			format := fs.String("format", "table", "output `format`: table, markdown, csv or json")
			strict := fs.Bool("strict", false, "exit 1 when there are duplicates")
			maxPairs := fs.Int("pairs", 20, "list at most `n` duplicate pairs (0: all)")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) < 1 || args[0] != "stats" {
					return usagef("want 'stance corpus stats CORPUS...'")
				}
				args = args[1:]
				if len(args) == 0 {
					return usagef("no corpus files")
				}
				if *near <= 0 || *near > 1 {
					return usagef("--near %v out of range (0, 1]", *near)
				}
				if err := checkFormat(*format, "table", "markdown", "csv", "json"); err != nil {
					return err
				}
				var recs []corpus.Record
				var bad []string
				for _, path := range args {
					rs, errs, err := scanCorpus(e, path, *inFormat)
					if err != nil {
						return err
					}
					recs = append(recs, rs...)
					bad = append(bad, errs...)
				}
				for _, b := range bad {
					e.warnf("%s", b)
				}
				texts := make([]string, len(recs))
				for i, r := range recs {
					texts[i] = r.Text
				}
				pairs := corpus.Duplicates(texts, *near)
				var labels []string
				count := map[string]int{}
				for _, r := range recs {
					if count[r.Label] == 0 {
						labels = append(labels, r.Label)
					}
					count[r.Label]++
				}
				exact, conflicts := 0, 0
				for _, p := range pairs {
					if p.Exact {
						exact++
					}
					if recs[p.I].Label != recs[p.J].Label {
						conflicts++
					}
				}
				if *strict && len(pairs) > 0 {
					e.failed = true
				}
				if *format == "json" {
					type pairJSON struct {
						A, B    string
						Jaccard float64 `json:"jaccard"`
						Exact   bool    `json:"exact"`
						Labels  [2]string
					}
					out := struct {
						Rows      int              `json:"rows"`
						Labels    map[string]int   `json:"labels"`
						BadLines  []string         `json:"bad_lines"`
						Exact     int              `json:"exact_duplicates"`
						Near      int              `json:"near_duplicates"`
						Conflicts int              `json:"conflicting_labels"`
						Pairs     []map[string]any `json:"pairs"`
					}{Rows: len(recs), Labels: count, BadLines: bad, Exact: exact, Near: len(pairs) - exact, Conflicts: conflicts, Pairs: []map[string]any{}}
					if out.BadLines == nil {
						out.BadLines = []string{}
					}
					for _, p := range pairs {
						out.Pairs = append(out.Pairs, map[string]any{
							"a": where(recs[p.I]), "b": where(recs[p.J]), "jaccard": round4(p.Jaccard), "exact": p.Exact,
							"labels": [2]string{recs[p.I].Label, recs[p.J].Label},
						})
					}
					enc := json.NewEncoder(e.stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(out)
				}
				f := table.Format(*format)
				lt := &table.Table{Header: []string{"label", "rows", "share"}}
				for _, l := range labels {
					lt.Rows = append(lt.Rows, []string{l, strconv.Itoa(count[l]), pct(count[l], len(recs))})
				}
				lt.Footer = []string{"total", strconv.Itoa(len(recs)), pct(len(recs), len(recs))}
				st := &table.Table{Header: []string{"check", "count"}, Rows: [][]string{
					{"lines that fail to parse", strconv.Itoa(len(bad))},
					{"exact duplicates", strconv.Itoa(exact)},
					{fmt.Sprintf("near-duplicates (Jaccard >= %.2f)", *near), strconv.Itoa(len(pairs) - exact)},
					{"duplicate pairs with different labels", strconv.Itoa(conflicts)},
				}}
				tables := []*table.Table{lt, st}
				if len(pairs) > 0 {
					pt := &table.Table{Header: []string{"a", "b", "jaccard", "labels", "text a"}}
					for i, p := range pairs {
						if *maxPairs > 0 && i == *maxPairs {
							break
						}
						lab := recs[p.I].Label
						if recs[p.J].Label != lab {
							lab += " / " + recs[p.J].Label
						}
						pt.Rows = append(pt.Rows, []string{where(recs[p.I]), where(recs[p.J]), f3(p.Jaccard), lab, truncate(recs[p.I].Text, 60)})
					}
					tables = append(tables, pt)
				}
				for i, t := range tables {
					if i > 0 && f == table.CSV {
						fmt.Fprintln(e.stdout)
					}
					if err := t.Write(e.stdout, f); err != nil {
						return err
					}
				}
				return nil
			}
		},
	}
}

func where(r corpus.Record) string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// truncate cuts s to its first n-1 runes and "…", when it has more than n.
func truncate(s string, n int) string {
	if b, cut := appendTruncated(nil, s, n); cut {
		return string(b)
	}
	return s
}

// appendTruncated appends truncate(s, n) to b and reports true, when s
// has more than n runes; else it leaves b as it is and reports false.
//
// A sentence whose first n bytes are ASCII, as most are, is cut without
// counting or decoding its runes: it has more than n of them if it has
// more than n bytes.
func appendTruncated(b []byte, s string, n int) ([]byte, bool) {
	if n > 0 && asciiPrefix(s, n) == min(n, len(s)) {
		if len(s) <= n {
			return b, false
		}
		return append(append(b, s[:n-1]...), "…"...), true
	}
	if utf8.RuneCountInString(s) <= n {
		return b, false
	}
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if !utf8.ValidString(s[:i]) {
		return append(append(b, string([]rune(s)[:n-1])...), "…"...), true // bad bytes become U+FFFD
	}
	return append(append(b, s[:i]...), "…"...), true
}

// asciiPrefix returns how many of the first n bytes of s are ASCII before
// the first that is not, reading eight at a time.
func asciiPrefix(s string, n int) int {
	n = min(n, len(s))
	i := 0
	for i+8 <= n && swar.Load64(s, i)&0x8080808080808080 == 0 {
		i += 8
	}
	for i < n && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// scanCorpus reads one corpus file, keeping the good records and the bad
// lines' messages.
func scanCorpus(e *env, path, inputFormat string) ([]corpus.Record, []string, error) {
	format, ok := corpus.FormatOf(path)
	if inputFormat != "" {
		f, err := corpus.ParseFormat(inputFormat)
		if err != nil {
			return nil, nil, usagef("--input-format: %v", err)
		}
		format, ok = f, true
	}
	if !ok && path == "-" {
		return nil, nil, usagef("reading a corpus from stdin needs --input-format tsv|csv|jsonl")
	}
	if !ok {
		return nil, nil, fmt.Errorf("%s: unknown corpus extension (want .tsv, .csv or .jsonl, or set --input-format)", path)
	}
	name, rd := path, e.stdin
	if path == "-" {
		name = "<stdin>"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		rd = f
	}
	var recs []corpus.Record
	var bad []string
	cr := corpus.NewReader(rd, name, format)
	for cr.Scan() {
		rec, err := cr.Record()
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		recs = append(recs, rec)
	}
	if err := cr.Err(); err != nil {
		bad = append(bad, err.Error())
	}
	return recs, bad, nil
}
