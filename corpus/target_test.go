package corpus_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stancemix/stance/corpus"
)

func TestMarkTarget(t *testing.T) {
	tests := []struct {
		name             string
		sentence, target string
		window           int
		want             string
		reason           string
	}{
		{
			name:     "object",
			sentence: "Merkel criticised Trump's plan.",
			target:   "Trump",
			window:   2,
			want:     "Merkel criticised TGT's plan. . L_Merkel L_criticised R_plan CL_Merkel CL_criticised CR_plan",
			reason:   "the first word is never taken for an OTHER name: most are not names",
		},
		{
			name:     "subject",
			sentence: "Merkel criticised Trump's plan.",
			target:   "Merkel",
			window:   2,
			want:     "TGT criticised OTHER's plan. . R_criticised R_OTHER CR_criticised CR_OTHER CR_plan",
			reason:   "the first word can be the target",
		},
		{
			name:     "case and spacing",
			sentence: "Critics say  donald   TRUMP lied.",
			target:   "Donald Trump",
			window:   1,
			want:     "Critics say  TGT lied. . L_say R_lied CL_Critics CL_say CR_lied",
		},
		{
			name:     "last word fallback",
			sentence: "Voters cheered Warren in Iowa.",
			target:   "Senator Elizabeth Warren",
			window:   1,
			want:     "Voters cheered TGT in OTHER. . L_cheered R_in CL_Voters CL_cheered CR_in CR_OTHER",
		},
		{
			name:     "not found",
			sentence: "The senator spoke on Monday.",
			target:   "Pelosi",
			window:   3,
			want:     "The senator spoke on Monday.",
			reason:   "without a mention there is nothing to mark",
		},
		{
			name:     "whole words only",
			sentence: "Then the crowd said he was right.",
			target:   "He",
			window:   1,
			want:     "Then the crowd said TGT was right. . L_said R_was CL_Then CL_the CL_crowd CL_said CR_was CR_right",
			reason:   `"he" inside "Then" and "the" is not a mention`,
		},
		{
			name:     "every mention",
			sentence: "Biden met Putin, and Biden left.",
			target:   "biden",
			window:   1,
			want:     "TGT met OTHER, and TGT left. . R_met L_and R_left CR_met CR_OTHER",
			reason:   "words near any mention are marked; the clause is the first mention's",
		},
		{
			name:     "acronyms stay",
			sentence: "The U.S. and NATO backed Zelensky.",
			target:   "Zelensky",
			window:   0,
			want:     "The U.S. and NATO backed TGT. . CL_The CL_U.S. CL_and CL_NATO CL_backed",
			reason:   "all-capitals words are not names to hide; window 0 adds no L_/R_ words",
		},
		{
			name:     "contraction and final dot",
			sentence: "We’ve backed the U.S. plan.",
			target:   "we",
			window:   1,
			want:     "TGT backed the U.S. plan. . R_backed CR_backed CR_the CR_U.S. CR_plan",
		},
		{
			name:     "initialism target",
			sentence: "Paris thanked the U.S. on Monday.",
			target:   "U.S.",
			window:   1,
			want:     "Paris thanked the TGT on OTHER. . L_the R_on CL_Paris CL_thanked CL_the CR_on CR_OTHER",
			reason:   `the target "U.S." tokenises as "U.S" at the end of a string`,
		},
		{
			name:     "compound",
			sentence: "Inside the Pence-Schumer showdown",
			target:   "Chuck Schumer",
			window:   1,
			want:     "Inside the TGT showdown . L_the R_showdown CL_Inside CL_the CR_showdown",
			reason:   "the whole compound is the mention: the other name in it is lost",
		},
		{
			name:     "no contraction in a name",
			sentence: "O'Brien and Obama spoke.",
			target:   "O",
			window:   1,
			want:     "O'Brien and Obama spoke.",
		},
		{
			name:     "empty target",
			sentence: "Prices rose.",
			target:   " ",
			window:   3,
			want:     "Prices rose.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := corpus.MarkTarget(tt.sentence, tt.target, tt.window)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("MarkTarget(%q, %q, %d) mismatch (-want +got):\n%s\nreason: %s", tt.sentence, tt.target, tt.window, diff, tt.reason)
			}
		})
	}
}

// TestFeaturesTextTarget checks that Features.Text marks the target only
// for a target-aware analysis, and that the marks survive the analyser.
func TestFeaturesTextTarget(t *testing.T) {
	f := corpus.Features{Lower: true, Negation: true}
	s := "Paris did not praise Rome."
	if got := f.Text(s, "Rome"); got != s {
		t.Errorf("Text with Target 0 = %q, want the sentence unchanged", got)
	}
	f.Target = 2
	got := f.Analyzer().Terms(f.Text(s, "Rome"))
	want := []string{"paris", "did", "not", "not_praise", "not_tgt", "l_not", "l_praise", "cl_paris", "cl_did", "cl_not", "cl_praise"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Terms mismatch (-want +got):\n%s", diff)
	}
}

// TestFeaturesTextOptions checks the Adjacent and Lexicon options of a
// target-aware analysis, and Lexicon without a target.
func TestFeaturesTextOptions(t *testing.T) {
	tests := []struct {
		name             string
		f                corpus.Features
		sentence, target string
		want             string
		reason           string
	}{
		{
			name:     "adjacent",
			f:        corpus.Features{Target: 2, Adjacent: true},
			sentence: "Merkel criticised Trump's plan.",
			target:   "Trump",
			want:     "Merkel criticised TGT's plan. . L_Merkel L_criticised L1_criticised R_plan R1_plan CL_Merkel CL_criticised CR_plan",
			reason:   `the possessive "'s" is not a word, so "plan" is adjacent`,
		},
		{
			name:     "lexicon near the target",
			f:        corpus.Features{Target: 2, Lexicon: true},
			sentence: "Merkel criticised Trump's plan.",
			target:   "Trump",
			want:     "Merkel criticised TGT's plan. . L_Merkel L_criticised L_LEXNEG R_plan CL_Merkel CL_criticised CL_LEXNEG CR_plan LEXNEG",
		},
		{
			name:     "lexicon under negation",
			f:        corpus.Features{Target: 1, Lexicon: true},
			sentence: "Voters did not praise Warren, and they attacked Obama.",
			target:   "Warren",
			want:     "Voters did not praise TGT, and they attacked OTHER. . L_praise L_LEXNEG R_and CL_Voters CL_did CL_not CL_praise CL_LEXNEG LEXNEG LEXNEG",
			reason:   `"praise" after "not" counts as negative; the comma ends the scope; other names have no polarity`,
		},
		{
			name:     "lexicon without a target",
			f:        corpus.Features{Lexicon: true},
			sentence: "Critics slammed the plan but praised the hospital.",
			target:   "",
			want:     "Critics slammed the plan but praised the hospital. . LEXNEG LEXNEG LEXPOS",
			reason:   `"critics" and "slammed" are negative; "hospital" does not start with "hosp..." stems of the lexicon`,
		},
		{
			name:     "lexicon, target not found",
			f:        corpus.Features{Target: 3, Lexicon: true},
			sentence: "The harmony held.",
			target:   "Pelosi",
			want:     "The harmony held.",
			reason:   `"harm$" matches the whole word only; without a lexicon word the sentence is unchanged`,
		},
		{
			name:     "target ignored without Target",
			f:        corpus.Features{Lexicon: true, Adjacent: true},
			sentence: "Trump won.",
			target:   "Trump",
			want:     "Trump won. . LEXPOS",
		},
		{
			name:     "word shorter in lower case",
			f:        corpus.Features{Lexicon: true},
			sentence: "The \u212A rose.",
			want:     "The \u212A rose.",
			reason:   "the Kelvin sign (3 bytes) lower-cases to k: the lexicon lookup must not cut 3 bytes of it",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.f.Text(tt.sentence, tt.target)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%+v.Text(%q, %q) mismatch (-want +got):\n%s\nreason: %s", tt.f, tt.sentence, tt.target, diff, tt.reason)
			}
		})
	}
}

func BenchmarkMarkTarget(b *testing.B) {
	const s = "Senator Elizabeth Warren, who has criticised the bank, said on Tuesday that President Donald Trump's tax plan would not help working families in Ohio."
	b.ReportAllocs()
	for b.Loop() {
		corpus.MarkTarget(s, "Donald Trump", 3)
	}
}

func FuzzMarkTarget(f *testing.F) {
	f.Add("Merkel criticised Trump's plan.", "Trump", 3)
	f.Add("“Le Pen” — said Macron’s aide, “non.”", "Macron", 2)
	f.Add("", "", 0)
	f.Add("a b c", "b", -1)
	f.Fuzz(func(t *testing.T, sentence, target string, window int) {
		window %= 50
		got := corpus.MarkTarget(sentence, target, window)
		if utf8.ValidString(sentence) && !utf8.ValidString(got) {
			t.Errorf("MarkTarget(%q, %q, %d) = %q, not valid UTF-8", sentence, target, window, got)
		}
		if got != sentence && !strings.Contains(got, corpus.TargetTerm) {
			t.Errorf("MarkTarget(%q, %q, %d) = %q: changed without a target mark", sentence, target, window, got)
		}
		f := corpus.Features{Target: window, Adjacent: true, Lexicon: true}
		got = f.Text(sentence, target)
		if utf8.ValidString(sentence) && !utf8.ValidString(got) {
			t.Errorf("%+v.Text(%q, %q) = %q, not valid UTF-8", f, sentence, target, got)
		}
		if !strings.HasPrefix(got, sentence) && !strings.Contains(got, corpus.TargetTerm) {
			t.Errorf("%+v.Text(%q, %q) = %q: changed the sentence without a target mark", f, sentence, target, got)
		}
	})
}
