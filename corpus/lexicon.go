package corpus

import "strings"

// lexPolarity returns +1 for a word of the sentiment lexicon that praises
// or supports, -1 for one that blames or attacks, and 0 otherwise. The
// lexicon is ours, written for stance from no third-party list: about 380
// word stems as they occur in political news, matched as prefixes of the
// lower-cased word.
//
// A stem ending in "$" matches the whole word only ("harm$" is not
// "harmony").
func lexPolarity(w string) int8 {
	if len(w) < 3 {
		return 0
	}
	// Lower-casing can shorten a word: the Kelvin sign "\u212A" (3 bytes)
	// becomes "k".
	return lexPolarityLower(lower(w))
}

// lexPolarityLower is lexPolarity of a word that is lower-cased already.
func lexPolarityLower(w string) int8 {
	if !mayLex(w) {
		return 0
	}
	k := (int(w[0]-'a')*26+int(w[1]-'a'))*26 + int(w[2]-'a')
	for _, e := range lexEntries[lexStart[k]:lexStart[k+1]] {
		// The first three bytes are the key's; the fourth, if the stem
		// has one, tells most stems apart before they are compared.
		if len(e.stem) > 3 && (len(w) <= 3 || w[3] != e.stem[3]) {
			continue
		}
		if e.whole && w == e.stem || !e.whole && strings.HasPrefix(w, e.stem) {
			return e.pol
		}
	}
	return 0
}

// mayLex reports whether some stem of the lexicon starts with the first
// three bytes of w, lower-cased: false for most words, which need not be
// looked up further. It is inlined into its callers, which call it for
// every word of every sentence.
func mayLex(w string) bool {
	if len(w) < 3 {
		return false
	}
	a, b, c := uint(w[0]-'a'), uint(w[1]-'a'), uint(w[2]-'a') // below 'a' wraps past 32
	if a|b|c >= 32 {
		return false
	}
	k := a<<10 | b<<5 | c
	return lexKeys[k/64]&(1<<(k%64)) != 0
}

// lexKeys has the bit a<<10 | b<<5 | c set for the first three letters a
// b c (from 0) of each stem: 4 KiB, which stays in the cache, where
// lexStart takes 35.
var lexKeys = func() (keys [32 * 32 * 32 / 64]uint64) {
	for _, s := range append(append([]string{}, lexNegative...), lexPositive...) {
		k := uint(s[0]-'a')<<10 | uint(s[1]-'a')<<5 | uint(s[2]-'a')
		keys[k/64] |= 1 << (k % 64)
	}
	return keys
}()

type lexEntry struct {
	stem  string // without its "$"
	whole bool   // the stem had a "$": it matches the whole word only
	pol   int8
}

// lexEntries holds the lexicon by the first three letters of its stems
// (all start with three lower-case letters), negative stems first within
// them, so that a word matching both is negative; lexStart[k] is where the
// stems of key k, (a*26+b)*26+c for letters a b c from 0, start in it.
// Arrays, cheaper to look up than a map, and few stems to try per key.
var lexEntries, lexStart = func() ([]lexEntry, *[26*26*26 + 1]uint16) {
	var start [26*26*26 + 1]uint16
	key := func(s string) int { return (int(s[0]-'a')*26+int(s[1]-'a'))*26 + int(s[2]-'a') }
	all := append(append([]string{}, lexNegative...), lexPositive...)
	for _, s := range all {
		start[key(s)+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	entries := make([]lexEntry, len(all))
	next := start
	for i, s := range all {
		stem, whole := strings.CutSuffix(s, "$")
		pol := int8(1)
		if i < len(lexNegative) {
			pol = -1
		}
		k := key(s)
		entries[next[k]] = lexEntry{stem, whole, pol}
		next[k]++
	}
	return entries, &start
}()

var lexNegative = []string{
	"abus", "accus", "alleg", "angr", "anger", "attack", "awful", "bad", "bashed", "bashing", "berat", "betray",
	"blam", "blast", "bigot", "bully", "chaos", "chaotic", "cheat", "clash", "condemn", "corrupt",
	"coward", "crimin", "crisis", "critic", "crook", "cruel", "damag", "danger", "deceiv", "decept",
	"decry", "decri", "defeat", "demean", "denounc", "deplor", "disaster", "disastr", "disgrac",
	"dishonest", "dismiss", "disparag", "disput", "distrust", "divisive", "fail", "fake", "false",
	"falsel", "fault", "feud", "fired", "flaw", "fraud", "furious", "harass", "hate", "hatred",
	"horribl", "hostil", "hypocri", "idiot", "ignoran", "illegal", "impeach", "incompet", "indict",
	"insult", "investigat", "lambast", "liar", "lied", "lies", "lying", "mislead", "misled",
	"mock", "nasty", "obstruct", "offens", "outrag", "oust", "pathetic", "problem", "protest",
	"punish", "racis", "rebuk", "reckless", "refus", "reject", "resign", "ridicul", "rigged", "riot",
	"scandal", "scath", "scold", "scorn", "shame", "slam", "smear", "stupid", "subpoena",
	"sued", "suing", "threat", "traitor", "trash", "troubl", "unfit", "unpopular", "upset", "violat",
	"violen", "vulgar", "weak", "worse", "worst", "wrong", "xenophob", "derid", "denigrat", "assail",
	"undermin", "blunder", "controvers", "embattl", "oppos", "struggl", "tension", "warn", "worr",
	"fear", "concern", "scrutin", "probe", "charged", "convict", "guilty", "sentenced", "arrest", "jail",
	"prison", "crime", "misconduct", "assault", "rape", "harm$", "harmed", "harmful", "harming", "harms", "murder", "sexis", "misogyn", "extremis",
	"toxic", "lose", "losing", "lost", "loss", "slump", "plummet", "bitter", "rift", "spat",
	"backlash", "fury", "frustrat", "embarrass", "humiliat", "gaffe", "misstep", "mistake", "inept",
	"incoheren", "erratic", "unhinged", "crazy", "lunatic", "dumb", "fool", "clown", "hoax", "conspir",
	"collu", "brib", "kickback", "illicit", "unlawful", "cover-up", "perjur", "coerc", "extort",
	"intimidat", "retaliat", "vengean", "reveng", "polariz", "polaris", "incit", "inflam", "distort",
	"exaggerat", "dodg", "evasi", "stonewall", "defian", "defy", "snub", "neglect", "abandon", "culpab",
	"ouster", "disgust", "despis", "loath", "hostage", "terribl", "incorrect", "ineffect", "unfair",
	"jab", "harsh", "unrelent", "swipe", "taunt", "disturb", "dishonor", "discredit", "disrespect", "disappoint", "unacceptabl", "irresponsib", "shameful", "chastis", "excoriat", "vilif", "demoniz", "demonis", "contempt", "ugly",
}

var lexPositive = []string{
	"acclaim", "admire", "admiring", "admiration", "applaud", "backing", "beloved", "best", "boost", "brave", "brilliant",
	"celebrat", "champion", "cheer", "commend", "compliment", "congratul", "courag", "decent",
	"defended", "defending", "defends", "endors", "enthusias", "excellent", "fantastic", "favor", "favour", "friend", "generous",
	"good", "grate", "great", "hail", "help", "hero$", "heroes", "heroic", "honest", "honor", "honour", "hope", "impress",
	"inspir", "integrity", "lauded", "lauds", "lauding", "love", "loyal", "popular", "prais",
	"proud", "respect", "restor", "strong", "success", "succeed", "support", "talent", "thank", "tribute",
	"trust", "victory", "victori", "winn", "wins", "won", "wonderful", "accomplish", "achiev", "allies", "ally", "smart",
	"qualified", "approv", "credit", "optimis", "benefit", "improv", "protect", "effective", "capable",
	"competent", "experienced", "calm", "steady", "historic", "landmark", "triumph", "surge", "surging", "dedicat",
	"passionat", "legend", "icon", "pioneer", "warm$", "warmly", "charm", "humbl", "genuine", "fair$", "fairness", "forgiv",
	"healed", "healing", "peace", "accomplished", "advocat", "encourag", "excit", "glad", "happy", "pleas",
	"delight", "promising", "innovat", "award", "reward", "deserv", "vindicat", "exonerat", "acquit",
	"compassion", "caring", "thoughtful", "principled", "visionar", "reliab", "admired", "esteem",
	"gratitud", "welcom", "wise", "progress", "reform", "embrac", "rallied",
}
