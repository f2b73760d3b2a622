package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
