package classify

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math/bits"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/internal/swar"
)

// An Actor is an entry of the actor dictionary: one row of its file.
type Actor struct {
	Name    string // canonical: "Juan Gonzalez"
	Group   string // country and side: "United States government", "Venezuela opposition", "United Nations"
	Kind    string // person, government, opposition, organisation or place
	Aliases []string
	// From and To bound the dates at which the row's names match (To
	// exclusive); zero means open.
	From, To time.Time
}

// person reports whether the actor is a person (pronouns refer to them).
func (a *Actor) person() bool { return a.Kind == "person" }

// validAt reports whether the row's names match at t; a zero t matches
// every row.
func (a *Actor) validAt(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	return (a.From.IsZero() || !t.Before(a.From)) && (a.To.IsZero() || t.Before(a.To))
}

var actorKinds = map[string]bool{"person": true, "government": true, "opposition": true, "organisation": true, "place": true}

// Actors is an actor dictionary. It is immutable once built and safe for
// concurrent use.
type Actors struct {
	list  []Actor
	index map[string][]entry  // folded key -> rows
	keys  [][]string          // keys of index by length in bytes, sorted, for fuzzy lookup
	max   int                 // longest key, in words
	words map[string]bool     // the words of the keys and of titleWords
	flags map[string]wordFlag // wordFlags, fKeyWord for words, and fMayName as mayName answers for a word
	// flagTab is flags in an open-addressed table, which the tokeniser
	// looks each word up in by the wordHash it keeps for the word.
	flagTab wordTable

	// near remembers nearKeys' answers for the first maxNear names it is
	// asked about; a map guarded by a lock rather than a sync.Map, so that
	// a name in bytes is looked up without making a string of it.
	nearMu sync.RWMutex
	near   map[string][]nearKey
}

// maxNear bounds the names Actors.near remembers: enough for the unknown
// names of a large news corpus, at a few hundred bytes each.
const maxNear = 1 << 16

// An entry is a row an index key leads to; derived keys (a surname, a
// name with its titles stripped) give way to keys written in the file.
type entry struct {
	row     int
	derived bool
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

// DefaultActors returns the built-in dictionary (classify/actors.tsv),
// parsed once. It panics only if the embedded file is broken, which a test
// guards against.
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

// ReadActors reads an actor dictionary; name is used in errors, which are
// *ActorError values carrying the line ("actors.tsv:12: unknown kind
// "city""). It never returns a dictionary with an error.
//
// The dictionary is a TSV file with the header line
//
//	name	group	kind	aliases	from	to
//
// name is the canonical name reported in tables; group the country and
// side that statements roll up to ("United States government", "Venezuela
// opposition", "United Nations"); kind one of person, government,
// opposition, organisation or place; aliases the other ways news names the
// actor, separated by "|": surnames, spellings, garbled forms seen in
// machine translation, and metonyms ("Washington", "the White House" and
// "the State Department" are aliases of the actor "United States"); from
// and to, YYYY-MM-DD or empty, bound the dates at which the row's names
// match (to is exclusive). Lines starting with # are comments.
//
// A name may take several rows. The usual shape for an office holder is an
// undated row with their own names and one dated row per term with the
// role's aliases:
//
//	Joe Biden	United States government	person	Biden|Joseph Biden
//	Joe Biden	United States government	person	the U.S. president	2021-01-20	2025-01-20
//
// Titles ("President", "U.S. Secretary of State", "Mr", "spokesman") and
// middle initials are stripped before matching, so "Secretary of State
// Antony J Blinken" needs no alias of its own; a person's surname alone
// matches when no other actor valid at that date has it.
func ReadActors(r io.Reader, name string) (*Actors, error) {
	br := bufio.NewReader(r)
	var list []Actor
	line, header := 0, false
	for {
		text, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, &ActorError{name, line + 1, err.Error()}
		}
		if text == "" && err == io.EOF {
			break
		}
		line++
		text = strings.TrimRight(text, "\r\n")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			if err == io.EOF {
				break
			}
			continue
		}
		f := strings.Split(text, "\t")
		if !header {
			if len(f) < 4 || f[0] != "name" || f[1] != "group" || f[2] != "kind" || f[3] != "aliases" {
				return nil, &ActorError{name, line, "header must be: name, group, kind, aliases, from, to (tab-separated)"}
			}
			header = true
			if err == io.EOF {
				break
			}
			continue
		}
		a, msg := parseActor(f)
		if msg != "" {
			return nil, &ActorError{name, line, msg}
		}
		list = append(list, a)
		if err == io.EOF {
			break
		}
	}
	if !header {
		return nil, &ActorError{name, line, "no header line"}
	}
	return build(list), nil
}

// parseActor parses the fields of one row; msg is "" when it is good.
func parseActor(f []string) (a Actor, msg string) {
	if len(f) > 6 {
		return a, fmt.Sprintf("%d columns, want at most 6", len(f))
	}
	for len(f) < 6 {
		f = append(f, "")
	}
	a = Actor{Name: strings.TrimSpace(f[0]), Group: strings.TrimSpace(f[1]), Kind: strings.TrimSpace(f[2])}
	if a.Name == "" {
		return a, "empty name"
	}
	if corpus.Fold(a.Name) == "" {
		return a, fmt.Sprintf("name %q has no letters or digits", a.Name)
	}
	if !actorKinds[a.Kind] {
		return a, fmt.Sprintf("unknown kind %q (want person, government, opposition, organisation or place)", a.Kind)
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
			return a, fmt.Sprintf("bad date %q (want YYYY-MM-DD)", v)
		}
		*p = t
	}
	if !a.From.IsZero() && !a.To.IsZero() && !a.From.Before(a.To) {
		return a, fmt.Sprintf("from %s is not before to %s", f[4], f[5])
	}
	return a, ""
}

func build(list []Actor) *Actors {
	a := &Actors{list: list, index: map[string][]entry{}}
	add := func(key string, i int, derived bool) {
		if key == "" {
			return
		}
		for k, e := range a.index[key] {
			if e.row == i {
				if !derived {
					a.index[key][k].derived = false
				}
				return
			}
		}
		a.index[key] = append(a.index[key], entry{i, derived})
		if n := strings.Count(key, " ") + 1; n > a.max {
			a.max = n
		}
	}
	for i, act := range list {
		for _, n := range append([]string{act.Name}, act.Aliases...) {
			f := corpus.Fold(n)
			add(f, i, false)
			switch s := stripTitles(f); {
			case !act.person():
				// Only "the": "the Israeli military" must not make
				// "military" a name.
				add(strings.TrimPrefix(f, "the "), i, true)
			case !titleWords[s]:
				add(s, i, true) // never a bare title: "the U.S. president" is not "president"
			}
			if act.person() && properName(n) { // the surname alone
				if k := strings.LastIndexByte(f, ' '); k > 0 && len(f)-k > 3 && !titleWords[f[k+1:]] && !notNames[f[k+1:]] {
					add(f[k+1:], i, true)
				}
			}
		}
	}
	a.words = map[string]bool{}
	for t := range titleWords {
		for _, w := range strings.Fields(t) {
			a.words[w] = true
		}
	}
	for k := range a.index {
		for _, w := range strings.Fields(k) {
			a.words[w] = true
		}
		for len(a.keys) <= len(k) {
			a.keys = append(a.keys, nil)
		}
		a.keys[len(k)] = append(a.keys[len(k)], k)
	}
	for _, ks := range a.keys {
		sort.Strings(ks)
	}
	a.flags = make(map[string]wordFlag, len(wordFlags)+len(a.words))
	for w, f := range wordFlags {
		a.flags[w] = f
	}
	for w := range a.words {
		a.flags[w] |= fKeyWord
	}
	// mayName of each word, which the tokeniser takes with its flags: a
	// word of a key, or one letter or digit (any other is no key word).
	for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		a.flags[string(c)] |= fMayName
	}
	for w, f := range a.flags {
		if f&fKeyWord != 0 {
			a.flags[w] = f | fMayName
		}
	}
	a.flagTab = newWordTable(a.flags)
	return a
}

// A wordTable maps words to their flags, open-addressed and hashed with
// wordHash, no more than half full.
type wordTable struct {
	slots []wordSlot
	mask  uint32
}

type wordSlot struct {
	word string // "" for an empty slot
	// short is shortKey of word when it has one to seven bytes, 0
	// otherwise: lookupShort compares it alone.
	short uint64
	hash  uint32
	flags wordFlag
}

func newWordTable(m map[string]wordFlag) wordTable {
	size := 16
	for size < 2*len(m) {
		size *= 2
	}
	t := wordTable{slots: make([]wordSlot, size), mask: uint32(size - 1)}
	for w, f := range m {
		if w == "" {
			continue // looked up as no flags, as a map of no "" key would
		}
		h := wordHash(w)
		i := h & t.mask
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{word: w, hash: h, flags: f}
		if len(w) < 8 {
			t.slots[i].short = shortKey(loadLE(w, 0, len(w)), len(w))
		}
	}
	return t
}

// lookup returns the flags of w, whose wordHash is h; 0 if it has none.
func (t *wordTable) lookup(w string, h uint32) wordFlag {
	if len(t.slots) == 0 {
		return 0
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.word == "" {
			return 0
		}
		if s.hash == h && s.word == w {
			return s.flags
		}
	}
}

// lookupShort is lookup for a word of one to seven bytes given by its
// shortKey k and its wordHash h: one comparison of eight bytes a slot,
// where lookup compares strings.
func (t *wordTable) lookupShort(k uint64, h uint32) wordFlag {
	if len(t.slots) == 0 {
		return 0
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.short == k {
			return s.flags
		}
		if s.word == "" {
			return 0
		}
	}
}

// shortKey is the key of a word of n bytes, one to seven, whose bytes
// are the little-endian number x: x with n in its top byte, which x
// leaves 0, so that no two words have the same key and none has 0.
func shortKey(x uint64, n int) uint64 { return x | uint64(n)<<56 }

// wordHash hashes w for a wordTable eight bytes at a time: a word is
// looked up for each token, and FNV-1a's multiplication a byte cost more
// than the lookup itself.
func wordHash(w string) uint32 { return wordHashIn(w, 0, len(w)) }

// wordHashIn is wordHash(s[i:j]). It reads each eight bytes of the word
// at once, and the last one to eight as loadLE does, written out here:
// loadLE is not inlined, and a call of it for each word hashed cost
// attribution 2 % when this was written, and BenchmarkAttributeWire
// 73.2 -> 73.6 M instructions (+0.6 %) when measured again.
func wordHashIn(s string, i, j int) uint32 {
	const k = wordHashK
	h := uint64(j - i)
	for ; j-i > 8; i += 8 {
		h = (h ^ swar.Load64(s, i)) * k
		h ^= h >> 32
	}
	n := uint(j-i) * 8 // the bits left, 0 to 64
	var x uint64
	switch {
	case i+8 <= len(s):
		x = swar.Load64(s, i) & (1<<n - 1)
	case j >= 8:
		x = swar.Load64(s, j-8) >> (64 - n)
	default:
		for p := j - 1; p >= i; p-- {
			x = x<<8 | uint64(s[p])
		}
	}
	h = (h ^ x) * k
	return uint32(h ^ h>>32)
}

// wordHashK is wordHash's multiplier: 2^64 over the golden ratio, odd.
const wordHashK = 0x9e3779b97f4a7c15

// shortHash is wordHash of a word of n bytes, one to eight, whose bytes
// are the little-endian number x, as the tokeniser has read them.
func shortHash(x uint64, n int) uint32 {
	h := (uint64(n) ^ x) * wordHashK
	return uint32(h ^ h>>32)
}

// loadLE returns the zero to eight bytes s[i:j] as a little-endian number,
// zero-padded. It reads the eight bytes at i, masked, when s goes on that
// far, else the eight that end at j, shifted, and byte by byte only when s
// is shorter than eight bytes.
func loadLE(s string, i, j int) uint64 {
	n := uint(j-i) * 8 // the bits to keep, 0 to 64
	switch {
	case i+8 <= len(s):
		return swar.Load64(s, i) & (1<<n - 1)
	case j >= 8:
		return swar.Load64(s, j-8) >> (64 - n)
	}
	var x uint64
	for p := j - 1; p >= i; p-- {
		x = x<<8 | uint64(s[p])
	}
	return x
}

// properName reports whether an alias is a name ("Joe Biden") rather
// than a description ("the U.S. president").
func properName(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameJoiners[strings.ToLower(w)] && !arabicArticle(w) {
			return false // "the U.S. president", "Trump administration"
		}
	}
	return s != ""
}

// With returns a dictionary with the entries of more added; the rows of
// more replace every row of a with the same canonical name.
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

// mayName reports whether a token folded to f can be part of a key, as
// it is or once stripTitles has dropped titles and initials: each of its
// words is a word of a key or a title, or one letter. A run of tokens
// with one that cannot is no key, so mentions need not look it up.
func (a *Actors) mayName(f string) bool {
	for f != "" {
		w, rest, _ := strings.Cut(f, " ")
		if len(w) > 1 && !a.words[w] {
			return false
		}
		f = rest
	}
	return true
}

// Len returns the number of rows.
func (a *Actors) Len() int { return len(a.list) }

// titleWords are folded titles, ranks and descriptions stripped from the
// front of a name before lookup, longest first where one is the prefix of
// another.
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Split(`the|a|an|former|then|acting|interim|deputy|senior|top|chief|incoming|outgoing|
us|u s|united states|american|russian|ukrainian|chinese|taiwanese|iranian|israeli|palestinian|saudi|emirati|qatari|
egyptian|turkish|syrian|iraqi|yemeni|lebanese|european|eu|british|uk|french|german|ethiopian|sudanese|colombian|cuban|
nicaraguan|brazilian|mexican|north korean|south korean|korean|japanese|indian|pakistani|afghan|venezuelan|salvadoran|
norwegian|un|u n|nato|white house|state department|national security council|pentagon|kremlin|
president|vice president|president elect|president-elect|prime minister|premier|chancellor|king|queen|emir|crown prince|prince|sheikh|
secretary|secretary of state|secretary general|secretary-general|minister|foreign minister|defence minister|defense minister|
defense secretary|defence secretary|foreign secretary|home secretary|interior minister|finance minister|treasury secretary|
press secretary|national security adviser|national security advisor|adviser|advisor|special envoy|envoy|ambassador|
spokesman|spokeswoman|spokesperson|senator|sen|rep|representative|congressman|congresswoman|gov|governor|mayor|
speaker|house speaker|leader|opposition leader|supreme leader|ayatollah|general|gen|lt|col|commander|army chief|
field marshal|marshal|director|senior director|mr|mrs|ms|dr|sir|lord|madam|candidate|presidential candidate|hopeful|
democratic|republican|democrat|sen|gop|front runner|frontrunner|top diplomat|diplomat|official|aide|judge|justice|attorney general|
pope|cardinal|archbishop|bishop|rev`, "|") {
		m[strings.TrimSpace(t)] = true
	}
	return m
}()

// titleFirst holds the first word of each of titleWords.
var titleFirst = func() map[string]bool {
	m := map[string]bool{}
	for t := range titleWords {
		first, _, _ := strings.Cut(t, " ")
		m[first] = true
	}
	return m
}()

// stripTitles removes leading titles and one-letter middle initials from
// a folded name, keeping at least one word.
func stripTitles(s string) string {
	if !mayStrip(s) {
		return s // most names: no copy
	}
	if plainWords(s) {
		return stripPlainTitles(s)
	}
	return stripFieldTitles(s)
}

// stripFieldTitles is stripTitles for any folded name, by way of
// strings.Fields and strings.Join; stripPlainTitles does the same by
// offset for a name of plain words.
func stripFieldTitles(s string) string {
	w := strings.Fields(s)
	for len(w) > 1 {
		n := 0
		for k := min(4, len(w)-1); k >= 1; k-- {
			if titleWords[strings.Join(w[:k], " ")] {
				n = k
				break
			}
		}
		if n == 0 {
			break
		}
		w = w[n:]
	}
	if len(w) > 2 {
		out := w[:1]
		for _, x := range w[1 : len(w)-1] {
			if len(x) > 1 {
				out = append(out, x)
			}
		}
		w = append(out, w[len(w)-1])
	}
	return strings.Join(w, " ")
}

// plainWords reports whether s is ASCII words between single spaces, with
// no other white space: s is strings.Join(strings.Fields(s), " ").
func plainWords[S string | []byte](s S) bool {
	if len(s) == 0 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' && s[i-1] == ' ', c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		}
	}
	return true
}

// stripPlainTitles is stripTitles for plainWords, cutting titles off by
// offset rather than splitting s into words and joining them again.
func stripPlainTitles(s string) string {
	s = cutTitles(s)
	first, last, ok := middleInitial(s)
	if !ok {
		return s
	}
	return string(appendNoInitials(make([]byte, 0, len(s)), s, first, last))
}

// appendStripTitles is stripTitles for a folded name in bytes: it returns
// s itself, a part of it, or the stripped name appended to dst[:0].
func appendStripTitles(dst, s []byte) []byte {
	if !mayStrip(s) {
		return s
	}
	if !plainWords(s) {
		return append(dst[:0], stripFieldTitles(string(s))...)
	}
	s = cutTitles(s)
	first, last, ok := middleInitial(s)
	if !ok {
		return s
	}
	return appendNoInitials(dst[:0], s, first, last)
}

// cutTitles cuts the leading titles off a name of plainWords, keeping at
// least one word.
func cutTitles[S string | []byte](s S) S {
	for {
		// ends[k-1] is the end of the k-th word, for k up to 4 and
		// short of the last word.
		var ends [4]int
		n := 0
		for i := 0; i < len(s) && n < len(ends); i++ {
			if s[i] == ' ' {
				ends[n] = i
				n++
			}
		}
		cut := -1
		for k := n; k >= 1; k-- {
			if titleWords[string(s[:ends[k-1]])] {
				cut = ends[k-1]
				break
			}
		}
		if cut < 0 {
			return s
		}
		s = s[cut+1:]
	}
}

// middleInitial returns the first and last space of a name of plainWords
// and whether a middle word between them has one letter: "antony j
// blinken".
func middleInitial[S string | []byte](s S) (first, last int, ok bool) {
	first, last = -1, -1
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first == last {
		return first, last, false
	}
	for i := first + 1; i < last; i++ {
		if s[i-1] == ' ' && s[i+1] == ' ' {
			return first, last, true
		}
	}
	return first, last, false
}

// appendNoInitials appends to b the name s of plainWords without its
// one-letter middle words; first and last are its first and last space.
func appendNoInitials[S string | []byte](b []byte, s S, first, last int) []byte {
	b = append(b, s[:first]...)
	for i := first + 1; i <= last; {
		j := i
		for j < last && s[j] != ' ' {
			j++
		}
		if j-i > 1 {
			b = append(b, ' ')
			b = append(b, s[i:j]...)
		}
		i = j + 1
	}
	return append(b, s[last:]...)
}

// mayStrip reports whether stripTitles could change s: s is not plain
// ASCII words between single spaces, or it opens with the first word of a
// title, or a middle word of three or more has one letter.
func mayStrip[S string | []byte](s S) bool {
	if len(s) == 0 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	sp, last := -1, -1 // the first and last space
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i-1] == ' ' {
				return true
			}
			if sp < 0 {
				sp = i
			}
			last = i
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return true
		}
	}
	if sp < 0 {
		return false
	}
	if titleFirst[string(s[:sp])] {
		return true
	}
	for i := sp + 1; i < last; i++ {
		// s[i] starts a middle word: one letter when a space follows.
		if s[i-1] == ' ' && s[i+1] == ' ' {
			return true
		}
	}
	return false
}

// Lookup finds the actor name refers to, at any date: an exact match of
// the folded name or one of its aliases, with titles and middle initials
// stripped; else a fuzzy one (see [Actors.fuzzy]). A name that several
// actors share (a surname, a role alias of several terms) finds none.
func (a *Actors) Lookup(name string) (Actor, bool) {
	return a.lookup(name, time.Time{})
}

// lookup is Lookup for names valid at at (any date when at is zero).
func (a *Actors) lookup(name string, at time.Time) (Actor, bool) {
	key := corpus.Fold(name)
	if act, ok := a.exact(key, at); ok {
		return act, true
	}
	k := stripTitles(key)
	if act, ok := a.exact(k, at); ok {
		return act, true
	}
	if a.has(key, at) || a.has(k, at) {
		return Actor{}, false // ambiguous, not misspelt
	}
	return a.fuzzy(k, at)
}

// fuzzy finds the actor whose key is closest to the folded key k:
// Levenshtein distance at most 1 for keys of 5 letters or more, at most 2
// for 9 or more. A tie between two actors finds none. The last word alone
// is tried too, so "Juan Gonzlez" finds Juan Gonzalez through "gonzalez".
func (a *Actors) fuzzy(k string, at time.Time) (Actor, bool) {
	if r := fuzzyRow(a, k, at); r >= 0 {
		return a.list[r], true
	}
	return Actor{}, false
}

// fuzzyRow is Actors.fuzzy for a key in a string or in bytes, returning
// the actor's row in a.list, or -1: the candidates are compared in place,
// not copied out of the list.
func fuzzyRow[S string | []byte](a *Actors, k S, at time.Time) int {
	if len(k) < 5 {
		return -1
	}
	maxd := 1
	if len(k) >= 9 {
		maxd = 2
	}
	best, bestD, tie := -1, maxd+1, false
	for _, nk := range nearKeys(a, k, maxd) {
		if nk.d > bestD {
			continue
		}
		r := a.exactRow(a.index[nk.key], at)
		if r < 0 || !a.list[r].person() {
			continue // places and demonyms are too short and alike: Indiana is not Indian
		}
		switch {
		case nk.d < bestD:
			best, bestD, tie = r, nk.d, false
		case a.list[r].Name != a.list[best].Name:
			tie = true
		}
	}
	if bestD > maxd || tie {
		for i := len(k) - 1; i > 0; i-- {
			if k[i] == ' ' {
				return fuzzyRow(a, k[i+1:], at)
			}
		}
		return -1
	}
	return best
}

// A nearKey is a key of the index at edit distance d from a name.
type nearKey struct {
	key string
	d   int
}

// nearKeys returns the keys at Levenshtein distance at most maxd from k
// (at least 5 bytes) that start with its letter, by length and then in
// order. They do not depend on the date, so the answer is remembered: the
// same unknown names come back article after article.
func nearKeys[S string | []byte](a *Actors, k S, maxd int) []nearKey {
	a.nearMu.RLock()
	v, ok := a.near[string(k)]
	a.nearMu.RUnlock()
	if ok {
		return v
	}
	var out []nearKey
	set := byteSet(k)
	for n := max(5, len(k)-maxd); n <= len(k)+maxd && n < len(a.keys); n++ {
		// Typos and garbling keep the first letter: the keys, sorted,
		// that start with it.
		keys := a.keys[n]
		lo := sort.Search(len(keys), func(i int) bool { return keys[i][0] >= k[0] })
		for _, ak := range keys[lo:] {
			if ak[0] != k[0] {
				break
			}
			if bits.OnesCount64(byteSet(ak)^set) > 2*maxd {
				continue // see byteSet
			}
			if d := editDistance(ak, k, maxd); d <= maxd {
				out = append(out, nearKey{ak, d})
			}
		}
	}
	a.nearMu.Lock()
	if a.near == nil {
		a.near = map[string][]nearKey{}
	}
	if len(a.near) < maxNear {
		a.near[strings.Clone(string(k))] = out
	}
	a.nearMu.Unlock()
	return out
}

// byteSet returns the set of the bytes of s, each as its low six bits: an
// edit takes at most one byte out and puts one in, so two strings within
// edit distance d differ in at most 2d members of their sets, which
// costs a few instructions a byte to tell, not a row of editDistance.
func byteSet[S string | []byte](s S) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		set |= 1 << (s[i] & 63)
	}
	return set
}

// exact returns the actor with the folded key valid at at (any date when
// at is zero). Keys written in the file win over derived ones; a key
// shared by actors of different names finds none; one name's rows prefer
// the undated one, then the first.
func (a *Actors) exact(key string, at time.Time) (Actor, bool) {
	if r := a.exactRow(a.index[key], at); r >= 0 {
		return a.list[r], true
	}
	return Actor{}, false
}

// exactRow is exact for the rows es a key leads to, returning the
// actor's row in a.list, or -1: the rows are read in place, and the
// caller copies the actor only when it keeps it.
func (a *Actors) exactRow(es []entry, at time.Time) int {
	explicit := false
	for _, e := range es {
		if !e.derived && a.list[e.row].validAt(at) {
			explicit = true
		}
	}
	found := -1
	for _, e := range es {
		act := &a.list[e.row]
		if !act.validAt(at) || explicit && e.derived {
			continue
		}
		switch {
		case found < 0:
			found = e.row
		case a.list[found].Name != act.Name:
			return -1
		case !a.list[found].From.IsZero() && act.From.IsZero() && act.To.IsZero():
			found = e.row
		}
	}
	return found
}

// has reports whether key leads to any row valid at at.
func (a *Actors) has(key string, at time.Time) bool {
	return a.hasIn(a.index[key], at)
}

// hasIn is has for the rows es a key leads to.
func (a *Actors) hasIn(es []entry, at time.Time) bool {
	for _, e := range es {
		if a.list[e.row].validAt(at) {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of a and b in bytes, or maxd+1
// when it exceeds maxd. It fills only the cells within maxd of the
// diagonal, capped at maxd+1: a cell further off is further than maxd,
// and so is every path through it; names are some ten bytes and maxd one
// or two, so that is five cells a row rather than ten.
func editDistance[S string | []byte](a string, b S, maxd int) int {
	if d := len(a) - len(b); d > maxd || -d > maxd {
		return maxd + 1
	}
	inf := maxd + 1
	var pbuf, cbuf [32]int
	prev, cur := pbuf[:0], cbuf[:0]
	for j := 0; j <= len(b); j++ {
		prev = append(prev, min(j, inf))
		cur = append(cur, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-maxd), min(len(b), i+maxd)
		if lo == 1 {
			cur[0] = min(i, inf)
		} else {
			cur[lo-1] = inf
		}
		low := cur[lo-1]
		for j := lo; j <= hi; j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c, inf)
			low = min(low, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = inf // the next row reads one cell further
		}
		if low > maxd {
			return maxd + 1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > maxd {
		return maxd + 1
	}
	return prev[len(b)]
}
