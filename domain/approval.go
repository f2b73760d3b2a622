package domain

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Approving a document signs it off as one version (版本): its whole state
// is kept as a Revision (a snapshot), its status becomes Approved, and from
// then on it is locked: History refuses every edit, and undo does not reach
// back across the approval. New Revision (Revise) starts the next draft
// from the approved state; the snapshots stay, and print as the book's
// 修订记录 (revision history).
//
// The file keeps the snapshots (storage fills them in on open with
// SetRevisions); the document carries them so that the book, the history
// panel and the comparison all read them from one place.

// Errors of approving and revising, for errors.Is.
var (
	// ErrApproved: the document is approved and locked; a change needs a
	// new revision first.
	ErrApproved = errors.New("the document is approved and locked; start a new revision to change it")
	// ErrNotApproved: only an approved document can be revised.
	ErrNotApproved = errors.New("the document is a draft, not approved")
	// ErrNotReady: the sign-off block is not filled in, or the checks find
	// errors (a *NotReadyError lists them).
	ErrNotReady = errors.New("the document is not ready to be approved")
	// ErrNoSuchRevision: no snapshot has that number.
	ErrNoSuchRevision = errors.New("no such revision")
)

// SignOffRoles are the sign-off rows an approval needs filled in, name and
// date: 编制 (prepared), 审核 (reviewed), 批准 (approved).
var SignOffRoles = []string{"编制", "审核", "批准"}

// Revision is one approved version of the document, as it was approved.
// It is immutable except for its Note, the summary of changes the approver
// may edit afterwards.
type Revision struct {
	Seq      int    // 1 for the first approval, then 2, 3, … (its number in the file)
	Version  string // the version label approved, e.g. "V1.0 试用稿"
	Date     string // the day of the approval, YYYY-MM-DD
	Approver string
	Note     string    // the summary of changes (修订说明)
	SignOffs []SignOff // the sign-off block of that version
	// NextNode and NextLink are the ids the document would have given its
	// next box and link when approved: later boxes get higher ones, so a
	// comparison by id never takes a new box for a deleted one.
	NextNode NodeID
	NextLink LinkID
	// JSON is the whole document as approved, in its JSON form with the
	// stable ids (EncodeSnapshotJSON). Do not modify it.
	JSON []byte
}

// RevisionDocument decodes revision seq as it was approved. Its
// Revisions are the ones up to and including seq, so that its book prints
// the 修订记录 of that day.
func (d *Document) RevisionDocument(seq int) (*Document, error) {
	i := slices.IndexFunc(d.revisions, func(r Revision) bool { return r.Seq == seq })
	if i < 0 {
		return nil, fmt.Errorf("%w: %d", ErrNoSuchRevision, seq)
	}
	r := d.revisions[i]
	old, err := DecodeJSON(bytes.NewReader(r.JSON))
	if err != nil {
		return nil, fmt.Errorf("revision %d (%s): %w", r.Seq, r.Version, err)
	}
	old.revisions = slices.Clone(d.revisions[:i+1])
	return old, nil
}

// EncodeSnapshotJSON writes d's JSON form with the stable ids of its boxes
// and links, compact: what a Revision keeps. DecodeJSON reads it back as
// the same document, ids included.
func EncodeSnapshotJSON(d *Document) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeJSON(&b, d, true); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Locked reports whether the document is approved, and so may not be
// changed until a new revision is started.
func (d *Document) Locked() bool { return d.Info.Status == Approved }

// Revisions returns the document's approved versions, oldest first. Do not
// modify the slice.
func (d *Document) Revisions() []Revision { return d.revisions }

// SetRevisions gives the document the snapshots its file holds (storage
// calls it on open). Ids handed out afterwards stay above those the
// snapshots used.
func (d *Document) SetRevisions(rs []Revision) {
	d.revisions = slices.Clone(rs)
	for _, r := range rs {
		d.nextNode = max(d.nextNode, r.NextNode)
		d.nextLink = max(d.nextLink, r.NextLink)
	}
}

// SetRevisionNote changes the summary of changes of revision seq: the one
// change an approved version allows.
func (d *Document) SetRevisionNote(seq int, note string) error {
	if err := checkText("the note", note, MaxTextRunes); err != nil {
		return err
	}
	for i := range d.revisions {
		if d.revisions[i].Seq == seq {
			d.revisions[i].Note = note
			return nil
		}
	}
	return fmt.Errorf("%w: %d", ErrNoSuchRevision, seq)
}

// Approval is what the approver gives: the name, the day and a note.
type Approval struct {
	Approver string // "" takes the name in the 批准 sign-off row
	Date     string // YYYY-MM-DD; the caller knows the day
	Note     string // the summary of changes; may be edited later
}

// NotReadyError says why a document cannot be approved yet: the sign-off
// rows missing a name or a date, and the checks' errors.
type NotReadyError struct {
	Missing []Finding
}

// Error lists what is missing, in English.
func (e *NotReadyError) Error() string {
	var parts []string
	for _, f := range e.Missing {
		parts = append(parts, f.En)
	}
	return ErrNotReady.Error() + ": " + strings.Join(parts, "; ")
}

// Unwrap returns ErrNotReady.
func (e *NotReadyError) Unwrap() error { return ErrNotReady }

// ApprovalProblems returns what stands in the way of approving d: each of
// the sign-off rows 编制, 审核 and 批准 needs a name and a date, and the
// checks (Validate) must find no errors. Empty when d may be approved.
func (d *Document) ApprovalProblems() []Finding {
	var out []Finding
	for _, role := range SignOffRoles {
		i := slices.IndexFunc(d.Info.SignOffs, func(s SignOff) bool { return strings.TrimSpace(s.Role) == role })
		var s SignOff
		if i >= 0 {
			s = d.Info.SignOffs[i]
		}
		name, date := strings.TrimSpace(s.Name) == "", strings.TrimSpace(s.Date) == ""
		switch {
		case i < 0:
			out = append(out, Finding{Severity: SeverityError, Code: "sign-off-missing",
				Zh: fmt.Sprintf("签核栏没有“%s”一行", role), En: fmt.Sprintf("the sign-off block has no %s row", role)})
		case name && date:
			out = append(out, Finding{Severity: SeverityError, Code: "sign-off-empty",
				Zh: fmt.Sprintf("签核栏“%s”没有填写姓名和日期", role), En: fmt.Sprintf("sign-off %q has no name and no date", RoleInEnglish(role))})
		case name:
			out = append(out, Finding{Severity: SeverityError, Code: "sign-off-empty",
				Zh: fmt.Sprintf("签核栏“%s”没有填写姓名", role), En: fmt.Sprintf("sign-off %q has no name", RoleInEnglish(role))})
		case date:
			out = append(out, Finding{Severity: SeverityError, Code: "sign-off-empty",
				Zh: fmt.Sprintf("签核栏“%s”没有填写日期", role), En: fmt.Sprintf("sign-off %q has no date", RoleInEnglish(role))})
		}
	}
	return append(out, Errors(d.Validate())...)
}

// signOffName returns the name in the sign-off row of role, or "".
func (d *Document) signOffName(role string) string {
	for _, s := range d.Info.SignOffs {
		if strings.TrimSpace(s.Role) == role {
			return strings.TrimSpace(s.Name)
		}
	}
	return ""
}

// PrepareApproval checks that d may be approved (ErrApproved if it is
// already, a *NotReadyError naming what is missing otherwise) and returns
// the revision approving it records, without changing d: the file stores
// it first, then Approve marks d approved. The snapshot is d with the
// status approved, as it prints from then on.
func (d *Document) PrepareApproval(a Approval) (Revision, error) {
	if d.Locked() {
		return Revision{}, ErrApproved
	}
	if missing := d.ApprovalProblems(); len(missing) > 0 {
		return Revision{}, &NotReadyError{Missing: missing}
	}
	if a.Approver == "" {
		a.Approver = d.signOffName("批准")
	}
	for _, f := range []struct{ what, s string }{{"the approver", a.Approver}, {"the date", a.Date}} {
		if err := checkText(f.what, f.s, MaxFieldRunes); err != nil {
			return Revision{}, err
		}
	}
	if err := checkText("the note", a.Note, MaxTextRunes); err != nil {
		return Revision{}, err
	}
	d.Info.Status = Approved
	data, err := EncodeSnapshotJSON(d)
	d.Info.Status = Draft
	if err != nil {
		return Revision{}, err
	}
	return Revision{
		Seq: len(d.revisions) + 1, Version: d.Info.Version, Date: a.Date, Approver: a.Approver,
		Note: a.Note, SignOffs: slices.Clone(d.Info.SignOffs),
		NextNode: d.nextNode, NextLink: d.nextLink, JSON: data,
	}, nil
}

// Approve marks d approved with r, made by PrepareApproval and stored.
// Approving is not an edit: it cannot be undone (see History.Forget).
func (d *Document) Approve(r Revision) error {
	if d.Locked() {
		return ErrApproved
	}
	if r.Seq != len(d.revisions)+1 {
		return fmt.Errorf("revision %d does not follow the %d the document has", r.Seq, len(d.revisions))
	}
	d.Info.Status = Approved
	d.revisions = append(d.revisions, r)
	return nil
}

// RevisedInfo returns the document fields of the next draft after the
// approved d: status draft, the version label given (NextVersion of the
// approved one when version is ""), and the sign-off rows with their
// names kept but their dates cleared, to be signed again. ErrNotApproved
// for a draft.
func (d *Document) RevisedInfo(version string) (Info, error) {
	if !d.Locked() {
		return Info{}, ErrNotApproved
	}
	version = strings.TrimSpace(version)
	if version == "" {
		version = NextVersion(d.Info.Version)
	}
	i := d.Info.clone()
	i.Status, i.Version = Draft, version
	for k := range i.SignOffs {
		i.SignOffs[k].Date = ""
	}
	if err := checkInfo(&i); err != nil {
		return Info{}, err
	}
	return i, nil
}

// Revise makes d the draft described by info (from RevisedInfo), once the
// file has stored it. The snapshots stay.
func (d *Document) Revise(info Info) error {
	if !d.Locked() {
		return ErrNotApproved
	}
	d.Info = info.clone()
	return nil
}

// versionNumber is the first version number in a label: "V1.0", "v2",
// "1.2.3", "第1.0版" all have one.
var versionNumber = regexp.MustCompile(`\d+(\.\d+)*`)

// NextVersion returns the label of the revision after v: its first version
// number with the last part counted up, the rest kept ("V1.0" → "V1.1",
// "V1.0 试用稿" → "V1.1 试用稿", "V1.9" → "V1.10", "V2" → "V3"). A label
// without a number gets " V1.1" added.
func NextVersion(v string) string {
	loc := versionNumber.FindStringIndex(v)
	if loc == nil {
		return strings.TrimSpace(v + " V1.1")
	}
	num := v[loc[0]:loc[1]]
	cut := strings.LastIndex(num, ".") + 1
	last, err := strconv.Atoi(num[cut:])
	if err != nil { // more digits than an int holds
		return strings.TrimSpace(v + " V1.1")
	}
	return v[:loc[0]] + num[:cut] + strconv.Itoa(last+1) + v[loc[1]:]
}

// LastRevision returns the last approved version of d as a document of
// its own, and false when d was never approved (or that version cannot be
// read back).
func (d *Document) LastRevision() (*Document, bool) {
	if len(d.revisions) == 0 {
		return nil, false
	}
	prev, err := d.RevisionDocument(d.revisions[len(d.revisions)-1].Seq)
	return prev, err == nil
}
