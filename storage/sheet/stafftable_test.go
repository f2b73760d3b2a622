package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"orgdraft/assets"
	"orgdraft/domain"
)

// treeText draws a document's tree as indented lines, two spaces a
// level: a unit by its name, a position by its name and planned
// headcount, "在岗 N" when people are in post, "负责人" for a unit's head,
// "兼" for a post held concurrently.
func treeText(d *domain.Document) string {
	var b strings.Builder
	var walk func(ids []domain.NodeID, depth int)
	walk = func(ids []domain.NodeID, depth int) {
		for _, id := range ids {
			n := d.Node(id)
			b.WriteString(strings.Repeat("  ", depth) + n.Name)
			if n.Kind.IsPosition() {
				fmt.Fprintf(&b, " %d", n.Planned)
				if n.Filled > 0 {
					fmt.Fprintf(&b, " 在岗 %d", n.Filled)
				}
				if n.Head {
					b.WriteString(" 负责人")
				}
				if n.Concurrent {
					b.WriteString(" 兼")
				}
			}
			b.WriteString("\n")
			walk(d.ChildIDs(id), depth+1)
		}
	}
	walk(d.Roots(), 0)
	return b.String()
}

// importFixture imports a table of testdata as File ▸ Import does.
func importFixture(t *testing.T, name string) (*domain.Document, *Summary) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, sum, err := ImportSummary(name, f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d, sum
}

// byName returns the one box of that name.
func byName(t *testing.T, d *domain.Document, name string) *domain.Node {
	t.Helper()
	var found []*domain.Node
	d.Walk(func(n *domain.Node) bool {
		if n.Name == name {
			found = append(found, n)
		}
		return true
	})
	if len(found) != 1 {
		t.Fatalf("%d boxes named %q", len(found), name)
	}
	return found[0]
}

// heldOut are real staffing tables, written the way their owners write
// them, with the tree each one means, drawn by hand from the table (see
// treeText). None of them has our own columns.
var heldOut = []struct {
	file    string
	tree    string
	planned int // the total planned headcount
	stated  int // the table's 合计 row, 0 for none
	columns []string
	ignored []string
}{
	// The seed's own 物业部物业管理人员编制表 (54 people), saved by Excel
	// on Chinese Windows as CSV (GB18030): a title and a blank row above
	// the header, 序号, the unit written once and left blank below,
	// "1人", a 合计 row.
	{file: "property-gb18030.csv", planned: 54, stated: 54,
		tree: `物业服务部
  经理 1 负责人
  人事行政管理兼库管 1
  出纳 1
  客户服务中心
    客户服务主管 1 负责人
    客服服务 3
  工程部
    设备维修主管 1 负责人
    技术维修人员 4
  秩序部
    公共秩序主管 1 负责人
    人行门岗 4
    车辆门岗 4
    监控岗 4
    巡逻岗 7
    停车管理岗 4
  环境部
    保洁工 15
    绿化人员 3
`,
		columns: []string{"部门 → 部门", "岗位名称 → 岗位", "编制人数 → 编制", "直接上级 → 直接上级", "岗位职责 → 岗位职责"},
		ignored: []string{"序号"}},
	// The seed's 客户服务部 (6 people) and 售后服务部, as an Excel
	// workbook: a merged title, each unit's cell merged down over its
	// positions, "岗　位" spaced out, "３", "1名", 合计 merged over three
	// columns, a phone column nobody asked for.
	{file: "service-merged.xlsx", planned: 10, stated: 10,
		tree: `客服部
  客服部经理 1 负责人
  客服热线员 3
  网购专员 1
  综合文员 1
售后服务部
  售后经理 1 负责人
  客户主管 1
  仓管员 2
`,
		columns: []string{"部门 → 部门", "岗　位 → 岗位", "定编 → 编制", "直属上级 → 直接上级", "工作内容 → 岗位职责"},
		ignored: []string{"序号", "联系电话"}},
	// Groups written as paths, the same group name in two departments,
	// people in post, grades.
	{file: "service-paths.csv", planned: 17,
		tree: `客服部
  客服总监 1 在岗 1 负责人
  热线组
    热线组长 1 在岗 1 负责人
    热线客服 6 在岗 5
  投诉组
    投诉专员 2 在岗 2
销售部
  销售经理 1 负责人
  热线组
    销售热线 2 在岗 2
  销售代表 4 在岗 3
`,
		columns: []string{"部门 → 部门", "岗位名称 → 岗位", "编制 → 编制", "在岗 → 在岗", "直接上级 → 直接上级", "职级 → 职务等级"}},
	// WPS-style headings (an asterisk, a line break, "（人）"), a 上级部门
	// column nesting one department two levels down, duties numbered
	// (1)(2) in one cell or one per line.
	{file: "office-wps.csv", planned: 9,
		tree: `总经办
  总经理 1 负责人
  行政部
    行政经理 1 负责人
    行政专员 2
    人力资源部
      人力资源主管 1 负责人
      招聘专员 1
  财务部
    财务经理 1 负责人
    会计 1
    出纳 1
`,
		columns: []string{"*所属部门 → 部门", "上级部门 → 上级部门", "岗位\n名称 → 岗位", "编制人数（人） → 编制", "汇报对象 → 直接上级", "主要职责 → 岗位职责", "任职要求 → 任职资格", "备注 → 备注"}},
	// The same table, opened in LibreOffice Calc and saved as .xlsx by it.
	{file: "office-wps-libreoffice.xlsx", planned: 9,
		tree: `总经办
  总经理 1 负责人
  行政部
    行政经理 1 负责人
    行政专员 2
    人力资源部
      人力资源主管 1 负责人
      招聘专员 1
  财务部
    财务经理 1 负责人
    会计 1
    出纳 1
`,
		columns: []string{"*所属部门 → 部门", "上级部门 → 上级部门", "岗位\n名称 → 岗位", "编制人数（人） → 编制", "汇报对象 → 直接上级", "主要职责 → 岗位职责", "任职要求 → 任职资格", "备注 → 备注"}},
	// English headings, tab separated as copied out of Excel, a superior
	// written as a department's name (its head), a path.
	{file: "operations-en.tsv", planned: 14,
		tree: `Operations
  COO 1 负责人
  Planner 2
  Customer Service
    CS Manager 1 负责人
    Agent 5
    Hotline
      Hotline Lead 1 负责人
      Hotline Agent 4
`,
		columns: []string{"Department → 部门", "Job title → 岗位", "Headcount → 编制", "Reports to → 直接上级", "Responsibilities → 岗位职责"},
		ignored: []string{"No.", "Phone"}},
	// A shop without units: positions under positions; a title and a date
	// line above the header, "２", "3人", "（兼）", duties numbered 一、二、.
	{file: "shop-positions.csv", planned: 7,
		tree: `店长 1
  副店长 1
    收银员 2
    导购 3
  仓管员 0 兼
`,
		columns: []string{"岗位名称 → 岗位", "编制 → 编制", "直接上级 → 直接上级", "岗位职责 → 岗位职责"}},
}

// The bar: every held-out table imports with the tree and headcounts it
// means, says which column it read as what, and the chart's direct
// superior of every position is the one its row names.
func TestHeldOutTablesImportAsMeant(t *testing.T) {
	for _, c := range heldOut {
		t.Run(c.file, func(t *testing.T) {
			d, sum := importFixture(t, c.file)
			if got := treeText(d); got != c.tree {
				t.Errorf("tree:\n%s\nwant:\n%s", got, c.tree)
			}
			if got := d.Total().Planned; got != c.planned {
				t.Errorf("planned %d, want %d", got, c.planned)
			}
			if d.Info.StatedTotal != c.stated {
				t.Errorf("stated total %d, want %d", d.Info.StatedTotal, c.stated)
			}
			if sum.Reading != ReadingStaffing || sum.Mixed {
				t.Errorf("read as %v (mixed %v), want a staffing table", sum.Reading, sum.Mixed)
			}
			var cols []string
			for _, u := range sum.Columns {
				cols = append(cols, u.Heading+" → "+u.Zh)
			}
			if !slices.Equal(cols, c.columns) {
				t.Errorf("columns %q, want %q", cols, c.columns)
			}
			if !slices.Equal(sum.Ignored, c.ignored) {
				t.Errorf("ignored %q, want %q", sum.Ignored, c.ignored)
			}
			if len(sum.Warnings) > 0 {
				t.Errorf("warnings: %s", sum.Warnings.Text(true))
			}
			for _, f := range domain.Errors(d.Validate()) {
				t.Errorf("the imported document has the error %s", f.Zh)
			}
		})
	}
}

// Duties in one cell become separate duties, whichever way they are
// numbered, and the numbers go.
func TestDutiesInOneCellAreSplit(t *testing.T) {
	for _, c := range []struct {
		file, box string
		duties    []string
	}{
		{"property-gb18030.csv", "经理", []string{"在公司的领导下，全面负责物业服务部的管理工作", "制定年度工作计划与费用预算", "对主管以上员工进行合理的职业生涯规划。"}},
		{"property-gb18030.csv", "客服服务", []string{"接待业户来访来电", "办理入住、装修手续", "收缴物业服务费"}},
		{"service-merged.xlsx", "客户主管", []string{"负责对产品质量和服务信息进行收集、分析", "负责处理市场产品有关质量问题及客户质量投诉", "负责经销商和售后站的建立规范及指导和巡查，考核。"}},
		{"office-wps.csv", "财务经理", []string{"主导年度预算和费用控制", "审核会计凭证", "编制财务报表。"}},
		{"office-wps.csv", "行政专员", []string{"负责办公用品采购与发放", "负责来访接待"}},
		{"operations-en.tsv", "CS Manager", []string{"Lead the service team.", "Handle escalated complaints.", "Report monthly figures."}},
		{"shop-positions.csv", "店长", []string{"全面负责门店经营", "排班与考勤", "门店安全。"}},
	} {
		d, _ := importFixture(t, c.file)
		if got := byName(t, d, c.box).Duties; !slices.Equal(got, c.duties) {
			t.Errorf("%s %s: duties %q, want %q", c.file, c.box, got, c.duties)
		}
	}
	d, _ := importFixture(t, "office-wps.csv")
	if q := byName(t, d, "总经理").Qualifications; !slices.Equal(q, []string{"本科以上学历", "十年以上管理经验"}) {
		t.Errorf("qualifications %q", q)
	}
	if n := byName(t, d, "行政专员").Notes; n != "含前台" {
		t.Errorf("notes %q", n)
	}
	d, _ = importFixture(t, "service-paths.csv")
	if g := byName(t, d, "客服总监").Grade; g != "M3" {
		t.Errorf("grade %q", g)
	}
}

// readStaffingCSV reads CSV text and its summary.
func readStaffingCSV(t *testing.T, text string) (*domain.Document, *Summary, error) {
	t.Helper()
	return readCSV(strings.NewReader(text))
}

// A superior that two positions could be, or none, is an error naming
// the row and the candidates; nothing is imported. The same name in the
// row's own unit wins over one elsewhere.
func TestSuperiorMatching(t *testing.T) {
	const head = "部门,岗位,编制,直接上级\n"
	d, _, err := readStaffingCSV(t, head+
		"客服部,主管,1,\n"+ // 2
		"客服部,专员,2,主管\n"+ // 3: 客服部's 主管, not 工程部's
		"工程部,主管,1,\n"+ // 4
		"工程部,技术员,3,主管\n") // 5
	if err != nil {
		t.Fatal(err)
	}
	want := "客服部\n  主管 1 负责人\n  专员 2\n工程部\n  主管 1 负责人\n  技术员 3\n"
	if got := treeText(d); got != want {
		t.Errorf("got\n%s", got)
	}

	_, _, err = readStaffingCSV(t, head+
		"客服部,主管,1,\n"+ // 2
		"工程部,主管,1,\n"+ // 3
		"行政部,文员,1,主管\n"+ // 4: which 主管?
		"行政部,司机,1,车队长\n"+ // 5: nobody
		"行政部,前台,1,客服\n"+ // 6: nobody, but close to 客服部's rows? no: close by name
		"行政部,保安,1,保安\n") // 7: itself
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("want an ErrorList, got %v", err)
	}
	zh := el.Text(true)
	for _, w := range []string{
		"第 4 行“直接上级”列：直接上级“主管”不明确：第 2 行“主管”（客服部）、第 3 行“主管”（工程部） 都叫这个名字",
		"第 5 行“直接上级”列：表中没有叫“车队长”的岗位",
		"第 7 行“直接上级”列：直接上级是它自己",
	} {
		if !strings.Contains(zh, w) {
			t.Errorf("missing %q in\n%s", w, zh)
		}
	}
	if en := el.Error(); !strings.Contains(en, `row 4, column "直接上级": the superior "主管" is ambiguous: row 2 "主管" (客服部), row 3 "主管" (工程部) all have that name`) {
		t.Errorf("English:\n%s", en)
	}
	// 前台's superior 客服 is a unit's name without a head: said so.
	if !strings.Contains(zh, "第 6 行") {
		t.Errorf("row 6 not reported:\n%s", zh)
	}
}

// A missing superior names the positions whose names are close.
func TestMissingSuperiorNamesCloseOnes(t *testing.T) {
	_, _, err := readStaffingCSV(t, "部门,岗位,编制,直接上级\n客服部,客服部经理,1,\n客服部,专员,2,经理\n")
	if err == nil || !strings.Contains(err.(ErrorList).Text(true), "第 3 行“直接上级”列：表中没有叫“经理”的岗位；相近的有：第 2 行“客服部经理”（客服部）") {
		t.Fatalf("got %v", err)
	}
	// Written as unit and position, it is found.
	d, sum, err := readStaffingCSV(t, "部门,岗位,编制,直接上级\n客服部,经理,1,\n工程部,经理,1,\n工程部,专员,2,客服部经理\n")
	if err != nil {
		t.Fatal(err)
	}
	sp := byName(t, d, "专员")
	if s := d.Node(d.Superior(sp.ID)); s == nil || d.Path(s.ID)[0] != "客服部" || len(sum.Warnings) != 0 {
		t.Errorf("superior %v, warnings %v", s, sum.Warnings)
	}
}

// A superior in another unit than the row's own, when the unit column
// keeps the row where it is, is a warning naming the row: the chart's
// superior differs from the written one.
func TestSuperiorOutsideItsUnitIsAWarning(t *testing.T) {
	d, sum, err := readStaffingCSV(t, "部门,岗位,编制,直接上级\n"+
		"客服部,客服经理,1,\n"+ // 2
		"客服部,客服专员,3,客服经理\n"+ // 3
		"质量部,质量总监,1,\n"+ // 4
		"质量部,质量工程师,1,质量总监\n"+ // 5
		"客服部,质检专员,1,质量总监\n") // 6
	if err != nil {
		t.Fatal(err)
	}
	if got := treeText(d); got != "客服部\n  客服经理 1 负责人\n  客服专员 3\n  质检专员 1\n质量部\n  质量总监 1 负责人\n  质量工程师 1\n" {
		t.Errorf("tree\n%s", got)
	}
	if len(sum.Warnings) != 1 || sum.Warnings[0].Row != 6 || !strings.Contains(sum.Warnings[0].Zh, "“质检专员”的直接上级写的是“质量总监”，按所在部门，图中的直接上级是“客服经理”") {
		t.Errorf("warnings %+v", sum.Warnings)
	}
}

// Circles of superiors, conflicting 上级部门 and a unit name that fits
// several paths are errors by row.
func TestStaffingStructureErrors(t *testing.T) {
	for text, want := range map[string]string{
		"部门,岗位,直接上级\n客服部,甲,乙\n客服部,乙,甲\n":               "第 2 行“直接上级”列：直接上级形成了循环：第 2 → 3 → 2 行",
		"部门,上级部门,岗位\n客服部,运营中心,甲\n客服部,行政中心,乙\n":         "第 3 行“上级部门”列：“客服部”的上级部门与第 2 行不同（那里是“运营中心”）",
		"部门,岗位\n客服部/综合组,甲\n工程部/综合组,乙\n综合组,丙\n":         "第 4 行“部门”列：有多个部门叫“综合组”：客服部/综合组、工程部/综合组",
		"部门,岗位,编制\n客服部,,3\n":                           "第 2 行“岗位”列：岗位名称为空",
		"部门,岗位,编制\n客服部,甲,三个\n":                         "第 2 行“编制”列：“三个”不是人数",
		"部门,岗位,直接上级\n甲部,甲,乙部\n乙部,乙,甲部\n":               "第 2 行“直接上级”列：直接上级写的是部门“乙部”，但看不出它的负责人",
		"部门,岗位,直接上级\n甲部,甲,乙\n甲部,丙,甲\n乙部,乙,甲\n乙部,丁,乙\n": "第 2 行“直接上级”列：直接上级形成了循环：第 2 → 4 → 2 行",
	} {
		_, _, err := readStaffingCSV(t, text)
		var el ErrorList
		if !errors.As(err, &el) || !strings.Contains(el.Text(true), want) {
			t.Errorf("%q: got %v, want %q", text, err, want)
		}
	}
}

// Units nest by 上级部门 whatever the order of rows, a unit's rows may be
// apart, and a unit named only in 上级部门 is made.
func TestParentUnits(t *testing.T) {
	d, _, err := readStaffingCSV(t, "部门,上级部门,岗位,编制,直接上级\n"+
		"热线组,客服部,热线员,3,组长\n"+
		"热线组,,组长,1,\n"+
		"客服部,运营中心,客服经理,1,\n"+
		"热线组,客服部,质检员,1,组长\n")
	if err != nil {
		t.Fatal(err)
	}
	// 热线组 comes first in the table: it is 客服部's first child.
	want := "运营中心\n  客服部\n    热线组\n      热线员 3\n      组长 1 负责人\n      质检员 1\n    客服经理 1 负责人\n"
	if got := treeText(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Our own export still reads as before; a table with our parent ids and
// a user's columns too is read by the ids, and says so, naming the
// columns it left out. Unknown columns no longer refuse a table.
func TestWhichReading(t *testing.T) {
	d, sum, err := readStaffingCSV(t, "编号,上级编号,名称,编制,部门,直接上级,颜色\n1,,客服部,,客服部,,红\n2,1,专员,3,客服部,经理,蓝\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := treeText(d); got != "客服部\n  专员 3\n" {
		t.Errorf("tree\n%s", got)
	}
	if sum.Reading != ReadingOwn || !sum.Mixed || !slices.Equal(sum.Ignored, []string{"部门", "直接上级", "颜色"}) {
		t.Errorf("summary %+v", sum)
	}
	lines := strings.Join(sum.Lines(true), "\n")
	for _, w := range []string{"按本软件导出的表格读取", "表中同时有两种表格的列", "未使用的列：部门、直接上级、颜色", "上级编号 → 上级编号"} {
		if !strings.Contains(lines, w) {
			t.Errorf("summary lacks %q:\n%s", w, lines)
		}
	}
	if en := strings.Join(sum.Lines(false), "\n"); !strings.Contains(en, "Columns not used: 部门, 直接上级, 颜色") || !strings.Contains(en, "上级编号 → Parent ID") {
		t.Errorf("English summary:\n%s", en)
	}

	// A second column of one field is left out, the first counts.
	d, sum, err = readStaffingCSV(t, "部门,岗位名称,职务,编制\n客服部,专员,科员,3\n")
	if err != nil || treeText(d) != "客服部\n  专员 3\n" || !slices.Equal(sum.Ignored, []string{"职务"}) {
		t.Errorf("%v %+v", err, sum)
	}

	// A user's table with a column of ours that is not the tree's (编号
	// as their own numbering) is read as a staffing table, and says the
	// other column was left out.
	d, sum, err = readStaffingCSV(t, "编号,部门,岗位,人数\n1,客服部,专员,3\n")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Reading != ReadingStaffing || !sum.Mixed || !slices.Equal(sum.Ignored, []string{"编号"}) || treeText(d) != "客服部\n  专员 3\n" {
		// (One post of three people in a unit does not head it.)
		t.Errorf("summary %+v, tree\n%s", sum, treeText(d))
	}
	if lines := strings.Join(sum.Lines(true), "\n"); !strings.Contains(lines, "按人员编制表读取") || !strings.Contains(lines, "人数 → 编制") {
		t.Errorf("summary:\n%s", lines)
	}

	// Every template written by our own writer reads back in our own
	// reading, not mixed.
	for _, f := range formats {
		var b bytes.Buffer
		d := mustTemplate(t)
		if err := f.write(&b, d); err != nil {
			t.Fatal(err)
		}
		var sum *Summary
		var err error
		if strings.HasPrefix(f.name, "csv") {
			_, sum, err = readCSV(&b)
		} else {
			_, sum, err = readXLSX(&b)
		}
		if err != nil || sum.Reading != ReadingOwn || sum.Mixed || len(sum.Ignored) > 0 || len(sum.Columns) != int(numColumns) {
			t.Errorf("%s: %v %+v", f.name, err, sum)
		}
	}
}

func mustTemplate(t *testing.T) *domain.Document {
	t.Helper()
	tm := assets.Templates()[0]
	d, err := assets.LoadTemplate(tm.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The header is the row that names the most columns, below a title and
// a line of two cells ("制表日期：…", "制表人：…") that once passed for
// the header.
func TestHeaderBelowTitleAndDate(t *testing.T) {
	_, sum := importFixture(t, "shop-positions.csv")
	if sum.HeaderRow != 3 {
		t.Errorf("header on row %d, want 3", sum.HeaderRow)
	}
	d, sum, err := readStaffingCSV(t, "人员编制表\n\n\n日期：2024年,,制表：李四\n部门,岗位名称,编制人数\n客服部,专员,3人\n")
	if err != nil || sum.HeaderRow != 5 || treeText(d) != "客服部\n  专员 3\n" {
		t.Errorf("%v %+v", err, sum)
	}
}

// Excel on Chinese Windows saves CSV in GB18030: the fixture is, and it
// is not UTF-8.
func TestTheGB18030FixtureIsNotUTF8(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "property-gb18030.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(data) {
		t.Fatal("the fixture is UTF-8; it should be as Excel saves CSV on Chinese Windows")
	}
	want, err := simplifiedchinese.GB18030.NewEncoder().String("物业服务部")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(want)) {
		t.Fatal("the fixture does not hold 物业服务部 in GB18030")
	}
}

// Cells merged down, as built with excelize: a unit over its rows, a
// superior over two rows, a row that is blank but for the merged cells
// (its position was merged too). The merged value counts for every
// covered row and no row beyond.
func TestMergedCellsFillEveryRowTheyCover(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	s := f.GetSheetName(0)
	for i, row := range [][]any{
		{"部门", "岗位", "编制", "直接上级"},
		{"客服部", "客服经理", 1, ""},
		{"", "热线员", 3, "客服经理"},
		{"", "回访员", 2, ""},
		{"工程部", "工程经理", 1, ""},
		{"", "电工", 2, "工程经理"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A2", "A4"}, {"D3", "D4"}, {"A5", "A6"}} {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	d, err := ReadXLSX(&b)
	if err != nil {
		t.Fatal(err)
	}
	want := "客服部\n  客服经理 1 负责人\n  热线员 3\n  回访员 2\n工程部\n  工程经理 1 负责人\n  电工 2\n"
	if got := treeText(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// LibreOffice Calc, the real client: it opens the WPS-style CSV and saves
// it as .xlsx; that workbook imports as the same tree as the CSV and as
// the fixture it made before.
func TestLibreOfficeSavedTableImports(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: install libreoffice-calc-nogui (apt-get install --no-install-recommends libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "office-wps.csv"))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "table.csv")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := os.Open(filepath.Join(dir, "table.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	fresh, err := ReadXLSX(out)
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, _ := importFixture(t, "office-wps.csv")
	before, _ := importFixture(t, "office-wps-libreoffice.xlsx")
	if g, w := canon(t, fresh), canon(t, fromCSV); g != w {
		t.Errorf("LibreOffice's workbook differs from the CSV: %s", firstDiff(g, w))
	}
	if g, w := canon(t, fresh), canon(t, before); g != w {
		t.Errorf("LibreOffice's workbook differs from the fixture: %s", firstDiff(g, w))
	}
}
