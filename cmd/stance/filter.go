package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/corpus"
)

// filterFlags are the statement filters of report and compare.
type filterFlags struct {
	actors, groups, since, until string
	minN                         int
}

func (f *filterFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.actors, "actor", "", "keep statements by these `actors` (comma-separated; \"Maduro\" matches \"Nicolas Maduro\")")
	fs.StringVar(&f.groups, "group", "", "keep statements by actors of these `groups` (comma-separated, e.g. \"United States government\")")
	fs.StringVar(&f.since, "since", "", "keep statements dated on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.until, "until", "", "keep statements dated on or before `date` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.IntVar(&f.minN, "min-n", 0, "hide rows or columns with fewer than `n` statements (the footer counts them)")
}

// A filter selects statements.
type filter struct {
	actors, groups []string // folded
	since, until   string   // YYYY-MM-DD bounds, inclusive; "" for none
	minN           int
}

func (f *filterFlags) parse() (filter, error) {
	out := filter{minN: f.minN}
	if f.minN < 0 {
		return out, usagef("--min-n %d is negative", f.minN)
	}
	for _, a := range splitList(f.actors) {
		out.actors = append(out.actors, corpus.Fold(a))
	}
	for _, g := range splitList(f.groups) {
		out.groups = append(out.groups, corpus.Fold(g))
	}
	var err error
	if out.since, err = dateBound("since", f.since, false); err != nil {
		return out, err
	}
	if out.until, err = dateBound("until", f.until, true); err != nil {
		return out, err
	}
	if out.since != "" && out.until != "" && out.since > out.until {
		return out, usagef("--since %s is after --until %s", f.since, f.until)
	}
	return out, nil
}

// dateBound turns YYYY, YYYY-MM or YYYY-MM-DD into the first (or, for an
// upper bound, the last) day it covers.
func dateBound(name, s string, upper bool) (string, error) {
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if upper {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t.Format("2006-01-02"), nil
	}
	return "", usagef("--%s %q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", name, s)
}

// active reports whether the filter drops anything.
func (f filter) active() bool {
	return len(f.actors) > 0 || len(f.groups) > 0 || f.since != "" || f.until != ""
}

// keep reports whether st passes the filter. A statement with no date
// fails a date bound.
func (f filter) keep(st classify.Statement) bool {
	if len(f.actors) > 0 && !matchAny(f.actors, st.Actor) {
		return false
	}
	if len(f.groups) > 0 && !matchAny(f.groups, st.Group) {
		return false
	}
	if f.since != "" && (st.Date == "" || st.Date < f.since) {
		return false
	}
	if f.until != "" && (st.Date == "" || st.Date > f.until) {
		return false
	}
	return true
}

// matchAny reports whether name equals one of the folded queries or
// contains it as whole words.
func matchAny(queries []string, name string) bool {
	if name == "" {
		return false
	}
	n := " " + corpus.Fold(name) + " "
	for _, q := range queries {
		if q != "" && strings.Contains(n, " "+q+" ") {
			return true
		}
	}
	return false
}

// apply filters sts and relabels statements below the confidence
// threshold as unclear. It returns the statements kept.
func (f filter) apply(sts []classify.Statement, threshold float64) []classify.Statement {
	out := sts[:0:0]
	for _, st := range sts {
		if !f.keep(st) {
			continue
		}
		if threshold > 0 && st.Prob < threshold {
			st.Stance = classify.Unclear
		}
		out = append(out, st)
	}
	return out
}

// describe says what was kept, for table titles.
func (f filter) describe(kept, read int) string {
	if !f.active() {
		return fmt.Sprintf("%d statements", read)
	}
	return fmt.Sprintf("%d of %d statements after filters", kept, read)
}
