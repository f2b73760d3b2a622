package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"orgdraft/domain"
)

// Approving, revising and the approved versions (table revision, migration
// 002). An approved document is locked in the file as well as in memory:
// Apply refuses every edit while the stored status is approved, so that no
// path (the editor, the command line, a bug) can change a signed version.
// The one way back to editing is Revise; the one change an approved
// version allows is its note (SetRevisionNote).

// Approve checks d (domain.Document.PrepareApproval: the sign-off block
// filled, no errors in the checks), stores the snapshot and the approved
// status in one transaction, and only then marks d approved. On any error
// d and the file are as they were.
func (f *File) Approve(d *domain.Document, a domain.Approval) error {
	r, err := d.PrepareApproval(a)
	if err != nil {
		return err
	}
	info := d.Info
	info.Status = domain.Approved
	err = f.write(func(tx *sql.Tx) error {
		if err := refuseApproved(tx); err != nil {
			return err
		}
		if f.resync { // the file lags behind: the snapshot is of d
			if err := writeAll(ctx, tx, d); err != nil {
				return err
			}
		}
		if err := writeRevision(ctx, tx, r); err != nil {
			return err
		}
		return writeInfo(ctx, tx, info)
	})
	if err != nil {
		return fmt.Errorf("approving %s: %w", f.describe(), err)
	}
	f.resync = false
	return d.Approve(r)
}

// Revise starts the next draft of the approved d: the version label given
// ("" for domain.NextVersion of the approved one), status draft, the
// sign-off dates cleared. The snapshots stay. It is the one write an
// approved document takes besides a note.
func (f *File) Revise(d *domain.Document, version string) error {
	info, err := d.RevisedInfo(version)
	if err != nil {
		return err
	}
	if err := f.write(func(tx *sql.Tx) error { return writeInfo(ctx, tx, info) }); err != nil {
		return fmt.Errorf("starting a new revision of %s: %w", f.describe(), err)
	}
	return d.Revise(info)
}

// SetRevisionNote changes the summary of changes of revision seq, in the
// file and in d.
func (f *File) SetRevisionNote(d *domain.Document, seq int, note string) error {
	var old string
	for _, r := range d.Revisions() {
		if r.Seq == seq {
			old = r.Note
		}
	}
	if err := d.SetRevisionNote(seq, note); err != nil {
		return err
	}
	err := f.write(func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE revision SET note = ? WHERE seq = ?", note, seq)
		return err
	})
	if err != nil {
		d.SetRevisionNote(seq, old)
		return fmt.Errorf("saving the note in %s: %w", f.describe(), err)
	}
	return nil
}

// write runs fn in one transaction on the open file, after checking that
// the file is still where it was.
func (f *File) write(fn func(tx *sql.Tx) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errClosed
	}
	if err := f.checkStillThere(); err != nil {
		return err
	}
	return inTx(ctx, f.conn, fn)
}

// refuseApproved returns domain.ErrApproved when the stored document is
// approved.
func refuseApproved(tx *sql.Tx) error {
	var status string
	err := tx.QueryRowContext(ctx, "SELECT status FROM document WHERE id = 1").Scan(&status)
	if err == sql.ErrNoRows {
		return nil // a file being written for the first time
	}
	if err != nil {
		return err
	}
	if status == domain.Approved.String() {
		return domain.ErrApproved
	}
	return nil
}

// writeRevision stores r; a revision already stored keeps everything but
// its note, which r's replaces (writeAll rewrites them all this way).
func writeRevision(ctx context.Context, tx *sql.Tx, r domain.Revision) error {
	signOffs, err := json.Marshal(r.SignOffs)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO revision
		(seq, version, approved_on, approver, note, sign_offs, next_node, next_link, document)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (seq) DO UPDATE SET note = excluded.note`,
		r.Seq, r.Version, r.Date, r.Approver, r.Note, string(signOffs), int64(r.NextNode), int64(r.NextLink), string(r.JSON))
	return err
}

// writeRevisions stores every revision of d (see writeRevision).
func writeRevisions(ctx context.Context, tx *sql.Tx, d *domain.Document) error {
	for _, r := range d.Revisions() {
		if err := writeRevision(ctx, tx, r); err != nil {
			return err
		}
	}
	return nil
}

// loadRevisions reads the approved versions, oldest first, mending their
// texts as load mends the document's (the snapshots themselves are
// checked when one is opened).
func loadRevisions(ctx context.Context, conn *sql.Conn, r *repairs) ([]domain.Revision, error) {
	rows, err := conn.QueryContext(ctx, `SELECT seq, version, approved_on, approver, note, sign_offs,
		next_node, next_link, document FROM revision ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Revision
	for rows.Next() {
		var rev domain.Revision
		var signOffs, doc string
		if err := rows.Scan(&rev.Seq, &rev.Version, &rev.Date, &rev.Approver, &rev.Note, &signOffs,
			&rev.NextNode, &rev.NextLink, &doc); err != nil {
			return nil, err
		}
		where := func() string { return fmt.Sprintf("revision %d", rev.Seq) }
		// A damaged history is no reason to refuse the document: the
		// sign-off block of that version is left out, and said so.
		if err := json.Unmarshal([]byte(signOffs), &rev.SignOffs); err != nil {
			rev.SignOffs = nil
			r.note(ErrTextRepaired, where()+": the sign-off block")
		}
		rev.JSON = []byte(doc)
		for _, s := range []*string{&rev.Version, &rev.Date, &rev.Approver} {
			r.text(s, domain.MaxFieldRunes, where)
		}
		r.text(&rev.Note, domain.MaxTextRunes, where)
		for k := range rev.SignOffs {
			for _, s := range []*string{&rev.SignOffs[k].Role, &rev.SignOffs[k].Name, &rev.SignOffs[k].Date} {
				r.text(s, domain.MaxFieldRunes, where)
			}
		}
		out = append(out, rev)
	}
	return out, rows.Err()
}
