package pdf

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"orgdraft/assets"
)

// TestCrossReferences checks the file structure after compressPages has
// moved the objects: every offset in the cross-reference table points at
// its object, startxref points at the table, every page's content is
// compressed, and poppler reads the file without a complaint.
func TestCrossReferences(t *testing.T) {
	d, err := assets.LoadTemplate("service-group")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r, err := Book(&buf, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	entries := regexp.MustCompile(`(?m)^(\d{10}) 00000 n `).FindAllSubmatch(pdf[xref:], -1)
	if len(entries) < r.Pages*2 {
		t.Fatalf("%d objects for %d pages", len(entries), r.Pages)
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Fatalf("object %d: offset %d points at %q", i+1, off, pdf[off:min(len(pdf), off+20)])
		}
	}
	if n := len(regexp.MustCompile(`<</Length \d+>>\nstream\n`).FindAll(pdf, -1)); n != 0 {
		t.Errorf("%d streams left uncompressed", n)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		cmd := exec.Command("pdfinfo", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("pdfinfo: %v %s", err, stderr.String())
		}
	}
}

// TestCompressPagesLeavesOtherPDFsAlone feeds compressPages something it
// does not understand.
func TestCompressPagesLeavesOtherPDFsAlone(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.4\nno table", "1 0 obj\n<</Length 99>>\nstream\nshort\nendstream\nendobj\nxref\n0 1\n"} {
		if got := compressPages([]byte(in)); string(got) != in {
			t.Errorf("compressPages(%q) = %q", in, got)
		}
	}
}
