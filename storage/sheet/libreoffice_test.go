package sheet

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"orgdraft/domain"
)

// Cells that a spreadsheet program would run as formulas, as names and
// texts of boxes.
var formulas = []string{
	`=HYPERLINK("http://example.com/","点这里")`, "=1+1", "+86 客服热线", "-负责人", "@SUM(A1:A2)", "'撇号开头", "\t=1+2",
}

// LibreOffice opens our CSV export with every formula-like cell as text:
// no cell holds a formula, and each shows what we wrote, guard included.
// soffice comes from the Debian package libreoffice-calc-nogui; without
// it the test fails, since it is the one real client of the guard.
func TestLibreOfficeReadsGuardedCellsAsText(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: install libreoffice-calc-nogui (apt-get install --no-install-recommends libreoffice-calc-nogui)")
	}
	nodes := []domain.Node{{ID: 1, Kind: domain.KindUnit, Name: "客服部"}}
	for i, f := range formulas {
		nodes = append(nodes, domain.Node{ID: domain.NodeID(i + 2), Parent: 1, Kind: domain.KindPosition,
			Name: strings.TrimSpace(f), Grade: f, Notes: f, Duties: []string{strings.TrimSpace(f)}})
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// ASCII names: soffice garbles others under a locale the system lacks.
	csvPath := filepath.Join(dir, "table.csv")
	var b bytes.Buffer
	if err := WriteCSV(&b, d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csvPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Our own reader gets every cell back exactly.
	back, err := ReadCSV(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	back.Info = d.Info
	if g, w := canon(t, back), canon(t, d); g != w {
		t.Fatalf("the CSV does not read back: %s", firstDiff(g, w))
	}

	// LibreOffice, as on opening the file: comma separated, UTF-8,
	// formulas evaluated as its import does by default.
	cmd := exec.Command(soffice, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, csvPath)
	cmd.Env = append(os.Environ(), "HOME="+dir) // a profile of its own
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "table.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{}
	for _, row := range (Options{}).rows(d) {
		for i := range row {
			row[i] = guard(row[i])
		}
		want = append(want, strings.Join(row, "|"))
	}
	if len(rows) != len(want)+1 {
		t.Fatalf("LibreOffice shows %d rows, want %d", len(rows), len(want)+1)
	}
	for r, row := range rows[1:] {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
				t.Errorf("%s holds the formula %q", cell, formula)
			}
		}
		for len(row) < int(numColumns) {
			row = append(row, "")
		}
		if got := strings.Join(row, "|"); got != want[r] {
			t.Errorf("row %d shows\n %q, want\n %q", r+2, got, want[r])
		}
	}
}
