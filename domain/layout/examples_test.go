package layout

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// company builds a small company much like the customer's hand-drawn
// charts: a general manager with two assistants, departments with a head
// and staff, a collapsed team and a dotted line from finance to sales.
func company() (Input, map[string]int32) {
	t := &tree{}
	names := map[int32]string{}
	add := func(parent int32, name string, f Flags) int32 {
		// About 12 pt per Chinese character plus padding, as the text
		// measurer will report.
		w := float64(12*utf8.RuneCountInString(name) + 24)
		id := t.add(parent, Size{W: max(w, 72), H: 40}, f)
		names[id] = name
		return id
	}
	gm := add(-1, "总经理", 0)
	add(gm, "总经理助理", Assistant)
	add(gm, "董事会秘书", Assistant)
	admin := add(gm, "行政人事部", 0)
	ah := add(admin, "行政主管", 0)
	for _, s := range []string{"前台", "司机", "保洁员", "人事专员"} {
		add(ah, s, 0)
	}
	fin := add(gm, "财务部", 0)
	add(fin, "会计", 0)
	cashier := add(fin, "出纳", 0)
	sales := add(gm, "销售部", 0)
	sm := add(sales, "销售经理", 0)
	key := add(sm, "大客户组", 0)
	for _, s := range []string{"客户经理", "客户经理", "销售助理"} {
		add(key, s, 0)
	}
	ch := add(sm, "渠道组", 0)
	add(ch, "渠道专员", 0)
	add(ch, "渠道专员", 0)
	tech := add(gm, "技术部", 0)
	cto := add(tech, "技术总监", 0)
	add(cto, "技术助理", Assistant)
	dev := add(cto, "开发组", 0)
	for _, s := range []string{"前端工程师", "后端工程师", "后端工程师", "移动端工程师", "架构师"} {
		add(dev, s, 0)
	}
	qa := add(cto, "测试组", 0)
	add(qa, "测试工程师", 0)
	add(qa, "测试工程师", 0)
	ops := add(cto, "运维组", Collapsed)
	add(ops, "运维工程师", 0)
	add(ops, "网络管理员", 0)
	add(ops, "DBA", 0)
	cs := add(gm, "客户服务部", 0)
	csh := add(cs, "客服主管", 0)
	for _, s := range []string{"客服专员", "客服专员", "客服专员", "投诉专员"} {
		add(csh, s, 0)
	}
	in, order := t.toInput()
	index := map[string]int32{}
	for k, node := range order {
		if _, dup := index[names[node]]; !dup {
			index[names[node]] = int32(k)
		}
	}
	in.Links = [][2]int32{{index[names[cashier]], index[names[sales]]}}
	return in, index
}

// TestExampleCharts lays out the charts a person looks at (run with -png
// to write them to testdata/out) and checks each like the property tests.
func TestExampleCharts(t *testing.T) {
	org, at := company()
	r := rand.New(rand.NewPCG(7, 7))
	random := randomInput(r, 160, genOptions{roots: 1})
	mixed := randomInput(r, 160, genOptions{roots: 2, assistant: 0.15, compact: 0.3, collapsed: 0.03})
	cases := []struct {
		name string
		in   Input
		opt  Options
	}{
		{"company", org, Options{}},
		{"company-compact", org, Options{CompactLeaves: true}},
		{"company-compact-grid", org, Options{CompactLeaves: true, CompactColumns: 2}},
		{"company-ltr", org, Options{LeftToRight: true}},
		{"company-ltr-compact", org, Options{LeftToRight: true, CompactLeaves: true}},
		{"company-assistants-right", org, Options{AssistantSide: RightSide}},
		{"random", random, Options{}},
		{"random-ltr", random, Options{LeftToRight: true}},
		{"mixed", mixed, Options{}},
		{"mixed-ltr-grid", mixed, Options{LeftToRight: true, CompactColumns: 2}},
	}
	// The technical department dragged left onto sales, and one position
	// dragged down out of its row.
	dragged := org
	dragged.Offset = make([]Point, len(org.Parent))
	dragged.Offset[at["技术部"]] = Point{X: -260, Y: 30}
	dragged.Offset[at["客服主管"]] = Point{X: 60, Y: 40}
	res, err := Layout(dragged, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Overlaps) == 0 {
		t.Errorf("dragging a department onto another reported no overlaps")
	}
	writePNG(t, "company-dragged", dragged, Options{}, res)

	for _, c := range cases {
		res, err := Layout(c.in, c.opt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if bad := newView(c.in, c.opt).check(res); len(bad) > 0 {
			t.Errorf("%s: %v", c.name, bad)
		}
		writePNG(t, c.name, c.in, c.opt, res)
	}
}
