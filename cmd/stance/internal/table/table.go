// Package table renders the stance command's tables as terminal text,
// Markdown or CSV. Terminal and Markdown output go through
// olekukonko/tablewriter; CSV through encoding/csv.
package table

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/stancemix/stance/internal/swar"
)

// A Table is a titled grid of cells. Numeric columns are right-aligned.
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
	Footer []string // optional totals row
}

// Format is an output syntax for tables.
type Format string

const (
	Text     Format = "table"
	Markdown Format = "markdown"
	CSV      Format = "csv"
)

// Write renders t in format f.
func (t *Table) Write(w io.Writer, f Format) error {
	switch f {
	case CSV:
		return t.writeCSV(w)
	case Markdown:
		if t.Title != "" {
			if _, err := fmt.Fprintf(w, "**%s**\n\n", t.Title); err != nil {
				return err
			}
		}
		return t.render(w, renderer.NewMarkdown())
	default:
		if t.Title != "" {
			if _, err := fmt.Fprintf(w, "%s\n", t.Title); err != nil {
				return err
			}
		}
		if t.plain() {
			_, err := w.Write(t.appendBoxes(nil))
			return err
		}
		return t.render(w, renderer.NewBlueprint())
	}
}

// Append appends t rendered in format f to b, as Write writes it.
func (t *Table) Append(b []byte, f Format) ([]byte, error) {
	if f != CSV && f != Markdown && t.plain() {
		if t.Title != "" {
			b = append(append(b, t.Title...), '\n')
		}
		return t.appendBoxes(b), nil
	}
	buf := bytes.NewBuffer(b)
	err := t.Write(buf, f)
	return buf.Bytes(), err
}

// plain reports whether appendBoxes draws t as tablewriter's Blueprint
// renderer does: rows, every row and the footer as wide as the header,
// widths not East Asian, and no cell that tablewriter splits, expands or strips (line breaks, tabs,
// other control characters, terminal escapes).
func (t *Table) plain() bool {
	if len(t.Rows) == 0 || len(t.Header) == 0 || twwidth.IsEastAsian() {
		return false // East Asian widths may change the borders too
	}
	ok := func(cells []string) bool {
		for _, c := range cells {
			if hasControl(c) {
				return false
			}
		}
		return true
	}
	if !ok(t.Header) || t.Footer != nil && (len(t.Footer) != len(t.Header) || !ok(t.Footer)) {
		return false
	}
	for _, row := range t.Rows {
		if len(row) != len(t.Header) || !ok(row) {
			return false
		}
	}
	return true
}

// appendBoxes draws a plain table in box-drawing characters, byte for
// byte as render does with the Blueprint renderer, and a blank line after
// it. tablewriter allocated more per article table than classifying the
// article; TestBoxes holds the two to the same output.
func (t *Table) appendBoxes(b []byte) []byte {
	n := len(t.Header)
	width := make([]int, n) // of the widest cell, padding not counted
	hw := make([]int, n)
	for i, h := range t.Header {
		hw[i] = twwidth.WidthNoCache(h)
		width[i] = hw[i]
	}
	cw := make([]int, len(t.Rows)*n)
	for r, row := range t.Rows {
		for i, c := range row {
			w := cellWidth(c)
			cw[r*n+i] = w
			width[i] = max(width[i], w)
		}
	}
	var fw []int
	if t.Footer != nil {
		fw = make([]int, n)
		for i, c := range t.Footer {
			fw[i] = twwidth.WidthNoCache(c)
			width[i] = max(width[i], fw[i])
		}
	}
	right := make([]bool, n)
	sum := 0
	for i := range n {
		right[i] = t.numeric(i)
		sum += width[i]
	}
	// Room for four rules of 3-byte box characters and the lines, the
	// widths of whose other characters count at least their bytes.
	lines := 1 + len(t.Rows)
	if t.Footer != nil {
		lines++
	}
	b = slices.Grow(b, 4*(3*(sum+3*n+1)+1)+lines*(sum+5*n+4)+1)
	rule := func(b []byte, left, mid, end string) []byte {
		b = append(b, left...)
		for i := range n {
			if i > 0 {
				b = append(b, mid...)
			}
			for range width[i] + 2 {
				b = append(b, "─"...)
			}
		}
		b = append(b, end...)
		return append(b, '\n')
	}
	line := func(b []byte, cells []string, w []int, alignRight []bool) []byte {
		for i, c := range cells {
			b = append(b, "│ "...)
			pad := width[i] - w[i]
			if alignRight != nil && alignRight[i] {
				b = appendSpaces(b, pad)
				b = append(b, c...)
			} else {
				b = append(b, c...)
				b = appendSpaces(b, pad)
			}
			b = append(b, ' ')
		}
		return append(b, "│\n"...)
	}
	b = rule(b, "┌", "┬", "┐")
	b = line(b, t.Header, hw, nil)
	b = rule(b, "├", "┼", "┤")
	for r, row := range t.Rows {
		b = line(b, row, cw[r*n:(r+1)*n], right)
	}
	if t.Footer != nil {
		b = rule(b, "├", "┼", "┤")
		b = line(b, t.Footer, fw, right)
	}
	b = rule(b, "└", "┴", "┘")
	return append(b, '\n')
}

// hasControl reports whether s holds a byte below 0x20 or 0x7f, eight
// bytes at a time: "has a byte below n" and "has a zero byte" tests of a
// word, which tell whether any byte is one though not always which.
func hasControl(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := swar.Load64(s, i)
		if d := w ^ 0x7f*ones; ((w-0x20*ones)&^w|(d-ones)&^d)&highs != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// spaces is a run of spaces that appendSpaces copies from.
const spaces = "                                                                "

func appendSpaces(b []byte, n int) []byte {
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	return append(b, spaces[:n]...)
}

// cellWidth is twwidth.WidthNoCache(s) for a cell with no control
// characters: one column for each printable ASCII byte, and
// tablewriter's own count, which adds up rune by rune, for the runs of
// other characters ("…" closing a truncated sentence, names with
// accents).
//
// An ASCII prefix, most cells and often all of one, is counted eight bytes
// at a time.
func cellWidth(s string) int {
	i := 0
	for i+8 <= len(s) && swar.Load64(s, i)&0x8080808080808080 == 0 {
		i += 8
	}
	w, start := i, -1 // start of a run of other characters
	for ; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			if start >= 0 {
				w += twwidth.WidthNoCache(s[start:i])
				start = -1
			}
			w++
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w += twwidth.WidthNoCache(s[start:])
	}
	return w
}

// noWidthCache turns off tablewriter's cache of display widths, once. The
// cache is a global LRU list behind a lock that every cell of every table
// takes: with a table per article rendered on every core, keeping it cost
// more than measuring the widths of cells that are mostly seen once.
var noWidthCache = sync.OnceFunc(func() { twwidth.SetCacheCapacity(0) })

func (t *Table) render(w io.Writer, r tw.Renderer) error {
	noWidthCache()
	align := make([]tw.Align, len(t.Header))
	for i := range t.Header {
		align[i] = tw.AlignLeft
		if t.numeric(i) {
			align[i] = tw.AlignRight
		}
	}
	tab := tablewriter.NewTable(w,
		tablewriter.WithRenderer(r),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithTrimSpace(tw.Off),
	)
	tab.Header(t.Header)
	for _, row := range t.Rows {
		if err := tab.Append(row); err != nil {
			return err
		}
	}
	if t.Footer != nil {
		tab.Footer(t.Footer)
	}
	if err := tab.Render(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// numeric reports whether every non-empty cell of column i looks like a
// number, a share or a count with a share.
func (t *Table) numeric(i int) bool {
	any := false
	for _, row := range t.Rows {
		if i >= len(row) || row[i] == "" {
			continue
		}
		c := row[i][0]
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') || hasLower(row[i]) {
			return false
		}
		any = true
	}
	return any
}

// hasLower reports whether s holds an ASCII lower-case letter, as
// strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") does without
// building its set for each cell.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

func (t *Table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, row := range t.Rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	if t.Footer != nil {
		if err := cw.Write(t.Footer); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
