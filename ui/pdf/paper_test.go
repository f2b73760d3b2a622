package pdf

import (
	"strings"
	"testing"

	"orgdraft/domain"
)

// TestSignOffOneLine fills the sign-off block with names of four
// characters and dates in 年月日 form: each must print on one line, on the
// chart and on the book's cover.
func TestSignOffOneLine(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "service-group")
	d.Info.SignOffs = []domain.SignOff{
		{Role: "编制", Name: "欧阳建国", Date: "2025年12月20日"},
		{Role: "审核", Name: "司马长风", Date: "2025年12月21日"},
		{Role: "批准", Name: "诸葛明远", Date: "2025年12月22日"},
	}
	for _, p := range []string{"A4", "A3"} {
		for _, fn := range []struct {
			name string
			f    exportFn
		}{{"chart", chartFn}, {"book", bookFn}} {
			path, _ := write(t, "signoff-line-"+p+"-"+fn.name, fn.f, d, Options{Paper: p})
			// pdftotext -raw joins the cells of one row into one line; a
			// wrapped cell would put part of its text on another line.
			lines := map[string]bool{}
			for _, l := range strings.Split(text(t, path), "\n") {
				lines[squeeze(l)] = true
			}
			names, dates := "姓名", "日期"
			for _, s := range d.Info.SignOffs {
				names, dates = names+s.Name, dates+s.Date
			}
			for _, want := range []string{names, dates} {
				if !lines[want] {
					t.Errorf("%s: no line %q: a name or date wrapped", path, want)
				}
			}
		}
	}
}
