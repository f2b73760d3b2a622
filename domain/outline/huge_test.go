package outline

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// deep returns an outline of depth levels, each a unit one tab deeper
// than the one before, with a position at the bottom.
func deep(depth int) string {
	var b strings.Builder
	for i := range depth - 1 {
		b.WriteString(strings.Repeat("\t", i))
		fmt.Fprintf(&b, "部%d\n", i+1)
	}
	b.WriteString(strings.Repeat("\t", depth-1) + "岗(1人)\n")
	return b.String()
}

// An outline nested 2,000 levels deep is read whole: the boxes form one
// chain under each other.
func TestADeepOutlineIsRead(t *testing.T) {
	const depth = 2000
	d, err := Parse(deep(depth))
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != depth || len(d.Path(d.Roots()[0]+depth-1)) != depth {
		t.Fatalf("%d boxes; the last is %d deep", d.Len(), len(d.Path(d.Roots()[0]+depth-1)))
	}
}

// An outline of more than MaxBoxes boxes is refused at the first box past
// the limit, and one of more than MaxLines lines at the first line past
// it, before the lines are looked at.
func TestOutlinesPastTheLimitsAreRefused(t *testing.T) {
	var boxes strings.Builder
	for i := range MaxBoxes + 1 {
		fmt.Fprintf(&boxes, "岗位%d(1人)\n", i+1)
	}
	lines := "客服专员(1人)\n" + strings.Repeat("\t负责接听\n", MaxLines)
	for _, c := range []struct {
		text, zh, en string
	}{
		{boxes.String(), "第 100001 行“岗位100001(1人)”：大纲中的框超过 100000 个，未导入：请分成几份导入",
			`line 100001 "岗位100001(1人)": the outline has more than 100000 boxes; nothing is imported: import it in parts`},
		{lines, "第 1000001 行“负责接听”：大纲超过 1000000 行，未导入",
			`line 1000001 "负责接听": the outline has more than 1000000 lines; nothing is imported`},
	} {
		_, err := Parse(c.text)
		var el ErrorList
		if !errors.As(err, &el) || len(el) != 1 {
			t.Fatalf("want one error, got %.300v", err)
		}
		if got := el.Text(true); got != c.zh {
			t.Errorf("got %q, want %q", got, c.zh)
		}
		if got := el.Text(false); got != c.en {
			t.Errorf("got %q, want %q", got, c.en)
		}
	}
}

// BenchmarkParseDeep reads outlines 2,000 and 8,000 levels deep (2 MB
// and 32 MB of indentation): time and memory follow the text.
func BenchmarkParseDeep(b *testing.B) {
	for _, depth := range []int{2000, 8000} {
		text := deep(depth)
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse100k reads an outline of 100,000 boxes, the most it may
// have: units of 20 positions with two duties each.
func BenchmarkParse100k(b *testing.B) {
	var t strings.Builder
	for i := range MaxBoxes / 20 {
		fmt.Fprintf(&t, "部门%d\n", i+1)
		for j := range 19 {
			fmt.Fprintf(&t, "\t岗位%d-%d(2人)\n\t\t1、负责客户来电的接听与记录；\n\t\t2、完成上级交办的其它工作。\n", i+1, j+1)
		}
	}
	text := t.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		if d.Len() != MaxBoxes {
			b.Fatalf("%d boxes", d.Len())
		}
	}
}
