package storage

import (
	"errors"
	"path/filepath"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// signedDocument returns a template document with its sign-off block
// filled in, ready to be approved.
func signedDocument(t testing.TB) *domain.Document {
	t.Helper()
	d, err := assets.LoadTemplate("sme-service")
	if err != nil {
		t.Fatal(err)
	}
	d.Info.Version = "V1.0 试用稿"
	d.Info.SignOffs = []domain.SignOff{
		{Role: "编制", Name: "张三", Date: "2026-11-20"},
		{Role: "审核", Name: "李四", Date: "2026-11-25"},
		{Role: "批准", Name: "王五", Date: "2026-11-30"},
	}
	return d
}

// editor returns a history on d that saves to f, as the editor's does.
func editor(f *File, d *domain.Document) *domain.History {
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	return h
}

func TestApproveReviseAndReopenKeepTheSnapshots(t *testing.T) {
	_, path := tempPath(t, "版本.orgdraft")
	f := mustCreate(t, path, signedDocument(t))
	mustClose(t, f)
	f, d := reopen(t, path)
	first := d.Roots()[0]
	approvedName := d.Node(first).Name
	must(t, f.Approve(d, domain.Approval{Date: "2026-12-01", Note: "初版"}))
	mustClose(t, f)

	f, d = reopen(t, path)
	if !d.Locked() || len(d.Revisions()) != 1 {
		t.Fatalf("reopened: locked %v, %d revisions", d.Locked(), len(d.Revisions()))
	}
	r := d.Revisions()[0]
	if r.Version != "V1.0 试用稿" || r.Date != "2026-12-01" || r.Approver != "王五" || r.Note != "初版" || r.SignOffs[1].Name != "李四" {
		t.Fatalf("revision read back as %+v", r)
	}
	must(t, f.Revise(d, ""))
	if d.Locked() || d.Info.Version != "V1.1 试用稿" {
		t.Fatalf("after revising: locked %v, version %q", d.Locked(), d.Info.Version)
	}
	h := editor(f, d)
	must(t, h.Do(domain.Rename(first, "客户服务中心")))
	mustClose(t, f)

	f, d = reopen(t, path)
	defer f.Close()
	if d.Locked() || d.Info.Version != "V1.1 试用稿" || d.Node(first).Name != "客户服务中心" || len(d.Revisions()) != 1 {
		t.Fatalf("the draft after reopening: locked %v, %q, %q, %d revisions", d.Locked(), d.Info.Version, d.Node(first).Name, len(d.Revisions()))
	}
	old, err := d.RevisionDocument(1)
	must(t, err)
	if old.Node(first).Name != approvedName || !old.Locked() {
		t.Fatalf("the snapshot shows %q (locked %v), want %q as approved", old.Node(first).Name, old.Locked(), approvedName)
	}
	// A second approval adds a second snapshot, and the note of the first
	// may be edited.
	for i := range d.Info.SignOffs {
		d.Info.SignOffs[i].Date = "2026-12-10"
	}
	must(t, f.Approve(d, domain.Approval{Date: "2026-12-10", Note: "改名"}))
	must(t, f.SetRevisionNote(d, 1, "第一版，试行"))
	mustClose(t, f)
	f, d = reopen(t, path)
	defer f.Close()
	rs := d.Revisions()
	if len(rs) != 2 || rs[0].Note != "第一版，试行" || rs[1].Version != "V1.1 试用稿" || rs[1].Note != "改名" {
		t.Fatalf("revisions after reopening: %+v", rs)
	}
}

func TestStorageRefusesEditsOfAnApprovedDocument(t *testing.T) {
	_, path := tempPath(t, "锁定.orgdraft")
	f := mustCreate(t, path, signedDocument(t))
	d := signedDocument(t)
	must(t, f.Approve(d, domain.Approval{Date: "2026-12-01"}))
	before := fileHash(t, path)
	// An edit that goes round the history (a bug, another program's code)
	// still does not reach the file.
	id := d.Roots()[0]
	cmd := domain.Rename(id, "改掉")
	ch, err := cmd.Do(d)
	must(t, err)
	if err := f.Apply(d, ch); !errors.Is(err, domain.ErrApproved) {
		t.Fatalf("saving an edit of the approved document gave %v", err)
	}
	if err := f.Approve(d, domain.Approval{Date: "2026-12-02"}); !errors.Is(err, domain.ErrApproved) {
		t.Fatalf("approving twice gave %v", err)
	}
	mustClose(t, f)
	if fileHash(t, path) != before {
		t.Fatal("the approved file was written")
	}
	f, got := reopen(t, path)
	defer f.Close()
	if got.Node(id).Name == "改掉" {
		t.Fatal("the edit reached the file")
	}
}

func TestApproveRefusedLeavesTheFileAsItWas(t *testing.T) {
	_, path := tempPath(t, "未签.orgdraft")
	d := signedDocument(t)
	d.Info.SignOffs = domain.DefaultSignOffs()
	f := mustCreate(t, path, d)
	before := fileHash(t, path)
	err := f.Approve(d, domain.Approval{Date: "2026-12-01"})
	var nr *domain.NotReadyError
	if !errors.As(err, &nr) || len(nr.Missing) != 3 {
		t.Fatalf("approving an unsigned document gave %v", err)
	}
	mustClose(t, f)
	if fileHash(t, path) != before || d.Locked() {
		t.Fatal("a refused approval changed something")
	}
}

func TestCopiesKeepTheSnapshots(t *testing.T) {
	dir, path := tempPath(t, "原件.orgdraft")
	f := mustCreate(t, path, signedDocument(t))
	d := signedDocument(t)
	must(t, f.Approve(d, domain.Approval{Date: "2026-12-01", Note: "初版"}))
	copyPath := filepath.Join(dir, "副本.orgdraft")
	must(t, f.SaveAs(d, copyPath, false))
	mustClose(t, f)
	for _, p := range []string{path, copyPath} {
		snap, err := ReadSnapshot(p)
		must(t, err)
		if len(snap.Revisions()) != 1 || snap.Revisions()[0].Note != "初版" || !snap.Locked() {
			t.Fatalf("%s: %d revisions, locked %v", p, len(snap.Revisions()), snap.Locked())
		}
	}
	// An in-memory copy (what a read-only view saves from) keeps them too.
	m, err := OpenMemory(d)
	must(t, err)
	mem := filepath.Join(dir, "另存.orgdraft")
	must(t, m.SaveAs(d, mem, false))
	mustClose(t, m)
	f, got := reopen(t, mem)
	defer f.Close()
	if len(got.Revisions()) != 1 || string(got.Revisions()[0].JSON) != string(d.Revisions()[0].JSON) {
		t.Fatal("Save As from memory lost the snapshot")
	}
}

// TestAFileOfTheFirstSchemaIsUpgraded writes a document with the first
// migration alone, as the first OrgDraft did, and opens it.
func TestAFileOfTheFirstSchemaIsUpgraded(t *testing.T) {
	dir, path := tempPath(t, "旧版.orgdraft")
	want := signedDocument(t)
	// The rows of version 1 of a file written now (writeAll writes the
	// columns of later versions too).
	src := filepath.Join(dir, "新版.orgdraft")
	mustClose(t, mustCreate(t, src, want))
	olderCopy(t, src, path, 1)
	// What the first schema cannot hold is not there to read back.
	want.Walk(func(n *domain.Node) bool { n.Staffing = nil; n.Job = domain.JobSpec{}; return true })

	f, got := reopen(t, path)
	assertSameDoc(t, want, got)
	var version int
	must(t, f.conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version))
	if version != len(migrations) {
		t.Fatalf("the file is at schema version %d, want %d", version, len(migrations))
	}
	must(t, f.Approve(got, domain.Approval{Date: "2026-12-01"}))
	mustClose(t, f)
	f, got = reopen(t, path)
	defer f.Close()
	if len(got.Revisions()) != 1 || !got.Locked() {
		t.Fatal("the upgraded file did not keep its approval")
	}
}

func TestADamagedRevisionDoesNotKeepTheDocumentShut(t *testing.T) {
	_, path := tempPath(t, "坏历史.orgdraft")
	d := signedDocument(t)
	mustClose(t, mustCreate(t, path, d))
	rawExec(t, path, `INSERT INTO revision (seq, version, approved_on, approver, note, sign_offs, next_node, next_link, document)
		VALUES (1, 'V1.0', '2026-12-01', '王五', CAST(X'E4BD' AS TEXT) || '初版', 'not json', 1, 1, '{"title": 5}')`)
	f, got := reopen(t, path)
	defer f.Close()
	rs := got.Revisions()
	if len(rs) != 1 || rs[0].SignOffs != nil || rs[0].Note != "\uFFFD初版" {
		t.Fatalf("the damaged revision reads as %+v", rs)
	}
	if len(f.Warnings()) == 0 {
		t.Fatal("the mending was not reported")
	}
	if _, err := got.RevisionDocument(1); err == nil {
		t.Fatal("a damaged snapshot opened")
	}
	// The document itself is as it was, and editable.
	assertSameDoc(t, d, got)
	must(t, editor(f, got).Do(domain.Rename(got.Roots()[0], "新名")))
}
