package domain

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// snapshot is the document as its JSON form: two documents are the same
// for a user when their snapshots are equal.
func snapshot(t testing.TB, d *Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func mustDo(t testing.TB, h *History, c Command) {
	t.Helper()
	if err := h.Do(c); err != nil {
		t.Fatalf("%s: %v", c.Label(), err)
	}
}

// sample builds:
//
//	客户服务部 (unit)
//	├─ 经理 (head, 1)
//	├─ 助理 (assistant, 1)
//	├─ 热线组 (unit, no head)
//	│   ├─ 热线员 (3)
//	│   └─ 组长 (1)
//	└─ 文员 (1, concurrent)
func sample(t testing.TB) (*History, map[string]NodeID) {
	h := NewHistory(NewDocument())
	ids := map[string]NodeID{}
	add := func(parent NodeID, kind Kind, name string, planned int) NodeID {
		c := AddChild(parent, kind, name)
		mustDo(t, h, c)
		mustDo(t, h, SetPlanned(c.ID, planned))
		ids[name] = c.ID
		return c.ID
	}
	dept := add(0, KindUnit, "客户服务部", 0)
	mgr := add(dept, KindPosition, "经理", 1)
	mustDo(t, h, &SetHead{ID: mgr, On: true})
	add(dept, KindAssistant, "助理", 1)
	grp := add(dept, KindUnit, "热线组", 0)
	add(grp, KindPosition, "热线员", 3)
	add(grp, KindPosition, "组长", 1)
	clerk := add(dept, KindPosition, "文员", 1)
	mustDo(t, h, SetConcurrent(clerk, true))
	return h, ids
}

func TestAddRenameDeleteUndo(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	before := snapshot(t, d)

	sib, err := AddSibling(d, ids["助理"], KindPosition, "客服代表")
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, h, sib)
	kids := d.ChildIDs(ids["客户服务部"])
	if got := d.Node(kids[2]).Name; got != "客服代表" {
		t.Fatalf("sibling inserted at wrong place: third child is %q", got)
	}
	mustDo(t, h, Rename(sib.ID, "  客服专员 "))
	if got := d.Node(sib.ID).Name; got != "客服专员" {
		t.Fatalf("rename: got %q", got)
	}
	if err := h.Do(Rename(sib.ID, "   ")); !errors.Is(err, ErrEmptyName) {
		t.Fatalf("empty rename: got %v, want ErrEmptyName", err)
	}
	mustDo(t, h, &DeleteNode{ID: ids["热线组"]})
	if d.Node(ids["热线员"]) != nil {
		t.Fatal("delete left a child behind")
	}
	for h.CanUndo() {
		if _, err := h.Undo(); err != nil {
			t.Fatal(err)
		}
		if snapshot(t, d) == before {
			break
		}
	}
	if snapshot(t, d) != before {
		t.Fatal("undo did not bring back the original document")
	}
}

func TestMoveRefusesCycleAndChangesNothing(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	before := snapshot(t, d)
	for _, target := range []string{"客户服务部", "热线组", "热线员"} {
		err := h.Do(&Move{ID: ids["客户服务部"], NewParent: ids[target], Index: -1})
		if !errors.Is(err, ErrCycle) {
			t.Fatalf("move onto %s: got %v, want ErrCycle", target, err)
		}
	}
	if err := h.Do(&Move{ID: ids["热线组"], NewParent: ids["热线员"], Index: -1}); !errors.Is(err, ErrCycle) {
		t.Fatalf("move onto own child: got %v", err)
	}
	if snapshot(t, d) != before {
		t.Fatal("a refused move changed the document")
	}
	if h.UndoLabel() == "Move box" {
		t.Fatal("a refused move was recorded for undo")
	}
}

func TestMoveChangesReportingLine(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	if got := d.Superior(ids["热线员"]); got != ids["经理"] {
		t.Fatalf("热线员 reports to %v, want 经理", d.Path(got))
	}
	mustDo(t, h, &Move{ID: ids["热线员"], NewParent: ids["组长"], Index: -1})
	if got := d.Superior(ids["热线员"]); got != ids["组长"] {
		t.Fatalf("after move 热线员 reports to %v, want 组长", d.Path(got))
	}
	if !slices.Contains(d.Subordinates(ids["组长"]), ids["热线员"]) {
		t.Fatal("组长 does not list 热线员 as subordinate")
	}
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := d.Superior(ids["热线员"]); got != ids["经理"] {
		t.Fatal("undo of move did not restore the reporting line")
	}
	if i := d.IndexOf(ids["热线员"]); i != 0 {
		t.Fatalf("undo put 热线员 at index %d, want 0", i)
	}
}

func TestSuperiorsAndSubordinates(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	cases := map[string]string{"经理": "", "助理": "经理", "热线员": "经理", "组长": "经理", "文员": "经理"}
	for name, want := range cases {
		got := d.Superior(ids[name])
		gotName := ""
		if got != 0 {
			gotName = d.Node(got).Name
		}
		if gotName != want {
			t.Errorf("superior of %s = %q, want %q", name, gotName, want)
		}
	}
	var subs []string
	for _, s := range d.Subordinates(ids["经理"]) {
		subs = append(subs, d.Node(s).Name)
	}
	if want := []string{"助理", "热线员", "组长", "文员"}; !slices.Equal(subs, want) {
		t.Fatalf("subordinates of 经理 = %v, want %v", subs, want)
	}
	// Making 组长 the head of 热线组 puts 热线员 under 组长 and 组长 alone under 经理.
	mustDo(t, h, &SetHead{ID: ids["组长"], On: true})
	if got := d.Superior(ids["热线员"]); got != ids["组长"] {
		t.Fatalf("热线员 reports to %v after 组长 became head", d.Path(got))
	}
	subs = subs[:0]
	for _, s := range d.Subordinates(ids["经理"]) {
		subs = append(subs, d.Node(s).Name)
	}
	if want := []string{"助理", "组长", "文员"}; !slices.Equal(subs, want) {
		t.Fatalf("subordinates of 经理 = %v, want %v", subs, want)
	}
}

func TestRollupSkipsConcurrent(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	roll := d.Rollup()
	if got := roll[ids["热线组"]].Planned; got != 4 {
		t.Fatalf("热线组 planned = %d, want 4", got)
	}
	// 经理1 + 助理1 + 热线组4; 文员 is concurrent and already counted.
	if got := roll[ids["客户服务部"]].Planned; got != 6 {
		t.Fatalf("客户服务部 planned = %d, want 6", got)
	}
	if got := d.Total().Planned; got != 6 {
		t.Fatalf("total = %d, want 6", got)
	}
	mustDo(t, h, SetFilled(ids["热线员"], 2))
	if got := d.Rollup()[ids["客户服务部"]].Filled; got != 2 {
		t.Fatalf("filled roll-up = %d, want 2", got)
	}
}

func TestEditRulesRefuseBadInput(t *testing.T) {
	h, ids := sample(t)
	before := snapshot(t, h.Doc)
	bad := []struct {
		cmd  Command
		want error
	}{
		{SetPlanned(ids["经理"], -1), ErrNegative},
		{Rename(ids["经理"], strings.Repeat("长", MaxNameRunes+1)), ErrTooLong},
		{InsertItems(ids["经理"], Duties, -1, strings.Repeat("字", MaxTextRunes+1)), ErrTooLong},
		{InsertItems(ids["经理"], Duties, -1, "\n \n"), ErrEmptyName},
		{DeleteItem(ids["经理"], Duties, 0), ErrNoSuchItem},
		{&SetHead{ID: ids["助理"], On: true}, ErrHeadNeedUnit},
		{Rename(9999, "x"), ErrNoSuchNode},
		{&AddLink{From: ids["经理"], To: ids["经理"]}, ErrSelfLink},
		{&EditInfo{Name: "x", Apply: func(i *Info) error { i.StatedTotal = -3; return nil }}, ErrNegative},
	}
	for _, c := range bad {
		if err := h.Do(c.cmd); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.cmd.Label(), err, c.want)
		}
	}
	if snapshot(t, h.Doc) != before {
		t.Fatal("refused edits changed the document")
	}
}

func TestDutyListEdits(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	id := ids["经理"]
	mustDo(t, h, InsertItems(id, Duties, -1, "1、负责部门工作。\n2、制定服务规范；\r\n\n（三）培训员工。"))
	if got := d.Node(id).Duties; !slices.Equal(got, []string{"负责部门工作。", "制定服务规范；", "培训员工。"}) {
		t.Fatalf("pasted duties = %q", got)
	}
	mustDo(t, h, MoveItem(id, Duties, 2, 0))
	mustDo(t, h, EditItem(id, Duties, 1, "负责全面工作。"))
	mustDo(t, h, DeleteItem(id, Duties, 2))
	if got := d.Node(id).Duties; !slices.Equal(got, []string{"培训员工。", "负责全面工作。"}) {
		t.Fatalf("after edits duties = %q", got)
	}
	for range 3 {
		if _, err := h.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if got := d.Node(id).Duties; !slices.Equal(got, []string{"负责部门工作。", "制定服务规范；", "培训员工。"}) {
		t.Fatalf("after undo duties = %q", got)
	}
}

func TestStripItemNumber(t *testing.T) {
	cases := map[string]string{
		"1、负责接听热线":      "负责接听热线",
		"12、公司交办的其它事务。": "公司交办的其它事务。",
		"3.负责培训":        "负责培训",
		"(1)负责":         "负责",
		"（2）负责":         "负责",
		"（一）大型企业":       "大型企业",
		"一、部门职能":        "部门职能",
		"- 管理客户服务团队":    "管理客户服务团队",
		"2.5倍的效率":       "2.5倍的效率",
		"一次性处理":         "一次性处理",
		"6S活动推进":        "6S活动推进",
		"(兼)":           "(兼)",
	}
	for in, want := range cases {
		if got := StripItemNumber(in); got != want {
			t.Errorf("StripItemNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidateFindsEachProblem(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	codes := func() map[string]int {
		m := map[string]int{}
		for _, f := range d.Validate() {
			m[f.Code]++
			if f.Zh == "" || f.En == "" {
				t.Errorf("finding %s lacks a message", f.Code)
			}
		}
		return m
	}
	if got := codes()["no-duties"]; got != 5 {
		t.Fatalf("no-duties findings = %d, want 5 (every position)", got)
	}
	empty := AddChild(ids["客户服务部"], KindUnit, "空部门")
	mustDo(t, h, empty)
	dup := AddChild(ids["热线组"], KindPosition, "组长")
	mustDo(t, h, dup)
	mustDo(t, h, SetFilled(ids["经理"], 2))
	mustDo(t, h, &EditInfo{Name: "total", Apply: func(i *Info) error { i.StatedTotal = 54; return nil }})
	got := codes()
	for _, code := range []string{"empty-unit", "duplicate-name", "overfilled", "stated-total"} {
		if got[code] != 1 {
			t.Errorf("finding %s appears %d times, want 1 (all: %v)", code, got[code], got)
		}
	}
	// The second 组长 was added without a headcount; the concurrent 文员
	// is 0 too once its 1 is taken away, rightly (兼 counts nowhere), and
	// so is 经理 with 2 in post but 0 planned (overfilled says it).
	if got["zero-planned"] != 1 {
		t.Errorf("zero-planned findings = %d, want 1 (the new 组长)", got["zero-planned"])
	}
	mustDo(t, h, SetPlanned(ids["文员"], 0))
	mustDo(t, h, SetPlanned(ids["经理"], 0))
	got = codes()
	if got["zero-planned"] != 1 || got["overfilled"] != 1 {
		t.Errorf("after setting 0 on a concurrent and an overfilled post: %v", got)
	}
	for _, f := range d.Validate() {
		if f.Code == "zero-planned" && (f.Node != dup.ID || f.Zh != "岗位“组长”的编制为 0 人（兼任的岗位请勾选“兼”）") {
			t.Errorf("zero-planned finding on %d reads %q", f.Node, f.Zh)
		}
	}
	if fs := d.Validate(); fs[0].Severity != SeverityError {
		t.Fatal("errors are not listed first")
	}
	// A link to a box that is gone, as a damaged file could hold.
	broken, err := Restore(d.Info, d.Nodes(), []Link{{ID: 1, From: ids["经理"], To: 4242}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(broken.Validate(), func(f Finding) bool { return f.Code == "dangling-link" }) {
		t.Fatal("dangling link not reported")
	}
}

func TestRestoreRefusesBrokenTrees(t *testing.T) {
	cases := map[string][]Node{
		"missing parent": {{ID: 1, Name: "a"}, {ID: 2, Parent: 7, Name: "b"}},
		"duplicate id":   {{ID: 1, Name: "a"}, {ID: 1, Name: "b"}},
		"cycle":          {{ID: 1, Name: "root"}, {ID: 2, Parent: 3, Name: "b"}, {ID: 3, Parent: 2, Name: "c"}},
		"zero id":        {{ID: 0, Name: "a"}},
	}
	for name, nodes := range cases {
		if _, err := Restore(Info{}, nodes, nil); err == nil {
			t.Errorf("%s: Restore accepted a broken tree", name)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	h, ids := sample(t)
	mustDo(t, h, InsertItems(ids["经理"], Duties, -1, "负责“6S”活动。\n处理 VIP 客户 😀 与 𠀀 姓客户的投诉"))
	mustDo(t, h, &AddLink{From: ids["助理"], To: ids["组长"], Text: "协调"})
	mustDo(t, h, SetOffset(ids["热线组"], Offset{X: 12.5, Y: -3}))
	mustDo(t, h, SetLeaves(ids["热线组"], LeavesRow))
	a := snapshot(t, h.Doc)
	d2, err := DecodeJSON(strings.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if b := snapshot(t, d2); a != b {
		t.Fatalf("round trip differs:\n%s\n---\n%s", a, b)
	}
	if _, err := DecodeJSON(strings.NewReader(`{"title":"x","nodes":[{"kind":"robot","name":"a"}]}`)); err == nil {
		t.Fatal("unknown kind accepted")
	}
	if _, err := DecodeJSON(strings.NewReader(`{"title":"x","nodes":[{"kind":"unit","name":"a","planned":-2}]}`)); !errors.Is(err, ErrNegative) {
		t.Fatalf("negative headcount: %v", err)
	}
}

// TestRandomEditsUndoRedo applies many random commands, then undoes them
// all (the document must come back exactly) and redoes them all (it must
// reach the edited state again).
func TestRandomEditsUndoRedo(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 7))
		h, _ := sample(t)
		h.Limit = 10000
		start := snapshot(t, h.Doc)
		startSteps := len(h.undo)
		applied := 0
		for range 300 {
			if err := h.Do(randomCommand(r, h.Doc)); err == nil {
				applied++
			}
		}
		end := snapshot(t, h.Doc)
		for range applied {
			if ok, err := h.Undo(); !ok || err != nil {
				t.Fatalf("seed %d: undo failed: %v", seed, err)
			}
		}
		if got := snapshot(t, h.Doc); got != start {
			t.Fatalf("seed %d: undoing %d edits did not restore the document", seed, applied)
		}
		if len(h.undo) != startSteps {
			t.Fatalf("seed %d: undo stack %d, want %d", seed, len(h.undo), startSteps)
		}
		for range applied {
			if ok, err := h.Redo(); !ok || err != nil {
				t.Fatalf("seed %d: redo failed: %v", seed, err)
			}
		}
		if got := snapshot(t, h.Doc); got != end {
			t.Fatalf("seed %d: redoing did not reach the edited document", seed)
		}
	}
}

func randomCommand(r *rand.Rand, d *Document) Command {
	var ids []NodeID
	d.Walk(func(n *Node) bool { ids = append(ids, n.ID); return true })
	pick := func() NodeID {
		if len(ids) == 0 {
			return 0
		}
		return ids[r.IntN(len(ids))]
	}
	switch r.IntN(9) {
	case 0, 1:
		return AddChild(pick(), Kind(r.IntN(3)), "新岗位")
	case 2:
		return &DeleteNode{ID: pick()}
	case 3:
		return &Move{ID: pick(), NewParent: pick(), Index: r.IntN(4) - 1}
	case 4:
		return Rename(pick(), []string{"经理", "主管", "", "专员"}[r.IntN(4)])
	case 5:
		return InsertItems(pick(), List(r.IntN(3)), r.IntN(3)-1, "负责甲\n负责乙")
	case 6:
		return MoveItem(pick(), Duties, r.IntN(2), r.IntN(2))
	case 7:
		return &SetHead{ID: pick(), On: r.IntN(2) == 0}
	default:
		return &AddLink{From: pick(), To: pick(), Text: "虚线"}
	}
}

func TestHistoryKeepsAtLeast500Steps(t *testing.T) {
	h := NewHistory(NewDocument())
	add := AddChild(0, KindUnit, "部门")
	mustDo(t, h, add)
	for i := range 600 {
		mustDo(t, h, SetPlanned(add.ID, i+1))
	}
	n := 0
	for h.CanUndo() {
		if _, err := h.Undo(); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n < 500 {
		t.Fatalf("only %d steps could be undone", n)
	}
	again := AddChild(0, KindUnit, "部门")
	mustDo(t, h, again)
	h.Limit = 50
	for range 100 {
		mustDo(t, h, SetGrade(again.ID, "A"))
	}
	if len(h.undo) != 50 {
		t.Fatalf("limit 50 kept %d steps", len(h.undo))
	}
}

func TestDeepChainWalks(t *testing.T) {
	const depth = 100000
	nodes := make([]Node, depth)
	for i := range nodes {
		nodes[i] = Node{ID: NodeID(i + 1), Parent: NodeID(i), Kind: KindPosition, Name: "岗位", Planned: 1, Duties: []string{"x"}}
	}
	d, err := Restore(Info{}, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Total().Planned; got != depth {
		t.Fatalf("total = %d", got)
	}
	if got := d.Rollup()[1].Planned; got != depth {
		t.Fatalf("roll-up of the top = %d", got)
	}
	// Each position gets one hint naming its empty 岗位说明书 sections;
	// nothing more.
	for _, f := range d.Validate() {
		if f.Code != "empty-sections" {
			t.Fatalf("a sound chain has the finding %s: %s", f.Code, f.En)
		}
	}
}

func TestResetOffsetsClearsSubtreesOnce(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	for _, name := range []string{"热线组", "热线员", "组长", "文员"} {
		mustDo(t, h, SetOffset(ids[name], Offset{X: 10, Y: 5}))
	}
	if ResetOffsets(d, []NodeID{ids["经理"]}) != nil {
		t.Fatal("a box without offsets below it gave a command")
	}
	// The child first, then its parent: every offset under the parent is
	// reset, each once, and 文员 is left alone.
	cmd := ResetOffsets(d, []NodeID{ids["热线员"], ids["热线组"]})
	if n := len(cmd.(*Batch).Cmds); n != 3 {
		t.Fatalf("%d offsets reset, want 3", n)
	}
	mustDo(t, h, cmd)
	for _, name := range []string{"热线组", "热线员", "组长"} {
		if d.Node(ids[name]).Offset != (Offset{}) {
			t.Fatalf("%s keeps its offset", name)
		}
	}
	if d.Node(ids["文员"]).Offset == (Offset{}) {
		t.Fatal("文员 was not selected but lost its offset")
	}
	mustDo(t, h, ResetOffsets(d, nil))
	if d.Node(ids["文员"]).Offset != (Offset{}) {
		t.Fatal("resetting all left an offset")
	}
	mustDo(t, h, SetLeftToRight(true))
	mustDo(t, h, SetCompactLeaves(false))
	if !d.Info.Page.LeftToRight || d.Info.Page.CompactLeaves {
		t.Fatal("view settings not applied")
	}
}

func TestTopmostLeavesOutBoxesInsideOthers(t *testing.T) {
	d := NewDocument()
	h := NewHistory(d)
	add := func(parent NodeID, name string) NodeID {
		c := AddChild(parent, KindUnit, name)
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	a := add(0, "甲")
	b := add(a, "乙")
	c := add(b, "丙")
	e := add(0, "丁")
	got := d.Topmost([]NodeID{c, e, a, e, 999})
	if len(got) != 2 || got[0] != e || got[1] != a {
		t.Fatalf("Topmost = %v, want [%d %d]", got, e, a)
	}
	if Steps("x", nil) != nil {
		t.Fatal("Steps of nothing is not nil")
	}
	one := SetCollapsed(a, true)
	if Steps("x", []Command{one}) != Command(one) {
		t.Fatal("Steps of one command is not that command")
	}
	if b, ok := Steps("两步", []Command{one, SetCollapsed(e, true)}).(*Batch); !ok || b.Label() != "两步" || len(b.Cmds) != 2 {
		t.Fatal("Steps of two is not one named batch")
	}
}
