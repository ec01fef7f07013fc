package classify_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/classify"
)

func TestPeriodBucket(t *testing.T) {
	tests := []struct {
		period classify.Period
		date   string
		want   string
	}{
		{classify.Day, "2021-05-26", "2021-05-26"},
		{classify.Week, "2021-05-26", "2021-W21"},
		{classify.Week, "2021-01-01", "2020-W53"}, // ISO weeks belong to the year of their Thursday
		{classify.Month, "2021-05-26", "2021-05"},
		{classify.Year, "2021-05-26", "2021"},
		{classify.All, "2021-05-26", "all"},
		{classify.Day, "", "unknown"},
		{classify.Month, "May 2021", "unknown"},
	}
	for _, tt := range tests {
		if got := tt.period.Bucket(tt.date); got != tt.want {
			t.Errorf("%v.Bucket(%q) = %q, want %q", tt.period, tt.date, got, tt.want)
		}
	}
	if _, err := classify.ParsePeriod("fortnight"); err == nil {
		t.Errorf("ParsePeriod(fortnight): no error")
	}
}

func TestTally(t *testing.T) {
	sts := []classify.Statement{
		{Actor: "Juan Gonzalez", Date: "2021-05-26", Stance: "pressure", SentimentScore: -0.5},
		{Actor: "Juan Gonzalez", Date: "2021-05-26", Stance: "negotiation", SentimentScore: 0.5},
		{Actor: "Juan Gonzalez", Date: "2021-05-26", Stance: "pressure"},
		{Actor: "antony Blinken", Date: "2021-03-02", Stance: "support", SentimentScore: 0.8},
		{Actor: "", Date: "2021-03-02", Stance: "neutral"},
		{Actor: "Nicolas Maduro", Date: "", Stance: "pressure"},
		{Actor: "Nicolas Maduro", Date: "2019-08-01", Stance: "unclear"},
	}
	tally := classify.NewTally([]string{"pressure", "negotiation", "support", "neutral"}, []classify.Dimension{classify.ByActor, classify.ByDate}, classify.Month)
	for _, s := range sts {
		tally.Add(s)
	}
	type row struct {
		Keys   []string
		Counts []int
		N      int
	}
	var got []row
	total := 0
	for _, r := range tally.Rows() {
		got = append(got, row{r.Keys, r.Counts, r.N})
		total += r.N
	}
	want := []row{
		{[]string{"antony Blinken", "2021-03"}, []int{0, 0, 1, 0, 0}, 1},
		{[]string{"Juan Gonzalez", "2021-05"}, []int{2, 1, 0, 0, 0}, 3},
		{[]string{"Nicolas Maduro", "2019-08"}, []int{0, 0, 0, 0, 1}, 1},
		{[]string{"Nicolas Maduro", "unknown"}, []int{1, 0, 0, 0, 0}, 1},
		{[]string{"unknown", "2021-03"}, []int{0, 0, 0, 1, 0}, 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows mismatch (-want +got):\n%s\nreason: names sort case-insensitively, unknown last, and a stance outside the labels (unclear) adds a column", diff)
	}
	if total != len(sts) || tally.Total() != len(sts) {
		t.Errorf("rows hold %d statements, Total() %d; want %d", total, tally.Total(), len(sts))
	}
	if diff := cmp.Diff([]string{"pressure", "negotiation", "support", "neutral", "unclear"}, tally.Labels); diff != "" {
		t.Errorf("labels mismatch (-want +got):\n%s", diff)
	}
	if m := tally.Rows()[1].MeanSentiment(); m != 0 {
		t.Errorf("Gonzalez mean sentiment %v, want 0", m)
	}
}

func TestParseDimensions(t *testing.T) {
	got, err := classify.ParseDimensions("actor, date")
	if err != nil || len(got) != 2 || got[1] != classify.ByDate {
		t.Errorf("ParseDimensions(actor, date) = %v, %v", got, err)
	}
	for _, bad := range []string{"actor,actor", "speaker", ""} {
		if _, err := classify.ParseDimensions(bad); err == nil {
			t.Errorf("ParseDimensions(%q): no error", bad)
		}
	}
}
