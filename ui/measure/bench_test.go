package measure

import "testing"

func BenchmarkWidth(b *testing.B) {
	m := testMeasurer(b)
	s := dutyText()
	b.ReportAllocs()
	for b.Loop() {
		m.Width(s, 10)
	}
}

func BenchmarkWrap(b *testing.B) {
	m := testMeasurer(b)
	s := dutyText()
	for _, bc := range []struct {
		name     string
		maxWidth float64
	}{{"box80pt", 80}, {"page450pt", 450}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m.Wrap(s, 10, bc.maxWidth)
			}
		})
	}
}

func BenchmarkBox(b *testing.B) {
	m := testMeasurer(b)
	st := DefaultBoxStyle()
	details := []string{"编制 3人", "在岗 2人", "P5"}
	b.ReportAllocs()
	for b.Loop() {
		m.Box("客户服务部售后技术支持工程师", details, st)
	}
}

func BenchmarkNew(b *testing.B) {
	font := fontBytes(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(font); err != nil {
			b.Fatal(err)
		}
	}
}
