package corpus_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name   string
		format corpus.Format
		input  string
		want   []corpus.Record
		errs   []string // per-line errors, in order
		fatal  string   // the error that stops the scan
		reason string
	}{
		{
			name:   "tsv",
			format: corpus.TSV,
			input:  "label\ttext\tactor\tdate\npressure\tThe envoy demanded a vote.\tUnited States\t2021-05-26\n",
			want:   []corpus.Record{{Label: "pressure", Text: "The envoy demanded a vote.", Actor: "United States", Date: "2021-05-26", Line: 2}},
		},
		{
			name:   "tsv columns in any order, unknown ones ignored",
			format: corpus.TSV,
			input:  "note\ttext\tlabel\nx\tTalks resume.\tnegotiation\n\n\r\ny\tAid arrives.\tsupport\r\n",
			want: []corpus.Record{
				{Label: "negotiation", Text: "Talks resume.", Line: 2},
				{Label: "support", Text: "Aid arrives.", Line: 5},
			},
			reason: "blank lines are skipped but counted, and a CRLF ending is not part of the text",
		},
		{
			name:   "tsv keeps quotes as text",
			format: corpus.TSV,
			input:  "label\ttext\nsupport\t\"We back you,\" she said.\n",
			want:   []corpus.Record{{Label: "support", Text: `"We back you," she said.`, Line: 2}},
			reason: "TSV has no quoting, so a leading quote is part of the sentence",
		},
		{
			name:   "missing label",
			format: corpus.TSV,
			input:  "label\ttext\n\tNo label here.\nneutral\tFine.\n",
			want:   []corpus.Record{{Label: "neutral", Text: "Fine.", Line: 3}},
			errs:   []string{"t.tsv:2: missing label"},
		},
		{
			name:   "missing text column in a row",
			format: corpus.TSV,
			input:  "label\tactor\ttext\npressure\tIran\n",
			errs:   []string{"t.tsv:2: 2 fields, header has 3"},
		},
		{
			name:   "bad header",
			format: corpus.TSV,
			input:  "stance\tsentence\npressure\tx\n",
			fatal:  `t.tsv:1: header must name a "label" and a "text" column (got "stance,sentence")`,
		},
		{
			name:   "empty file",
			format: corpus.TSV,
			input:  "",
			fatal:  "t.tsv: empty file: want a header row naming label and text",
		},
		{
			name:   "invalid utf-8",
			format: corpus.TSV,
			input:  "label\ttext\nneutral\tcaf\xe9\n",
			errs:   []string{"t.tsv:2: invalid UTF-8"},
		},
		{
			name:   "byte-order mark",
			format: corpus.TSV,
			input:  "\ufefflabel\ttext\nneutral\tA.\n",
			want:   []corpus.Record{{Label: "neutral", Text: "A.", Line: 2}},
		},
		{
			name:   "csv with quoted commas and newlines",
			format: corpus.CSV,
			input:  "text,label\n\"Talks, at last,\nresumed.\",negotiation\nPlain.,neutral\n",
			want: []corpus.Record{
				{Label: "negotiation", Text: "Talks, at last,\nresumed.", Line: 2},
				{Label: "neutral", Text: "Plain.", Line: 4},
			},
			reason: "a record's line is where it starts",
		},
		{
			name:   "csv wrong header",
			format: corpus.CSV,
			input:  "a,b\n1,2\n",
			fatal:  `t.tsv:1: header must name a "label" and a "text" column (got "a,b")`,
		},
		{
			name:   "csv bare quote",
			format: corpus.CSV,
			input:  "label,text\nneutral,\"open\n",
			errs:   []string{"t.tsv:2: extraneous or missing \" in quoted-field"},
		},
		{
			name:   "jsonl",
			format: corpus.JSONL,
			input:  `{"label":"support","text":"Aid.","actor":"EU"}` + "\n" + `{"label":"neutral"}` + "\n" + `not json` + "\n" + `{"sentence":"He praised her.","mention":"her","label":"positive"}` + "\n",
			want: []corpus.Record{
				{Label: "support", Text: "Aid.", Actor: "EU", Line: 1},
				{Label: "positive", Text: "He praised her.", Target: "her", Line: 4},
			},
			errs: []string{"t.tsv:2: missing text", "t.tsv:3: bad JSON: invalid character 'o' in literal null (expecting 'u')"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := corpus.NewReader(strings.NewReader(tt.input), "t.tsv", tt.format)
			var got []corpus.Record
			var errs []string
			for rd.Scan() {
				rec, err := rd.Record()
				if err != nil {
					var se *corpus.SyntaxError
					if !errors.As(err, &se) {
						t.Errorf("error %v is not a *SyntaxError", err)
					}
					errs = append(errs, err.Error())
					continue
				}
				got = append(got, rec)
			}
			fatal := ""
			if err := rd.Err(); err != nil {
				fatal = err.Error()
			}
			for i := range tt.want {
				tt.want[i].File = "t.tsv" // every record names its input
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.errs, errs); diff != "" {
				t.Errorf("line errors mismatch (-want +got):\n%s", diff)
			}
			if fatal != tt.fatal {
				t.Errorf("Err() = %q, want %q", fatal, tt.fatal)
			}
		})
	}
}

func TestReaderLongLine(t *testing.T) {
	long := strings.Repeat("x", corpus.MaxLine+10)
	input := "label\ttext\nneutral\t" + long + "\nsupport\tShort.\n"
	recs, errs := readAll(t, input)
	if diff := cmp.Diff([]string{"t.tsv:2: line longer than 1048576 bytes"}, errs); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	if len(recs) != 1 || recs[0].Text != "Short." || recs[0].Line != 3 {
		t.Errorf("records after the long line = %+v, want the one on line 3", recs)
	}
}

func readAll(t *testing.T, input string) ([]corpus.Record, []string) {
	t.Helper()
	rd := corpus.NewReader(strings.NewReader(input), "t.tsv", corpus.TSV)
	var recs []corpus.Record
	var errs []string
	for rd.Scan() {
		rec, err := rd.Record()
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		recs = append(recs, rec)
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	return recs, errs
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]corpus.Format{"a.tsv": corpus.TSV, "b.CSV": corpus.CSV, "c.jsonl": corpus.JSONL} {
		if got, ok := corpus.FormatOf(name); !ok || got != want {
			t.Errorf("FormatOf(%q) = %v, %v; want %v, true", name, got, ok, want)
		}
	}
	for _, name := range []string{"a.txt", "b", "c.xlsx"} {
		if _, ok := corpus.FormatOf(name); ok {
			t.Errorf("FormatOf(%q) ok, want unknown", name)
		}
	}
}
