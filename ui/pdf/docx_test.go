package pdf

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// TestDocxInLibreOffice writes the book of three templates as Word files
// (one with a chapter per unit)
// and opens them in a real client, LibreOffice (Debian
// libreoffice-writer-nogui, which .ci/run installs): it must convert
// them to PDF, whose text holds every name, duty, qualification and
// function, the form's labels and the staffing table's total; and its
// HTML export must hold every table the book has: the cover's two, the
// staffing table and two per position (the form and its signature row),
// and any other the book composes (编制测算).
func TestDocxInLibreOffice(t *testing.T) {
	needPoppler(t)
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: install libreoffice-writer-nogui (apt-get install --no-install-recommends libreoffice-writer-nogui)")
	}
	dir := t.TempDir()
	docs := map[string]*domain.Document{}
	for _, id := range []string{"hotline-centre", "service-group", "company-functions"} {
		d := mustTemplate(t, id)
		if id == "company-functions" {
			// A chapter per unit, each with a chart of its own.
			d.Info.Page.BookOrder = domain.BookByUnit
		}
		docs[id] = d
		var b bytes.Buffer
		if _, err := Docx(&b, d, Options{}); err != nil {
			t.Fatal(err)
		}
		// ASCII names: soffice garbles others under a locale the system
		// lacks.
		if err := os.WriteFile(filepath.Join(dir, id+".docx"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	convert := func(format string) {
		args := []string{"--headless", "--convert-to", format, "--outdir", dir}
		for id := range docs {
			args = append(args, filepath.Join(dir, id+".docx"))
		}
		cmd := exec.Command(soffice, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir) // a profile of its own
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
		}
	}
	convert("pdf")
	convert("html")
	for id, d := range docs {
		path := filepath.Join(dir, id+".pdf")
		sq := squeeze(text(t, path))
		want := append(expectedChart(d), "岗位名称", "所属部门", "直接上级", "直接下级", "编制人数", "任职者", "人力资源部", "人员编制表",
			fmt.Sprintf("合计%d", d.Total().Planned))
		if d.Info.Page.BookOrder == domain.BookByUnit {
			want = append(want, "岗位编制图")
		} else {
			want = append(want, "岗位说明书")
		}
		positions := 0
		d.Walk(func(n *domain.Node) bool {
			want = append(want, n.Duties...)
			want = append(want, n.Qualifications...)
			want = append(want, n.Functions...)
			if n.Kind.IsPosition() {
				positions++
			}
			return true
		})
		checkContains(t, path, sq, want)
		if strings.Contains(sq, "未填写") {
			t.Errorf("%s: prints 未填写", path)
		}
		if n := pages(t, path); n < positions+3 {
			t.Errorf("%s: %d pages for %d positions", path, n, positions)
		}
		html, err := os.ReadFile(filepath.Join(dir, id+".html"))
		if err != nil {
			t.Fatal(err)
		}
		// Every table the composition holds, the cover's and the
		// 修订记录's: at least the particulars, the staffing table and the
		// two of every position.
		c, err := newComposer(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		tables := 1 // the particulars
		for _, p := range c.bookPieces() {
			if p.kind == pTable {
				tables++
			}
		}
		if _, _, sign, _ := c.coverTables(); sign != nil {
			tables++
		}
		if rt, _ := c.revisionTable(400); rt != nil {
			tables++
		}
		if tables < 2+2*positions {
			t.Fatalf("%s: the book composes %d tables for %d positions", id, tables, positions)
		}
		if got := bytes.Count(bytes.ToLower(html), []byte("<table")); got != tables {
			t.Errorf("%s: LibreOffice reads %d tables, want %d", id, got, tables)
		}
	}
}

// TestDocxSameBytes exports a document twice: the Word file is the same,
// dated by the document's save, so that an unchanged document does not
// look changed.
func TestDocxSameBytes(t *testing.T) {
	d := mustTemplate(t, "sme-service")
	var a, b bytes.Buffer
	if _, err := Docx(&a, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Docx(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of one document differ")
	}
}

// TestDocxWellFormed writes the Word file of every template in both
// orders, of an empty document and of one whose text has XML's special
// characters, control characters and an emoji: every part is well-formed
// XML and the text comes back as written.
func TestDocxWellFormed(t *testing.T) {
	docs := map[string]*domain.Document{"empty": domain.NewDocument()}
	for _, tm := range assets.Templates() {
		d := mustTemplate(t, tm.ID)
		docs[tm.ID] = d
		u := d.Clone()
		u.Info.Page.BookOrder = domain.BookByUnit
		docs[tm.ID+"-by-unit"] = u
	}
	odd := "客服 <经理> & \"主管\"\x01 😀"
	nodes := []domain.Node{{ID: 1, Kind: domain.KindUnit, Name: "客服部"},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: odd, Planned: 1, Duties: []string{odd}}}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	docs["odd"] = d
	for name, d := range docs {
		var b bytes.Buffer
		if _, err := Docx(&b, d, Options{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var body strings.Builder
		for _, f := range z.File {
			if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
				continue
			}
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(r)
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %s is not well-formed: %v", name, f.Name, err)
				}
				if cd, ok := tok.(xml.CharData); ok && f.Name == "word/document.xml" {
					body.Write(cd)
				}
			}
			r.Close()
		}
		if name == "odd" {
			// The control character is left out; the rest is as written.
			if want := strings.ReplaceAll(odd, "\x01", ""); !strings.Contains(body.String(), want) {
				t.Errorf("the odd name does not come back: %q", body.String())
			}
		}
	}
}
