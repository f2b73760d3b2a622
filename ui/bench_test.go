package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orgdraft/domain"
	"orgdraft/storage"
)

// bigDocument builds a chart of n boxes shaped like a large company: a
// root unit, departments, groups, and positions under them.
func bigDocument(tb testing.TB, n int) *domain.Document {
	tb.Helper()
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	do := func(c domain.Command) {
		if err := h.Do(c); err != nil {
			tb.Fatal(err)
		}
	}
	root := domain.AddChild(0, domain.KindUnit, "总公司")
	do(root)
	units := []domain.NodeID{root.ID}
	for count := 1; count < n; {
		for i := 0; i < len(units) && count < n; i++ {
			kind, name := domain.KindPosition, fmt.Sprintf("岗位%d", count)
			if count%5 == 0 && len(units) < n/8 {
				kind, name = domain.KindUnit, fmt.Sprintf("部门%d", count)
			}
			c := domain.AddChild(units[i], kind, name)
			c.Init.Planned = 1 + count%4
			do(c)
			if kind == domain.KindUnit {
				units = append(units, c.ID)
			}
			count++
		}
	}
	return d
}

// bigFile writes a document of n boxes to a file and returns its path.
func bigFile(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "big.orgdraft")
	f, err := storage.Create(path, bigDocument(tb, n))
	if err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return path
}

// BenchmarkOpenToFirstFrame measures what a user waits for when opening a
// 1,000-box document: the file is checked and read, the editor window is
// filled (chart, inspector, checks) and its first frame is drawn. The
// headless driver draws in software, so GPU painting is not included.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	path := bigFile(b, 1000)
	a := test.NewTempApp(b)
	for b.Loop() {
		m := NewMainWindow(a, Options{})
		m.Window.Resize(fyne.NewSize(1280, 800))
		if err := m.OpenPath(path); err != nil {
			b.Fatal(err)
		}
		if img := m.Window.Canvas().Capture(); img.Bounds().Empty() {
			b.Fatal("nothing was drawn")
		}
		m.Session().Close()
		m.Window.Close()
	}
}

// BenchmarkEditLatency measures the latency a user feels for one edit of
// a 1,000-box document open from a file: MainWindow.Do saves it, the
// chart is laid out again and redrawn, the checks run, the inspector and
// the status bar follow. The target is a frame: under 16 ms.
func BenchmarkEditLatency(b *testing.B) {
	path := bigFile(b, 1000)
	a := test.NewTempApp(b)
	m := NewMainWindow(a, Options{})
	m.Window.Resize(fyne.NewSize(1280, 800))
	if err := m.OpenPath(path); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Session().Close() })
	d := m.Session().Doc
	id := d.Roots()[0]
	kids := d.Node(id).Children()
	target := kids[len(kids)/2]
	m.Select(target)
	i := 0
	for b.Loop() {
		i++
		if err := m.Do(domain.SetPlanned(target, 1+i%7)); err != nil {
			b.Fatal(err)
		}
	}
}
