package chartview

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"orgdraft/storage"
	"orgdraft/ui"
)

// BenchmarkOpenToFirstFrame measures what a user waits for when opening a
// 1,000-box document: the file is checked and read, the editor window is
// filled (chart, inspector, checks) and its first frame is drawn. The
// headless driver draws in software, so GPU painting is not included.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	d, _ := bigDoc(b, 1000)
	path := filepath.Join(b.TempDir(), "big.orgdraft")
	f, err := storage.Create(path, d)
	if err != nil {
		b.Fatal(err)
	}
	f.Close()
	a := test.NewTempApp(b)
	for b.Loop() {
		m := ui.NewMainWindow(a, ui.Options{NewChartView: func() ui.ChartView { return New() }})
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
