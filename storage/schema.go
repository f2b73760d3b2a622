package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// applicationID marks an SQLite file as an OrgDraft document: the bytes
// "ORGD" in the database header (PRAGMA application_id), so that file(1)
// and Open can tell our documents from other programs' databases.
const applicationID = 0x4F524744

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one step of the schema; applying it lifts a file to version.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded schema steps in order. The file's
// PRAGMA user_version counts how many of them it has had, so the newest
// version this program knows is len(migrations).
var migrations = mustLoadMigrations()

func mustLoadMigrations() []migration {
	ms, err := loadMigrations(migrationFiles, "migrations")
	if err != nil {
		// The files are compiled in: this is a build mistake, not a user's.
		panic("storage: " + err.Error())
	}
	return ms
}

// loadMigrations reads the *.sql files in dir, named NNN_what.sql, and
// checks that their numbers run 1, 2, 3, … without gaps or repeats: a
// version number is forever, and a gap would leave files half migrated.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	ms := make([]migration, 0, len(names))
	for _, name := range names { // fs.Glob returns names sorted
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number, as in 001_init.sql", base)
		}
		if v != len(ms)+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", base, len(ms)+1)
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(text)})
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("no migrations in %s", dir)
	}
	return ms, nil
}

// migrate applies the migrations after version from, each in its own
// transaction together with the new user_version, so that a crash leaves
// the file at one version or the next, never in between.
func migrate(ctx context.Context, conn *sql.Conn, from int) error {
	for _, m := range migrations[from:] {
		err := inTx(ctx, conn, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			// PRAGMA takes no bound parameters; both values are our own integers.
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, m.version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// migrateThen applies the migrations after version from and runs check,
// all in one transaction: if check fails (the upgraded document cannot be
// read), the file is left exactly as it was, at its old version. A crash
// leaves it at the old version too.
func migrateThen(ctx context.Context, conn *sql.Conn, from int, check func() error) error {
	// A savepoint on the one connection, not a sql.Tx: check reads
	// through the connection itself.
	if _, err := conn.ExecContext(ctx, "SAVEPOINT upgrade"); err != nil {
		return err
	}
	err := func() error {
		for _, m := range migrations[from:] {
			if _, err := conn.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			// PRAGMA takes no bound parameters; both values are our own integers.
			if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, m.version)); err != nil {
				return err
			}
		}
		return check()
	}()
	if err != nil {
		// ROLLBACK, not ROLLBACK TO: releasing the savepoint afterwards
		// would commit, and a commit touches the file's header.
		if _, rerr := conn.ExecContext(ctx, "ROLLBACK"); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	_, err = conn.ExecContext(ctx, "RELEASE upgrade")
	return err
}

// inTx runs fn in a transaction on conn and commits it, or rolls it back
// when fn or the commit fails.
func inTx(ctx context.Context, conn *sql.Conn, fn func(tx *sql.Tx) error) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after a successful Commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
