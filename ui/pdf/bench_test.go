package pdf

import (
	"bytes"
	"io"
	"testing"

	"orgdraft/assets"
)

// BenchmarkBook prints the book of 1,000 positions with 10 duties each.
func BenchmarkBook(b *testing.B) {
	d := bigDoc(1000, 10)
	for b.Loop() {
		if _, err := Book(io.Discard, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChart prints a chart of 1,000 boxes, split across A3 pages.
func BenchmarkChart(b *testing.B) {
	d := bigDoc(1000, 0)
	for b.Loop() {
		if _, err := Chart(io.Discard, d, Options{Paper: "A3", Landscape: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChartOnePage prints a template's chart on one page and reports
// the file size.
func BenchmarkChartOnePage(b *testing.B) {
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := Chart(&buf, d, Options{Paper: "A3", Landscape: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}
