// Package wiregen writes synthetic wire-style news articles for
// benchmarks: metadata lines, a dateline, a lede, quotes with speech verbs
// and titles, relative and absolute dates, numbers and abbreviations, in
// the shape of the seed articles. The text is made up from the phrase
// lists below (no third-party text) and is the same for the same seed on
// every run and platform.
package wiregen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	datelines = []string{"CARACAS", "WASHINGTON", "BOGOTA", "MEXICO CITY", "OSLO", "HAVANA", "BRUSSELS", "UNITED NATIONS"}
	agencies  = []string{"Reuters", "AFP", "AP", "EFE"}
	subjects  = []string{
		"Secretary of State Antony J. Blinken", "President Joe Biden", "Nicolas Maduro", "Venezuela's President Nicolas Maduro",
		"Opposition leader Juan Guaido", "Washington", "The White House", "The State Department", "Caracas",
		"State Department spokesman Ned Price", "Foreign Minister Jorge Arreaza", "Delcy Rodriguez", "Norway",
		"The European Union", "The U.S. Treasury", "Gen. Vladimir Padrino Lopez", "Maria Corina Machado",
		"Colombian President Ivan Duque", "The Lima Group", "Mr. Gonzalez", "He", "She", "The government", "Officials",
		"Diplomats", "Analysts", "The opposition", "Russia", "China", "Cuba", "The United Nations",
	}
	verbs = []string{
		"imposed new sanctions on", "held talks with", "praised", "met", "warned", "offered aid to", "condemned",
		"called for dialogue with", "rejected the proposal of", "urged", "threatened", "welcomed the move by",
		"accused", "signed an agreement with", "backed", "criticized",
	}
	objects = []string{
		"Caracas", "the opposition", "the Maduro government", "Washington", "Venezuela's state oil company PDVSA",
		"the National Assembly", "Guaido's allies", "the military", "the Lima Group", "the U.S. envoy",
		"the electoral council", "the mediators in Oslo", "Havana", "the E.U. delegation", "No. 2 official Mr. Ruiz",
	}
	tails = []string{
		"", "", "", " on Monday", " on Tuesday", " last week", " in August 2019", " on May 11", " earlier this month",
		" at 10 a.m. on Friday", " in a statement", " in a televised address", " after a two-hour meeting",
		" during a visit to Bogota", " in 2015", " on Jan. 23", " late on Wednesday", " at a news conference",
	}
	quotes = []string{
		"We will continue to put pressure on the regime until there are free and fair elections",
		"The door to negotiations remains open",
		"These sanctions are a criminal act against the Venezuelan people",
		"We support a peaceful, democratic transition in the country",
		"There will be no talks under threats",
		"Our commitment to the Venezuelan people is unwavering",
		"The government is ready to sit down with all sectors",
		"This is an important step toward a negotiated solution",
		"We reject any interference in our internal affairs",
		"Humanitarian aid must reach those who need it most",
	}
	speechVerbs = []string{"said", "told reporters", "said on Twitter", "added", "told Reuters", "said in a statement", "stressed"}
	background  = []string{
		"Venezuela's economic crisis has caused more than 5.6 million people to flee the country, according to the U.N.",
		"Relations between the two countries have been tense since 2019.",
		"Oil output fell to about 500,000 barrels per day, a fraction of its level a decade ago.",
		"The talks, mediated by Norway, were suspended in October.",
		"Inflation reached 2,700% last year, the central bank said.",
		"The opposition boycotted the vote, calling it a sham.",
		"More than 50 countries recognized Guaido as interim president in 2019.",
		"the measures took effect immediately.",
		"It was not immediately clear whether the sides would meet again.",
		"Prices of basic goods rose 12.5% in March alone.",
	}
)

// midSentence lowercases a subject that is capitalised only because it
// starts a sentence ("He", "The government").
func midSentence(s string) string {
	if s == "He" || s == "She" || strings.HasPrefix(s, "The ") && !strings.HasPrefix(s, "The U") && !strings.HasPrefix(s, "The W") && !strings.HasPrefix(s, "The S") && !strings.HasPrefix(s, "The E") && !strings.HasPrefix(s, "The L") {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

// Article returns the i-th article of the stream rng draws from: metadata
// lines (date, title, source), a blank line, then 6 to 30 paragraphs of
// one to three sentences; about 1.5 to 7 KB.
func Article(rng *rand.Rand, i int) string {
	var b strings.Builder
	year := 2019 + i%4
	month, day := 1+rng.IntN(12), 1+rng.IntN(28)
	subj, obj := pick(rng, subjects), pick(rng, objects)
	fmt.Fprintf(&b, "date: %d-%02d-%02d\ntitle: %s %s %s\nsource: %s\n\n", year, month, day, subj, pick(rng, verbs), obj, pick(rng, agencies))
	fmt.Fprintf(&b, "%s, %s %d (%s) - %s %s %s%s, officials said.", pick(rng, datelines), monthNames[month-1], day, pick(rng, agencies), subj, pick(rng, verbs), obj, pick(rng, tails))
	for range 6 + rng.IntN(25) {
		b.WriteString("\n\n")
		for j := range 1 + rng.IntN(3) {
			if j > 0 {
				b.WriteString(" ")
			}
			switch rng.IntN(5) {
			case 0, 1:
				fmt.Fprintf(&b, "%s %s %s%s.", pick(rng, subjects), pick(rng, verbs), pick(rng, objects), pick(rng, tails))
			case 2:
				fmt.Fprintf(&b, "\u201c%s,\u201d %s %s%s.", pick(rng, quotes), midSentence(pick(rng, subjects)), pick(rng, speechVerbs), pick(rng, tails))
			case 3:
				fmt.Fprintf(&b, "%s %s: \"%s.\"", pick(rng, subjects), pick(rng, speechVerbs), pick(rng, quotes))
			default:
				s := pick(rng, background)
				if s[0] >= 'a' && s[0] <= 'z' {
					s = "Officials said " + s
				}
				b.WriteString(s)
			}
		}
	}
	b.WriteString("\n")
	return b.String()
}

var monthNames = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// Articles returns n articles from seed.
func Articles(seed uint64, n int) []string {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]string, n)
	for i := range out {
		out[i] = Article(rng, i)
	}
	return out
}

// WriteDir writes n articles from seed to dir as a%06d.txt and returns
// their total size in bytes.
func WriteDir(dir string, seed uint64, n int) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var total int64
	for i, a := range Articles(seed, n) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.txt", i)), []byte(a), 0o644); err != nil {
			return total, err
		}
		total += int64(len(a))
	}
	return total, nil
}
