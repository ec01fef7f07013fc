package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/corpus"
)

// TestNothingLost classifies generated articles and checks that every
// sentence comes out exactly once and that report totals reconcile.
func TestNothingLost(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	subjects := []string{"Washington", "Maduro", "The U.S. envoy", "Gen. Lopez", "Norway", "Secretary of State Antony J. Blinken", "He", "The E.U."}
	verbs := []string{"imposed sanctions on", "held talks with", "praised", "met", "warned", "offered aid to"}
	objects := []string{"Caracas.", "the opposition at 10 a.m. on Monday.", "Kyiv, officials said.", "the rebels (again).", "No. 2 official Mr. Ruiz!", "the talks in 2019?"}
	want := map[string]int{}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "date: 2021-%02d-%02d\ntitle: generated %d\n\n", 1+i%12, 1+i%28, i)
		for j := range 1 + rng.IntN(12) {
			if j > 0 {
				if rng.IntN(4) == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			fmt.Fprintf(&b, "%s %s %s", subjects[rng.IntN(len(subjects))], verbs[rng.IntN(len(verbs))], objects[rng.IntN(len(objects))])
		}
		name := filepath.Join(dir, fmt.Sprintf("a%04d.txt", i))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := corpus.ParseArticle([]byte(b.String()), name)
		if err != nil {
			t.Fatal(err)
		}
		want[a.ID] = len(corpus.Split(a.Text[a.Body:]))
	}
	out, stderr, code := invoke(t, "", "classify", "--quiet", "--sentiment", "off", "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("classify: exit %d: %s", code, stderr)
	}
	got := map[string]map[int]int{}
	total := 0
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var st classify.Statement
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			t.Fatal(err)
		}
		if got[st.Article] == nil {
			got[st.Article] = map[int]int{}
		}
		got[st.Article][st.Sentence]++
		total++
	}
	wantTotal := 0
	for id, k := range want {
		wantTotal += k
		if len(got[id]) != k {
			t.Errorf("%s: %d distinct sentences out, want %d", id, len(got[id]), k)
		}
		for s, c := range got[id] {
			if c != 1 || s < 1 || s > k {
				t.Errorf("%s: sentence %d came out %d times", id, s, c)
			}
		}
	}
	if total != wantTotal {
		t.Errorf("%d statements out, want %d", total, wantTotal)
	}
	rep, stderr, code := invoke(t, out, "report", "--by", "actor", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	var mix struct {
		Total int `json:"total"`
		Rows  []struct {
			N int `json:"n"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(rep), &mix); err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, r := range mix.Rows {
		sum += r.N
	}
	if mix.Total != wantTotal || sum != wantTotal {
		t.Errorf("report total %d, rows sum %d, want %d", mix.Total, sum, wantTotal)
	}
}

// TestBadInput feeds each kind of bad input a user can cause and checks
// for a one-line error naming the problem, a non-zero exit, and that the
// rest of a batch still goes through.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("date: 2021-05-27\n\nMaduro rejected the talks on Tuesday.\n"))
	model := filepath.Join(dir, "m.json")
	if _, stderr, code := invoke(t, "", "train", "-quiet", "-o", model, "testdata/small.tsv"); code != 0 {
		t.Fatal(stderr)
	}
	modelBytes, _ := os.ReadFile(model)
	huge := make([]byte, 0, 50<<20+100)
	huge = append(huge, "label\ttext\npressure\t"...)
	huge = append(huge, strings.Repeat("a", 50<<20)...)
	huge = append(huge, '\n')
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string // must appear in the one-line error
		stdoutOK bool   // the good article still came out
	}{
		{"empty article", []string{"classify", "--quiet", write("empty.txt", nil), good}, 1, "empty.txt", true},
		{"binary article", []string{"classify", "--quiet", write("bin.txt", []byte("PK\x03\x04\x00\x00binary")), good}, 1, "bin.txt", true},
		{"windows-1252 article", []string{"classify", "--quiet", write("cp.txt", []byte("date: 2021-05-27\n\nGonz\xe1lez said the \x93talks\x94 failed.\n"))}, 0, "", false},
		{"50 MB line", []string{"train", "-o", filepath.Join(dir, "x.json"), write("huge.tsv", huge)}, 1, "huge.tsv:2", false},
		{"missing label", []string{"train", "-o", filepath.Join(dir, "x.json"), write("nolabel.tsv", []byte("label\ttext\n\tWashington warned Caracas.\n"))}, 1, "nolabel.tsv:2", false},
		{"unknown label", []string{"eval", "--model", model, write("unk.tsv", []byte("label\ttext\npressur\tWashington warned Caracas.\n"))}, 1, "unk.tsv:2", false},
		{"csv wrong header", []string{"train", "-o", filepath.Join(dir, "x.json"), write("bad.csv", []byte("stance,sentence\npressure,Washington warned.\n"))}, 1, "bad.csv", false},
		{"truncated model", []string{"classify", "--model", write("trunc.json", modelBytes[:len(modelBytes)/2]), good}, 1, "trunc.json", false},
		{"tampered model", []string{"classify", "--model", write("tamper.json", []byte(strings.Replace(string(modelBytes), `"pressure"`, `"pressurE"`, 1))), good}, 1, "tamper.json", false},
		{"future model", []string{"classify", "--model", "testdata/future-model.json", good}, 1, "newer version", false},
		{"missing file", []string{"classify", "--quiet", filepath.Join(dir, "nope.txt"), good}, 1, "nope.txt", true},
		{"alpha not a fraction", []string{"train", "-o", filepath.Join(dir, "x.json"), "--alpha", "x/2", "testdata/small.tsv"}, 2, `"x/2"`, false},
		{"alpha not 1/K", []string{"train", "-o", filepath.Join(dir, "x.json"), "--alpha", "2/5", "testdata/small.tsv"}, 1, "alpha 0.4", false},
		{"lead out of range", []string{"train", "-o", filepath.Join(dir, "x.json"), "--lead", "-1", "testdata/small.tsv"}, 1, "lead words -1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := invoke(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not name %q", stderr, tt.stderr)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if line != "" && !strings.HasPrefix(line, "stance: ") && !strings.HasPrefix(line, "run 'stance help") {
					t.Errorf("stderr line not in the stance: <command>: form: %q", line)
				}
			}
			if tt.stdoutOK && !strings.Contains(stdout, "Maduro rejected") {
				t.Errorf("the good article did not come through:\n%s", stdout)
			}
		})
	}
}
