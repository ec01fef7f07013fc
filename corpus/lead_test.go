package corpus_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancemix/stance/corpus"
)

func TestLeadFilter(t *testing.T) {
	f := corpus.Features{Lower: true, Numbers: true, Negation: true, Names: true, Lead: 3}
	for _, c := range []struct {
		text string
		want []string // the lead copies, in order
	}{
		// The first word, names, function words and numbers are passed over.
		{"Kenya has expelled the envoy of Somalia over 2 border raids.", []string{"lead_expelled", "lead_envoy", "lead_over"}},
		// An opening phrase up to its comma.
		{"In a statement on Monday, the ministry condemned the strike on Kharkiv.", []string{"lead_ministry", "lead_condemned", "lead_strike"}},
		// An aside set off by commas, opened by an article, a relative
		// pronoun or a participle.
		{"The minister, a former general, ordered troops to the border.", []string{"lead_minister", "lead_ordered", "lead_troops"}},
		{"The cabinet, meeting in an extraordinary session, closed the consulates.", []string{"lead_cabinet", "lead_closed", "lead_consulates"}},
		// A copy keeps its negation, written before the prefix.
		{"Officials refused to meet the delegation.", []string{"lead_refused", "not_lead_meet", "not_lead_delegation"}},
		// "said" and "that" are passed over: the reported act is the news.
		{"Tehran said that it would resume the talks.", []string{"lead_resume", "lead_talks"}},
		// A comma that opens no aside is not passed over.
		{"Troops withdrew, and the talks resumed.", []string{"lead_withdrew", "lead_talks", "lead_resumed"}},
		// Nothing after the sentence's end is a lead word.
		{"Talks stalled. Diplomats left.", []string{"lead_stalled"}},
		{"Yes.", nil},
	} {
		terms := f.Analyzer().Terms(c.text)
		var got []string
		for _, term := range terms {
			if strings.HasPrefix(term, corpus.LeadPrefix) || strings.HasPrefix(term, "not_"+corpus.LeadPrefix) {
				got = append(got, term)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: lead copies %q, want %q (terms %q)", c.text, got, c.want, terms)
		}
	}
}

func TestLeadFilterOff(t *testing.T) {
	text := "Kenya has expelled the envoy."
	off := corpus.Features{Lower: true}.Analyzer().Terms(text)
	for _, n := range []int{0, -2} {
		if got := (corpus.Features{Lower: true, Lead: n}).Analyzer().Terms(text); !slices.Equal(got, off) {
			t.Errorf("lead %d: %q, want %q", n, got, off)
		}
	}
}
