package outline

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// FuzzParse feeds arbitrary text to Parse and Insert. Nothing may panic
// or hang; a rejected outline comes back as an ErrorList whose every
// entry names a line of the text; an accepted one is a sound document
// that survives the JSON form, and pasting it is undone exactly. Plain
// `go test` runs the seeds: the testdata outlines and every template
// written as an outline.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(outlineOf(d))
		f.Add(Format(d.CopyBranch(d.Roots()))) // what Copy puts on the clipboard
	}
	f.Add("部\n\t甲（1人，在岗1人，负责人）\n\t\t虚线汇报：部/乙（协作）\n\t乙（2人，岗位）\n\t丙（部门）\n\t\t虚线汇报：\n\t\t\t部/丙\n")
	for _, s := range []string{
		"部\n\t组\n        员(1人)\n", "1、\n（一）\n(", "部(共3人)\n  甲(1人)\n", "岗(1人)\n  职责：\n    a\n      b\n",
		"合计：3人\n合计：4人", "\ufeff\r\n\u3000\u3000客服(兼)(直属)(２名)", "x(十百人)\ny(一百零五人)\nz(两千人)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse(text)
		if err != nil {
			if d != nil {
				t.Fatal("a document and an error")
			}
			checkErrorList(t, text, err)
			return
		}
		var js bytes.Buffer
		if err := domain.EncodeJSON(&js, d); err != nil {
			t.Fatal(err)
		}
		if _, err := domain.DecodeJSON(&js); err != nil {
			t.Fatalf("the parsed document does not survive its JSON form: %v\n%s", err, text)
		}
		for _, f := range d.Validate() {
			if f.Code == "empty-name" || f.Code == "negative" {
				t.Fatalf("unsound box: %s", f.En)
			}
		}

		// Paste the same text under the first box, then undo.
		before := encodeOrFail(t, d)
		p, err := Insert(d, d.Roots()[0], text)
		if err != nil {
			checkErrorList(t, text, err)
			return
		}
		if _, err := p.Do(d); err != nil {
			t.Fatalf("a parsed paste failed to apply: %v", err)
		}
		p.Undo(d)
		if after := encodeOrFail(t, d); after != before {
			t.Fatalf("undoing the paste changed the document")
		}
	})
}

func encodeOrFail(t *testing.T, d *domain.Document) string {
	var b strings.Builder
	if err := domain.EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkErrorList checks that err is a non-empty ErrorList whose entries
// name lines of text and say what is wrong in both languages.
func checkErrorList(t *testing.T, text string, err error) {
	t.Helper()
	var el ErrorList
	if !errors.As(err, &el) || len(el) == 0 {
		t.Fatalf("want a non-empty ErrorList, got %T %v", err, err)
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Count(text, "\n") + 1
	for _, e := range el {
		if e.Line < 1 || e.Line > lines {
			t.Fatalf("error names line %d of %d: %v", e.Line, lines, e)
		}
		if e.Msg == "" || e.Zh == "" {
			t.Fatalf("error without a message: %+v", e)
		}
	}
}
