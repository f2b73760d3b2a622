package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportBookPaper prints the chart on A3 and the book on A4 with
// --paper and --book-paper, checks the first page of each with pdfinfo,
// and refuses an unknown book paper and the old --fit.
func TestExportBookPaper(t *testing.T) {
	dir := t.TempDir()
	chartPDF, bookPDF := filepath.Join(dir, "c.pdf"), filepath.Join(dir, "b.pdf")
	if code, _, errs := runCLI(t, "export", "@service-group", "--chart", chartPDF, "--book", bookPDF, "--paper", "A3", "--book-paper", "A4"); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	size := func(path string) string {
		out, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", path, err)
		}
		for _, l := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(l, "Page size:"); ok {
				return strings.TrimSpace(v)
			}
		}
		return ""
	}
	if s := size(chartPDF); !strings.Contains(s, "(A3)") {
		t.Errorf("chart page size %q, want A3", s)
	}
	if s := size(bookPDF); !strings.Contains(s, "(A4)") {
		t.Errorf("book page size %q, want A4", s)
	}
	if code, _, errs := runCLI(t, "export", "@service-group", "--book", bookPDF, "--book-paper", "a2", "--force"); code != exitOK {
		t.Fatalf("export --book-paper a2: exit %d: %s", code, errs)
	}
	if s := size(bookPDF); !strings.Contains(s, "(A2)") {
		t.Errorf("book page size %q, want A2", s)
	}
	for _, args := range [][]string{{"--book-paper", "Letter"}, {"--fit"}} {
		if code, _, _ := runCLI(t, append([]string{"export", "@service-group", "--book", bookPDF, "--force"}, args...)...); code != exitUsage {
			t.Errorf("export %v: exit %d, want a usage error", args, code)
		}
	}
}
