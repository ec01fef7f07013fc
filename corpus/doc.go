// Package corpus reads the text that stance works on: labelled corpora
// (TSV, CSV, JSONL), news articles (plain text with metadata lines, or
// JSONL), and the sentences and tokens inside them.
//
// Every Sentence and Token carries Start/End byte offsets into the text it
// came from, so that text[s.Start:s.End] == s.Text.
//
// Unicode work uses golang.org/x/text (NFC, Windows-1252). Written by hand,
// each with its reasons beside it: the sentence splitter (segment.go: the
// Go segmenters we measured split at "U.S." or lose offsets), the repair
// of mojibake and machine-translation debris (clean.go: no Go library
// repairs UTF-8 read as Windows-1252 inside a word), and the tokeniser and
// its filters (token.go, marker.go, lead.go), which must keep byte
// offsets, know negation scope, names and the lead of a news sentence, and
// mark a target's mention; general
// tokenisers give words without those, and the analysis is the hot path
// of training and classifying, so it allocates once per sentence or not
// at all.
package corpus
