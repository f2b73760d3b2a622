package storage

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"orgdraft/domain"
)

// Errors of WriteOutput, for errors.Is. The returned errors wrap them with
// the output's path.
var (
	// ErrDocumentTarget: the output would replace an OrgDraft document
	// (or take a .orgdraft name), which an export never does, even when
	// told to replace files.
	ErrDocumentTarget = errors.New("an export never replaces an OrgDraft document")
	// ErrSameAsInput: the output is the file being exported.
	ErrSameAsInput = errors.New("the output is the document being exported")
	// ErrNotRegular: something other than a plain file (a folder, a
	// device, a pipe) has the output's name.
	ErrNotRegular = errors.New("not a regular file")
)

// WriteOutput writes a file made from a document (a PDF, a picture, a
// table) through write, as carefully as a document: into a temporary file
// beside path, synced, renamed over path only when complete, the folder
// synced (see writeBeside). A failure, or a panic in write (returned as a
// *domain.PanicError), leaves path as it was and no temporary file.
//
// It never replaces: one of inputs (the files the output is made from,
// compared by identity, not by name), an OrgDraft document (told by its
// header, whatever its name) or any file named *.orgdraft, a file that an
// OrgDraft holds open (ErrInUse), or something that is not a regular file.
// Any other existing file is replaced only with overwrite (ErrExists
// otherwise), keeping its permissions. A symbolic link at path is
// followed: the file it points to is replaced and the link stays.
func WriteOutput(path string, overwrite bool, write func(io.Writer) error, inputs ...string) error {
	path, perm, err := outputTarget(path, overwrite, inputs)
	if err != nil {
		return err
	}
	return writeBeside(path, perm, overwrite, func(tmpName string) error {
		fh, err := os.OpenFile(tmpName, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		err = domain.Safely(func() error { return write(fh) })
		if err == nil {
			err = fh.Sync()
		}
		return errors.Join(err, fh.Close())
	})
}

// outputTarget resolves path (absolute, symbolic links followed) and checks
// that an output may be written there; it returns the permissions the
// output gets: those of the file it replaces, else the usual ones.
func outputTarget(path string, overwrite bool, inputs []string) (string, fs.FileMode, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return "", 0, err
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if path, err = filepath.EvalSymlinks(path); err != nil {
			return "", 0, err
		}
	}
	fi, err := os.Stat(path)
	for _, in := range inputs {
		if ii, ierr := os.Stat(in); err == nil && ierr == nil && os.SameFile(fi, ii) {
			return "", 0, pathError(path, ErrSameAsInput, nil)
		}
	}
	if strings.EqualFold(filepath.Ext(path), ".orgdraft") {
		return "", 0, pathError(path, ErrDocumentTarget, nil)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return path, 0o644, nil
	}
	if err != nil {
		return "", 0, err
	}
	if !fi.Mode().IsRegular() {
		return "", 0, pathError(path, ErrNotRegular, nil)
	}
	ours, err := isDocument(path)
	if err != nil {
		return "", 0, err
	}
	if ours {
		return "", 0, pathError(path, ErrDocumentTarget, nil)
	}
	if err := checkNotInUse(path); err != nil {
		return "", 0, err
	}
	if !overwrite {
		return "", 0, pathError(path, ErrExists, nil)
	}
	return path, fi.Mode().Perm(), nil
}

// isDocument reports whether the file at path is an SQLite database with
// OrgDraft's application id, damaged or not: the header says, not the
// name.
func isDocument(path string) (bool, error) {
	switch err := checkHeader(path); {
	case err == nil:
		return true, nil
	case errors.Is(err, ErrNotOrgDraft):
		return false, nil
	default:
		return false, err
	}
}
