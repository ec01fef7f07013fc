package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// An Article is one news article. Text holds the article as read (after
// decoding to UTF-8); Body is the byte offset where the body starts, after
// any metadata lines, so that sentence offsets index into Text.
type Article struct {
	ID     string    // from metadata, or the file name (with #line for JSONL)
	Title  string    // from metadata
	Source string    // outlet, from metadata; else the file name
	Date   time.Time // publication date; zero when unknown
	Place  string    // dateline place, e.g. "CARACAS"
	File   string    // file the article came from
	Line   int       // line of a JSONL article, from 1
	Text   string
	Body   int
}

// MaxArticle is the largest article ReadArticle accepts, in bytes.
const MaxArticle = 64 << 20

// metaKeys are the metadata names read at the top of a plain-text article.
var metaKeys = map[string]bool{"date": true, "title": true, "source": true, "id": true, "author": true, "url": true, "published": true, "headline": true}

// ReadArticle reads a plain-text article. Leading lines of the form
// "key: value" with a known key (date, published, title, headline, source,
// id, author, url), or "date VALUE", are metadata, not body; so is a wire
// dateline ("CARACAS, May 27 (Reuters) -") at the start of the body, which
// gives the place and, when the metadata has none, the date. A "date" line
// may run on into the body ("date 2021-05-27 The United States ..."): the
// longest prefix that parses as a date is the date and the rest is body.
// Invalid UTF-8 is decoded as Windows-1252, the usual cause.
func ReadArticle(r io.Reader, name string) (Article, error) {
	buf := readBufs.Get().(*[]byte)
	b, err := readAll((*buf)[:0], r)
	a := Article{}
	switch {
	case err != nil:
		err = fmt.Errorf("%s: %w", name, err)
	case len(b) > MaxArticle:
		err = fmt.Errorf("%s: article larger than %d bytes", name, MaxArticle)
	default:
		a, err = ParseArticle(b, name) // keeps no byte of b: its Text is a copy
	}
	if cap(b) <= maxReadBuf {
		*buf = b[:0]
	}
	readBufs.Put(buf)
	return a, err
}

// readBufs holds the buffers ReadArticle reads files into, each used
// again for the next file, up to maxReadBuf bytes: the article's text is
// copied out of it anyway. A buffer sized for each file, as os.ReadFile
// makes one, cost a Stat (a system call) and an allocation a file.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

const maxReadBuf = 1 << 20

// readAll appends at most MaxArticle+1 bytes of r to b, as io.ReadAll
// reads them: what is past MaxArticle is not read.
func readAll(b []byte, r io.Reader) ([]byte, error) {
	lr := io.LimitReader(r, MaxArticle+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grown as append grows it
		}
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}

// ParseArticle parses the bytes of a plain-text article; see ReadArticle.
func ParseArticle(b []byte, name string) (Article, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return Article{}, fmt.Errorf("%s: binary file (contains NUL bytes)", name)
	}
	text := DecodeText(b)
	a := Article{ID: name, Source: name, File: name, Text: text}
	a.Body = a.readMeta(text)
	if strings.TrimSpace(text[a.Body:]) == "" {
		return a, fmt.Errorf("%s: empty article", name)
	}
	return a, nil
}

// DecodeText returns b as UTF-8 text: as is when it is valid UTF-8 (less a
// byte-order mark), else decoded as Windows-1252.
func DecodeText(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			sb.WriteRune(charmap.Windows1252.DecodeByte(b[0]))
			b = b[1:]
			continue
		}
		sb.Write(b[:n])
		b = b[n:]
	}
	return sb.String()
}

// readMeta reads metadata lines at the top of text and returns the offset
// of the body.
func (a *Article) readMeta(text string) int {
	pos := 0
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		line := text[pos:]
		next := len(text)
		if end >= 0 {
			line = text[pos : pos+end]
			next = pos + end + 1
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			pos = next
			continue
		}
		key, value, ok := metaLine(trimmed)
		if !ok {
			break
		}
		lead := pos + strings.Index(line, trimmed)
		if key == "date" || key == "published" {
			d, rest, ok := leadingDate(value)
			if !ok {
				break
			}
			if a.Date.IsZero() {
				a.Date = d
			}
			if rest != "" {
				// The body starts on the date line itself.
				return lead + len(trimmed) - len(rest)
			}
		} else {
			switch key {
			case "title", "headline":
				a.Title = value
			case "source":
				a.Source = value
			case "id":
				a.ID = value
			}
		}
		pos = next
	}
	// A dateline at the very start of the body.
	for pos < len(text) && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t') {
		pos++
	}
	if place, d, ok := Dateline(text[pos:]); ok {
		a.Place = place
		if a.Date.IsZero() && d.Year() > 0 {
			a.Date = d
		}
	}
	return pos
}

// metaLine splits "key: value" with a known key, or "date value" (the
// colon-less form is accepted for dates only, whose value must parse, so
// that a body line such as "Source statements said ..." stays body).
func metaLine(line string) (key, value string, ok bool) {
	i := strings.IndexAny(line, ": \t")
	if i <= 0 {
		return "", "", false
	}
	key = strings.ToLower(line[:i])
	if !metaKeys[key] {
		return "", "", false
	}
	if line[i] != ':' && key != "date" && key != "published" {
		return "", "", false
	}
	value = strings.TrimSpace(strings.TrimLeft(line[i:], ": \t"))
	return key, value, value != ""
}

// leadingDate finds the longest run of up to six leading words of s that
// parses as a date, and returns the rest of s.
func leadingDate(s string) (time.Time, string, bool) {
	words := strings.Fields(s)
	for n := min(6, len(words)); n > 0; n-- {
		cand := strings.Join(words[:n], " ")
		if d, ok := ParseDate(strings.TrimRight(cand, ".,;")); ok && d.Year() > 0 {
			rest := s
			for _, w := range words[:n] {
				rest = strings.TrimSpace(rest[strings.Index(rest, w)+len(w):])
			}
			return d, rest, true
		}
	}
	return time.Time{}, "", false
}

// A JSONArticle is one line of a JSONL article file.
type JSONArticle struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// An ArticleReader reads articles from a JSONL stream, one object
// {id, date, title, text, source} a line, in the manner of bufio.Scanner.
// A bad line is a *SyntaxError from Article; the scan goes on.
type ArticleReader struct {
	name string
	br   *bufio.Reader
	line int
	a    Article
	err  error
	io   error
}

// NewArticleReader returns a reader of JSONL articles.
func NewArticleReader(r io.Reader, name string) *ArticleReader {
	return &ArticleReader{name: name, br: bufio.NewReaderSize(r, 64<<10)}
}

// Scan advances to the next article or bad line.
func (ar *ArticleReader) Scan() bool {
	for {
		line, tooLong, err := readLineMax(ar.br, MaxArticle)
		if err != nil && err != io.EOF {
			ar.io = fmt.Errorf("%s: %w", ar.name, err)
			return false
		}
		if line == nil && err == io.EOF {
			return false
		}
		ar.line++
		ar.a, ar.err = Article{}, nil
		if tooLong {
			ar.err = &SyntaxError{File: ar.name, Line: ar.line, Msg: fmt.Sprintf("line longer than %d bytes", MaxArticle)}
			return true
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				return false
			}
			continue
		}
		ar.parse(line)
		return true
	}
}

func (ar *ArticleReader) parse(line []byte) {
	var j JSONArticle
	if err := json.Unmarshal(line, &j); err != nil {
		ar.err = &SyntaxError{File: ar.name, Line: ar.line, Msg: "bad JSON: " + err.Error(), Err: err}
		return
	}
	if strings.TrimSpace(j.Text) == "" {
		ar.err = &SyntaxError{File: ar.name, Line: ar.line, Msg: "article has no text"}
		return
	}
	a := Article{ID: j.ID, Title: j.Title, Source: j.Source, File: ar.name, Line: ar.line, Text: j.Text}
	if a.ID == "" {
		a.ID = fmt.Sprintf("%s#%d", ar.name, ar.line)
	}
	if a.Source == "" {
		a.Source = ar.name
	}
	if j.Date != "" {
		d, ok := ParseDate(j.Date)
		if !ok || d.Year() == 0 {
			ar.err = &SyntaxError{File: ar.name, Line: ar.line, Msg: fmt.Sprintf("bad date %q", j.Date)}
			return
		}
		a.Date = d
	}
	if place, d, ok := Dateline(a.Text); ok {
		a.Place = place
		if a.Date.IsZero() && d.Year() > 0 {
			a.Date = d
		}
	}
	ar.a = a
}

// Article returns the current article, or a *SyntaxError for a bad line.
func (ar *ArticleReader) Article() (Article, error) { return ar.a, ar.err }

// Err returns the I/O error that stopped the scan, if any.
func (ar *ArticleReader) Err() error { return ar.io }
