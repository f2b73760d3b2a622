package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/domain"
	"orgdraft/storage"
)

// sha returns the SHA-256 of the file at path.
func sha(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// newDoc creates a document from a template at path with the CLI.
func newDoc(t *testing.T, path string) {
	t.Helper()
	if code, _, errs := runCLI(t, "new", "-template", "tech-firm", path); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, errs)
	}
}

// outputFlags are every output of the export command.
var outputFlags = []string{"--chart", "--book", "--png", "--svg", "--csv", "--xlsx"}

func TestExportNeverReplacesItsOwnDocument(t *testing.T) {
	// "orgdraft export self.orgdraft --csv self.orgdraft" used to exit 0
	// with the document gone. Also through a symbolic link with an
	// export's name, and a path spelled another way.
	dir := t.TempDir()
	doc := filepath.Join(dir, "self.orgdraft")
	newDoc(t, doc)
	link := filepath.Join(dir, "table.csv")
	if err := os.Symlink("self.orgdraft", link); err != nil {
		t.Fatal(err)
	}
	before := sha(t, doc)
	for _, target := range []string{doc, link, filepath.Join(dir, "x", "..", "self.orgdraft")} {
		for _, flag := range outputFlags {
			code, _, errs := runCLI(t, "export", doc, flag, target, "--force", "-lang", "zh")
			if code != exitFailed || !strings.Contains(errs, "这就是要导出的文档") {
				t.Errorf("export %s %s: exit %d, %q; want exit 3 saying it is the document", flag, target, code, errs)
			}
		}
	}
	if sha(t, doc) != before {
		t.Fatal("the document was changed")
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if _, _, err := storage.Open(doc); err != nil {
		t.Errorf("the document no longer opens: %v", err)
	}
}

func TestExportNeverReplacesAnyDocument(t *testing.T) {
	// "orgdraft export @tech-firm --csv g.orgdraft" replaced the file an
	// editor had open. A document is told by its header: a copy named
	// like a PDF is refused too, with --force or without.
	dir := t.TempDir()
	open := filepath.Join(dir, "g.orgdraft")
	newDoc(t, open)
	f, d, err := storage.Open(open) // as the editor holds it
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	disguised := filepath.Join(dir, "report.pdf")
	b, err := os.ReadFile(open)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(disguised, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{open, disguised} {
		before := sha(t, target)
		for _, flag := range outputFlags {
			code, _, errs := runCLI(t, "export", "@tech-firm", flag, target, "--force", "-lang", "en")
			if code != exitFailed || !strings.Contains(errs, "never replaces a document") {
				t.Errorf("export %s %s: exit %d, %q; want exit 3 refusing a document", flag, filepath.Base(target), code, errs)
			}
		}
		if sha(t, target) != before {
			t.Errorf("%s was changed", filepath.Base(target))
		}
	}
	// The editor's file is still the one at its name: its edits are saved.
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(h.Doc, ch) }
	if err := h.Do(domain.Rename(d.Roots()[0], "改名后")); err != nil {
		t.Errorf("saving an edit after the refused exports: %v", err)
	}
}

func TestExportReplacesOtherFilesOnlyWithForce(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "名单.csv")
	if err := os.WriteFile(out, []byte("someone else's table\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := sha(t, out)
	code, _, errs := runCLI(t, "export", "@tech-firm", "--csv", out, "-lang", "zh")
	if code != exitFailed || !strings.Contains(errs, "--force") || !strings.Contains(errs, "已存在") {
		t.Fatalf("without --force: exit %d, %q", code, errs)
	}
	if sha(t, out) != before {
		t.Fatal("the refused export changed the file")
	}
	code, _, errs = runCLI(t, "export", "@tech-firm", "--csv", out, "--force")
	if code != exitOK {
		t.Fatalf("with --force: exit %d, %q", code, errs)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "编号,上级编号") {
		t.Errorf("the file does not hold the table: %.80q", b)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v, want the replaced file's 0600", fi.Mode().Perm())
	}
	if names := dirList(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q, want only the table", names)
	}
}

func TestExportTakesTheLongestNames(t *testing.T) {
	// 255 bytes is the longest name ext4 allows; names from 245 bytes on
	// failed because the temporary name added to them.
	dir := t.TempDir()
	for _, name := range []string{strings.Repeat("图", 83) + ".png", strings.Repeat("b", 251) + ".csv"} {
		code, _, errs := runCLI(t, "export", "@tech-firm", "--"+strings.TrimPrefix(filepath.Ext(name), "."), filepath.Join(dir, name))
		if code != exitOK {
			t.Errorf("%d-byte name: exit %d, %q", len(name), code, errs)
		}
	}
	if names := dirList(t, dir); len(names) != 2 {
		t.Errorf("folder holds %q, want the two files", names)
	}
}

func TestPanicOutsideTheWriterIsExitThree(t *testing.T) {
	// The recovery covers the whole command, not only the file writers:
	// here a command whose work panics before writing anything.
	var stderr bytes.Buffer
	code := runWith(func() (int, error) { panic("boom") }, "export", []string{"-lang", "zh"}, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "内部错误：boom") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
}

func TestLangArg(t *testing.T) {
	for args, want := range map[string]string{
		"x -lang zh":       "zh",
		"--lang=en x":      "en",
		"x --lang":         "",
		"x -language zh":   "",
		"-json x -lang=zh": "zh",
	} {
		if got := langArg(strings.Fields(args)); got != want {
			t.Errorf("langArg(%q) = %q, want %q", args, got, want)
		}
	}
}

// dirList lists the names in dir.
func dirList(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
