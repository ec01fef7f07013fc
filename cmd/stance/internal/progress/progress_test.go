package progress

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fakeClock returns a clock for a bar and a function to move it on.
func fakeClock() (now func() time.Time, advance func(time.Duration)) {
	t := time.Date(2021, 5, 26, 12, 0, 0, 0, time.UTC)
	return func() time.Time { return t }, func(d time.Duration) { t = t.Add(d) }
}

func TestBarOutput(t *testing.T) {
	var buf bytes.Buffer
	now, advance := fakeClock()
	b := newBar(&buf, 100, "articles", true)
	b.now = now
	b.start = now()

	advance(time.Second)
	b.Add(10) // first Add draws at once
	advance(50 * time.Millisecond)
	b.Add(10) // throttled
	advance(50 * time.Millisecond)
	b.Add(10) // 100ms after the last redraw: draws
	advance(1900 * time.Millisecond)
	b.Add(70)
	b.Done()
	b.Done() // no-op
	b.Add(1) // no-op after Done

	want := "\rarticles 10/100 (10%) 10.0/s ETA 0:09" +
		"\rarticles 30/100 (30%) 27.3/s ETA 0:03" +
		"\rarticles 100/100 (100%) 33.3/s" + "       " + // blanks the longer ETA line
		"\rarticles 100/100 (100%) 33.3/s in 0:03" + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("bar output mismatch (-want +got):\n%s", diff)
	}
}

func TestBarThrottle(t *testing.T) {
	var buf bytes.Buffer
	now, advance := fakeClock()
	b := newBar(&buf, 0, "sentences", true)
	b.now = now
	b.start = now()
	// 10 seconds of Adds every millisecond: at most 10 redraws a second.
	for range 10000 {
		advance(time.Millisecond)
		b.Add(1)
	}
	b.Done()
	out := buf.String()
	if n := strings.Count(out, "\r"); n > 101+1 {
		t.Errorf("%d redraws in 10s, want at most 101 (+1 final)", n)
	}
	if !strings.HasSuffix(out, "\rsentences 10000 1000.0/s in 0:10\n") {
		t.Errorf("unknown total: output ends %q", out[max(0, len(out)-60):])
	}
	if strings.Contains(out, "ETA") || strings.Contains(out, "%") {
		t.Errorf("unknown total: output shows ETA or percent: %q", out[:60])
	}
}

func TestBarSilent(t *testing.T) {
	tests := []struct {
		name   string
		bar    func(w *bytes.Buffer) *Bar
		reason string
	}{
		{"buffer", func(w *bytes.Buffer) *Bar { return New(w, 10, "articles", false) }, "a bytes.Buffer is not a terminal"},
		{"quiet", func(w *bytes.Buffer) *Bar { return newBar(w, 10, "articles", false) }, "quiet or off draws nothing"},
		{"nil", func(w *bytes.Buffer) *Bar { return nil }, "a nil *Bar is a no-op"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			b := tt.bar(&buf)
			for range 10 {
				b.Add(1)
			}
			b.Done()
			if buf.Len() != 0 {
				t.Errorf("wrote %q, want nothing: %s", buf.String(), tt.reason)
			}
		})
	}
}

func TestNewRegularFile(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := New(f, 3, "articles", false)
	b.Add(3)
	b.Done()
	if fi, err := f.Stat(); err != nil || fi.Size() != 0 {
		t.Errorf("bar wrote %d bytes to a regular file, want 0 (err %v)", fi.Size(), err)
	}
	if isTerminal(nil) {
		t.Error("isTerminal(nil) = true")
	}
}

func TestBarConcurrent(t *testing.T) {
	var buf bytes.Buffer
	b := newBar(&buf, 800, "articles", true)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				b.Add(1)
			}
		})
	}
	wg.Wait()
	b.Done()
	if !strings.Contains(buf.String(), "800/800 (100%)") {
		t.Errorf("final line lacks 800/800: %q", buf.String())
	}
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                       "0:00",
		1500 * time.Millisecond: "0:02",
		59 * time.Second:        "0:59",
		61 * time.Second:        "1:01",
		3599 * time.Second:      "59:59",
		3723 * time.Second:      "1:02:03",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}
