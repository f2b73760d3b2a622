package outline

import (
	"strings"
	"testing"

	"orgdraft/assets"
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
