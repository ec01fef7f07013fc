// Package store keeps classified statements in a SQLite database, so that
// a corpus is classified once and re-read many times, and so that two
// models run on the same articles can be compared statement by statement.
//
// A database holds, for each (article hash, model) pair, the statements
// that model produced for that article. The hash is the caller's sha256 of
// the article text, so the same text under another file name is still the
// same article, and re-running on the same articles adds nothing twice:
//
//	db, err := store.Open("stance.db")
//	...
//	added, err := db.Add(hash, stmts, "default")
//	...
//	stmts, err := db.Statements(store.Filter{Actor: []string{"Biden"}})
//
// The driver is modernc.org/sqlite, a pure-Go translation of SQLite, so the
// binary stays cgo-free and cross-compiles. The schema is versioned with
// PRAGMA user_version and the file is marked as ours with PRAGMA
// application_id, so Open refuses other SQLite files instead of adding
// tables to them. The journal is the classic rollback journal
// (journal_mode=DELETE), so a database is one file; every Add is one
// transaction, so an interrupted run leaves whole articles or none.
//
// A DB is not meant for concurrent use by several goroutines or processes;
// it sets a busy timeout so a second process waits instead of failing at
// once.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/stancemix/stance/classify"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// schemaVersion is stored in PRAGMA user_version. Bump it, and add a
// migration to Open, whenever the schema changes.
const schemaVersion = 1

// applicationID is stored in PRAGMA application_id to mark stance
// databases: "STNC" in ASCII.
const applicationID = 0x53544e43

const schema = `
CREATE TABLE articles (
	hash  TEXT NOT NULL,    -- sha256 of the article text, hex
	model TEXT NOT NULL,    -- name of the model that classified it
	n     INTEGER NOT NULL, -- statements stored for it
	PRIMARY KEY (hash, model)
) WITHOUT ROWID;

CREATE TABLE statements (
	hash            TEXT NOT NULL,
	model           TEXT NOT NULL,
	sentence        INTEGER NOT NULL,
	article         TEXT NOT NULL,
	start           INTEGER NOT NULL,
	"end"           INTEGER NOT NULL,
	text            TEXT NOT NULL,
	clean           TEXT NOT NULL,
	actor           TEXT NOT NULL,
	grp             TEXT NOT NULL,
	speaker         TEXT NOT NULL,
	target          TEXT NOT NULL,
	known           INTEGER NOT NULL,
	date            TEXT NOT NULL,
	date_grain      TEXT NOT NULL,
	date_inferred   INTEGER NOT NULL,
	published       TEXT NOT NULL,
	source          TEXT NOT NULL,
	stance          TEXT NOT NULL,
	prob            REAL NOT NULL,
	sentiment       TEXT NOT NULL,
	sentiment_score REAL NOT NULL,
	PRIMARY KEY (hash, model, sentence),
	FOREIGN KEY (hash, model) REFERENCES articles (hash, model)
) WITHOUT ROWID;

CREATE INDEX statements_actor ON statements (actor);
CREATE INDEX statements_date ON statements (date);
`

// A DB is an open statements database.
type DB struct {
	db   *sql.DB
	path string
}

// Open opens the statements database at path, creating the file and its
// schema when the file does not exist or is empty. It fails with an error
// naming path when the file is not a SQLite database, is a SQLite
// database of another program, or has a newer schema than this version of
// stance knows.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	// A URI file name, so that '?' and '#' in path are not taken for a
	// query; SQLite ignores the driver's _pragma parameters.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	dsn := "file:" + esc + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One connection: the per-connection pragmas hold everywhere, and
	// statements inside a transaction never wait on each other.
	sqldb.SetMaxOpenConns(1)
	d := &DB{db: sqldb, path: path}
	if err := d.init(); err != nil {
		sqldb.Close()
		return nil, err
	}
	return d, nil
}

// init checks that the file is a stance database, or makes it one.
func (d *DB) init() error {
	var appID, version, tables int
	err := d.db.QueryRow(`PRAGMA application_id`).Scan(&appID)
	if err != nil {
		return d.notOurs(err)
	}
	if err := d.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return d.notOurs(err)
	}
	if err := d.db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&tables); err != nil {
		return d.notOurs(err)
	}
	switch {
	case appID == 0 && version == 0 && tables == 0:
		return d.create()
	case appID != applicationID:
		return fmt.Errorf("store: %s is a SQLite database but not a stance statements database", d.path)
	case version > schemaVersion:
		return fmt.Errorf("store: %s has schema version %d; this stance reads up to %d, upgrade stance", d.path, version, schemaVersion)
	case version < 1:
		return fmt.Errorf("store: %s: bad schema version %d", d.path, version)
	}
	// Rollback journal: one file, and each transaction atomic.
	if _, err := d.db.Exec(`PRAGMA journal_mode = DELETE`); err != nil {
		return fmt.Errorf("store: %s: %w", d.path, err)
	}
	return nil
}

// notOurs describes an error from the first reads of the file.
func (d *DB) notOurs(err error) error {
	var serr *sqlite.Error
	if errors.As(err, &serr) && serr.Code()&0xff == sqlite3.SQLITE_NOTADB {
		return fmt.Errorf("store: %s is not a stance statements database: %w", d.path, err)
	}
	return fmt.Errorf("store: open %s: %w", d.path, err)
}

// create writes the schema into an empty database.
func (d *DB) create() error {
	if _, err := d.db.Exec(`PRAGMA journal_mode = DELETE`); err != nil {
		return d.notOurs(err)
	}
	tx, err := d.db.Begin()
	if err != nil {
		return fmt.Errorf("store: %s: %w", d.path, err)
	}
	defer tx.Rollback() // no-op after Commit
	stmts := schema + fmt.Sprintf("PRAGMA application_id = %d;\nPRAGMA user_version = %d;\n", applicationID, schemaVersion)
	if _, err := tx.Exec(stmts); err != nil {
		return fmt.Errorf("store: %s: create schema: %w", d.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: %s: create schema: %w", d.path, err)
	}
	return nil
}

// Close closes the database.
func (d *DB) Close() error {
	return d.db.Close()
}

// Add stores the statements that model produced for the article whose
// text has the given hash, in one transaction. If the database already
// holds that article for that model, Add changes nothing and returns
// added false, so re-running on the same articles is harmless. An
// article with no statements is recorded too, so that it is skipped next
// time.
//
// The statements' Sentence numbers must be distinct within the article.
func (d *DB) Add(articleHash string, stmts []classify.Statement, model string) (added bool, err error) {
	if articleHash == "" {
		return false, errors.New("store: add: empty article hash")
	}
	tx, err := d.db.Begin()
	if err != nil {
		return false, fmt.Errorf("store: %s: %w", d.path, err)
	}
	defer tx.Rollback() // no-op after Commit
	res, err := tx.Exec(`INSERT OR IGNORE INTO articles (hash, model, n) VALUES (?, ?, ?)`, articleHash, model, len(stmts))
	if err != nil {
		return false, fmt.Errorf("store: %s: add: %w", d.path, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: %s: add: %w", d.path, err)
	}
	if n == 0 {
		return false, nil // already stored
	}
	ins, err := tx.Prepare(`INSERT INTO statements (hash, model, sentence, article, start, "end", text, clean,
		actor, grp, speaker, target, known, date, date_grain, date_inferred, published, source,
		stance, prob, sentiment, sentiment_score)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return false, fmt.Errorf("store: %s: add: %w", d.path, err)
	}
	defer ins.Close()
	for _, s := range stmts {
		_, err := ins.Exec(articleHash, model, s.Sentence, s.Article, s.Start, s.End, s.Text, s.Clean,
			s.Actor, s.Group, s.Speaker, s.Target, s.Known, s.Date, s.DateGrain, s.DateInferred, s.Published, s.Source,
			s.Stance, s.Prob, s.Sentiment, s.SentimentScore)
		if err != nil {
			return false, fmt.Errorf("store: %s: add %s sentence %d: %w", d.path, s.Article, s.Sentence, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: %s: add: %w", d.path, err)
	}
	return true, nil
}

// A Filter selects statements. Its zero value selects all of them.
type Filter struct {
	Actor []string // keep statements whose actor is one of these; none: any
	Group []string // keep statements whose group is one of these; none: any

	// Since and Until bound the statement's Date, both inclusive. Each is
	// a date or a prefix of one: Since "2021-05" keeps dates from
	// 2021-05-01 on, Until "2021-05" keeps dates up to 2021-05-31. When
	// either is set, statements with no date are left out.
	Since, Until string

	Model string // keep statements of this model; "": all models
}

// Statements returns the statements that match f, ordered by date (those
// with no date last), then article ID, article hash, sentence number and
// model name, so the order is the same on every call.
func (d *DB) Statements(f Filter) ([]classify.Statement, error) {
	var (
		where []string
		args  []any
	)
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		where = append(where, col+" IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")+")")
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in("actor", f.Actor)
	in("grp", f.Group)
	if f.Since != "" {
		where = append(where, "date <> '' AND date >= ?")
		args = append(args, f.Since)
	}
	if f.Until != "" {
		// Compare the date's prefix of Until's length, so that Until
		// "2021-05" takes in all of May.
		where = append(where, "date <> '' AND substr(date, 1, length(?)) <= ?")
		args = append(args, f.Until, f.Until)
	}
	if f.Model != "" {
		where = append(where, "model = ?")
		args = append(args, f.Model)
	}
	q := `SELECT model, article, sentence, start, "end", text, clean, actor, grp, speaker, target, known,
		date, date_grain, date_inferred, published, source, stance, prob, sentiment, sentiment_score
		FROM statements`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += ` ORDER BY date = '', date, article, hash, sentence, model`
	rows, err := d.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", d.path, err)
	}
	defer rows.Close()
	var out []classify.Statement
	for rows.Next() {
		var s classify.Statement
		err := rows.Scan(&s.Model, &s.Article, &s.Sentence, &s.Start, &s.End, &s.Text, &s.Clean, &s.Actor, &s.Group, &s.Speaker, &s.Target, &s.Known,
			&s.Date, &s.DateGrain, &s.DateInferred, &s.Published, &s.Source, &s.Stance, &s.Prob, &s.Sentiment, &s.SentimentScore)
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", d.path, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s: %w", d.path, err)
	}
	return out, nil
}
