package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// checkHeader reads the 100-byte database header itself, so that a file
// that is not ours is refused before SQLite parses it, or rolls back a
// journal beside it.
func checkHeader(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	var h [100]byte
	n, err := io.ReadFull(fh, h[:])
	switch {
	case n == 0 && err == io.EOF:
		return pathError(path, ErrNotOrgDraft, errors.New("the file is empty"))
	case err == io.ErrUnexpectedEOF || (err == nil && string(h[:len(sqliteMagic)]) != sqliteMagic):
		return pathError(path, ErrNotOrgDraft, errors.New("not an SQLite database"))
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
	}
	// The application id is big-endian at offset 68 (sqlite.org/fileformat.html).
	if binary.BigEndian.Uint32(h[68:]) != applicationID {
		return pathError(path, ErrNotOrgDraft, errors.New("an SQLite database of another program"))
	}
	return nil
}

// check inspects a file whose header is ours through a read-only
// connection, so that nothing is written to a file that fails. A journal
// left by a crash during a save needs write access to be rolled back
// (SQLite refuses to read the file read-only until then); it is rolled back
// and the file checked again.
func check(path string) error {
	err := checkReadOnly(path)
	var se sqlite3.Error
	if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrReadonlyRollback {
		if err := rollBack(path); err != nil {
			return err
		}
		err = checkReadOnly(path)
	}
	return err
}

// checkReadOnly checks the schema version, the structure of the database
// and its foreign keys.
func checkReadOnly(path string) error {
	db, conn, err := connect(fileURI(path, "ro"))
	if err != nil {
		return classify(path, err)
	}
	defer closeAll(db, conn)
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(path, err)
	}
	switch {
	case version > len(migrations):
		return pathError(path, ErrNewerVersion, fmt.Errorf("schema version %d, this OrgDraft knows up to %d", version, len(migrations)))
	case version < 1:
		// Our files get their schema before they get their name.
		return pathError(path, ErrCorrupt, errors.New("the document has no tables"))
	}
	problems, err := firstRows(conn, path, "PRAGMA integrity_check")
	if err == nil && !(len(problems) == 1 && problems[0] == "ok") {
		err = pathError(path, ErrCorrupt, errors.New(strings.Join(problems, "; ")))
	}
	if err != nil {
		return err
	}
	// Foreign keys are enforced on every write, so a violation means the
	// file was changed behind OrgDraft's back or damaged.
	orphans, err := firstRows(conn, path, "SELECT \"table\" || ' row ' || rowid FROM pragma_foreign_key_check")
	if err == nil && len(orphans) > 0 {
		err = pathError(path, ErrCorrupt, errors.New("broken references: "+strings.Join(orphans, "; ")))
	}
	return err
}

// rollBack lets SQLite roll back the hot journal beside path: any read on a
// writable connection does.
func rollBack(path string) error {
	db, conn, err := connect(fileURI(path, "rw"))
	if err == nil {
		defer closeAll(db, conn)
		_, err = conn.ExecContext(ctx, "PRAGMA user_version")
	}
	if err != nil {
		return classify(path, err)
	}
	return nil
}

// firstRows returns up to ten first-column values of query on conn to
// path (enough to explain a problem).
func firstRows(conn *sql.Conn, path, query string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return nil, classify(path, err)
	}
	defer rows.Close()
	var out []string
	for len(out) < 10 && rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, classify(path, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(path, err)
	}
	return out, nil
}

// driverParams are go-sqlite3's settings for every connection. The busy
// timeout, how long a connection waits for another's lock, is short on
// purpose: OrgDraft holds a document's lock for as long as the document is
// open, so waiting longer only delays the "in use" message (and it must be
// set here, since the driver's own set-up statements already wait, 5 s by
// default). The statement cache saves re-preparing the few statements that
// every save repeats.
const driverParams = "_busy_timeout=250&_stmt_cache_size=16"

// fileURI turns path into an SQLite URI filename opened with mode "ro" or
// "rw" (neither creates a missing file). Escaping keeps a '?', '#' or '%'
// in a folder or file name from being read as URI syntax; a Windows path
// C:\x becomes file:///C:/x.
func fileURI(path, mode string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: "mode=" + mode + "&" + driverParams}
	return u.String()
}
