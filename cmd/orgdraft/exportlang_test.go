package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/domain"
	"orgdraft/storage"
)

// pdfWords returns the text of a PDF, white space removed.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// TestExportLanguage: --lang en prints English PDFs with English
// messages; without it the PDFs follow the document's stored print
// language and the messages the system's; and exporting the unchanged
// file again writes the same bytes, the file itself untouched.
func TestExportLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	t.Setenv("LANG", "zh_CN.UTF-8")
	dir := t.TempDir()
	doc := filepath.Join(dir, "dept.orgdraft")
	if code, _, errs := runCLI(t, "new", "-template", "sme-service", doc); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, errs)
	}
	chart, book := filepath.Join(dir, "c.pdf"), filepath.Join(dir, "b.pdf")
	code, out, errs := runCLI(t, "export", doc, "--chart", chart, "--book", book, "--lang", "en")
	if code != exitOK {
		t.Fatalf("export --lang en: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "pages") || strings.Contains(out, "共") {
		t.Errorf("--lang en, messages not in English:\n%s", out)
	}
	for path, want := range map[string][]string{chart: {"Page1of1", "Preparedby", "Legend"}, book: {"Contents", "Staffingtable", "Duties", "Reportsto"}} {
		words := pdfWords(t, path)
		for _, w := range want {
			if !strings.Contains(words, w) {
				t.Errorf("%s: %q missing", filepath.Base(path), w)
			}
		}
		if strings.Contains(words, "第1页") || strings.Contains(words, "审核") {
			t.Errorf("%s: Chinese labels in an English PDF", filepath.Base(path))
		}
	}

	// Again: the same bytes, and the document file is as it was.
	before, err := os.Stat(doc)
	if err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "c2.pdf")
	if code, _, errs := runCLI(t, "export", doc, "--chart", again, "--lang", "en"); code != exitOK {
		t.Fatalf("second export: exit %d: %s", code, errs)
	}
	a, _ := os.ReadFile(chart)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two exports of the unchanged document differ")
	}
	if after, _ := os.Stat(doc); !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("exporting changed the document's time: %v, then %v", before.ModTime(), after.ModTime())
	}

	// The language stored with the document is used when --lang is
	// absent; the messages stay in the system's Chinese.
	f, d, err := storage.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	if err := h.Do(domain.SetPrintLanguage(domain.English)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	stored := filepath.Join(dir, "stored.pdf")
	code, out, errs = runCLI(t, "export", doc, "--chart", stored)
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "共 1 页") {
		t.Errorf("without --lang, messages not in the system's Chinese:\n%s", out)
	}
	if words := pdfWords(t, stored); !strings.Contains(words, "Page1of1") {
		t.Errorf("the stored English is not printed:\n%s", words)
	}
	zh := filepath.Join(dir, "zh.pdf")
	if code, _, errs := runCLI(t, "export", doc, "--chart", zh, "--lang", "zh"); code != exitOK {
		t.Fatalf("export --lang zh: exit %d: %s", code, errs)
	}
	if words := pdfWords(t, zh); !strings.Contains(words, "第1页共1页") {
		t.Errorf("--lang zh over a document stored in English: not Chinese:\n%s", words)
	}
	if code, _, _ := runCLI(t, "export", doc, "--chart", filepath.Join(dir, "fr.pdf"), "--lang", "fr"); code != exitUsage {
		t.Errorf("--lang fr: exit %d, want %d", code, exitUsage)
	}
}
