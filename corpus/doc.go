// Package corpus reads the text that stance works on: labelled corpora
// (TSV, CSV, JSONL), news articles (plain text with metadata lines, or
// JSONL), and the sentences and tokens inside them.
//
// Every Sentence and Token carries Start/End byte offsets into the text it
// came from, so that text[s.Start:s.End] == s.Text.
package corpus
