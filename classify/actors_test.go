package classify

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultActorsParse(t *testing.T) {
	a, err := defaultActors()
	if err != nil {
		t.Fatal(err)
	}
	if n := a.Len(); n < 150 {
		t.Errorf("default dictionary has %d rows, want at least 150", n)
	}
	// Every name finds its own row at the start of the row's dates, but
	// for the few that two actors share on purpose.
	shared := map[string]bool{"Gonzalez": true}
	for _, act := range a.list {
		if act.Group == "" {
			t.Errorf("%s: no group", act.Name)
		}
		for _, al := range append([]string{act.Name}, act.Aliases...) {
			if got, ok := a.lookup(al, act.From); (!ok || got.Name != act.Name) && !shared[al] {
				t.Errorf("lookup(%q, %v) = %q, %v; want the row's own %q", al, act.From.Format("2006-01-02"), got.Name, ok, act.Name)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	a := DefaultActors()
	tests := []struct{ name, want, reason string }{
		{"Secretary of State Antony J Blinken", "Antony Blinken", "titles and a middle initial"},
		{"U.S. Secretary of State Antony Blinken", "Antony Blinken", "country, then title"},
		{"President Joe Biden", "Joe Biden", ""},
		{"Mr Biden", "Joe Biden", ""},
		{"Juan Gonzlez", "Juan Gonzalez", "the seed's garbled form after corpus.Clean"},
		{"Gonz\u0bb8\u0bcdlez", "Juan Gonzalez", "Tamil letters inside the name"},
		{"Juan Quit", "Juan Guaido", "machine translation of the seed"},
		{"the White House", "United States", "metonym"},
		{"the State Department", "United States", "metonym"},
		{"Caracas", "Venezuela", "metonym"},
		{"Miraflores", "Venezuela", "metonym"},
		{"Nicolás Maduro", "Nicolas Maduro", "accents"},
		{"Madurro", "Nicolas Maduro", "edit distance 1"},
		{"Zelenskky", "Volodymyr Zelensky", "edit distance 1 on a spelling"},
		{"Volodymir Zelenskyi", "Volodymyr Zelensky", "edit distance 2 on a long name"},
		{"Guaidó", "Juan Guaido", ""},
		{"the Kremlin", "Russia", ""},
	}
	for _, tt := range tests {
		got, ok := a.Lookup(tt.name)
		if !ok || got.Name != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q (%s)", tt.name, got.Name, ok, tt.want, tt.reason)
		}
	}
	for _, name := range []string{"Quxbarfoo", "President", "the president", "Rodriguez", "Indiana", "Officials"} {
		if got, ok := a.Lookup(name); ok {
			t.Errorf("Lookup(%q) found %q, want nothing", name, got.Name)
		}
	}
}

func TestLookupDates(t *testing.T) {
	a := DefaultActors()
	tests := []struct{ name, at, want, reason string }{
		{"the U.S. president", "2019-05-01", "Donald Trump", "first term"},
		{"the U.S. president", "2021-01-20", "Joe Biden", "from is inclusive"},
		{"the U.S. president", "2021-01-19", "Donald Trump", "to is exclusive"},
		{"the U.S. president", "2025-06-01", "Donald Trump", "second term"},
		{"Gonzalez", "2022-01-01", "Juan Gonzalez", "his alias only while at the NSC"},
		{"Gonzalez", "2025-06-01", "Edmundo Gonzalez Urrutia", "after Juan Gonzalez left"},
		{"Premier Li", "2020-01-01", "Li Keqiang", ""},
		{"Premier Li", "2024-01-01", "Li Qiang", ""},
	}
	for _, tt := range tests {
		at, _ := time.Parse("2006-01-02", tt.at)
		got, ok := a.lookup(tt.name, at)
		if !ok || got.Name != tt.want {
			t.Errorf("lookup(%q, %s) = %q, %v; want %q (%s)", tt.name, tt.at, got.Name, ok, tt.want, tt.reason)
		}
	}
	if got, ok := a.lookup("Gonzalez", day("2024-06-01")); ok {
		t.Errorf("lookup(Gonzalez) in 2024, when two actors have it, found %q", got.Name)
	}
}

func TestReadActorsErrors(t *testing.T) {
	const header = "name\tgroup\tkind\taliases\tfrom\tto\n"
	tests := []struct{ in, want string }{
		{"", "x.tsv:0: no header line"},
		{"name\tgroup\n", "x.tsv:1: header must be"},
		{header + "A\tB\tcity\t\t\t\n", `x.tsv:2: unknown kind "city"`},
		{header + "# comment\nA\tB\tperson\t\t2021-13-01\t\n", `x.tsv:3: bad date "2021-13-01"`},
		{header + "A\tB\tperson\t\t2021-01-01\t2020-01-01\n", "x.tsv:2: from 2021-01-01 is not before to 2020-01-01"},
		{header + "\tB\tperson\t\t\t\n", "x.tsv:2: empty name"},
		{header + "A\tB\tperson\t\t\t\t\n", "x.tsv:2: 7 columns"},
	}
	for _, tt := range tests {
		_, err := ReadActors(strings.NewReader(tt.in), "x.tsv")
		var ae *ActorError
		if !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ReadActors(%q) error %v, want an *ActorError starting %q", tt.in, err, tt.want)
		}
	}
}

func TestReadActorsFile(t *testing.T) {
	extra, err := ReadActorsFile(filepath.Join("testdata", "actors", "extra.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Actor{
		{Name: "Ana Ruiz", Group: "Peru government", Kind: "person", Aliases: []string{"Ruiz", "Ana María Ruiz"}},
		{Name: "Juan Gonzalez", Group: "US NSC", Kind: "person", Aliases: []string{"JG"}},
	}
	if diff := cmp.Diff(want, extra.list); diff != "" {
		t.Errorf("ReadActorsFile mismatch (-want +got):\n%s", diff)
	}
	_, err = ReadActorsFile(filepath.Join("testdata", "actors", "bad-date.tsv"))
	want4 := filepath.Join("testdata", "actors", "bad-date.tsv") + `:4: bad date "2021-02-30" (want YYYY-MM-DD)`
	if err == nil || err.Error() != want4 {
		t.Errorf("ReadActorsFile(bad-date.tsv) error %v, want %s", err, want4)
	}
}

func TestWith(t *testing.T) {
	extra, err := ReadActorsFile(filepath.Join("testdata", "actors", "extra.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	base := DefaultActors()
	a := base.With(extra)
	if got, _ := a.Lookup("Juan Gonzalez"); got.Group != "US NSC" {
		t.Errorf("override: group %q, want US NSC", got.Group)
	}
	if got, ok := a.Lookup("Gonzalez"); ok && got.Group != "US NSC" && got.Name == "Juan Gonzalez" {
		t.Errorf("the dated rows of the replaced name survive: %+v", got)
	}
	if got, ok := a.Lookup("Ruiz"); !ok || got.Name != "Ana Ruiz" {
		t.Errorf("added actor not found: %q %v", got.Name, ok)
	}
	if got, _ := base.Lookup("Juan Gonzalez"); got.Group != "United States government" {
		t.Errorf("With changed its receiver: group %q", got.Group)
	}
	if a.Len() != base.Len()-2+2 {
		t.Errorf("With: %d rows, want %d (two rows of Juan Gonzalez replaced by one, one added)", a.Len(), base.Len())
	}
}

func FuzzReadActors(f *testing.F) {
	f.Add(defaultActorsTSV)
	f.Add("name\tgroup\tkind\taliases\tfrom\tto\nA\tB\tperson\tx|y\t2020-01-01\t\n")
	f.Add("name\tgroup\n\x00\t")
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ReadActors(strings.NewReader(in), "f.tsv")
		if err != nil {
			var ae *ActorError
			if !errors.As(err, &ae) || ae.Line < 0 {
				t.Fatalf("error %v is not an *ActorError with a line", err)
			}
			if a != nil {
				t.Fatal("a dictionary returned with an error")
			}
			return
		}
		for _, act := range a.list {
			a.Lookup(act.Name)
			for _, al := range act.Aliases {
				a.Lookup(al)
			}
		}
	})
}

// TestStripTitlesNoCopy checks stripTitles' shortcuts (no copy for names it
// leaves alone, cutting by offset for plain words) against the long way
// round, stripFieldTitles: strings.Fields, titles and initials dropped,
// strings.Join; and so appendStripTitles, its form for bytes.
func TestStripTitlesNoCopy(t *testing.T) {
	for _, s := range []string{
		"", " ", "maduro", "nicolas maduro", "antony j blinken", "j blinken", "antony blinken j",
		"president joe biden", "the u s president", "u s", "secretary of state antony j blinken",
		"juan  gonzalez", " juan gonzalez", "juan gonzalez ", "juan\tgonzalez", "gonzález lópez",
		"a", "a b c", "ab c de", "vice president kamala harris", "state department spokesman ned price",
		"former", "former president", "mr", "x y", "xy z w", "the", "the the maduro",
		"the u s president joe biden", "u s secretary of state antony j blinken", "former president donald j trump",
		"vice president", "president elect joe r biden jr", "the former acting u n secretary general a b c d",
		"a b", "a b c", "senior white house official", "j k l", "mr j", "dr a b smith",
	} {
		if got, want := stripTitles(s), stripFieldTitles(s); got != want {
			t.Errorf("stripTitles(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendStripTitles(nil, []byte(s))), stripFieldTitles(s); got != want {
			t.Errorf("appendStripTitles(%q) = %q, want %q", s, got, want)
		}
	}
	// Titles, initials and names strung together.
	var titles []string
	for tw := range titleWords {
		titles = append(titles, tw)
	}
	sort.Strings(titles)
	parts := append(titles, "j", "r", "maduro", "juan gonzalez", "biden")
	for i := range 20000 {
		var w []string
		for k, x := 0, i; k < 1+i%6; k++ {
			w = append(w, parts[x%len(parts)])
			x = x*31 + 17
		}
		s := strings.Join(w, " ")
		if got, want := stripTitles(s), stripFieldTitles(s); got != want {
			t.Fatalf("stripTitles(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendStripTitles(nil, []byte(s))), stripFieldTitles(s); got != want {
			t.Fatalf("appendStripTitles(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzWordHashIn holds wordHashIn, which reads a word eight bytes at a
// time and its last bytes past its end or before its start as s allows,
// to wordHashReference, which copies each eight into a zeroed array.
func FuzzWordHashIn(f *testing.F) {
	for _, s := range []string{"", "a", "said", "the president", "spokeswoman", "secretary-general",
		"\x00\x00\x00", "gonz\u00e1lez", "abcdefgh", "abcdefghi", "abcdefghijklmnopq"} {
		for i := 0; i <= len(s); i++ {
			f.Add(s, uint(i), uint(len(s)))
		}
		f.Add(s, uint(0), uint(0))
	}
	f.Fuzz(func(t *testing.T, s string, i, j uint) {
		if j > uint(len(s)) {
			j = uint(len(s))
		}
		if i > j {
			i = j
		}
		want := wordHashReference(s[i:j])
		if got := wordHashIn(s, int(i), int(j)); got != want {
			t.Errorf("wordHashIn(%q, %d, %d) = %#x, want %#x", s, i, j, got, want)
		}
		if got := wordHash(s[i:j]); got != want {
			t.Errorf("wordHash(%q) = %#x, want %#x", s[i:j], got, want)
		}
	})
}

// wordHashReference is wordHash the plain way: the word in eight-byte
// chunks, the last padded with zeros, each read as a little-endian
// number and mixed in.
func wordHashReference(w string) uint32 {
	const k = 0x9e3779b97f4a7c15
	h := uint64(len(w))
	for {
		var b [8]byte
		n := copy(b[:], w)
		w = w[n:]
		h = (h ^ binary.LittleEndian.Uint64(b[:])) * k
		h ^= h >> 32
		if len(w) == 0 {
			return uint32(h)
		}
	}
}

// FuzzEditDistance holds editDistance, which fills only the cells near
// the diagonal, to editDistanceReference, which fills them all, and
// checks the bound nearKeys filters keys by: strings within edit distance
// maxd differ in at most 2*maxd members of their byteSets.
func FuzzEditDistance(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"maduro", "madura"}, {"nicolas maduro", "nicolas madruo"}, {"biden", "bidne"},
		{"guaido", "guaid\u00f3"}, {"abc", ""}, {"kitten", "sitting"}, {"ab", "ba"},
		{"abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for maxd := 0; maxd <= 3; maxd++ {
			want := editDistanceReference(a, b, maxd)
			if got := editDistance(a, b, maxd); got != want {
				t.Errorf("editDistance(%q, %q, %d) = %d, want %d", a, b, maxd, got, want)
			}
			if got := editDistance(a, []byte(b), maxd); got != want {
				t.Errorf("editDistance(%q, []byte(%q), %d) = %d, want %d", a, b, maxd, got, want)
			}
			if want <= maxd && bits.OnesCount64(byteSet(a)^byteSet(b)) > 2*maxd {
				t.Errorf("%q and %q are %d edits apart but their byteSets differ in more than %d", a, b, want, 2*maxd)
			}
		}
	})
}

// editDistanceReference is editDistance filling every cell of each row.
func editDistanceReference(a, b string, maxd int) int {
	if d := len(a) - len(b); d > maxd || -d > maxd {
		return maxd + 1
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], maxd+1)
}
