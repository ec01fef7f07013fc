package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/stancemix/stance/classify"
	"github.com/stancemix/stance/cmd/stance/internal/progress"
	"github.com/stancemix/stance/corpus"
	"github.com/stancemix/stance/models"
)

// articleExts are the file extensions read from folders.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".jsonl": true}

// expandArgs turns files, folders and "-" into a sorted list of inputs.
// Folders are walked for article files; unreadable entries are reported
// and skipped.
func expandArgs(e *env, args []string) []string {
	var out []string
	for _, arg := range args {
		if arg == "-" {
			out = append(out, arg)
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil {
			e.warnf("%v", err)
			continue
		}
		if !fi.IsDir() {
			out = append(out, arg)
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				e.warnf("%v", err)
				if d != nil && d.IsDir() && path != arg {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && path != arg {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && articleExts[strings.ToLower(filepath.Ext(name))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			e.warnf("%v", err)
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out
}

// readArticles reads the articles of one input and passes each to yield
// as soon as it is read, until yield returns false: the articles of a
// large JSONL file are classified while the rest is still being read.
// Bad articles and lines are passed to warn and skipped; warn returns
// false to stop, as yield does.
func readArticles(e *env, path, inputFormat string, yield func(corpus.Article) bool, warn func(error) bool) {
	name, r := path, io.Reader(nil)
	if path == "-" {
		name, r = "<stdin>", e.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			warn(err)
			return
		}
		defer f.Close()
		r = f
	}
	jsonl := inputFormat == "jsonl" || (inputFormat == "" && strings.EqualFold(filepath.Ext(path), ".jsonl"))
	if !jsonl {
		a, err := corpus.ReadArticle(r, name)
		if err != nil {
			warn(err)
			return
		}
		yield(a)
		return
	}
	ar := corpus.NewArticleReader(bufio.NewReader(r), name)
	for ar.Scan() {
		a, err := ar.Article()
		if err != nil {
			if !warn(err) {
				return
			}
			continue
		}
		if !yield(a) {
			return
		}
	}
	if err := ar.Err(); err != nil {
		warn(err)
	}
}

// classified is one article's statements, or a problem reading an input.
type classified struct {
	article    corpus.Article
	statements []classify.Statement
	err        error
	readErr    error // an input or a line of it could not be read: no article

	out    []byte // the statements rendered for output, with classifyAll's render
	outErr error  // render's error
}

// classifyAll classifies the articles of every input on all cores and
// calls emit for each article in input order. render, when not nil, runs
// on the core that classified an article and fills in its out and outErr,
// so that formatting the output is shared out too.
func classifyAll(ctx context.Context, e *env, c *classify.Classifier, inputs []string, inputFormat string, render func(classified) ([]byte, error), emit func(classified) error) error {
	// Classifying allocates fast and keeps little alive but the models:
	// collect garbage when the heap has grown to five times what is live
	// rather than twice, unless GOGC says otherwise. About 10 % less CPU
	// time for about 50 MB more memory.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	type job struct {
		a   corpus.Article
		out chan classified
	}
	jobs := make(chan job)
	results := make(chan chan classified, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				sts, err := c.Article(j.a)
				r := classified{article: j.a, statements: sts, err: err}
				if err == nil && render != nil {
					r.out, r.outErr = render(r)
				}
				j.out <- r
			}
		}()
	}
	go func() {
		defer close(results)
		defer close(jobs)
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			readArticles(e, in, inputFormat, func(a corpus.Article) bool {
				if ctx.Err() != nil {
					return false
				}
				out := make(chan classified, 1)
				results <- out
				jobs <- job{a, out}
				return true
			}, func(err error) bool {
				// Reported by the loop below, in input order, so that only
				// one goroutine writes to stderr.
				out := make(chan classified, 1)
				out <- classified{readErr: err}
				results <- out
				return ctx.Err() == nil
			})
		}
	}()
	total := int64(len(inputs))
	for _, in := range inputs {
		if in == "-" || strings.EqualFold(filepath.Ext(in), ".jsonl") || inputFormat == "jsonl" {
			total = 0 // articles per input unknown: count and rate only
		}
	}
	bar := progress.New(e.stderr, total, "articles", e.quiet)
	defer bar.Done()
	var firstErr error
	for out := range results {
		r := <-out
		if r.readErr != nil {
			e.warnf("%v", r.readErr)
			continue
		}
		bar.Add(1)
		if firstErr != nil {
			continue
		}
		if r.err != nil {
			e.warnf("%s: %v", r.article.ID, r.err)
			continue
		}
		if err := emit(r); err != nil {
			firstErr = err
		}
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// classifierFlags are the flags shared by commands that classify articles.
type classifierFlags struct {
	model, actors, sentiment, inputFormat string
	threshold                             float64
	quiet                                 bool

	loaded *models.Model // the --model, once loaded
}

func (cf *classifierFlags) register(fs interface {
	StringVar(*string, string, string, string)
	Float64Var(*float64, string, float64, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&cf.model, "model", "", "stance model `file` (default: the embedded model)")
	fs.StringVar(&cf.actors, "actors", "", "actor dictionary `file` (TSV) that adds to or overrides the built-in one")
	fs.StringVar(&cf.sentiment, "sentiment", "news", "sentiment `model`: news (the embedded news model), movie (the cdipaolo/sentiment baseline), a model file, or off")
	fs.StringVar(&cf.inputFormat, "input-format", "", "article `format` for - and unknown extensions: text or jsonl")
	fs.Float64Var(&cf.threshold, "threshold", 0, "report statements whose stance probability is below `p` as unclear")
	fs.BoolVar(&cf.quiet, "quiet", false, "no progress bar")
}

// stanceModel returns the --model (or the embedded default), loading it
// once however many times a command asks.
func (cf *classifierFlags) stanceModel() (*models.Model, error) {
	if cf.loaded == nil {
		m, err := loadModel(cf.model)
		if err != nil {
			return nil, err
		}
		cf.loaded = m
	}
	return cf.loaded, nil
}

// tallyLabels is the stance order of tables: the labels of --model when
// one is given, else the four of the default model, without loading it
// for statements that were classified before.
func (cf *classifierFlags) tallyLabels() ([]string, error) {
	if cf.model == "" {
		return []string{"pressure", "negotiation", "support", "neutral"}, nil
	}
	m, err := cf.stanceModel()
	if err != nil {
		return nil, err
	}
	return m.Labels, nil
}

func (cf *classifierFlags) classifier(e *env) (*classify.Classifier, error) {
	e.quiet = e.quiet || cf.quiet
	if cf.inputFormat != "" && cf.inputFormat != "text" && cf.inputFormat != "jsonl" {
		return nil, usagef("unknown --input-format %q (want text or jsonl)", cf.inputFormat)
	}
	if cf.threshold < 0 || cf.threshold >= 1 {
		return nil, usagef("--threshold %v out of range [0, 1)", cf.threshold)
	}
	m, err := cf.stanceModel()
	if err != nil {
		return nil, err
	}
	c := &classify.Classifier{Model: m, Actors: classify.DefaultActors(), Threshold: cf.threshold, Name: modelName(cf.model)}
	if cf.actors != "" {
		extra, err := classify.ReadActorsFile(cf.actors)
		if err != nil {
			return nil, err
		}
		c.Actors = c.Actors.With(extra)
	}
	switch cf.sentiment {
	case "off", "none":
	case "news":
		sm, err := models.DefaultSentiment()
		if err != nil {
			return nil, err
		}
		c.Sentiment = &classify.ModelSentiment{Model: sm}
	case "movie":
		c.Sentiment = &classify.MovieSentiment{}
	default:
		sm, err := loadModel(cf.sentiment)
		if err != nil {
			return nil, fmt.Errorf("--sentiment: %w", err)
		}
		c.Sentiment = &classify.ModelSentiment{Model: sm}
	}
	return c, nil
}
