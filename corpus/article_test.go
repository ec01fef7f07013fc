package corpus_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
)

func TestReadArticle(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		date   string // want, YYYY-MM-DD or ""
		title  string
		body   string // want text[Body:] prefix
		place  string
		reason string
	}{
		{
			name:  "metadata lines",
			input: "title: Envoys meet in Oslo\nDate: May 27, 2021\n\nThe talks resumed on Wednesday.\n",
			date:  "2021-05-27", title: "Envoys meet in Oslo", body: "The talks resumed",
		},
		{
			name:   "date line running into the body",
			input:  " date 2021-05-27 The United States supports a negotiated solution.",
			date:   "2021-05-27",
			body:   "The United States supports",
			reason: "machine-translated copy often loses the line break after the date",
		},
		{
			name:  "no metadata",
			input: "The council met on Friday.",
			body:  "The council met",
		},
		{
			name:   "a body line that starts like a key is body",
			input:  "Title: Talks\nSource statements said the talks would resume.",
			title:  "Talks",
			body:   "Source statements said",
			reason: "only dates may drop the colon, so 'Source statements said' is body",
		},
		{
			name:  "wire dateline",
			input: "CARACAS, May 27 (Reuters) - Officials said the talks had ended.",
			body:  "CARACAS, May 27", place: "CARACAS",
		},
		{
			name:   "windows-1252",
			input:  "President Duque said \x93we will not negotiate\x94 with the rebels.",
			body:   "President Duque said “we will not negotiate” with",
			reason: "invalid UTF-8 is decoded as Windows-1252",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.ReadArticle(strings.NewReader(tt.input), "a.txt")
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !a.Date.IsZero() {
				date = a.Date.Format("2006-01-02")
			}
			got := []string{date, a.Title, a.Place}
			want := []string{tt.date, tt.title, tt.place}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("date, title, place mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if body := a.Text[a.Body:]; !strings.HasPrefix(body, tt.body) {
				t.Errorf("body = %q, want it to start with %q\nreason: %s", body, tt.body, tt.reason)
			}
		})
	}
}

func TestReadArticleErrors(t *testing.T) {
	for name, input := range map[string]string{
		"empty":       "",
		"only blanks": " \n\n\t\n",
		"only meta":   "title: nothing\ndate: 2021-01-01\n",
		"binary":      "PK\x03\x04\x00\x00binary",
	} {
		if _, err := corpus.ReadArticle(strings.NewReader(input), "x.txt"); err == nil || !strings.HasPrefix(err.Error(), "x.txt: ") {
			t.Errorf("%s: ReadArticle error %v, want one naming x.txt", name, err)
		}
	}
}

func TestArticleReader(t *testing.T) {
	input := `{"id":"a1","date":"2021-05-27","title":"T","text":"Talks resumed.","source":"wire"}` + "\n\n" +
		`{"id":"a2","text":""}` + "\n" +
		`{"id":"a3","date":"someday","text":"x"}` + "\n" +
		`{"text":"No id here."}` + "\n" +
		`{broken` + "\n"
	ar := corpus.NewArticleReader(strings.NewReader(input), "in.jsonl")
	var ids, errs []string
	for ar.Scan() {
		a, err := ar.Article()
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, a.ID+" "+a.Date.Format(time.DateOnly)+" "+a.Source)
	}
	if err := ar.Err(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a1 2021-05-27 wire", "in.jsonl#5 0001-01-01 in.jsonl"}, ids); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		"in.jsonl:3: article has no text",
		`in.jsonl:4: bad date "someday"`,
		"in.jsonl:6: bad JSON: invalid character 'b' looking for beginning of object key string",
	}
	if diff := cmp.Diff(wantErrs, errs); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
}
