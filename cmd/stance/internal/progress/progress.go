// Package progress draws a one-line progress bar on a terminal:
//
//	bar := progress.New(os.Stderr, int64(len(files)), "articles", quiet)
//	for _, f := range files {
//		...
//		bar.Add(1)
//	}
//	bar.Done()
//
// The bar writes only when its writer is a terminal, so piped or
// redirected output and test buffers stay clean, and writes nothing at
// all when asked to be quiet. It redraws in place with a carriage return
// at most ten times a second and ends with a newline.
//
// It is hand-written because it is a hundred lines: the progress-bar
// libraries bring terminal-size and colour dependencies for features a
// batch classifier does not need, and the terminal check here is the
// dependency-free os.ModeCharDevice test rather than golang.org/x/term.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// minRedraw is the shortest time between two redraws.
const minRedraw = 100 * time.Millisecond

// A Bar shows how far a job of a known number of items has got: count and
// total, percent, rate and estimated time left. Its methods are safe for
// concurrent use, and a nil *Bar does nothing.
type Bar struct {
	mu    sync.Mutex
	w     io.Writer
	total int64
	what  string
	on    bool
	now   func() time.Time

	n      int64
	start  time.Time
	drawn  time.Time // of the last redraw; zero before the first
	width  int       // of the last line drawn, to blank its leftovers
	closed bool
}

// New returns a bar counting up to total items, called what in the line
// ("articles"), drawn on w. Unless w is a terminal and quiet is false,
// the bar draws nothing. A total of 0 or less means unknown: the bar then
// shows the count and rate only.
func New(w io.Writer, total int64, what string, quiet bool) *Bar {
	return newBar(w, total, what, !quiet && isTerminal(w))
}

// newBar returns a bar that draws if on is true, whatever w is.
func newBar(w io.Writer, total int64, what string, on bool) *Bar {
	b := &Bar{w: w, total: total, what: what, on: on, now: time.Now}
	b.start = b.now()
	return b
}

// isTerminal reports whether w is a character device, such as a terminal.
// (/dev/null is one too; drawing there is harmless.)
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Add counts n more items done and redraws the bar if the last redraw is
// at least a tenth of a second old.
func (b *Bar) Add(n int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n += n
	if !b.on || b.closed {
		return
	}
	now := b.now()
	if !b.drawn.IsZero() && now.Sub(b.drawn) < minRedraw {
		return
	}
	b.drawn = now
	b.draw(now, false)
}

// Done draws the final line, with the time taken instead of the time
// left, and ends it with a newline. Calls after the first do nothing.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.on || b.closed {
		return
	}
	b.closed = true
	b.draw(b.now(), true)
	io.WriteString(b.w, "\n")
}

// draw writes the line "\r<what> <n>/<total> (<pct>%) <rate>/s ETA <eta>".
func (b *Bar) draw(now time.Time, final bool) {
	elapsed := now.Sub(b.start)
	var rate float64
	if elapsed > 0 {
		rate = float64(b.n) / elapsed.Seconds()
	}
	var sb strings.Builder
	sb.WriteString(b.what)
	if b.total > 0 {
		pct := 100 * b.n / b.total
		fmt.Fprintf(&sb, " %d/%d (%d%%)", b.n, b.total, pct)
	} else {
		fmt.Fprintf(&sb, " %d", b.n)
	}
	fmt.Fprintf(&sb, " %.1f/s", rate)
	switch {
	case final:
		fmt.Fprintf(&sb, " in %s", clock(elapsed))
	case b.total > 0 && rate > 0 && b.n < b.total:
		left := time.Duration(float64(b.total-b.n) / rate * float64(time.Second))
		fmt.Fprintf(&sb, " ETA %s", clock(left))
	case b.total > 0 && b.n < b.total:
		sb.WriteString(" ETA ?")
	}
	line := sb.String()
	pad := b.width - len(line)
	b.width = len(line)
	if pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	io.WriteString(b.w, "\r"+line)
}

// clock formats d as m:ss, or h:mm:ss from an hour on, rounded up to the
// second.
func clock(d time.Duration) string {
	s := int64((d + time.Second - 1) / time.Second)
	if s < 3600 {
		return fmt.Sprintf("%d:%02d", s/60, s%60)
	}
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}
