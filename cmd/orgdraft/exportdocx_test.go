package main

import (
	"archive/zip"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportDocx: export --docx writes the book as a Word package beside
// a PDF book of the same document, says so in the chosen language, and
// refuses one file named for both.
func TestExportDocx(t *testing.T) {
	dir := t.TempDir()
	docx, book := filepath.Join(dir, "b.docx"), filepath.Join(dir, "b.pdf")
	code, out, errs := runCLI(t, "export", "@sme-service", "--docx", docx, "--book", book, "--lang", "zh")
	if code != exitOK {
		t.Fatalf("export --docx: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "岗位职责说明书（.docx）: "+docx) {
		t.Errorf("the output does not name the Word file:\n%s", out)
	}
	z, err := zip.OpenReader(docx)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	for _, want := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "word/media/chart1.png", "[Content_Types].xml"} {
		if !names[want] {
			t.Errorf("the Word file lacks %s", want)
		}
	}
	if code, _, errs := runCLI(t, "export", "@sme-service", "--docx", book, "--book", book, "--force", "--lang", "en"); code == exitOK || !strings.Contains(errs, "--docx names the same file") {
		t.Errorf("--docx and --book on one file: exit %d: %s", code, errs)
	}
}
