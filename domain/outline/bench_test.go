package outline

import (
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// BenchmarkParse reads an outline of about 10,000 lines: every template
// written as an outline, repeated.
func BenchmarkParse(b *testing.B) {
	var parts []string
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			b.Fatal(err)
		}
		// Only one stated total is allowed: leave the templates' out.
		d.Info.StatedTotal = 0
		parts = append(parts, strings.TrimSuffix(outlineOf(d), "\n"))
	}
	one := strings.Join(parts, "\n")
	var text strings.Builder
	for text.Len() == 0 || strings.Count(text.String(), "\n") < 10000 {
		text.WriteString(one + "\n")
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCopyAndPaste writes every template's boxes as Copy does
// (Format, which reads its text back to check it) and pastes the text
// into an empty document, as Ctrl+C and Ctrl+V do.
func BenchmarkCopyAndPaste(b *testing.B) {
	var branches []*domain.Branch
	boxes := 0
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			b.Fatal(err)
		}
		branches = append(branches, d.CopyBranch(d.Roots()))
		boxes += d.Len()
	}
	b.ReportMetric(float64(boxes), "boxes/op")
	b.ReportAllocs()
	for b.Loop() {
		for _, br := range branches {
			p, err := Insert(domain.NewDocument(), 0, Format(br))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := p.Do(domain.NewDocument()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
