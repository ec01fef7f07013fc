package classify

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/stancemix/stance/corpus"
)

// An Actor is an entry of the actor dictionary.
type Actor struct {
	Name    string // canonical: "Juan Gonzalez"
	Group   string // country and side: "United States government"
	Kind    string // person, government, opposition, organisation or group
	Aliases []string
	// From and To bound the role the entry describes (To exclusive);
	// zero means open. Outside them the entry does not match.
	From, To time.Time
}

// person reports whether the actor is a person (pronouns refer to them).
func (a Actor) person() bool { return a.Kind == "person" }

// Actors is an actor dictionary. It is immutable once built and safe for
// concurrent use.
type Actors struct {
	list  []Actor
	index map[string][]int // folded alias -> actors
	max   int              // longest alias, in words
}

// An ActorError is a bad line of an actor dictionary.
type ActorError struct {
	File string
	Line int
	Msg  string
}

func (e *ActorError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

//go:embed actors.tsv
var defaultActorsTSV string

var defaultActors = sync.OnceValues(func() (*Actors, error) {
	return ReadActors(strings.NewReader(defaultActorsTSV), "actors.tsv")
})

// DefaultActors returns the built-in dictionary (classify/actors.tsv). A
// test guards that it parses, so a broken embedded file cannot ship.
func DefaultActors() *Actors {
	a, err := defaultActors()
	if err != nil {
		panic("classify: embedded actors.tsv: " + err.Error())
	}
	return a
}

// ReadActorsFile reads the actor dictionary at path.
func ReadActorsFile(path string) (*Actors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadActors(f, path)
}

// ReadActors reads an actor dictionary: a TSV file with the header
// "name group kind aliases from to" (see actors.tsv for the format).
func ReadActors(r io.Reader, name string) (*Actors, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var list []Actor
	line, header := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if !header {
			if len(f) < 4 || f[0] != "name" || f[1] != "group" || f[2] != "kind" || f[3] != "aliases" {
				return nil, &ActorError{name, line, "header must be: name, group, kind, aliases, from, to (tab-separated)"}
			}
			header = true
			continue
		}
		for len(f) < 6 {
			f = append(f, "")
		}
		if len(f) > 6 {
			return nil, &ActorError{name, line, fmt.Sprintf("%d columns, want 6", len(f))}
		}
		a := Actor{Name: strings.TrimSpace(f[0]), Group: strings.TrimSpace(f[1]), Kind: strings.TrimSpace(f[2])}
		if a.Name == "" {
			return nil, &ActorError{name, line, "empty name"}
		}
		switch a.Kind {
		case "person", "government", "opposition", "organisation", "group":
		default:
			return nil, &ActorError{name, line, fmt.Sprintf("unknown kind %q (want person, government, opposition, organisation or group)", a.Kind)}
		}
		for _, al := range strings.Split(f[3], "|") {
			if al = strings.TrimSpace(al); al != "" {
				a.Aliases = append(a.Aliases, al)
			}
		}
		for i, p := range []*time.Time{&a.From, &a.To} {
			v := strings.TrimSpace(f[4+i])
			if v == "" {
				continue
			}
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				return nil, &ActorError{name, line, fmt.Sprintf("bad date %q (want YYYY-MM-DD)", v)}
			}
			*p = t
		}
		list = append(list, a)
	}
	if err := sc.Err(); err != nil {
		return nil, &ActorError{name, line + 1, err.Error()}
	}
	if !header {
		return nil, &ActorError{name, line, "no header line"}
	}
	return build(list), nil
}

func build(list []Actor) *Actors {
	a := &Actors{list: list, index: map[string][]int{}}
	add := func(key string, i int) {
		if key == "" {
			return
		}
		for _, j := range a.index[key] {
			if j == i {
				return
			}
		}
		a.index[key] = append(a.index[key], i)
		if n := len(strings.Fields(key)); n > a.max {
			a.max = n
		}
	}
	for i, act := range list {
		add(corpus.Fold(act.Name), i)
		add(stripTitles(corpus.Fold(act.Name)), i)
		for _, al := range act.Aliases {
			add(corpus.Fold(al), i)
			add(stripTitles(corpus.Fold(al)), i)
		}
		if act.person() { // surname alone
			if w := strings.Fields(corpus.Fold(act.Name)); len(w) > 1 {
				add(w[len(w)-1], i)
			}
		}
	}
	return a
}

// With returns a dictionary with the entries of more added; an entry of
// more with the name of an existing one replaces it.
func (a *Actors) With(more *Actors) *Actors {
	names := map[string]bool{}
	for _, m := range more.list {
		names[m.Name] = true
	}
	var list []Actor
	for _, x := range a.list {
		if !names[x.Name] {
			list = append(list, x)
		}
	}
	return build(append(list, more.list...))
}

// Len returns the number of entries.
func (a *Actors) Len() int { return len(a.list) }

// titles are stripped from names before lookup.
var titles = []string{
	"us secretary of state", "secretary of state", "secretary general", "secretary", "foreign minister", "prime minister",
	"vice president", "interim president", "president", "minister", "special envoy", "envoy", "spokesman", "spokeswoman",
	"spokesperson", "senator", "sen", "gen", "general", "mr", "mrs", "ms", "dr", "leader", "opposition leader", "chancellor",
	"king", "emir", "crown prince", "ambassador", "us", "u s", "venezuelan", "american", "russian", "ukrainian", "chinese",
	"iranian", "israeli", "turkish", "french", "german", "british", "supreme leader", "ayatollah", "commander", "chief",
	"army chief", "state department", "director", "senior director", "the",
}

// stripTitles removes leading titles and one-letter middle initials
// from a folded name.
func stripTitles(s string) string {
	for changed := true; changed; {
		changed = false
		for _, t := range titles {
			if strings.HasPrefix(s, t+" ") {
				s = s[len(t)+1:]
				changed = true
			}
		}
	}
	w := strings.Fields(s)
	out := w[:0]
	for i, x := range w {
		if len(x) == 1 && i > 0 && i < len(w)-1 {
			continue // middle initial
		}
		out = append(out, x)
	}
	return strings.Join(out, " ")
}

// Lookup finds the actor that name refers to, at any date.
func (a *Actors) Lookup(name string) (Actor, bool) {
	return a.lookup(name, time.Time{})
}

func (a *Actors) lookup(name string, at time.Time) (Actor, bool) {
	key := corpus.Fold(name)
	for _, k := range []string{key, stripTitles(key)} {
		if act, ok := a.exact(k, at); ok {
			return act, true
		}
	}
	// Fuzzy: close spellings and garbled characters, on names of five
	// letters or more.
	k := stripTitles(key)
	if len(k) < 5 {
		return Actor{}, false
	}
	maxd := 1
	if len(k) >= 9 {
		maxd = 2
	}
	best, bestD := -1, maxd+1
	keys := make([]string, 0, len(a.index))
	for ak := range a.index {
		keys = append(keys, ak)
	}
	sort.Strings(keys) // deterministic ties
	for _, ak := range keys {
		if abs(len(ak)-len(k)) > maxd || len(ak) < 5 {
			continue
		}
		if d := editDistance(ak, k, maxd); d < bestD {
			if act, ok := a.exact(ak, at); ok {
				best, bestD = a.indexOf(act.Name), d
			}
		}
	}
	if best < 0 {
		return Actor{}, false
	}
	return a.list[best], true
}

func (a *Actors) indexOf(name string) int {
	for i, x := range a.list {
		if x.Name == name {
			return i
		}
	}
	return -1
}

// exact returns the actor with the folded alias key valid at at (any
// date when zero), preferring one with a date range over an open one.
func (a *Actors) exact(key string, at time.Time) (Actor, bool) {
	ids := a.index[key]
	found := -1
	for _, i := range ids {
		act := a.list[i]
		if !at.IsZero() && ((!act.From.IsZero() && at.Before(act.From)) || (!act.To.IsZero() && !at.Before(act.To))) {
			continue
		}
		if found < 0 {
			found = i
		}
	}
	if found < 0 {
		return Actor{}, false
	}
	return a.list[found], true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the Levenshtein distance of a and b, or max+1 when it
// exceeds max.
func editDistance(a, b string, max int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			low = min(low, cur[j])
		}
		if low > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}
