package classify

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// A Period is the time bucket of a tally.
type Period int

const (
	Day Period = iota
	Week
	Month
	Year
	All // one bucket for all dates
)

var periodNames = []string{"day", "week", "month", "year", "all"}

func (p Period) String() string {
	if p >= 0 && int(p) < len(periodNames) {
		return periodNames[p]
	}
	return fmt.Sprintf("Period(%d)", int(p))
}

// ParsePeriod parses day, week, month, year or all.
func ParsePeriod(s string) (Period, error) {
	for i, n := range periodNames {
		if strings.EqualFold(s, n) {
			return Period(i), nil
		}
	}
	return 0, fmt.Errorf("unknown period %q (want day, week, month, year or all)", s)
}

// Bucket returns the period that holds date (YYYY-MM-DD): "2021-05-26",
// "2021-W21" (ISO week), "2021-05", "2021" or "all". Dates that do not
// parse fall in "unknown".
func (p Period) Bucket(date string) string {
	if p == All {
		return "all"
	}
	if p == Day && canonicalDay(date) {
		return date // as time.Parse and Format would give it back
	}
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return Unknown
	}
	switch p {
	case Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return t.Format("2006-01")
	case Year:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

// canonicalDay reports whether date is a day that time.Parse reads with
// the layout "2006-01-02" and Format writes back the same: four digits,
// two and two, parted by hyphens, a month from 01 to 12 and a day of
// that month.
func canonicalDay(date string) bool {
	if len(date) != 10 || date[4] != '-' || date[7] != '-' {
		return false
	}
	n := 0
	for i := 0; i < len(date); i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := date[i]
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	y, m, d := n/10000, n/100%100, n%100
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Unknown is the key of statements with no actor or no date.
const Unknown = "unknown"

// Dimension names what a tally groups statements by.
type Dimension string

const (
	ByActor  Dimension = "actor"
	ByGroup  Dimension = "group"
	ByDate   Dimension = "date"
	BySource Dimension = "source"
	ByModel  Dimension = "model"
)

// ParseDimensions parses a comma-separated list such as "actor,date".
func ParseDimensions(s string) ([]Dimension, error) {
	var dims []Dimension
	seen := map[Dimension]bool{}
	for _, f := range strings.Split(s, ",") {
		d := Dimension(strings.ToLower(strings.TrimSpace(f)))
		switch d {
		case ByActor, ByGroup, ByDate, BySource, ByModel:
		default:
			return nil, fmt.Errorf("unknown dimension %q (want actor, group, date, source or model, comma-separated)", f)
		}
		if seen[d] {
			return nil, fmt.Errorf("dimension %q given twice", d)
		}
		seen[d] = true
		dims = append(dims, d)
	}
	return dims, nil
}

// A Row is one group of a tally.
type Row struct {
	Keys   []string // one per dimension
	Counts []int    // statements per label, in the tally's label order
	N      int      // statements in the row

	sentSum float64
}

// Share returns the share of label i in the row, in [0, 1].
func (r *Row) Share(i int) float64 {
	if r.N == 0 {
		return 0
	}
	return float64(r.Counts[i]) / float64(r.N)
}

// MeanSentiment returns the mean sentiment score of the row's statements.
func (r *Row) MeanSentiment() float64 {
	if r.N == 0 {
		return 0
	}
	return r.sentSum / float64(r.N)
}

// A Tally accumulates statements into rows, one per combination of its
// dimensions' keys: t := NewTally(...); t.Add(st) for each statement; then
// t.Rows().
type Tally struct {
	Labels []string
	By     []Dimension
	Period Period

	rows  map[string]*Row
	total int
	id    []byte // Add's buffer for a row's keys
	// The last date Add bucketed and its bucket: the statements of an
	// article mostly share a date, and Bucket parses and formats it.
	date, bucket string
}

// NewTally returns an empty tally. Labels fixes the column order; a
// statement whose stance is not in it adds the label at the end.
func NewTally(labels []string, by []Dimension, period Period) *Tally {
	return &Tally{Labels: append([]string(nil), labels...), By: by, Period: period, rows: map[string]*Row{}}
}

// Add counts one statement.
func (t *Tally) Add(s Statement) {
	var buf [8]string
	keys := buf[:0]
	for _, d := range t.By {
		keys = append(keys, t.key(d, s))
	}
	li := -1
	for i, l := range t.Labels {
		if l == s.Stance {
			li = i
		}
	}
	if li < 0 {
		t.Labels = append(t.Labels, s.Stance)
		li = len(t.Labels) - 1
	}
	// The row's id is its keys joined by NULs, made a string only for a
	// new row.
	t.id = t.id[:0]
	for i, k := range keys {
		if i > 0 {
			t.id = append(t.id, 0)
		}
		t.id = append(t.id, k...)
	}
	r := t.rows[string(t.id)]
	if r == nil {
		r = &Row{Keys: append(make([]string, 0, len(keys)), keys...), Counts: make([]int, len(t.Labels))}
		t.rows[string(t.id)] = r
	}
	for len(r.Counts) < len(t.Labels) {
		r.Counts = append(r.Counts, 0)
	}
	r.Counts[li]++
	r.N++
	r.sentSum += s.SentimentScore
	t.total++
}

func (t *Tally) key(d Dimension, s Statement) string {
	var k string
	switch d {
	case ByActor:
		k = s.Actor
	case ByGroup:
		k = s.Group
	case ByDate:
		if s.Date != t.date || t.bucket == "" {
			t.date, t.bucket = s.Date, t.Period.Bucket(s.Date)
		}
		k = t.bucket
	case BySource:
		k = s.Source
	case ByModel:
		k = s.Model
	}
	if k == "" {
		return Unknown
	}
	return k
}

// Total returns the number of statements added.
func (t *Tally) Total() int { return t.total }

// Rows returns the rows sorted by their keys: names case-insensitively,
// periods in time order, and "unknown" last in every dimension.
func (t *Tally) Rows() []*Row {
	// Each row with its keys lower-cased once, not at every comparison.
	type sorting struct {
		row   *Row
		lower []string
	}
	rs := make([]sorting, 0, len(t.rows))
	for _, r := range t.rows {
		for len(r.Counts) < len(t.Labels) {
			r.Counts = append(r.Counts, 0)
		}
		lower := make([]string, len(r.Keys))
		for k, key := range r.Keys {
			lower[k] = strings.ToLower(key)
		}
		rs = append(rs, sorting{r, lower})
	}
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i].row.Keys, rs[j].row.Keys
		for k := range a {
			if a[k] == b[k] {
				continue
			}
			if a[k] == Unknown || b[k] == Unknown {
				return b[k] == Unknown
			}
			if la, lb := rs[i].lower[k], rs[j].lower[k]; la != lb {
				return la < lb
			}
			return a[k] < b[k]
		}
		return false
	})
	rows := make([]*Row, len(rs))
	for i := range rs {
		rows[i] = rs[i].row
	}
	return rows
}
