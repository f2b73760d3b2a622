package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
// journal beside it. Only a regular file is opened at all: opening a FIFO
// would wait for a writer forever, and a device may never end.
func checkHeader(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return pathError(path, ErrNotOrgDraft, fmt.Errorf("not a regular file (%s)", fileKind(fi.Mode())))
	}
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
	// Bytes 18 and 19 are the file format's write and read versions: 1
	// for a rollback journal, which is all OrgDraft writes, 2 for WAL. A
	// WAL file would be changed by merely reading it (SQLite creates its
	// -wal and -shm files, and checkpoints into it on close).
	if h[18] != 1 || h[19] != 1 {
		return pathError(path, ErrCorrupt, fmt.Errorf("file format versions %d/%d in the header: another program set it to write-ahead logging (WAL), which OrgDraft does not use", h[18], h[19]))
	}
	// The schema format (offset 44) is 1 to 4, the text encoding (56) 1
	// to 3 (UTF-8, UTF-16le, UTF-16be); SQLite calls anything else an
	// "unsupported file format", which here is damage.
	if f := binary.BigEndian.Uint32(h[44:]); f < 1 || f > 4 {
		return pathError(path, ErrCorrupt, fmt.Errorf("schema format %d in the header", f))
	}
	if e := binary.BigEndian.Uint32(h[56:]); e > 3 {
		return pathError(path, ErrCorrupt, fmt.Errorf("text encoding %d in the header", e))
	}
	return nil
}

// fileKind names what kind of file, other than a regular one, mode is.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return mode.Type().String()
}

// ErrReadOnlyFile is Open's refusal of a document that cannot be written:
// a file without write permission, in a folder without it, or on a
// read-only disk. The file is left as it is; ReadSnapshot shows it
// read-only, and Save As makes an editable copy. (SQLite would open such
// a file "read-write" and fail at every edit.)
var ErrReadOnlyFile = errors.New("the document file is read-only")

// checkWritable returns ErrReadOnlyFile unless the file at path and its
// folder (where the journal of each save goes) can be written. It goes by
// the permission bits and access(2), not by a trial write: the
// administrator (root) may write a file that has no write bit, and the
// user who made it read-only meant it.
func checkWritable(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	switch {
	case fi.Mode().Perm()&0o222 == 0:
		return pathError(path, ErrReadOnlyFile, errors.New("it has no write permission"))
	case !canWrite(path):
		return pathError(path, ErrReadOnlyFile, errors.New("this user may not write it"))
	case !canWrite(filepath.Dir(path)):
		return pathError(path, ErrReadOnlyFile, errors.New("its folder cannot be written"))
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
	// First of all: the checks below read the tables, and a foreign view
	// or trigger must never run.
	if err := checkSchema(conn, path, version); err != nil {
		return err
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
	// (A row of item, a table WITHOUT ROWID, has no rowid.)
	orphans, err := firstRows(conn, path, `SELECT "table" || coalesce(' row ' || rowid, ' has a row that') ||
		' refers to a missing ' || parent FROM pragma_foreign_key_check`)
	if err == nil && len(orphans) > 0 {
		err = pathError(path, ErrCorrupt, errors.New("broken references: "+strings.Join(orphans, "; ")))
	}
	if err != nil {
		return err
	}
	// The document table's CHECK (id = 1) allows one row; a missing one is
	// named when the document is read.
	n, err := firstRows(conn, path, "SELECT count(*) FROM document")
	if err == nil && n[0] != "0" && n[0] != "1" {
		err = pathError(path, ErrCorrupt, fmt.Errorf("%s document rows, where there is one", n[0]))
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
