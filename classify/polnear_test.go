package classify

import (
	"bufio"
	"encoding/json"
	"github.com/stancemix/stance/internal/shared"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stancemix/stance/corpus"
)

// polnearFloor is the measured share of PolNeAR attributions whose source
// Attribute finds, rounded down. Raise it deliberately when the rules
// improve; never lower it silently.
const (
	polnearFloor      = 0.61
	polnearNamedFloor = 0.56
)

// polnearPronouns are gold sources that PolNeAR leaves unresolved.
var polnearPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "i": true, "we": true, "you": true, "it": true, "who": true,
	"which": true, "that": true, "his": true, "her": true, "their": true, "its": true, "him": true,
	"them": true, "me": true, "us": true, "my": true, "our": true, "whom": true, "whose": true,
}

type polnearSpan struct {
	Start int    `json:"start"` // in code points
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type polnearRecord struct {
	ID           string `json:"id"`
	Duplicate    bool   `json:"duplicate_annotation"`
	Published    string `json:"publication_date"`
	Text         string `json:"text"`
	Attributions []struct {
		Source     []polnearSpan `json:"source"`
		Cue        []polnearSpan `json:"cue"`
		SourceText string        `json:"source_text"`
	} `json:"attributions"`
}

// polnearScore is what TestPolNeAR counts.
type polnearScore struct {
	named, namedFound     int
	pronoun, pronounFound int
}

func (s polnearScore) share() float64 {
	return float64(s.namedFound+s.pronounFound) / float64(max(1, s.named+s.pronoun))
}

// TestPolNeAR measures attribution on the PolNeAR training set (political
// news 2015-16, $STANCE_SHARED/data/attribution/polnear_train.jsonl).
//
// What is measured: for every gold attribution that has a source and a
// cue, in one annotation per article (records marked duplicate_annotation
// are skipped), the sentence that holds the start of the cue is
// attributed by Attribute over the whole article, and the gold source
// counts as found when
//
//   - the gold source is a name or noun phrase ("Trump", "the Clinton
//     campaign", "U.S. officials"): the predicted Actor or Speaker shares a
//     word with it (folded, titles and small words aside), or the
//     dictionary finds the predicted actor in the gold text ("the White
//     House", "a White House official" for United States);
//   - the gold source is a pronoun ("he", "she", "they", "I", "who"),
//     which PolNeAR leaves unresolved: the predicted Actor is not empty,
//     that is Attribute resolved it to somebody. This half is lenient (the
//     person may be the wrong one), so the test also reports the named
//     half on its own and keeps a floor on each.
//
// A sentence gets one Attribution, so a sentence with two gold sources
// can find only one of them: 100 % is out of reach by construction.
func TestPolNeAR(t *testing.T) {
	path := shared.Path(t, filepath.Join("data", "attribution", "polnear_train.jsonl"))
	score, misses := polnearRun(t, path)
	t.Logf("PolNeAR train: %d of %d gold sources found (%.1f %%): named %d/%d (%.1f %%), pronoun %d/%d (%.1f %%)",
		score.namedFound+score.pronounFound, score.named+score.pronoun, 100*score.share(),
		score.namedFound, score.named, 100*float64(score.namedFound)/float64(max(1, score.named)),
		score.pronounFound, score.pronoun, 100*float64(score.pronounFound)/float64(max(1, score.pronoun)))
	if out := os.Getenv("POLNEAR_MISSES"); out != "" {
		if err := os.WriteFile(out, []byte(strings.Join(misses, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := score.share(); got < polnearFloor {
		t.Errorf("PolNeAR: found %.4f of gold sources, below the floor %.4f", got, polnearFloor)
	}
	if got := float64(score.namedFound) / float64(max(1, score.named)); got < polnearNamedFloor {
		t.Errorf("PolNeAR: found %.4f of named gold sources, below the floor %.4f", got, polnearNamedFloor)
	}
}

func polnearRun(t testing.TB, path string) (polnearScore, []string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	actors := DefaultActors()
	var score polnearScore
	var misses []string
	rd := bufio.NewReader(f)
	dec := json.NewDecoder(rd)
	for {
		var r polnearRecord
		if err := dec.Decode(&r); err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatal(err)
		}
		if r.Duplicate {
			continue
		}
		pub, _ := time.Parse("2006-01-02", r.Published)
		sents := corpus.Split(r.Text)
		attrs := actors.Attribute(r.Text, sents, pub)
		byteAt := codePointOffsets(r.Text)
		for _, g := range r.Attributions {
			if len(g.Source) == 0 || len(g.Cue) == 0 || strings.TrimSpace(g.SourceText) == "" {
				continue
			}
			cue := g.Cue[0].Start
			if cue >= len(byteAt) {
				continue
			}
			b := byteAt[cue]
			k := -1
			for i, s := range sents {
				if s.Start <= b && b < s.End {
					k = i
					break
				}
			}
			if k < 0 {
				continue
			}
			at := attrs[k]
			src := corpus.Fold(g.SourceText)
			var found bool
			if polnearPronouns[src] {
				score.pronoun++
				found = at.Actor != ""
				if found {
					score.pronounFound++
				}
			} else {
				score.named++
				found = polnearMatch(actors, g.SourceText, at, pub)
				if found {
					score.namedFound++
				}
			}
			if !found {
				misses = append(misses, strings.Join([]string{
					"gold=" + g.SourceText, "cue=" + g.Cue[0].Text,
					"got=" + at.Actor + "/" + at.Speaker + "/" + at.Cue,
					strings.ReplaceAll(sents[k].Text, "\n", " "),
				}, "\t"))
			}
		}
	}
	return score, misses
}

// polnearSmall are words a predicted name and a gold source may share
// without naming the same actor.
var polnearSmall = map[string]bool{
	"the": true, "of": true, "a": true, "an": true, "and": true, "s": true, "mr": true, "mrs": true, "ms": true,
	"president": true, "state": true, "new": true, "for": true, "in": true, "de": true, "united": true,
}

// polnearMatch reports whether the attribution names the gold source.
func polnearMatch(actors *Actors, gold string, at Attribution, pub time.Time) bool {
	g := map[string]bool{}
	for _, w := range strings.Fields(corpus.Fold(gold)) {
		if !polnearSmall[w] && !titleWords[w] {
			g[w] = true // "Republican" alone does not name "Republican Ted Cruz"
		}
	}
	for _, name := range []string{at.Actor, at.Speaker} {
		for _, w := range strings.Fields(corpus.Fold(name)) {
			if g[w] {
				return true
			}
		}
	}
	if at.Actor == "" {
		return false
	}
	if act, ok := actors.lookup(gold, pub); ok && (act.Name == at.Actor || act.Name == at.Speaker) {
		return true
	}
	clean := corpus.Clean(gold)
	ts, _ := tokenize(clean, false)
	for _, m := range actors.mentions(clean, ts, pub) {
		if m.known && (m.actor.Name == at.Actor || m.actor.Name == at.Speaker) {
			return true // "A White House official" names the United States
		}
	}
	return false
}

// codePointOffsets maps code-point offsets of s to byte offsets; the
// slice has one entry past the end.
func codePointOffsets(s string) []int {
	out := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
