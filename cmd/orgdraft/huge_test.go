package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
)

// Huge documents and imports: the CLI's output and its work stay in
// proportion to the boxes. The figures are in the benchmarks below and,
// for the whole program's peak memory, measured with /usr/bin/time -v.

// staffed returns a document of n boxes as a real chart has them: units
// of 20 boxes, each position with a planned headcount and two duties,
// every unit with a head.
func staffed(t testing.TB, n int) *domain.Document {
	nodes := make([]domain.Node, 0, n)
	var unit domain.NodeID
	for i := range n {
		id := domain.NodeID(i + 1)
		node := domain.Node{ID: id, Kind: domain.KindPosition, Name: fmt.Sprintf("岗位%d", i+1), Planned: 1 + i%5,
			Duties: []string{"负责客户来电的接听与记录；", "完成上级交办的其它工作。"}}
		switch {
		case i%20 == 0:
			node = domain.Node{ID: id, Kind: domain.KindUnit, Name: fmt.Sprintf("部门%d", i/20+1), Parent: unit / 2,
				Functions: []string{"负责本部门的日常管理工作"}}
			unit = id
		case i%20 == 1:
			node.Parent, node.Head, node.Name = unit, true, fmt.Sprintf("经理%d", i/20+1)
		default:
			node.Parent = unit
		}
		nodes = append(nodes, node)
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// chain returns a document that is one chain of n positions 岗1 … 岗n,
// each under the one before, one person each and none with duties: every
// box is one finding.
func chain(t testing.TB, n int) *domain.Document {
	nodes := make([]domain.Node, n)
	for i := range nodes {
		nodes[i] = domain.Node{ID: domain.NodeID(i + 1), Parent: domain.NodeID(i), Kind: domain.KindPosition, Name: fmt.Sprintf("岗%d", i+1), Planned: 1}
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// store saves d as a document file and returns its path.
func store(t testing.TB, d *domain.Document) string {
	path := filepath.Join(t.TempDir(), "大.orgdraft")
	f, err := storage.Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// check of a chain 10,000 deep names each box by its path abbreviated in
// the middle, so every line is short; it used to print the whole path,
// 50 million names in all.
func TestCheckOfADeepChainAbbreviatesPaths(t *testing.T) {
	const n = 10000
	path := store(t, chain(t, n))
	for _, c := range []struct{ lang, want string }{
		{"en", `warning: Position "岗10000" has no duties (岗1 › 岗2 › … › 岗9999 › 岗10000)`},
		{"zh", `警告: 岗位“岗10000”没有岗位职责 (岗1 › 岗2 › … › 岗9999 › 岗10000)`},
	} {
		code, out, errs := runCLI(t, "check", "-lang", c.lang, path)
		if code != exitOK {
			t.Fatalf("check: exit %d: %s", code, errs)
		}
		// The findings follow the headcount table and a blank line.
		_, findings, ok := strings.Cut(out, "\n\n")
		if !ok {
			t.Fatalf("%s: no blank line between the headcount table and the findings:\n%.500s", c.lang, out)
		}
		lines := strings.Split(strings.TrimSpace(findings), "\n")
		if len(lines) != n {
			t.Fatalf("%s: %d lines for %d findings", c.lang, len(lines), n)
		}
		if !strings.Contains(findings, c.want+"\n") {
			t.Errorf("%s: no line %q; the last is %q", c.lang, c.want, lines[n-1])
		}
		for _, l := range lines {
			if len(l) > 200 {
				t.Fatalf("%s: a line of %d bytes: %.200s…", c.lang, len(l), l)
			}
		}
	}
}

// show of a deep chain indents the first levels and numbers the deeper
// ones, so its text grows with the boxes, not with their square.
func TestShowOfADeepChainNumbersDeepLevels(t *testing.T) {
	const n = 5000
	code, out, errs := runCLI(t, "show", "-lang", "en", store(t, chain(t, n)))
	if code != exitOK {
		t.Fatalf("show: exit %d: %s", code, errs)
	}
	want := strings.Repeat("  ", maxIndent) + "[5000] • 岗5000  planned 1  reports to: 岗4999\n"
	if !strings.Contains(out, want) {
		t.Errorf("show lacks %q", want)
	}
	if len(out) > n*200 {
		t.Errorf("show wrote %d bytes for %d boxes", len(out), n)
	}
}

// BenchmarkShow100k prints a chart of 100,000 boxes (the whole command:
// open, derive, print).
func BenchmarkShow100k(b *testing.B) {
	path := store(b, staffed(b, 100000))
	b.ReportAllocs()
	for b.Loop() {
		var out, errs bytes.Buffer
		if code := run([]string{"show", "-lang", "zh", path}, &out, &errs); code != exitOK {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
	}
}

// BenchmarkCheck100k checks the same chart.
func BenchmarkCheck100k(b *testing.B) {
	path := store(b, staffed(b, 100000))
	b.ReportAllocs()
	for b.Loop() {
		var out, errs bytes.Buffer
		if code := run([]string{"check", "-lang", "zh", path}, &out, &errs); code > exitFindings {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
	}
}

// BenchmarkImport100kRows imports a staffing table of 100,000 rows, the
// most an import takes, into a new document.
func BenchmarkImport100kRows(b *testing.B) {
	var table bytes.Buffer
	if err := sheet.WriteCSV(&table, staffed(b, sheet.MaxImportBoxes)); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "编制表.csv")
	if err := os.WriteFile(in, table.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(table.Len()))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		var out, errs bytes.Buffer
		if code := run([]string{"import", in, filepath.Join(dir, fmt.Sprintf("新%d.orgdraft", i))}, &out, &errs); code != exitOK {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
	}
}
