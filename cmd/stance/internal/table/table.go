// Package table renders the stance command's tables as terminal text,
// Markdown or CSV. Terminal and Markdown output go through
// olekukonko/tablewriter; CSV through encoding/csv.
package table

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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
		return t.render(w, renderer.NewBlueprint())
	}
}

func (t *Table) render(w io.Writer, r tw.Renderer) error {
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
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') || strings.ContainsAny(row[i], "abcdefghijklmnopqrstuvwxyz") {
			return false
		}
		any = true
	}
	return any
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
