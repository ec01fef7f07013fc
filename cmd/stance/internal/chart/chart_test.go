package chart

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var labels = []string{"pressure", "negotiation", "support", "neutral", "unclear"}

// timeline is the README chart: four actors over six months.
func timeline() []Series {
	months := []string{"2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03"}
	return []Series{
		{Actor: "Biden", Periods: months, Counts: [][]int{
			{4, 6, 2, 8, 1}, {6, 5, 3, 7, 1}, {12, 9, 4, 9, 2}, {18, 12, 6, 10, 2}, {30, 8, 9, 12, 3}, {41, 3, 15, 14, 2}}},
		{Actor: "Putin", Periods: months, Counts: [][]int{
			{2, 3, 0, 4, 1}, {5, 2, 0, 3, 0}, {14, 6, 0, 5, 1}, {16, 9, 1, 6, 2}, {25, 4, 0, 7, 1}, {20, 6, 0, 5, 3}}},
		{Actor: "Zelensky", Periods: months, Counts: [][]int{
			{1, 2, 3, 2, 0}, {2, 3, 4, 3, 1}, {3, 5, 6, 4, 0}, {4, 7, 9, 5, 1}, {9, 6, 14, 6, 2}, {22, 12, 25, 8, 2}}},
		{Actor: "Scholz", Periods: months, Counts: [][]int{
			{0, 1, 0, 2, 0}, {0, 0, 0, 0, 0}, {1, 3, 1, 2, 1}, {2, 6, 2, 3, 0}, {5, 9, 4, 4, 1}, {9, 4, 7, 3, 1}}},
	}
}

func TestTimelineGolden(t *testing.T) {
	tests := []struct {
		name   string
		title  string
		labels []string
		series []Series
		reason string
	}{
		{name: "timeline", title: "Stances per month, Oct 2021 - Mar 2022", labels: labels, series: timeline()},
		{name: "escape", title: `Q&A: "<script>alert(1)</script>" 'quoted'`, labels: []string{"pressure", "<odd & label>"},
			series: []Series{{Actor: `Ben & "Jerry's" <Ice>` + "\x01", Periods: []string{"2021-W01", "</text>"}, Counts: [][]int{{1, 2}, {3}}}},
			reason: "markup in titles, labels, actors and periods is escaped; a control character becomes U+FFFD; a short row counts zero"},
		{name: "empty", title: "Nothing yet", labels: labels, series: nil,
			reason: "no series still gives a valid chart that says so"},
		{name: "wrap", title: "Many actors, days", labels: []string{"pressure", "support", "custom"},
			series: func() []Series {
				var ss []Series
				for _, a := range []string{"A", "B", "C", "D", "E", "An actor with a very long name indeed, longer than a panel"} {
					ss = append(ss, Series{Actor: a, Periods: []string{"2021-05-26", "2021-05-27"}, Counts: [][]int{{1, 1, 1}, {0, 0, 0}}})
				}
				return ss
			}(),
			reason: "panels wrap into rows; long names are cut; a label without a fixed colour takes a spare one; an empty period is a gap under a 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := Timeline(&got, tt.title, tt.labels, tt.series); err != nil {
				t.Fatal(err)
			}
			checkSVG(t, got.Bytes())

			var again bytes.Buffer
			if err := Timeline(&again, tt.title, tt.labels, tt.series); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Error("two renderings of the same input differ")
			}

			golden := filepath.Join("testdata", tt.name+".svg")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				t.Errorf("Timeline(%s) mismatch (-want +got):\n%s\n%s", tt.name, diff, tt.reason)
			}
		})
	}
}

// checkSVG checks that data is well-formed XML with an SVG root, a title
// and a desc, and refers to nothing outside itself.
func checkSVG(t *testing.T, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root string
	seen := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
		}
		seen[se.Name.Local] = true
		for _, a := range se.Attr {
			if a.Name.Local == "href" || strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("<%s> has attribute %s", se.Name.Local, a.Name.Local)
			}
		}
	}
	if root != "svg" {
		t.Errorf("root element %q, want svg", root)
	}
	for _, el := range []string{"title", "desc"} {
		if !seen[el] {
			t.Errorf("no <%s>", el)
		}
	}
	for _, el := range []string{"script", "style", "image", "a", "foreignObject"} {
		if seen[el] {
			t.Errorf("has <%s>, want a self-contained static SVG", el)
		}
	}
	if bytes.Contains(data, []byte("http://")) && bytes.Count(data, []byte("http://")) != bytes.Count(data, []byte(`xmlns="http://www.w3.org/2000/svg"`)) ||
		bytes.Contains(data, []byte("https://")) || bytes.Contains(data, []byte("url(")) {
		t.Error("SVG refers to an outside URL")
	}
}

func TestTimelineErrors(t *testing.T) {
	tests := []struct {
		name   string
		series []Series
		want   string
	}{
		{"periods and counts", []Series{{Actor: "A", Periods: []string{"1", "2"}, Counts: [][]int{{1}}}}, `series "A" has 2 periods but 1 rows`},
		{"too many counts", []Series{{Actor: "A", Periods: []string{"1"}, Counts: [][]int{{1, 2, 3, 4, 5, 6}}}}, `6 counts for 5 labels`},
		{"negative", []Series{{Actor: "A", Periods: []string{"1"}, Counts: [][]int{{1, -2}}}}, `negative count -2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Timeline(&buf, "t", labels, tt.series)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Timeline error = %v, want one containing %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Error("Timeline wrote output along with an error")
			}
		})
	}
	if err := Timeline(failWriter{}, "t", labels, timeline()); err == nil {
		t.Error("Timeline to a failing writer returned nil")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1: "1", 1.5: "1.5", 1.006: "1.01", 2.0 / 3: "0.67", -0.001: "0", 160: "160", 12.10: "12.1"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestTimelineChromium renders the README chart in headless Chromium and
// checks the screenshot: it decodes, has the window's size, and each
// stance's colour covers about the area its share of the bars gives it,
// so the palette, the stacking and the scale all reach the screen.
func TestTimelineChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		msg := "chromium not found (install the Debian package chromium, or set CHROMIUM to its path)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	svgPath := filepath.Join(dir, "timeline.svg")
	var svg bytes.Buffer
	series := timeline()
	if err := Timeline(&svg, "Stances per month, Oct 2021 - Mar 2022", labels, series); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(svgPath, svg.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	const winW, winH = 1000, 700
	pngPath := filepath.Join(dir, "timeline.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu",
		"--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--screenshot="+pngPath, "--window-size=1000,700", "file://"+svgPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, out)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot does not decode as PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != winW || b.Dy() != winH {
		t.Fatalf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), winW, winH)
	}
	if *update {
		// Keep the README's picture in step with the golden SVG, cropped
		// to the chart.
		var w, h int
		if _, err := fmt.Sscanf(svg.String(), `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"`, &w, &h); err != nil {
			t.Fatal(err)
		}
		crop := img.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(0, 0, w, h))
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, crop); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "timeline.png"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// In each panel's plot area, where no text is, each colour should
	// cover the shares of the bars times the bar's area. The panels sit
	// in one row, left to right.
	plotW := max(minPlotW, 6*barStep)
	panelW := axisW + plotW + panelGap
	total := make([]float64, len(labels))
	totalGot := make([]float64, len(labels))
	for k, s := range series {
		x0, y0 := margin+k*panelW+axisW, headerH+panelTop
		area := image.Rect(x0, y0, x0+plotW, y0+plotH)
		for j, l := range labels {
			var want float64
			for _, row := range s.Counts {
				n := 0
				for _, c := range row {
					n += c
				}
				if n > 0 {
					want += float64(row[j]) / float64(n) * barW * plotH
				}
			}
			got := float64(countNearIn(img, area, palette[l], 6))
			total[j] += want
			totalGot[j] += got
			t.Logf("%-8s %-11s %s: %5.0f pixels, want about %5.0f", s.Actor, l, palette[l], got, want)
			// Anti-aliased segment edges lose up to a pixel row each.
			if math.Abs(got-want) > 0.03*want+float64(len(s.Periods)*barW) {
				t.Errorf("%s panel: %0.f pixels of %s (%s), want %0.f", s.Actor, got, palette[l], l, want)
			}
		}
	}
	for j := range labels {
		for k := range labels {
			if total[j] > 1.2*total[k] && !(totalGot[j] > totalGot[k]) {
				t.Errorf("%s should cover more than %s: %0.f <= %0.f pixels", labels[j], labels[k], totalGot[j], totalGot[k])
			}
		}
	}
	// The legend swatches show the palette too.
	legend := image.Rect(0, 40, winW, 60)
	for _, l := range labels {
		if n := countNearIn(img, legend, palette[l], 6); n < 12*12 {
			t.Errorf("legend has %d pixels of %s (%s), want a 12x12 swatch", n, palette[l], l)
		}
	}
}

// chromium returns the path of a Chromium binary, or "".
func chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// countNearIn counts the pixels in r whose every channel is within tol
// of the colour hex ("#rrggbb").
func countNearIn(img image.Image, r image.Rectangle, hex string, tol int) int {
	var want [3]int
	for i := range want {
		v, err := parseHex(hex[1+2*i : 3+2*i])
		if err != nil {
			panic(err)
		}
		want[i] = v
	}
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			got := [3]int{int(cr >> 8), int(cg >> 8), int(cb >> 8)}
			ok := true
			for i := range got {
				if d := got[i] - want[i]; d > tol || d < -tol {
					ok = false
				}
			}
			if ok {
				n++
			}
		}
	}
	return n
}

func parseHex(s string) (int, error) {
	var v int
	for _, c := range s {
		v *= 16
		switch {
		case '0' <= c && c <= '9':
			v += int(c - '0')
		case 'a' <= c && c <= 'f':
			v += int(c-'a') + 10
		default:
			return 0, errors.New("bad hex digit in " + s)
		}
	}
	return v, nil
}
