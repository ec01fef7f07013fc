package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// A Record is one labelled sentence of a training or evaluation corpus.
type Record struct {
	Label  string `json:"label"`
	Text   string `json:"text"`
	Actor  string `json:"actor,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
	// Target is the mention a target-aware label is about (e.g. the person
	// a sentiment label is toward); "" for whole-sentence labels.
	Target string `json:"target,omitempty"`
	Line   int    `json:"-"` // line of the record in its file, from 1
	File   string `json:"-"` // the name the reader was given for its input
}

// A Format is the syntax of a labelled corpus.
type Format int

const (
	TSV Format = iota
	CSV
	JSONL
)

func (f Format) String() string {
	switch f {
	case TSV:
		return "tsv"
	case CSV:
		return "csv"
	case JSONL:
		return "jsonl"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat parses "tsv", "csv" or "jsonl" (also "json", "ndjson").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "tsv", "tab":
		return TSV, nil
	case "csv":
		return CSV, nil
	case "jsonl", "json", "ndjson":
		return JSONL, nil
	}
	return 0, fmt.Errorf("unknown corpus format %q (want tsv, csv or jsonl)", s)
}

// FormatOf returns the format a file name's extension names; ok is false
// for an unknown extension.
func FormatOf(name string) (f Format, ok bool) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	if ext == "" || ext == "txt" {
		return 0, false
	}
	f, err := ParseFormat(ext)
	return f, err == nil
}

// A SyntaxError is a line of input that could not be read. It prints as
// "file:line: msg".
type SyntaxError struct {
	File string
	Line int
	Msg  string
	Err  error // the underlying error, if any
}

func (e *SyntaxError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// MaxLine is the longest line a Reader accepts, in bytes. A longer line is
// reported as a SyntaxError and skipped without being held in memory.
const MaxLine = 1 << 20

// ErrNoHeader is wrapped by the error for a TSV or CSV file whose header
// lacks a "label" or "text" column.
var ErrNoHeader = errors.New(`header must name a "label" and a "text" column`)

// A Reader reads labelled records from a TSV, CSV or JSONL stream, in the
// shape of bufio.Scanner:
//
//	rd := corpus.NewReader(r, "train.tsv", corpus.TSV)
//	for rd.Scan() {
//		rec, err := rd.Record()
//		if err != nil { /* a *SyntaxError: warn, or stop */ }
//	}
//	if err := rd.Err(); err != nil { ... }
//
// TSV and CSV files start with a header row naming at least "label" and
// "text", in any order; "actor", "date", "source" and "target" are read
// when present and other columns are ignored. JSONL objects may name the
// text "sentence" and the target "mention" instead, as target-sentiment
// sets such as NewsMTSC do. Blank lines are skipped. Every Record is
// fresh: the Reader keeps no reference to it.
type Reader struct {
	name   string
	format Format
	br     *bufio.Reader
	csv    *csv.Reader
	line   int
	cols   map[string]int
	rec    Record
	err    error // error for the current record
	fatal  error // I/O error or a bad header; stops the scan
	done   bool
}

// NewReader returns a Reader of r; name is used in errors.
func NewReader(r io.Reader, name string, format Format) *Reader {
	rd := &Reader{name: name, format: format}
	if format == CSV {
		rd.csv = csv.NewReader(r)
		rd.csv.FieldsPerRecord = -1
		rd.csv.ReuseRecord = true
	} else {
		rd.br = bufio.NewReaderSize(r, 64<<10)
	}
	return rd
}

// Scan advances to the next record or bad line. It returns false at the
// end of input or after an error that stops reading (see Err).
func (rd *Reader) Scan() bool {
	if rd.done {
		return false
	}
	for {
		rd.rec, rd.err = Record{}, nil
		var ok bool
		switch rd.format {
		case CSV:
			ok = rd.scanCSV()
		default:
			ok = rd.scanLine()
		}
		if !ok {
			rd.done = true
			return false
		}
		if rd.err != nil || rd.rec.Label != "" || rd.rec.Text != "" {
			return true
		}
	}
}

// Record returns the current record, or a *SyntaxError for a bad line.
func (rd *Reader) Record() (Record, error) { return rd.rec, rd.err }

// Err returns the error that stopped the scan: an I/O error, or a
// *SyntaxError for a missing or bad header. It is nil at a clean end.
func (rd *Reader) Err() error { return rd.fatal }

func (rd *Reader) syntax(format string, args ...any) *SyntaxError {
	return &SyntaxError{File: rd.name, Line: rd.line, Msg: fmt.Sprintf(format, args...)}
}

// scanLine reads the next non-blank line of a TSV or JSONL file.
func (rd *Reader) scanLine() bool {
	for {
		line, tooLong, err := readLineMax(rd.br, MaxLine)
		if err != nil && err != io.EOF {
			rd.fatal = fmt.Errorf("%s: %w", rd.name, err)
			return false
		}
		if line == nil && err == io.EOF {
			if rd.cols == nil && rd.format == TSV && rd.fatal == nil {
				rd.fatal = rd.syntax("empty file: want a header row naming label and text")
			}
			return false
		}
		rd.line++
		if tooLong {
			rd.err = rd.syntax("line longer than %d bytes", MaxLine)
			return true
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				return false
			}
			continue
		}
		if rd.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if !utf8.Valid(line) {
			rd.err = rd.syntax("invalid UTF-8")
			return true
		}
		if rd.format == JSONL {
			rd.parseJSON(line)
			return true
		}
		fields := strings.Split(strings.TrimRight(string(line), "\r"), "\t")
		if rd.cols == nil {
			cols, err := header(fields)
			if err != nil {
				rd.fatal = &SyntaxError{File: rd.name, Line: rd.line, Msg: err.Error(), Err: err}
				return false
			}
			rd.cols = cols
			continue
		}
		rd.fields(fields)
		return true
	}
}

// readLineMax returns the next line without its newline. A line longer
// than max is consumed and reported with tooLong set, without being kept.
// The line may be br's buffer: it is valid only until the next read.
func readLineMax(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for first := true; ; first = false {
		frag, err := br.ReadSlice('\n')
		if first && err == nil && len(frag) <= max+1 {
			// The whole line is in the buffer, as nearly every
			// line is: no copy.
			return frag[:len(frag)-1], false, nil
		}
		if !tooLong {
			if len(buf)+len(frag) > max+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		if err == io.EOF && len(frag) == 0 && buf == nil && !tooLong {
			return nil, false, io.EOF
		}
		if tooLong {
			return []byte{}, true, err
		}
		return bytes.TrimSuffix(buf, []byte("\n")), false, err
	}
}

func header(fields []string) (map[string]int, error) {
	cols := make(map[string]int)
	for i, f := range fields {
		name := strings.ToLower(strings.TrimSpace(f))
		if _, dup := cols[name]; dup && name != "" {
			return nil, fmt.Errorf("header names column %q twice", name)
		}
		cols[name] = i
	}
	_, hasLabel := cols["label"]
	_, hasText := cols["text"]
	if !hasLabel || !hasText {
		return nil, fmt.Errorf("%w (got %q)", ErrNoHeader, strings.Join(fields, ","))
	}
	return cols, nil
}

func (rd *Reader) fields(fields []string) {
	get := func(col string) string {
		i, ok := rd.cols[col]
		if !ok || i >= len(fields) {
			return ""
		}
		return strings.TrimSpace(fields[i])
	}
	if len(fields) < len(rd.cols) && rd.cols["text"] >= len(fields) {
		rd.err = rd.syntax("%d fields, header has %d", len(fields), len(rd.cols))
		return
	}
	rd.rec = Record{Label: get("label"), Text: get("text"), Actor: get("actor"), Date: get("date"), Source: get("source"), Target: get("target"), Line: rd.line, File: rd.name}
	rd.check()
}

func (rd *Reader) check() {
	switch {
	case rd.rec.Label == "":
		rd.err = rd.syntax("missing label")
	case rd.rec.Text == "":
		rd.err = rd.syntax("missing text")
	case strings.ContainsAny(rd.rec.Label, " \t"):
		rd.err = rd.syntax("label %q contains a space", rd.rec.Label)
	}
}

func (rd *Reader) parseJSON(line []byte) {
	var v struct {
		Label  *string `json:"label"`
		Text   *string `json:"text"`
		Actor  string  `json:"actor"`
		Date   string  `json:"date"`
		Source string  `json:"source"`
		Target string  `json:"target"`
		// NewsMTSC and similar target-sentiment sets.
		Sentence *string `json:"sentence"`
		Mention  string  `json:"mention"`
	}
	if err := json.Unmarshal(line, &v); err != nil {
		rd.err = &SyntaxError{File: rd.name, Line: rd.line, Msg: "bad JSON: " + err.Error(), Err: err}
		return
	}
	rd.rec = Record{Actor: v.Actor, Date: v.Date, Source: v.Source, Target: v.Target, Line: rd.line, File: rd.name}
	if v.Label != nil {
		rd.rec.Label = strings.TrimSpace(*v.Label)
	}
	if v.Text == nil {
		v.Text = v.Sentence
	}
	if v.Text != nil {
		rd.rec.Text = strings.TrimSpace(*v.Text)
	}
	if rd.rec.Target == "" {
		rd.rec.Target = v.Mention
	}
	rd.check()
}

func (rd *Reader) scanCSV() bool {
	for {
		fields, err := rd.csv.Read()
		if err == io.EOF {
			if rd.cols == nil {
				rd.fatal = rd.syntax("empty file: want a header row naming label and text")
			}
			return false
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			rd.line = perr.Line
			if rd.cols == nil {
				rd.fatal = &SyntaxError{File: rd.name, Line: perr.Line, Msg: perr.Err.Error(), Err: err}
				return false
			}
			rd.err = &SyntaxError{File: rd.name, Line: perr.Line, Msg: perr.Err.Error(), Err: err}
			return true
		}
		if err != nil {
			rd.fatal = fmt.Errorf("%s: %w", rd.name, err)
			return false
		}
		if len(fields) > 0 { // FieldPos panics on a record with no fields
			rd.line, _ = rd.csv.FieldPos(0)
		}
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		for _, f := range fields {
			if !utf8.ValidString(f) {
				rd.err = rd.syntax("invalid UTF-8")
				return true
			}
		}
		if rd.cols == nil {
			if len(fields) > 0 {
				fields[0] = strings.TrimPrefix(fields[0], "\ufeff")
			}
			cols, err := header(fields)
			if err != nil {
				rd.fatal = &SyntaxError{File: rd.name, Line: rd.line, Msg: err.Error(), Err: err}
				return false
			}
			rd.cols = cols
			continue
		}
		rd.fields(fields)
		return true
	}
}

// ReadAll reads every record of r. It stops at the first bad line and
// returns its *SyntaxError.
func ReadAll(r io.Reader, name string, format Format) ([]Record, error) {
	var recs []Record
	rd := NewReader(r, name, format)
	for rd.Scan() {
		rec, err := rd.Record()
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	return recs, nil
}

// ReadFile reads every record of the named file, its format taken from the
// extension (.tsv, .csv, .jsonl).
func ReadFile(path string) ([]Record, error) {
	format, ok := FormatOf(path)
	if !ok {
		return nil, fmt.Errorf("%s: unknown corpus extension (want .tsv, .csv or .jsonl)", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, path, format)
}
