package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"orgdraft/domain"
)

// writeNew writes d as a complete new file at path, never leaving a partial
// one there: the database is built in memory, copied by VACUUM INTO to a
// temporary file in the target folder (so the rename cannot cross file
// systems), synced, and only then given its name.
func writeNew(path string, d *domain.Document, overwrite bool) error {
	// os.CreateTemp makes the file private (0600); a document gets the
	// usual permissions, or keeps those of the file it replaces.
	perm := fs.FileMode(0o644)
	if fi, err := os.Lstat(path); err == nil {
		if !overwrite {
			return pathError(path, ErrExists, nil)
		}
		// Replacing a document another window has open would leave that
		// window saving into the replaced file, which no one sees again.
		if err := checkNotInUse(path); err != nil {
			return err
		}
		if fi.Mode().IsRegular() {
			perm = fi.Mode().Perm()
		}
	}
	db, conn, err := memoryWith(d)
	if err != nil {
		return err
	}
	defer closeAll(db, conn)
	return writeBeside(path, perm, overwrite, func(tmpName string) error {
		// VACUUM INTO accepts an existing empty file, and writes a compact
		// copy that keeps application_id and user_version.
		if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		if err := syncFile(tmpName); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return nil
	})
}

// writeBeside is how every file of the program reaches the disk, documents
// and exports alike: fill writes (and syncs) the empty temporary file
// named tmpName, created with permissions perm in path's folder (so the
// rename cannot cross file systems); then it is given the name path and
// the folder is synced, so that the new name survives a power cut. On any
// failure the temporary file is removed and path is left as it was. An
// existing path is replaced only with overwrite (ErrExists otherwise).
//
// The temporary name is short (see tempPrefix): the user's name plus a
// suffix could pass the file system's limit on name length. Temporary
// files of the same pattern older than staleAge, left by a crash, are
// removed first.
func writeBeside(path string, perm fs.FileMode, overwrite bool, fill func(tmpName string) error) error {
	dir, base := filepath.Split(path)
	removeStale(dir, base)
	tmp, err := os.CreateTemp(dir, "."+tempPrefix(base)+".*.tmp")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	// This removes what a failure left behind, or the temporary name after
	// a hard link; after a rename it finds nothing.
	defer os.Remove(tmpName)
	// os.CreateTemp makes the file private (0600).
	if err := errors.Join(tmp.Chmod(perm), tmp.Close()); err != nil {
		return err
	}
	if err := fill(tmpName); err != nil {
		return err
	}
	if err := place(tmpName, path, overwrite); err != nil {
		return err
	}
	return syncDir(dir)
}

// maxTempPrefix is how much of the user's file name the temporary name
// keeps: enough to tell in a folder listing whose it is. With the dot, the
// random number (up to 10 digits) and ".tmp" it stays far below the
// 255-byte limit of common file systems.
const maxTempPrefix = 40

// tempPrefix returns at most maxTempPrefix bytes of base, cut between
// characters.
func tempPrefix(base string) string {
	if len(base) <= maxTempPrefix {
		return base
	}
	cut := maxTempPrefix
	for cut > 0 && !utf8.RuneStart(base[cut]) {
		cut--
	}
	return base[:cut]
}

// staleAge is the age past which a temporary file of ours is a crash's
// leftover: no write of the program takes that long.
const staleAge = time.Hour

// removeStale deletes the temporary files a crashed write to base left in
// dir: only names of our own pattern (".PREFIX.DIGITS.tmp", also with the
// whole name as earlier versions made them), only regular files, only old
// ones. Failing to clean up is not worth failing the write for.
func removeStale(dir, base string) {
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !isTempOf(e.Name(), base) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// isTempOf reports whether name is a temporary name writeBeside makes (or
// made before names were shortened) for base.
func isTempOf(name, base string) bool {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok {
		return false
	}
	for _, prefix := range []string{"." + tempPrefix(base) + ".", "." + base + "."} {
		if digits, ok := strings.CutPrefix(rest, prefix); ok && digits != "" &&
			strings.Trim(digits, "0123456789") == "" {
			return true
		}
	}
	return false
}

// place gives the finished file tmp its name path.
func place(tmp, path string, overwrite bool) error {
	if overwrite {
		return os.Rename(tmp, path)
	}
	// Rename would silently replace a file created meanwhile; a hard link
	// fails if the name exists.
	err := os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return pathError(path, ErrExists, nil)
	}
	if err != nil {
		// Some file systems (FAT on USB sticks) have no hard links: check,
		// then rename.
		if _, statErr := os.Lstat(path); statErr == nil {
			return pathError(path, ErrExists, nil)
		}
		return os.Rename(tmp, path)
	}
	return nil
}

// checkNotInUse returns ErrInUse if an OrgDraft holds the lock of the
// database at path. Other files (not databases, not ours) are not in use.
func checkNotInUse(path string) error {
	db, conn, err := connect(fileURI(path, "ro"))
	if err == nil {
		_, err = conn.ExecContext(ctx, "PRAGMA schema_version") // needs a shared lock
		closeAll(db, conn)
	}
	if err := classify(path, err); errors.Is(err, ErrInUse) {
		return err
	}
	return nil // free, or not something SQLite can open: nobody's document
}

// syncFile flushes the file at name to disk: VACUUM INTO does not.
func syncFile(name string) error {
	fh, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := fh.Sync(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// syncDir flushes a folder's entries, so that a new name survives a power
// cut. Windows cannot open a folder for syncing; there the rename is as
// durable as the file system makes it.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	fh, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer fh.Close()
	return fh.Sync()
}
