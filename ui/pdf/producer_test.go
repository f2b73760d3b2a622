package pdf

import (
	"strings"
	"testing"

	"orgdraft/assets"
)

// TestProducerNamesVersion: both PDFs name the OrgDraft version that wrote
// them as their Producer (pdfinfo shows it), the version of
// `orgdraft --version` and the About box.
func TestProducerNamesVersion(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "sme-service")
	for name, fn := range map[string]exportFn{"chart": chartFn, "book": bookFn} {
		path, _ := write(t, "producer-"+name, fn, d, Options{})
		want := "Producer:        OrgDraft " + assets.Version + "\n"
		if info := run(t, "pdfinfo", path); !strings.Contains(info, want) {
			t.Errorf("%s: no %q in\n%s", name, want, info)
		}
	}
}
