package sheet

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"orgdraft/assets"
)

// FuzzReadCSV feeds arbitrary bytes to ReadCSV. Nothing may panic or
// hang; a rejected table comes back as an ErrorList whose every entry
// names a row; an accepted one writes out and reads back as the same
// tree. Plain `go test` runs the seeds: every template as CSV, Chinese
// and English.
func FuzzReadCSV(f *testing.F) {
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			f.Fatal(err)
		}
		for _, o := range []Options{{}, {English: true}} {
			var b bytes.Buffer
			if err := o.WriteCSV(&b, d); err != nil {
				f.Fatal(err)
			}
			f.Add(b.Bytes())
		}
	}
	for _, s := range []string{
		"名称\n甲\n", "编号,上级编号,名称\n1,2,甲\n2,1,乙\n", "名称,编制\n\"甲\n", "\xff\xfe名\x00", "标题\n\n名称;编制\n甲;-1\n",
		"编号,上级编号,名称,虚线汇报\n1,,甲,1\n2,1,乙,1：x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			var el ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("want a non-empty ErrorList, got %T %v", err, err)
			}
			for _, e := range el {
				if e.Row < 1 || e.Msg == "" || e.Zh == "" {
					t.Fatalf("error without a row or message: %+v", e)
				}
			}
			return
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, d); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCSV(&b)
		if err != nil {
			t.Fatalf("an accepted table does not read back: %v\n%s", err, b.String())
		}
		again.Info = d.Info
		if g, w := canon(t, again), canon(t, d); g != w {
			t.Fatalf("the tree changed on the way back: %s", firstDiff(g, w))
		}
		if strings.Contains(b.String(), "\r") && !strings.Contains(b.String(), "\r\n") {
			t.Fatal("a lone CR was written")
		}
	})
}
