package classify

import (
	"fmt"
	"testing"
	"time"
)

// dayBucket is Day.Bucket the long way round, as it was before
// canonicalDay: parse, then format.
func dayBucket(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return Unknown
	}
	return t.Format("2006-01-02")
}

// TestCanonicalDay holds Day.Bucket's shortcut to time.Parse and Format
// over every month and day number around the valid ones, in common and
// leap years, and over malformed dates.
func TestCanonicalDay(t *testing.T) {
	var dates []string
	for _, y := range []int{0, 1, 1900, 2000, 2019, 2020, 2021, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				dates = append(dates, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	dates = append(dates, "", "2021-5-26", "2021-05-6", "21-05-26", "2021/05/26", "2021-05-26 ", " 2021-05-26",
		"+021-05-26", "-021-05-26", "2021-0a-26", "2021-05-2a", "２０21-05-26", "2021-05-26x", "20210-05-26")
	for _, date := range dates {
		if got, want := Day.Bucket(date), dayBucket(date); got != want {
			t.Errorf("Day.Bucket(%q) = %q, want %q", date, got, want)
		}
	}
}

// FuzzDayBucket holds Day.Bucket's shortcut to time.Parse and Format.
func FuzzDayBucket(f *testing.F) {
	for _, s := range []string{"2021-05-26", "2020-02-29", "2021-02-29", "0000-01-01", "2021-13-01", "2021-05-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, date string) {
		if got, want := Day.Bucket(date), dayBucket(date); got != want {
			t.Errorf("Day.Bucket(%q) = %q, want %q", date, got, want)
		}
	})
}
