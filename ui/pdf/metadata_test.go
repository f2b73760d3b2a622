package pdf

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"orgdraft/domain"
)

// TestSameDocumentSameBytes: exporting one document twice writes the same
// bytes, with its saved time as the creation and modification dates; a
// document never saved gets a fixed date, and a later save a later one.
func TestSameDocumentSameBytes(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "sme-service")
	saved := time.Date(2025, 12, 20, 9, 30, 15, 0, time.Local)
	for name, fn := range map[string]exportFn{"chart": chartFn, "book": bookFn} {
		export := func(o Options) []byte {
			var buf bytes.Buffer
			if _, err := fn(&buf, d, o); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		for _, when := range []time.Time{saved, {}} {
			a, b := export(Options{Saved: when}), export(Options{Saved: when})
			if !bytes.Equal(a, b) {
				t.Errorf("%s saved at %v: two exports differ", name, when)
			}
		}
		if bytes.Equal(export(Options{Saved: saved}), export(Options{Saved: saved.Add(time.Second)})) {
			t.Errorf("%s: a later save gives the same PDF", name)
		}
		path, _ := write(t, "dates-"+name, fn, d, Options{Saved: saved})
		dates := func(path string) string {
			var out []string
			for _, l := range strings.Split(run(t, "pdfinfo", "-isodates", path), "\n") {
				if f := strings.Fields(l); len(f) == 2 && (f[0] == "CreationDate:" || f[0] == "ModDate:") {
					out = append(out, f[0]+" "+f[1][:len("2006-01-02T15:04:05")])
				}
			}
			return strings.Join(out, ", ")
		}
		if got, want := dates(path), "CreationDate: 2025-12-20T09:30:15, ModDate: 2025-12-20T09:30:15"; got != want {
			t.Errorf("%s: dates %q, want %q", name, got, want)
		}
		path, _ = write(t, "dates-unsaved-"+name, fn, d, Options{})
		if got, want := dates(path), "CreationDate: 2000-01-01T00:00:00, ModDate: 2000-01-01T00:00:00"; got != want {
			t.Errorf("%s never saved: dates %q, want %q", name, got, want)
		}
	}
}

// TestLangInCatalog: the catalog names the language of the PDF's own
// words, zh-CN or en.
func TestLangInCatalog(t *testing.T) {
	d := mustTemplate(t, "sme-service")
	catalog := regexp.MustCompile(`(?s)<<\s*/Type /Catalog.*?>>`)
	for l, want := range map[domain.Language]string{domain.Chinese: "/Lang (zh-CN)", domain.English: "/Lang (en)"} {
		for name, fn := range map[string]exportFn{"chart": chartFn, "book": bookFn} {
			var buf bytes.Buffer
			if _, err := fn(&buf, d, Options{Language: l}); err != nil {
				t.Fatal(err)
			}
			if c := catalog.Find(buf.Bytes()); !bytes.Contains(c, []byte(want)) {
				t.Errorf("%s in %v: catalog %q lacks %s", name, l, c, want)
			}
		}
	}
}

// TestSubsetTags merges the chart and the book of one document into one
// file, as a user does with a PDF tool: the two font subsets bear
// different names, each with a tag of six capitals, and exporting again
// gives the same tags.
func TestSubsetTags(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "sme-service")
	chart, _ := write(t, "tag-chart", chartFn, d, Options{})
	book, _ := write(t, "tag-book", bookFn, d, Options{})
	merged := filepath.Join(t.TempDir(), "merged.pdf")
	// pdfunite (poppler) copies the pages with their fonts, as
	// qpdf --empty --pages c.pdf b.pdf -- m.pdf does.
	if out, err := exec.Command("pdfunite", chart, book, merged).CombinedOutput(); err != nil {
		t.Fatalf("pdfunite: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", merged)), "\n")[2:]
	if len(lines) != 2 {
		t.Fatalf("the merged PDF has %d fonts, want 2:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	tag := regexp.MustCompile(`^[A-Z]{6}\+WenQuanYiMicroHei$`)
	a, b := strings.Fields(lines[0])[0], strings.Fields(lines[1])[0]
	if !tag.MatchString(a) || !tag.MatchString(b) || a == b {
		t.Errorf("subset names %q and %q: want two different tagged names", a, b)
	}
	again, _ := write(t, "tag-chart-again", chartFn, d, Options{})
	if first := strings.Fields(strings.Split(run(t, "pdffonts", again), "\n")[2])[0]; first != a && first != b {
		t.Errorf("exported again, the chart's subset is %q, not %q or %q", first, a, b)
	}
}
