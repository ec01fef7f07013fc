// Package chart draws stance timelines as self-contained SVG: one small
// panel per actor, one bar per period, each bar split into the shares of
// the stances among that actor's statements in that period, with the
// number of statements above the bar so that a 100% bar made of two
// statements is seen for what it is.
//
// The SVG has no scripts, stylesheets, web fonts or links, so it opens
// anywhere, from a browser to a word processor; every text is
// XML-escaped; and the same input gives byte-identical output (numbers are
// written with fixed precision, nothing comes from map order or the
// clock), so charts can be golden-tested and diffed.
//
// It is hand-written because no maintained pure-Go library we looked at
// draws small deterministic stacked-share small multiples: go-echarts
// renders HTML pages that load ECharts' JavaScript from a CDN;
// gonum/plot draws one plot per canvas through its vg layer with embedded
// fonts and leaves stacking, shares and panel grids to the caller; and
// the go-chart family covers single stacked bar charts, not per-actor
// panels. The layout here is a few hundred lines of arithmetic.
package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Series is one actor's panel: Counts[i][j] is the number of the
// actor's statements in period Periods[i] whose stance is label j of the
// chart. A row shorter than the labels counts zero for the missing ones.
type Series struct {
	Actor   string
	Periods []string
	Counts  [][]int
}

// Colours of the stances, fixed so that charts read alike. Labels not
// listed here take the spare colours in the order they come.
var (
	palette = map[string]string{
		"pressure":    "#d62728", // red
		"negotiation": "#1f77b4", // blue
		"support":     "#2ca02c", // green
		"neutral":     "#8c8c8c", // grey
		"unclear":     "#dcdcdc", // light grey
	}
	spare = []string{"#9467bd", "#ff7f0e", "#17becf", "#e377c2", "#bcbd22", "#8c564b"}
)

// Layout, in pixels.
const (
	maxWidth   = 980 // the grid wraps to stay within this
	margin     = 16
	headerH    = 78  // title and legend
	footerH    = 34  // the caption
	axisW      = 40  // y tick labels
	barW       = 20  // one bar
	barStep    = 28  // bar and gap
	minPlotW   = 112 // narrowest plot area
	plotH      = 160 // 0 to 100%
	panelTop   = 34  // actor name and n labels above the plot
	panelGap   = 20  // between panels
	fontSize   = 11
	charW      = 6.2 // rough advance of one character at fontSize
	maxNameLen = 28  // actor names are cut to this many characters
)

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

// Timeline writes an SVG chart of the series to w: the title on top, a
// legend of the labels with their totals, then one panel per series in
// the order given, left to right and top to bottom. Labels fix the order
// of the stances within a bar, from the bottom up, and of the legend.
func Timeline(w io.Writer, title string, labels []string, series []Series) error {
	for _, s := range series {
		if len(s.Counts) != len(s.Periods) {
			return fmt.Errorf("chart: series %q has %d periods but %d rows of counts", s.Actor, len(s.Periods), len(s.Counts))
		}
		for i, row := range s.Counts {
			if len(row) > len(labels) {
				return fmt.Errorf("chart: series %q, period %q: %d counts for %d labels", s.Actor, s.Periods[i], len(row), len(labels))
			}
			for _, c := range row {
				if c < 0 {
					return fmt.Errorf("chart: series %q, period %q: negative count %d", s.Actor, s.Periods[i], c)
				}
			}
		}
	}

	colours := make([]string, len(labels))
	next := 0
	for j, l := range labels {
		if c, ok := palette[l]; ok {
			colours[j] = c
		} else {
			colours[j] = spare[next%len(spare)]
			next++
		}
	}

	// Panel size: wide enough for the longest series, tall enough for
	// the longest period label, which is slanted when it is wider than
	// a bar step.
	maxPeriods, maxPeriodLen := 0, 0
	for _, s := range series {
		maxPeriods = max(maxPeriods, len(s.Periods))
		for _, p := range s.Periods {
			maxPeriodLen = max(maxPeriodLen, utf8.RuneCountInString(p))
		}
	}
	plotW := max(minPlotW, maxPeriods*barStep)
	slant := float64(maxPeriodLen)*charW > barStep
	labelH := 18.0
	if slant {
		labelH = 10 + float64(maxPeriodLen)*charW*math.Sin(math.Pi/4)
	}
	panelW := axisW + plotW + panelGap
	panelH := panelTop + plotH + int(math.Ceil(labelH)) + panelGap
	cols := max(1, min(len(series), (maxWidth-2*margin)/panelW))
	rows := (len(series) + cols - 1) / cols
	width := max(2*margin+cols*panelW, 480)
	height := headerH + max(rows, 1)*panelH + footerH

	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" font-family="%s" font-size="%d">`+"\n",
		width, height, width, height, esc(fontFamily), fontSize)
	fmt.Fprintf(&b, "<title id=\"chart-title\">%s</title>\n", esc(title))
	fmt.Fprintf(&b, "<desc id=\"chart-desc\">%s</desc>\n", esc(describe(labels, series)))
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height)
	fmt.Fprintf(&b, "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222222\">%s</text>\n", margin, esc(title))

	// Legend: a swatch, the label and its total over all series.
	totals := make([]int, len(labels))
	for _, s := range series {
		for _, row := range s.Counts {
			for j, c := range row {
				totals[j] += c
			}
		}
	}
	b.WriteString("<g aria-label=\"legend\">\n")
	x := float64(margin)
	for j, l := range labels {
		text := fmt.Sprintf("%s (%d)", l, totals[j])
		fmt.Fprintf(&b, "<rect x=\"%s\" y=\"44\" width=\"12\" height=\"12\" fill=\"%s\"/>", num(x), colours[j])
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"54\" fill=\"#222222\">%s</text>\n", num(x+16), esc(text))
		x += math.Round(16 + float64(utf8.RuneCountInString(text))*charW + 14) // whole pixels keep swatches crisp
	}
	b.WriteString("</g>\n")

	if len(series) == 0 {
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">no statements</text>\n", margin, headerH+24)
	}
	for k, s := range series {
		px := margin + (k%cols)*panelW
		py := headerH + (k/cols)*panelH
		panel(&b, px, py, plotW, slant, labels, colours, s)
	}

	fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">%s</text>\n", margin, height-14,
		esc("Each bar: shares of the stances among the actor's statements in the period (y axis, 0-100%); n above the bar: statements."))
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// panel draws one series with its top-left corner at (px, py).
func panel(b *bytes.Buffer, px, py, plotW int, slant bool, labels, colours []string, s Series) {
	total := 0
	for _, row := range s.Counts {
		for _, c := range row {
			total += c
		}
	}
	name := s.Actor
	if utf8.RuneCountInString(name) > maxNameLen {
		name = string([]rune(name)[:maxNameLen-1]) + "…"
	}
	x0 := px + axisW // left of the plot area
	y0 := py + panelTop
	fmt.Fprintf(b, "<g aria-label=\"%s\">\n", esc(s.Actor))
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\">%s <tspan font-weight=\"normal\" fill=\"#555555\">n=%d</tspan></text>\n",
		x0, py+12, esc(name), total)

	// Grid and y ticks.
	for _, t := range []int{0, 50, 100} {
		// Lines on half pixels are one crisp pixel wide, and lighter
		// than the lightest stance colour.
		y := y0 + plotH - plotH*t/100
		fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d.5\" x2=\"%d\" y2=\"%d.5\" stroke=\"#ebebeb\" stroke-width=\"1\"/>", x0, y, x0+plotW, y)
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555555\">%d%%</text>\n", x0-4, y+4, t)
	}

	for i, p := range s.Periods {
		row := s.Counts[i]
		n := 0
		for _, c := range row {
			n += c
		}
		bx := x0 + 4 + i*barStep
		// n above the bar; an empty period is a gap with a 0 above it.
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#222222\">%d</text>\n", bx+barW/2, y0-4, n)
		// Segments from the bottom up; edges are rounded cumulative
		// positions, so the segments tile the bar without gaps.
		cum := 0
		for j, c := range row {
			if c == 0 {
				continue
			}
			bottom := float64(y0+plotH) - float64(plotH)*float64(cum)/float64(n)
			cum += c
			top := float64(y0+plotH) - float64(plotH)*float64(cum)/float64(n)
			fmt.Fprintf(b, "<rect x=\"%d\" y=\"%s\" width=\"%d\" height=\"%s\" fill=\"%s\"><title>%s</title></rect>\n",
				bx, num(top), barW, num(bottom-top), colours[j],
				esc(fmt.Sprintf("%s, %s: %s %d of %d (%s%%)", s.Actor, p, labels[j], c, n, num(100*float64(c)/float64(n)))))
		}
		// Period label under the bar.
		lx, ly := float64(bx+barW/2), float64(y0+plotH+14)
		if slant {
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\" transform=\"rotate(-45 %s %s)\" fill=\"#222222\">%s</text>\n",
				num(lx+4), num(ly), num(lx+4), num(ly), esc(p))
		} else {
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#222222\">%s</text>\n", num(lx), num(ly), esc(p))
		}
	}
	fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d.5\" x2=\"%d\" y2=\"%d.5\" stroke=\"#555555\" stroke-width=\"1\"/>\n", x0, y0+plotH, x0+plotW, y0+plotH)
	b.WriteString("</g>\n")
}

// describe returns the text alternative of the chart: per actor, the
// number of statements and periods and the overall share of each stance.
func describe(labels []string, series []Series) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Stacked shares of %s per period, one panel per actor.", strings.Join(labels, ", "))
	for _, s := range series {
		sums := make([]int, len(labels))
		n := 0
		for _, row := range s.Counts {
			for j, c := range row {
				sums[j] += c
				n += c
			}
		}
		fmt.Fprintf(&sb, " %s: %d statements in %d periods", s.Actor, n, len(s.Periods))
		if n > 0 {
			var parts []string
			for j, c := range sums {
				parts = append(parts, fmt.Sprintf("%s %s%%", labels[j], num(100*float64(c)/float64(n))))
			}
			sb.WriteString(" (" + strings.Join(parts, ", ") + ")")
		}
		sb.WriteString(".")
	}
	return sb.String()
}

// num formats v with at most two decimals and no trailing zeros, the same
// way on every platform.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s)) // never fails on a strings.Builder
	return sb.String()
}
