package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestTemplatesListsEveryTemplate(t *testing.T) {
	code, out, _ := runCLI(t, "templates", "-lang", "zh")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, tm := range assets.Templates() {
		if !strings.Contains(out, tm.ID) || !strings.Contains(out, tm.Name) {
			t.Errorf("template %s (%s) missing from:\n%s", tm.ID, tm.Name, out)
		}
	}
}

func TestNewShowCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "物业")
	code, out, errs := runCLI(t, "new", "-lang", "en", "-template", "property-service", path)
	if code != exitOK {
		t.Fatalf("new: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "54 planned") {
		t.Fatalf("new says %q", out)
	}
	path += ".orgdraft"
	code, out, _ = runCLI(t, "show", "-lang", "zh", path)
	if code != exitOK {
		t.Fatalf("show: exit %d", code)
	}
	for _, want := range []string{"巡逻岗  编制 7  直接上级: 公共秩序主管", "编制合计 54", "文件写明 54"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "check", "-lang", "en", path)
	// The template's positions have duties but no other 岗位说明书
	// sections: hints, which do not fail the check, and not "all passed".
	if code != exitOK || strings.Contains(out, "All checks passed") || !strings.Contains(out, "info: Position \"巡逻岗\" has empty sections") {
		t.Fatalf("check: exit %d, %q", code, out)
	}
	// Creating again must not overwrite the document.
	code, _, errs = runCLI(t, "new", "-lang", "en", path)
	if code != exitFailed || !strings.Contains(errs, "already exists") {
		t.Fatalf("second new: exit %d, %q", code, errs)
	}
	if code, out, _ = runCLI(t, "show", "-json", path); code != exitOK {
		t.Fatalf("show -json: exit %d", code)
	}
	d, err := domain.DecodeJSON(strings.NewReader(out))
	if err != nil || d.Total().Planned != 54 {
		t.Fatalf("show -json did not give the document back: %v", err)
	}
}

func TestCheckReportsErrorsWithStatus1(t *testing.T) {
	d, err := assets.LoadTemplate("hotline-centre")
	if err != nil {
		t.Fatal(err)
	}
	if err := domain.NewHistory(d).Do(&domain.EditInfo{Name: "total", Apply: func(i *domain.Info) error {
		i.StatedTotal = 9
		return nil
	}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hotline.orgdraft")
	f, err := storage.Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, _ := runCLI(t, "check", "-lang", "zh", path)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d", code, exitFindings)
	}
	if !strings.Contains(out, "错误: 文件写明合计 9 人，但各岗位编制合计 6 人") {
		t.Fatalf("check output lacks the total error:\n%s", out)
	}
}

func TestBadInputGivesClearErrorsAndKeepsFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "notes.orgdraft")
	content := []byte("这不是一个组织架构文件")
	if err := os.WriteFile(bad, content, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "check", "-lang", "en", bad)
	if code != exitFailed || !strings.Contains(errs, "not an OrgDraft document") {
		t.Fatalf("damaged file: exit %d, %q", code, errs)
	}
	if got, _ := os.ReadFile(bad); !bytes.Equal(got, content) {
		t.Fatal("checking a damaged file changed it")
	}
	if code, _, errs = runCLI(t, "show", "-lang", "en", "@no-such"); code != exitFailed || !strings.Contains(errs, `there is no template "no-such"`) {
		t.Fatalf("unknown template: exit %d, %q", code, errs)
	}
	if code, _, _ = runCLI(t, "frobnicate"); code != exitUsage {
		t.Fatalf("unknown command: exit %d", code)
	}
	if code, _, errs = runCLI(t, "show", "-lang", "en"); code != exitUsage || !strings.Contains(errs, "expected one FILE") {
		t.Fatalf("missing argument: exit %d, %q", code, errs)
	}
	if code, _, _ = runCLI(t, "new", "-template", "nope", filepath.Join(dir, "x")); code != exitFailed {
		t.Fatalf("unknown template for new: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.orgdraft")); !os.IsNotExist(err) {
		t.Fatal("a failed new left a file behind")
	}
}

func TestExportWritesBothPDFsAndNeverHalfFiles(t *testing.T) {
	dir := t.TempDir()
	chartPDF, bookPDF := filepath.Join(dir, "架构图.pdf"), filepath.Join(dir, "说明书.pdf")
	code, out, errs := runCLI(t, "export", "@property-service", "--chart", chartPDF, "--book", bookPDF, "--paper", "A3", "--landscape")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	for _, p := range []string{chartPDF, bookPDF} {
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-32:], []byte("%%EOF")) {
			t.Fatalf("%s is not a whole PDF (%v)", p, err)
		}
		if !strings.Contains(out, filepath.Base(p)) {
			t.Errorf("export output does not name %s:\n%s", p, out)
		}
	}

	// A failing export (damaged source) leaves an existing PDF as it was
	// and no temporary files behind.
	before, _ := os.ReadFile(chartPDF)
	bad := filepath.Join(dir, "bad.orgdraft")
	if err := os.WriteFile(bad, []byte("SQLite format 3\x00 but not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ = runCLI(t, "export", bad, "--chart", chartPDF); code != exitFailed {
		t.Fatalf("export of a damaged file: exit %d", code)
	}
	if after, _ := os.ReadFile(chartPDF); !bytes.Equal(before, after) {
		t.Fatal("a failed export changed the existing PDF")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("files left in the folder: %v", names)
	}
	if code, _, _ = runCLI(t, "export", "@property-service", "--chart", filepath.Join(dir, "no-such-dir", "x.pdf")); code != exitFailed {
		t.Fatalf("export into a missing folder: exit %d", code)
	}
	if code, _, _ = runCLI(t, "export", "@property-service"); code != exitUsage {
		t.Fatalf("export without outputs: exit %d", code)
	}
}
