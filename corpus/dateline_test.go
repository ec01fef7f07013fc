package corpus

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	may27 := time.Date(2021, time.May, 27, 0, 0, 0, 0, time.UTC)
	noYear := time.Date(0, time.May, 27, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Time
		wantOK bool
		reason string
	}{
		{in: "2021-05-27", want: may27, wantOK: true},
		{in: "  2021-05-27\n", want: may27, wantOK: true},
		{in: "May 27, 2021", want: may27, wantOK: true},
		{in: "27 May 2021", want: may27, wantOK: true},
		{in: "Thursday, May 27, 2021", want: may27, wantOK: true},
		{in: "2021/05/27", want: may27, wantOK: true},
		{in: "27.05.2021", want: may27, wantOK: true},
		{in: "2021-05-27T23:30:00-05:00", want: may27, wantOK: true,
			reason: "the date as written, though the instant is May 28 in UTC"},
		{in: "May 27 2021", want: may27, wantOK: true},
		{in: "may 27th, 2021", want: may27, wantOK: true},
		{in: "27th of May 2021", want: may27, wantOK: true},
		{in: "Thu, 27 May 2021 10:00:00 GMT", want: may27, wantOK: true},
		{in: "Thurs. May 27, 2021", want: may27, wantOK: true},
		{in: "27/05/2021", want: may27, wantOK: true},
		{in: "05/27/2021", want: may27, wantOK: true},
		{in: "03/04/2021", reason: "day and month order is ambiguous"},
		{in: "May 27", want: noYear, wantOK: true, reason: "no year: year 0, the caller infers it"},
		{in: "27 May", want: noYear, wantOK: true},
		{in: "Feb 29", want: time.Date(0, time.February, 29, 0, 0, 0, 0, time.UTC), wantOK: true,
			reason: "year 0 is a leap year, so a year-less February 29 is kept"},
		{in: "2021-02-29", reason: "2021 is no leap year"},
		{in: "2021-13-01"},
		{in: "May 32, 2021"},
		{in: "May 2021", reason: "a month is not a date"},
		{in: "2021"},
		{in: ""},
		{in: "yesterday"},
		{in: "2021-05-27T25:00:00Z", reason: "invalid RFC 3339 time"},
		{in: "May 27, 2021 and more"},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if ok != tt.wantOK {
			t.Errorf("ParseDate(%q) ok = %v, want %v (%s)", tt.in, ok, tt.wantOK, tt.reason)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseDate(%q) mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
		}
	}
}

func TestDateline(t *testing.T) {
	type result struct {
		Place string
		Date  time.Time
		OK    bool
	}
	tests := []struct {
		in     string
		want   result
		reason string
	}{
		{
			in:   "CARACAS, May 27 (Reuters) - Venezuela's opposition said on Thursday ...",
			want: result{"CARACAS", time.Date(0, time.May, 27, 0, 0, 0, 0, time.UTC), true},
		},
		{
			in:   "WASHINGTON (AP) — The United States said ...",
			want: result{"WASHINGTON", time.Time{}, true},
		},
		{
			in:   "  Caracas, 27 May 2021 - The talks ...",
			want: result{"Caracas", time.Date(2021, time.May, 27, 0, 0, 0, 0, time.UTC), true},
		},
		{
			in:   "SAN JOSE, Costa Rica, May 27 (AP) — Officials ...",
			want: result{"SAN JOSE, Costa Rica", time.Date(0, time.May, 27, 0, 0, 0, 0, time.UTC), true},
		},
		{
			in:   "PORT-AU-PRINCE, Haiti (AP) -- The president ...",
			want: result{"PORT-AU-PRINCE, Haiti", time.Time{}, true},
		},
		{
			in:   "BOGOTA—Colombia's president said ...",
			want: result{"BOGOTA", time.Time{}, true},
		},
		{
			in:     "Biden, the president - who spoke Thursday - said ...",
			reason: "a sentence with a dash: no date, no agency, place not in capitals",
		},
		{
			in:     "The United States supports a negotiated solution - an aide said.",
			reason: "lower-case words are no place",
		},
		{
			in:     "CARACAS\n- a list item",
			reason: "the dash must be on the first line",
		},
		{in: ""},
	}
	for _, tt := range tests {
		place, date, ok := Dateline(tt.in)
		if diff := cmp.Diff(tt.want, result{place, date, ok}); diff != "" {
			t.Errorf("Dateline(%q) mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-05-27", "May 27, 2021", "27.05.2021", "Thu, 27 May 2021 10:00:00 GMT", "CARACAS, May 27 (Reuters) -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && (d.Hour() != 0 || d.Location() != time.UTC) {
			t.Errorf("ParseDate(%q) = %v, want a date at 00:00 UTC", s, d)
		}
		Dateline(s)
	})
}
