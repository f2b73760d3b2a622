package outline

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

func readOutline(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustParse(t *testing.T, text string) *domain.Document {
	t.Helper()
	d, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse:\n%v\n--- text:\n%s", err, text)
	}
	return d
}

func template(t *testing.T, id string) *domain.Document {
	t.Helper()
	d, err := assets.LoadTemplate(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// find returns the first box with the given name.
func find(t *testing.T, d *domain.Document, name string) *domain.Node {
	t.Helper()
	var found *domain.Node
	d.Walk(func(n *domain.Node) bool {
		if n.Name == name {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no box %q in\n%s", name, shape(d))
	}
	return found
}

// The customer's structures (../shared/seed), retyped as a person would
// type them, import to the trees of the templates drawn from the same
// documents.
func TestSeedOutlinesImportAsTheTemplates(t *testing.T) {
	for _, tc := range []struct{ file, template string }{
		{"after-sales.txt", "after-sales"},
		{"hotline.txt", "hotline-centre"},
		{"company.txt", "company-functions"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			d := mustParse(t, readOutline(t, tc.file))
			want := template(t, tc.template)
			if got, want := shape(d), shape(want); got != want {
				t.Errorf("tree differs from template %s\n--- got\n%s--- want\n%s", tc.template, got, want)
			}
			if got, want := d.Total(), want.Total(); got != want {
				t.Errorf("total %v, template %v", got, want)
			}
			if errs := domain.Errors(d.Validate()); len(errs) > 0 {
				t.Errorf("validation errors: %v", errs)
			}
		})
	}
}

func TestAfterSalesDutiesAndFunctions(t *testing.T) {
	d := mustParse(t, readOutline(t, "after-sales.txt"))
	dept := find(t, d, "售后服务部")
	if len(dept.Functions) != 12 || dept.Functions[0] != "负责营销系统售后服务工作年度的整体规划与管理工作；" {
		t.Errorf("functions: %d %q", len(dept.Functions), dept.Functions)
	}
	mgr := find(t, d, "售后经理")
	if len(mgr.Duties) != 12 || !mgr.Head || mgr.Planned != 1 {
		t.Errorf("售后经理: %d duties, head %v, planned %d", len(mgr.Duties), mgr.Head, mgr.Planned)
	}
	// The number is dropped; a bracket inside the text stays.
	if got := mgr.Duties[10]; got != "建立各特约维修部(维修工)的管理档案，加强培训、支持等管理工作，保证政策的落实和服务质量的提高。" {
		t.Errorf("duty 11 = %q", got)
	}
	if n := find(t, d, "客户主管"); len(n.Duties) != 7 {
		t.Errorf("客户主管 has %d duties", len(n.Duties))
	}
	if sup := d.Superior(find(t, d, "打单员").ID); d.Node(sup).Name != "售后经理" {
		t.Errorf("打单员 reports to %q", d.Node(sup).Name)
	}
}

// The property department's staffing (人员编制表), indented with
// full-width spaces, with the 23 秩序管理员 split into their posts: the
// 23 is a subtotal, not 23 more people.
func TestPropertyStaffing(t *testing.T) {
	d := mustParse(t, readOutline(t, "property.txt"))
	want := `u 物业服务部
  p 经理 1 head
  a 人事行政管理员 1
  u 客户服务中心
    p 客户服务主管 1 head
    p 客服 3
    p 社区文化管理员 1 兼
    p 仓管员 1 兼
    p 出纳员 1
    u 环境组
      p 保洁员 15
      p 绿化员 3
  u 工程维修部
    p 设备维修主管 1 head
    p 技术维修员 4
  u 公共秩序部
    p 公共秩序主管 1 head
    u 秩序管理员
      p 人行门岗 4
      p 车辆门岗 4
      p 监控岗 4
      p 巡逻岗 7
      p 停车管理岗 4
`
	if got := shape(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := d.Total().Planned; got != 54 {
		t.Errorf("total %d, want 54", got)
	}
	if d.Info.StatedTotal != 54 {
		t.Errorf("stated total %d", d.Info.StatedTotal)
	}
	if roll := d.Rollup()[find(t, d, "秩序管理员").ID]; roll.Planned != 23 {
		t.Errorf("秩序管理员 roll-up %d", roll.Planned)
	}
	// The same total as the template drawn from the same page.
	if tmpl := template(t, "property-service"); tmpl.Total() != d.Total() {
		t.Errorf("template total %v, outline %v", tmpl.Total(), d.Total())
	}
	if errs := domain.Errors(d.Validate()); len(errs) > 0 {
		t.Errorf("validation errors: %v", errs)
	}
}

func TestHotlineFieldsAndNumberedBoxes(t *testing.T) {
	d := mustParse(t, readOutline(t, "hotline.txt"))
	dept := find(t, d, "客户服务部")
	if len(dept.Functions) != 8 || !strings.HasPrefix(dept.Hours, "热线接待时间6:00") {
		t.Errorf("客户服务部: %d functions, hours %q", len(dept.Functions), dept.Hours)
	}
	mgr := find(t, d, "客服部经理")
	if mgr.Grade != "经理级" || len(mgr.Duties) != 1 || !mgr.Head {
		t.Errorf("客服部经理: grade %q, duties %q, head %v", mgr.Grade, mgr.Duties, mgr.Head)
	}
	if n := find(t, d, "综合文员"); n.Notes != "负责档案和统计。" {
		t.Errorf("notes %q", n.Notes)
	}
	if d.Info.StatedTotal != 6 || d.Total().Planned != 6 {
		t.Errorf("stated %d, total %d", d.Info.StatedTotal, d.Total().Planned)
	}
}

func TestMarks(t *testing.T) {
	for _, tc := range []struct {
		line, name  string
		planned     int
		kind        domain.Kind
		concurrent  bool
		withParents bool
	}{
		{"客服(3人)", "客服", 3, domain.KindPosition, false, false},
		{"客服（2名）", "客服", 2, domain.KindPosition, false, false},
		{"客服（３人）", "客服", 3, domain.KindPosition, false, false},
		{"客服(三人)", "客服", 3, domain.KindPosition, false, false},
		{"客服(十二人)", "客服", 12, domain.KindPosition, false, false},
		{"客服(二十三人)", "客服", 23, domain.KindPosition, false, false},
		{"客服 (编制 4 人)", "客服", 4, domain.KindPosition, false, false},
		{"客服(1人）", "客服", 1, domain.KindPosition, false, false},
		{"秩序管理员23人", "秩序管理员", 23, domain.KindPosition, false, false},
		{"保洁工：15人", "保洁工", 15, domain.KindPosition, false, false},
		{"社区文化管理员(兼)", "社区文化管理员", 1, domain.KindPosition, true, false},
		{"仓管员（兼职）", "仓管员", 1, domain.KindPosition, true, false},
		{"仓管员(2人)(兼)", "仓管员", 2, domain.KindPosition, true, false},
		{"仓管员（1人，兼任）", "仓管员", 1, domain.KindPosition, true, false},
		{"出纳员(兼文员)(1人)", "出纳员(兼文员)", 1, domain.KindPosition, false, false},
		{"人事行政管理员(1人)(直属)", "人事行政管理员", 1, domain.KindAssistant, false, false},
		{"经理助理(1人)", "经理助理", 1, domain.KindAssistant, false, false},
		{"总经理秘书", "总经理秘书", 0, domain.KindAssistant, false, false},
		{"打单员", "打单员", 0, domain.KindPosition, false, false},
		{"财务组", "财务组", 0, domain.KindUnit, false, false},
		{"客服(1)", "客服(1)", 0, domain.KindPosition, false, false},
		{"1号楼管家(2人)", "1号楼管家", 2, domain.KindPosition, false, false},
		{"- 客服专员(2人)", "客服专员", 2, domain.KindPosition, false, false},
		{"3、网购专员(1名)", "网购专员", 1, domain.KindPosition, false, false},
	} {
		d, err := Parse("部门\n  " + tc.line)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		n := d.Node(d.Node(d.Roots()[0]).Children()[0])
		if n.Name != tc.name || n.Planned != tc.planned || n.Kind != tc.kind || n.Concurrent != tc.concurrent {
			t.Errorf("%q: got %q planned %d %v concurrent %v; want %q %d %v %v",
				tc.line, n.Name, n.Planned, n.Kind, n.Concurrent, tc.name, tc.planned, tc.kind, tc.concurrent)
		}
	}
}

// The first bullet under 销售代表 is U+F0B7, as Word's Symbol-font bullet
// arrives in plain text.
func TestItemsHeadingsAndKinds(t *testing.T) {
	d := mustParse(t, `销售部
    部门职能：负责销售
        1. 制定销售计划
        2. 开拓市场
    销售经理(1人)
        ① 带领团队
        （二）完成指标
        负责大客户的维护；
        任职资格：
            本科以上学历
            五年以上销售经验
        工作时间：朝九晚五
    销售代表(4人)
        拜访客户
        1.2 填写日报
        	接待来访
        •	整理资料
    顾问
        岗位职责：
            提供咨询
    市场组
        市场专员(2人)
`)
	dept := find(t, d, "销售部")
	if want := []string{"负责销售", "制定销售计划", "开拓市场"}; !slices.Equal(dept.Functions, want) {
		t.Errorf("functions %q", dept.Functions)
	}
	mgr := find(t, d, "销售经理")
	if want := []string{"带领团队", "完成指标", "负责大客户的维护；"}; !slices.Equal(mgr.Duties, want) {
		t.Errorf("duties %q", mgr.Duties)
	}
	if want := []string{"本科以上学历", "五年以上销售经验"}; !slices.Equal(mgr.Qualifications, want) {
		t.Errorf("qualifications %q", mgr.Qualifications)
	}
	if mgr.Hours != "朝九晚五" || !mgr.Head {
		t.Errorf("hours %q head %v", mgr.Hours, mgr.Head)
	}
	// A plain short line under a position with a headcount is a duty
	// typed without its number.
	if rep := find(t, d, "销售代表"); !slices.Equal(rep.Duties, []string{"拜访客户", "填写日报", "接待来访", "整理资料"}) {
		t.Errorf("销售代表 duties %q", rep.Duties)
	}
	// A duties heading makes a box without headcount a position.
	if n := find(t, d, "顾问"); n.Kind != domain.KindPosition || len(n.Duties) != 1 {
		t.Errorf("顾问: %v %q", n.Kind, n.Duties)
	}
	if n := find(t, d, "市场组"); n.Kind != domain.KindUnit || n.Head {
		t.Errorf("市场组: %v head %v", n.Kind, n.Head)
	}
	if n := find(t, d, "市场专员"); n.Head {
		t.Error("市场专员 is no leader's title and must not head 市场组")
	}
}

func TestPositionWithSubordinatesAndSubtotals(t *testing.T) {
	d := mustParse(t, `总经理(1人)
	副总经理(1人)
	人力资源部
		人力资源经理(1人)
	维修班(共5人)
		班长(1人)
		维修工(4人)
	主管(2人)
		专员(3人)
`)
	want := `p 总经理 1
  p 副总经理 1
  u 人力资源部
    p 人力资源经理 1 head
  u 维修班
    p 班长 1 head
    p 维修工 4
  p 主管 2
    p 专员 3
`
	if got := shape(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d.Total().Planned != 13 {
		t.Errorf("total %d", d.Total().Planned)
	}
}

func TestIndentation(t *testing.T) {
	want := "u 部\n  p 经理 1 head\n  u 组\n    p 员 2\n  p 文员 1\n"
	for name, text := range map[string]string{
		"tabs":             "部\n\t经理(1人)\n\t组\n\t\t员(2人)\n\t文员(1人)\n",
		"two spaces":       "部\n  经理(1人)\n  组\n    员(2人)\n  文员(1人)\n",
		"four spaces":      "部\n    经理(1人)\n    组\n        员(2人)\n    文员(1人)\n",
		"full-width":       "部\n\u3000\u3000经理(1人)\n\u3000\u3000组\n\u3000\u3000\u3000\u3000员(2人)\n\u3000\u3000文员(1人)\n",
		"full and half":    "部\n\u3000经理(1人)\n  组\n\u3000\u3000员(2人)\n  文员(1人)\n",
		"CRLF, blank, BOM": "\ufeff部\r\n\r\n  经理(1人)\r\n  组\r\n      \r\n    员(2人)\r\n  文员(1人)",
		"uneven dedent":    "部\n    经理(1人)\n    组\n        员(2人)\n  文员(1人)\n",
		// A tab before spaces at every level is unambiguous.
		"tab then spaces": "部\n\t经理(1人)\n\t组\n\t  员(2人)\n\t文员(1人)\n",
	} {
		d, err := Parse(text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := shape(d); got != want {
			t.Errorf("%s: got\n%s", name, got)
		}
	}
}

func TestAmbiguousTabsAndSpaces(t *testing.T) {
	// Line 4 is under 组 if a tab is worth 8 spaces, beside it if 4.
	_, err := Parse("部\n    组\n        员(1人)\n\t    员二(1人)\n")
	var el ErrorList
	if !errors.As(err, &el) || len(el) == 0 {
		t.Fatalf("want an ErrorList, got %v", err)
	}
	if el[0].Line != 4 || !strings.Contains(el[0].Msg, "tabs and spaces") || !strings.Contains(el[0].Zh, "制表符") {
		t.Errorf("got %+v", el)
	}
}

// Every problem is reported with its line number, all at once, and
// nothing is imported.
func TestErrorsAreAllReportedWithLines(t *testing.T) {
	text := `岗位职责：
1、没有所属框的职责
客服部
    (3人)
    客服(2人)(3人)
        1、负责接听
            补充说明
    秩序组(共10人)
        门岗(4人)
    二、各岗位人员数量和职责范围：
        经理(1人)
    经理(1人)
        部门职能：
            1、不属于岗位
    合计：5人
合计：30人
` + "超长" + strings.Repeat("名", 120) + "(1人)\n"
	d, err := Parse(text)
	if d != nil {
		t.Fatal("a document came back despite errors")
	}
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("want ErrorList, got %T %v", err, err)
	}
	var lines []int
	for _, e := range el {
		lines = append(lines, e.Line)
		if e.Msg == "" || e.Zh == "" || e.Text == "" {
			t.Errorf("incomplete error %+v", e)
		}
	}
	if want := []int{1, 2, 4, 5, 6, 8, 10, 13, 15, 17}; !slices.Equal(lines, want) {
		t.Errorf("lines %v, want %v:\n%s", lines, want, el.Text(true))
	}
	if !strings.Contains(el.Text(true), "第 8 行") || !strings.Contains(el.Error(), "line 8") {
		t.Errorf("messages:\n%s\n%s", el.Text(true), el.Error())
	}
}

func TestEmptyOutline(t *testing.T) {
	for _, text := range []string{"", "\n\n  \t\n", "\ufeff"} {
		_, err := Parse(text)
		var el ErrorList
		if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 1 {
			t.Errorf("%q: %v", text, err)
		}
	}
}

func TestLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("岗(1人)\n")
	for i := range domain.MaxItems + 1 {
		fmt.Fprintf(&b, "  %d、负责第 %d 项工作\n", i+1, i+1)
	}
	_, err := Parse(b.String())
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != domain.MaxItems+2 {
		t.Errorf("too many duties: %v", err)
	}
	_, err = Parse("岗(2000000人)")
	if !errors.As(err, &el) || len(el) != 1 || !strings.Contains(el[0].Msg, "too large") {
		t.Errorf("huge headcount: %v", err)
	}
}

func TestInsertUnderSelectedBoxIsOneUndoStep(t *testing.T) {
	d := template(t, "hotline-centre")
	before := encode(t, d)
	h := domain.NewHistory(d)
	dept := find(t, d, "客户服务部")
	p, err := Insert(d, dept.ID, "9、负责夜间热线的排班；\n质检组\n  质检主管(1人)\n  质检员(2人)\n    1、抽听录音\n")
	if err != nil {
		t.Fatal(err)
	}
	if p.Boxes() != 3 {
		t.Errorf("Boxes() = %d", p.Boxes())
	}
	if err := h.Do(p); err != nil {
		t.Fatal(err)
	}
	if len(p.Added()) != 1 || d.Node(p.Added()[0]).Name != "质检组" {
		t.Fatalf("added %v", p.Added())
	}
	if got := dept.Functions[len(dept.Functions)-1]; got != "负责夜间热线的排班；" {
		t.Errorf("last function %q", got)
	}
	qa := find(t, d, "质检主管")
	if !qa.Head || d.Node(qa.Parent).Name != "质检组" {
		t.Errorf("质检主管 head %v", qa.Head)
	}
	if got := d.Total().Planned; got != 9 {
		t.Errorf("total %d, want 9", got)
	}
	after := encode(t, d)
	if ok, err := h.Undo(); !ok || err != nil {
		t.Fatal(err)
	}
	if got := encode(t, d); got != before {
		t.Errorf("undo did not restore the document:\n%s", got)
	}
	if ok, err := h.Redo(); !ok || err != nil {
		t.Fatal(err)
	}
	if got := encode(t, d); got != after {
		t.Errorf("redo differs:\n%s\nwant\n%s", got, after)
	}
}

func TestInsertIntoHeadlessUnitAndPosition(t *testing.T) {
	d := mustParse(t, "客服组\n  客服(2人)\n岗(1人)\n")
	unit, pos := find(t, d, "客服组"), find(t, d, "岗")
	p, err := Insert(d, unit.ID, "客服主管(1人)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Do(d); err != nil {
		t.Fatal(err)
	}
	if !find(t, d, "客服主管").Head {
		t.Error("a leader pasted into a unit without a head should head it")
	}
	p, err = Insert(d, pos.ID, "岗位职责：\n  1、甲\n任职资格：大专\n乙\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Do(d); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pos.Duties, []string{"甲", "乙"}) || !slices.Equal(pos.Qualifications, []string{"大专"}) {
		t.Errorf("duties %q, qualifications %q", pos.Duties, pos.Qualifications)
	}
}

func TestInsertRefusals(t *testing.T) {
	d := template(t, "after-sales")
	var el ErrorList
	if _, err := Insert(d, 0, "1、没有所属框\n新部门\n  员(1人)"); !errors.As(err, &el) || el[0].Line != 1 {
		t.Errorf("items at the top level: %v", err)
	}
	if _, err := Insert(d, d.Roots()[0], "新组\n  员(1人)\n合计：1人"); !errors.As(err, &el) || el[0].Line != 3 {
		t.Errorf("a stated total: %v", err)
	}
	if _, err := Insert(d, 9999, "组"); !errors.Is(err, domain.ErrNoSuchNode) {
		t.Errorf("missing parent: %v", err)
	}
	p, err := Insert(d, 0, "新部门\n  员(1人)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Do(d); err != nil || len(d.Roots()) != 2 {
		t.Errorf("pasting at the top level: %v, %d roots", err, len(d.Roots()))
	}
}

func encode(t *testing.T, d *domain.Document) string {
	t.Helper()
	var b strings.Builder
	if err := domain.EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Every template written out as an outline (the way outlineOf writes it,
// with every headcount and mark explicit) reads back as the same tree
// and headcounts, heads included, where the template's heads follow the
// naming rule.
func TestTemplatesAsOutlines(t *testing.T) {
	for _, tm := range assets.Templates() {
		d := template(t, tm.ID)
		got, err := Parse(outlineOf(d))
		if err != nil {
			t.Errorf("%s: %v\n%s", tm.ID, err, outlineOf(d))
			continue
		}
		if g, w := shape(got), shape(d); g != w {
			t.Errorf("%s:\n--- got\n%s--- want\n%s", tm.ID, g, w)
		}
		if got.Total() != d.Total() {
			t.Errorf("%s: total %v, want %v", tm.ID, got.Total(), d.Total())
		}
	}
}

// outlineOf writes a document as an outline a person might type: tabs,
// explicit headcounts, numbered duties under headings.
func outlineOf(d *domain.Document) string {
	var b strings.Builder
	depth := map[domain.NodeID]int{}
	list := func(indent, heading string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s%s：\n", indent, heading)
		for i, s := range items {
			fmt.Fprintf(&b, "%s\t%d、%s\n", indent, i+1, s)
		}
	}
	d.Walk(func(n *domain.Node) bool {
		if n.Parent != 0 {
			depth[n.ID] = depth[n.Parent] + 1
		}
		indent := strings.Repeat("\t", depth[n.ID])
		b.WriteString(indent + n.Name)
		if n.Kind.IsPosition() {
			fmt.Fprintf(&b, "(%d人)", n.Planned)
		}
		if n.Concurrent {
			b.WriteString("(兼)")
		}
		if n.Kind == domain.KindAssistant {
			b.WriteString("(直属)")
		}
		b.WriteString("\n")
		list(indent+"\t", "部门职能", n.Functions)
		list(indent+"\t", "岗位职责", n.Duties)
		list(indent+"\t", "任职资格", n.Qualifications)
		return true
	})
	if t := d.Info.StatedTotal; t != 0 {
		fmt.Fprintf(&b, "合计：%d人\n", t)
	}
	return b.String()
}

func TestNULAndBrokenBytesAreMendedNotRefused(t *testing.T) {
	// An outline is text: a NUL in it is dropped and bytes that are not
	// UTF-8 become U+FFFD, as a document file's text is mended on reading.
	d, err := Parse("客服部\n\t客服\x00专员（2人）\n\t质检\xff员\n")
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	kids := d.Node(d.Roots()[0]).Children()
	if len(kids) != 2 || d.Node(kids[0]).Name != "客服专员" || d.Node(kids[0]).Planned != 2 || d.Node(kids[1]).Name != "质检\uFFFD员" {
		t.Fatalf("boxes %q %q", d.Node(kids[0]).Name, d.Node(kids[1]).Name)
	}
}

// TestOneHeadAUnit: a second box marked (负责人) in one unit is an error
// naming its line, not a unit with two heads (found by FuzzParse).
func TestOneHeadAUnit(t *testing.T) {
	_, err := Parse("客服部\n  经理（1人，负责人）\n  主管（1人，负责人）\n  专员（3人）\n")
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 3 || !strings.Contains(el[0].Zh, "只能有一个负责人") {
		t.Fatalf("two heads in one unit gave %v", err)
	}
	d, err := Parse("客服部\n  经理（1人，负责人）\n  专员（3人）\n")
	if err != nil || d.HeadOf(d.Roots()[0]) == 0 {
		t.Fatalf("one head: %v", err)
	}
}
