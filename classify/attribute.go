package classify

import (
	"strings"
	"time"
	"unicode"

	"github.com/stancemix/stance/corpus"
)

// Attribution is written by hand: no maintained Go library attributes
// quotes and reported speech in news, and the rules that wire copy follows
// are few and regular. For each sentence it finds the names (dictionary
// aliases, and capitalised names that are not in it), the reporting cue
// ("said", "according to", "X's statement said"), and picks whose position
// the sentence states:
//
//   - "according to X", "X said", "said X", '"...," X told reporters';
//   - a spokesman reporting someone ("Price said in a statement: Blinken
//     stressed ...", "..., Price's statement said"): the actor is the
//     person reported on, the speaker the spokesman;
//   - "he said", "He stressed": the last person named;
//   - "an aide to President Joe Biden said": the official named next, when
//     the next sentence names one of the same side, else Biden;
//   - a quotation with no cue of its own: the speaker of the sentence
//     before;
//   - no cue: the name that opens the sentence ("Maduro closed the talks").

// An Attribution says whose position a sentence states.
type Attribution struct {
	Actor   string // canonical name when known, else the name as written; "" for none
	Group   string // the actor's group; "" when unknown
	Speaker string // who said it, when not the actor (a spokesman)
	Cue     string // the reporting cue found
	Target  string // the first other actor named, for target-aware sentiment
	Known   bool   // the actor is in the dictionary
}

// reporting verbs, folded.
var cues = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stressed": true, "stresses": true,
	"reiterated": true, "added": true, "adding": true, "warned": true, "warns": true, "urged": true, "urges": true,
	"demanded": true, "demands": true, "proposed": true, "announced": true, "accused": true, "rejected": true,
	"praised": true, "criticised": true, "criticized": true, "insisted": true, "noted": true, "vowed": true,
	"threatened": true, "pledged": true, "welcomed": true, "condemned": true, "spoke": true, "wrote": true,
	"tweeted": true, "declared": true, "argued": true, "stated": true, "asserted": true, "explained": true,
	"committed": true, "called": true, "asked": true, "confirmed": true, "denied": true, "claimed": true,
	"reaffirmed": true, "affirmed": true, "promised": true, "agreed": true, "expressed": true, "acknowledged": true,
	"reported": true, "recognized": true, "recognised": true, "sees": true, "saying": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true}

// name-joining words inside a capitalised name.
var joiners = map[string]bool{"of": true, "de": true, "da": true, "del": true, "al": true, "bin": true, "von": true, "der": true, "van": true, "la": true, "le": true, "el": true}

// words that start sentences in capitals but are not names.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "In": true,
	"On": true, "At": true, "But": true, "And": true, "If": true, "This": true, "That": true, "There": true, "His": true,
	"Her": true, "Their": true, "Its": true, "After": true, "Before": true, "While": true, "When": true, "As": true,
	"More": true, "Relations": true, "Speaking": true, "According": true, "Secretary": true, "President": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true, "Latin": true, "America": true,
}

type word struct {
	text  string // as written (cleaned)
	fold  string
	start int // byte offsets in the cleaned sentence
	end   int
	quote bool // inside a quotation
	poss  bool // written with a possessive 's
}

type mention struct {
	first, last int // word indexes
	name        string
	actor       Actor
	known       bool
}

func (m mention) person() bool { return !m.known || m.actor.person() }

// words splits a cleaned sentence into words, marking quoted ones.
func words(s string) []word {
	var out []word
	inQuote := false
	for i := 0; i < len(s); {
		c := s[i]
		if c == '"' {
			inQuote = !inQuote
			i++
			continue
		}
		r := rune(c)
		if c >= 0x80 {
			r = []rune(s[i:])[0]
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			i += len(string(r))
			continue
		}
		j := i
		for j < len(s) {
			r := []rune(s[j:min(j+4, len(s))])[0]
			if unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '.' || r == '-' || r == '\'') && j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '"') {
				j += len(string(r))
				continue
			}
			break
		}
		t, poss := s[i:j], false
		if strings.HasSuffix(t, "'s") && len(t) > 2 { // possessive: "Biden's aide"
			t, poss = t[:len(t)-2], true
		}
		out = append(out, word{text: t, fold: corpus.Fold(t), start: i, end: j, quote: inQuote, poss: poss})
		i = j
	}
	return out
}

func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// mentions finds the actors named in ws, longest alias first.
func (a *Actors) mentions(ws []word, at time.Time) []mention {
	var out []mention
	for i := 0; i < len(ws); {
		found := false
		for n := min(a.max+3, len(ws)-i); n >= 1; n-- {
			span := ws[i : i+n]
			if !capitalised(span[0].text) && span[0].fold != "the" {
				break
			}
			if !capitalised(span[n-1].text) {
				continue
			}
			text := joinWords(span)
			act, ok := a.exact(stripTitles(corpus.Fold(text)), at)
			if !ok {
				act, ok = a.exact(corpus.Fold(text), at)
			}
			if ok {
				out = append(out, mention{first: i, last: i + n - 1, name: text, actor: act, known: true})
				i += n
				found = true
				break
			}
		}
		if found {
			continue
		}
		// An unknown capitalised name: a run of capitalised words.
		if capitalised(ws[i].text) && !notNames[ws[i].text] {
			j := i
			for j+1 < len(ws) && (capitalised(ws[j+1].text) || (joiners[ws[j+1].fold] && j+2 < len(ws) && capitalised(ws[j+2].text))) && !notNames[ws[j+1].text] {
				j++
			}
			text := joinWords(ws[i : j+1])
			if act, ok := a.lookup(text, at); ok && j > i {
				out = append(out, mention{first: i, last: j, name: text, actor: act, known: true})
			} else if j > i || (j+1 < len(ws) && cues[ws[j+1].fold]) {
				out = append(out, mention{first: i, last: j, name: stripName(text)})
			}
			i = j + 1
			continue
		}
		i++
	}
	return out
}

// stripName drops titles from an unknown name as written.
func stripName(s string) string {
	w := strings.Fields(s)
	for len(w) > 1 {
		f := corpus.Fold(w[0])
		isTitle := false
		for _, t := range titles {
			if f == t {
				isTitle = true
			}
		}
		if !isTitle {
			break
		}
		w = w[1:]
	}
	return strings.Join(w, " ")
}

func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// Attribute attributes each sentence of an article; text is the article
// and published its date (zero when unknown), against which dated roles
// are checked. The result has one Attribution per sentence.
func (a *Actors) Attribute(text string, sents []corpus.Sentence, published time.Time) []Attribution {
	out := make([]Attribution, len(sents))
	type parsed struct {
		clean string
		ws    []word
		ms    []mention
	}
	ps := make([]parsed, len(sents))
	for i, s := range sents {
		clean := corpus.Clean(s.Text)
		ws := words(clean)
		ps[i] = parsed{clean, ws, a.mentions(ws, published)}
	}
	var lastPerson *mention
	prev := Attribution{}
	for i := range sents {
		ws, ms := ps[i].ws, ps[i].ms
		var at Attribution
		var actorM, speakerM *mention
		cue := -1
		for j, w := range ws {
			if cues[w.fold] && !w.quote {
				cue = j
				break
			}
		}
		mentionAt := func(j int) *mention { // the mention covering or ending just before word j
			for k := range ms {
				if ms[k].first <= j && j <= ms[k].last {
					return &ms[k]
				}
			}
			return nil
		}
		// "according to X"
		for j := 0; j+2 < len(ws); j++ {
			if ws[j].fold == "according" && ws[j+1].fold == "to" {
				if m := firstMentionFrom(ms, j+2); m != nil && m.first <= j+4 {
					actorM, at.Cue = m, "according to"
				}
			}
		}
		// "X's statement said": X speaks for the person named first.
		for j := 0; j+2 < len(ws) && actorM == nil; j++ {
			if ws[j].poss && (ws[j+1].fold == "statement" || ws[j+1].fold == "office") && cues[ws[j+2].fold] {
				base := ws[j].text
				sp, ok := a.lookup(base, published)
				spm := &mention{name: base, actor: sp, known: ok}
				if m := firstMentionFrom(ms, 0); m != nil && m.person() && m.first < j && m.actor.Name != sp.Name {
					actorM, speakerM, at.Cue = m, spm, "statement"
				} else {
					actorM, at.Cue = spm, "statement"
				}
			}
		}
		if actorM == nil && cue >= 0 {
			at.Cue = ws[cue].fold
			switch {
			case cue > 0 && pronouns[ws[cue-1].fold]:
				actorM = lastPerson
			case len(ms) > 0 && ms[0].first == 0 && ms[0].last+1 < cue && !ws[0].quote &&
				strings.HasPrefix(strings.TrimSpace(ps[i].clean[ws[ms[0].last].end:ws[ms[0].last+1].start]), ","):
				// An apposition or relative clause after the subject:
				// "Juan Gonzalez, director of ..., stressed".
				actorM = &ms[0]
			case cue > 0 && mentionAt(cue-1) != nil:
				actorM = mentionAt(cue - 1)
			case cue+1 < len(ws) && mentionAt(cue+1) != nil && ws[cue+1].first():
				actorM = mentionAt(cue + 1)
			case len(ms) > 0 && ms[0].first <= 2 && ms[0].last < cue && !ws[ms[0].first].quote:
				// The subject opens the sentence: "Juan Gonzalez,
				// director of ..., stressed".
				actorM = &ms[0]
			default:
				// The last name before the cue, outside quotations.
				for k := len(ms) - 1; k >= 0; k-- {
					if ms[k].last < cue && !ws[ms[k].first].quote {
						actorM = &ms[k]
						break
					}
				}
				if actorM == nil && cue+1 < len(ws) {
					actorM = firstMentionFrom(ms, cue+1)
				}
			}
			// "an aide to President Joe Biden said": the official named
			// next, if any, speaks.
			if actorM != nil && (hasWordBefore(ws, actorM.first, "aide", "official", "adviser", "advisor") || (actorM.last+1 < len(ws) && isAide(ws[actorM.last+1].fold))) {
				for n := i + 1; n < len(sents) && n <= i+3; n++ {
					if m := firstMentionFrom(ps[n].ms, 0); m != nil && m.known && m.actor.person() && m.actor.Group == actorM.actor.Group {
						actorM = m
						break
					}
				}
			}
			// A spokesman reporting someone: "Price said in a statement:
			// Secretary Blinken stressed ...".
			if actorM != nil && actorM.known && actorM.actor.person() {
				for k := range ms {
					m := &ms[k]
					if m.first > cue && m.known && m.actor.person() && m.actor.Name != actorM.actor.Name && m.last+1 < len(ws) && cues[ws[m.last+1].fold] {
						speakerM, actorM = actorM, m
						break
					}
				}
			}
		}
		if actorM == nil && cue < 0 {
			switch {
			case len(ws) > 0 && ws[0].quote && prev.Actor != "":
				at = prev // a quotation continues the speaker before
				at.Target = ""
			case len(ms) > 0 && ms[0].first <= 2:
				actorM = &ms[0] // the subject that opens the sentence
			}
		}
		if actorM != nil {
			at.Actor, at.Known = actorM.name, actorM.known
			if actorM.known {
				at.Actor, at.Group = actorM.actor.Name, actorM.actor.Group
			}
		}
		if speakerM != nil {
			at.Speaker = speakerM.name
			if speakerM.known {
				at.Speaker = speakerM.actor.Name
			}
			if at.Speaker == at.Actor {
				at.Speaker = ""
			}
		}
		for k := range ms {
			name := ms[k].name
			if ms[k].known {
				name = ms[k].actor.Name
			}
			if name != at.Actor && name != at.Speaker {
				at.Target = name
				break
			}
		}
		for k := range ms {
			if ms[k].person() && len(strings.Fields(ms[k].name)) >= 1 && (ms[k].known || ms[k].last > ms[k].first) {
				lastPerson = &ms[k]
			}
		}
		if actorM != nil && actorM.person() {
			lastPerson = actorM
		}
		out[i] = at
		if at.Actor != "" {
			prev = at
		}
	}
	return out
}

func (w word) first() bool { return true }

func isAide(w string) bool {
	return w == "aide" || w == "spokesman" || w == "spokeswoman" || w == "spokesperson" || w == "adviser" || w == "office"
}

func firstMentionFrom(ms []mention, j int) *mention {
	for k := range ms {
		if ms[k].first >= j {
			return &ms[k]
		}
	}
	return nil
}

func hasWordBefore(ws []word, j int, any ...string) bool {
	for k := max(0, j-4); k < j; k++ {
		for _, a := range any {
			if ws[k].fold == a {
				return true
			}
		}
	}
	return false
}
