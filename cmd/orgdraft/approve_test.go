package main

import (
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/storage"
)

// newFile makes a document from a template with the CLI and returns its
// path.
func newFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".orgdraft")
	if code, _, errs := runCLI(t, "new", "-template", "sme-service", path); code != exitOK {
		t.Fatalf("new: %s", errs)
	}
	return path
}

// mustRun runs the CLI and fails unless it succeeds; it returns stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func TestApproveNeedsTheSignOffsThenLocks(t *testing.T) {
	path := newFile(t, "审批")
	code, _, errs := runCLI(t, "approve", path, "-lang", "zh")
	if code != exitFailed || !strings.Contains(errs, "还不能批准") || !strings.Contains(errs, "“编制”没有填写姓名和日期") {
		t.Fatalf("approving an unsigned document: exit %d, %q", code, errs)
	}
	mustRun(t, "sign", path, "--role", "编制", "--name", "张三", "--date", "2026-11-20")
	mustRun(t, "sign", path, "--role", "审核", "--name", "李四", "--date", "2026-11-25")
	code, _, errs = runCLI(t, "approve", path, "-lang", "en")
	if code != exitFailed || !strings.Contains(errs, `"Approved by" has no name and no date`) || strings.Contains(errs, "Reviewed by") {
		t.Fatalf("approving without 批准: exit %d, %q", code, errs)
	}
	// The English message's name for the row serves as well as 批准.
	mustRun(t, "sign", path, "--role", "Approved by", "--name", "王五", "--date", "2026-11-30")
	out := mustRun(t, "approve", path, "--note", "初版发布", "--date", "2026-12-01", "-lang", "en")
	if !strings.Contains(out, "V1.0 试用稿 approved (2026-12-01, by 王五)") {
		t.Fatalf("approve says %q", out)
	}

	// Locked: the commands that change a document refuse it, and say how
	// to go on.
	code, _, errs = runCLI(t, "sign", path, "--role", "审核", "--name", "别人", "-lang", "zh")
	if code != exitFailed || !strings.Contains(errs, "已批准") || !strings.Contains(errs, "orgdraft revise") {
		t.Fatalf("signing an approved document: exit %d, %q", code, errs)
	}
	code, _, errs = runCLI(t, "approve", path, "-lang", "en")
	if code != exitFailed || !strings.Contains(errs, "already approved") {
		t.Fatalf("approving twice: exit %d, %q", code, errs)
	}
	f, d, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if !d.Locked() || d.Info.SignOffs[1].Name != "李四" {
		t.Fatal("the refused commands changed the document")
	}
	// Export still works.
	book := filepath.Join(t.TempDir(), "book.pdf")
	if code, _, errs := runCLI(t, "export", path, "--book", book); code != exitOK {
		t.Fatalf("exporting the approved document: %s", errs)
	}
}

func TestReviseAndHistory(t *testing.T) {
	path := newFile(t, "修订")
	for _, s := range [][2]string{{"编制", "张三"}, {"审核", "李四"}, {"批准", "王五"}} {
		mustRun(t, "sign", path, "--role", s[0], "--name", s[1], "--date", "2026-11-30")
	}
	code, _, errs := runCLI(t, "revise", path, "-lang", "en")
	if code != exitFailed || !strings.Contains(errs, "is a draft, not approved") {
		t.Fatalf("revising a draft: exit %d, %q", code, errs)
	}
	mustRun(t, "approve", path, "--note", "初版", "--date", "2026-12-01")
	out := mustRun(t, "revise", path, "--version", "V2.0 正式稿", "-lang", "en")
	if !strings.Contains(out, "new revision V2.0 正式稿 started from V1.0 试用稿") {
		t.Fatalf("revise says %q", out)
	}
	// The draft may be edited again; its dates are to be signed anew.
	code, _, errs = runCLI(t, "approve", path, "-lang", "zh")
	if code != exitFailed || !strings.Contains(errs, "没有填写日期") {
		t.Fatalf("approving the new draft unsigned: exit %d, %q", code, errs)
	}
	for _, r := range []string{"编制", "审核", "批准"} {
		mustRun(t, "sign", path, "--role", r, "--name", "赵六", "--date", "2026-12-09")
	}
	mustRun(t, "approve", path, "--approver", "总经理", "--note", "调整编制", "--date", "2026-12-10")
	mustRun(t, "history", path, "--note", "1", "第一版")
	out = mustRun(t, "history", path, "-lang", "zh")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || lines[0] != "1  V1.0 试用稿  2026-12-01  批准 王五  第一版" || lines[1] != "2  V2.0 正式稿  2026-12-10  批准 总经理  调整编制" {
		t.Fatalf("history:\n%s", out)
	}
	code, _, errs = runCLI(t, "history", path, "--note", "5", "x", "-lang", "en")
	if code != exitFailed || !strings.Contains(errs, "no revision 5") {
		t.Fatalf("a note for a missing revision: exit %d, %q", code, errs)
	}
}

// TestDiffAgainstAnApprovedVersion: FILE@VERSION names a version kept in
// the file, by label or number, for orgdraft diff; a missing one is named
// with the versions there are.
func TestDiffAgainstAnApprovedVersion(t *testing.T) {
	path := newFile(t, "版本比较")
	for _, role := range []string{"编制", "审核", "批准"} {
		mustRun(t, "sign", path, "--role", role, "--name", "张三", "--date", "2026-11-20")
	}
	mustRun(t, "approve", path, "--note", "初版", "--date", "2026-12-01")
	mustRun(t, "revise", path)
	mustRun(t, "sign", path, "--role", "审核", "--name", "李四", "--date", "2026-12-02")

	for _, old := range []string{path + "@V1.0 试用稿", path + "@1"} {
		code, out, errs := runCLI(t, "diff", old, path, "-lang", "en")
		if code != exitFindings || !strings.Contains(out, "李四") || !strings.Contains(out, "V1.1") {
			t.Errorf("diff %s FILE: exit %d, %q %q", old, code, out, errs)
		}
	}
	if code, _, errs := runCLI(t, "diff", path+"@1", path+"@V1.0 试用稿", "-lang", "en"); code != exitOK {
		t.Errorf("a version against itself: exit %d, %q", code, errs)
	}
	code, _, errs := runCLI(t, "diff", path+"@V9", path, "-lang", "zh")
	if code != exitFailed || !strings.Contains(errs, "没有版本“V9”") || !strings.Contains(errs, "V1.0 试用稿") {
		t.Errorf("a version that is not there: exit %d, %q", code, errs)
	}
}
