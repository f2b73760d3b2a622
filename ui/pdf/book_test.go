package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"orgdraft/domain"
)

// pageTexts returns the squeezed text of every page of a PDF, first page
// first.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	all := run(t, "pdftotext", "-raw", path, "-")
	// pdftotext ends every page with a form feed.
	ps := strings.Split(all, "\f")
	out := make([]string, 0, len(ps))
	for _, p := range ps[:len(ps)-1] {
		out = append(out, squeeze(p))
	}
	return out
}

// findNode returns the first node named name.
func findNode(t *testing.T, d *domain.Document, name string) *domain.Node {
	t.Helper()
	var found *domain.Node
	d.Walk(func(n *domain.Node) bool {
		if found == nil && n.Name == name {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no box named %s", name)
	}
	return found
}

// TestTopPositionSuperior prints the hotline manager, a top position, with
// the superior outside the chart its note names (总经理), and with "—"
// where none is given.
func TestTopPositionSuperior(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "hotline-centre")
	mgr := findNode(t, d, "客服部经理")
	mgr.Job.Superior = ""
	managerPage := func() string {
		path, _ := write(t, "superior", bookFn, d, Options{})
		for _, p := range pageTexts(t, path) {
			if strings.Contains(p, "岗位名称客服部经理") {
				return p
			}
		}
		t.Fatal("no page holds the manager's form")
		return ""
	}
	if p := managerPage(); !strings.Contains(p, "直接上级—") {
		t.Errorf("without a superior outside the chart the manager's 直接上级 is not —: %s", p)
	}
	mgr.Job.Superior = "总经理"
	if p := managerPage(); !strings.Contains(p, "直接上级总经理") {
		t.Errorf("the manager's page does not print 直接上级 总经理: %s", p)
	}
}

// TestPositionForm fills every part of a 岗位说明书 and reads the form
// back: each part under its label, the 任职资格 split into its parts, and
// the signature row; a position with nothing but duties prints none of
// the other parts' labels.
func TestPositionForm(t *testing.T) {
	needPoppler(t)
	nodes := []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: "客服部"},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: "客服主管", Head: true, Planned: 1, Grade: "主管级",
			Duties: []string{"统筹客服工作。", "处理重大投诉。"}, Qualifications: []string{"沟通能力强。"},
			Job: domain.JobSpec{Code: "KF-01-001", PayGrade: "定级工资 4500 元", Summary: "带领客服团队提升客户满意度。",
				Authority: []string{"对下属的考核权。"}, Education: "大专及以上", Major: "市场营销", Experience: "三年以上客服管理经验",
				Skills: "熟练使用办公软件", Certificates: "普通话二级甲等", Other: "身体健康", Internal: "销售部、技术部", External: "客户、供应商",
				KPIs: []string{"客户满意度不低于 95%。"}}},
		{ID: 3, Parent: 1, Kind: domain.KindPosition, Name: "客服专员", Planned: 2, Duties: []string{"接听客户来电。"}},
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, "form", bookFn, d, Options{})
	var head, clerk string
	for _, p := range pageTexts(t, path) {
		switch {
		case strings.Contains(p, "岗位名称客服主管"):
			head = p
		case strings.Contains(p, "岗位名称客服专员"):
			clerk = p
		}
	}
	for _, want := range []string{"基本信息", "岗位编号KF-01-001", "所属部门客服部", "直接上级—", "编制人数1人", "职务等级主管级",
		"薪资等级定级工资4500元", "直接下级客服专员", "岗位概述带领客服团队提升客户满意度。", "岗位职责1.统筹客服工作。2.处理重大投诉。",
		"工作权限1.对下属的考核权。", "任职资格学历：大专及以上专业：市场营销工作经验：三年以上客服管理经验技能：熟练使用办公软件证书：普通话二级甲等其他：身体健康1.沟通能力强。",
		"工作关系内部协作：销售部、技术部外部联系：客户、供应商", "考核指标1.客户满意度不低于95%。", "任职者直接上级人力资源部", "日期：年月日"} {
		if !strings.Contains(head, want) {
			t.Errorf("the head's form lacks %q:\n%s", want, head)
		}
	}
	for _, absent := range []string{"岗位编号", "薪资等级", "岗位概述", "工作权限", "任职资格", "工作关系", "考核指标", "工作时间", "职务等级"} {
		if strings.Contains(clerk, absent) {
			t.Errorf("the clerk's form prints %s, which nobody wrote:\n%s", absent, clerk)
		}
	}
	if !strings.Contains(clerk, "直接上级客服主管") || !strings.Contains(clerk, "岗位职责1.接听客户来电。") {
		t.Errorf("the clerk's form: %s", clerk)
	}
}

// TestContinuedHeading gives a position more duties than a page holds:
// every page it continues on starts with its heading marked （续）, and
// the next position's page does not.
func TestContinuedHeading(t *testing.T) {
	needPoppler(t)
	nodes := []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: "客服部"},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: "客服主管", Head: true, Planned: 1},
		{ID: 3, Parent: 1, Kind: domain.KindPosition, Name: "客服专员", Planned: 1, Duties: []string{"接听来电。"}},
	}
	for i := range 120 {
		nodes[1].Duties = append(nodes[1].Duties, fmt.Sprintf("第%d项职责：负责客户来电的登记、分派与回访，按周汇总。", i+1))
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, "continued", bookFn, d, Options{})
	ps := pageTexts(t, path)
	first, cont, next := -1, 0, -1
	for i, p := range ps {
		switch {
		case strings.Contains(p, "岗位名称客服主管"):
			first = i
		case strings.Contains(p, "岗位名称客服专员"):
			next = i
		}
	}
	if first < 0 || next < 0 {
		t.Fatal("the positions' forms are missing")
	}
	// The heading's number: the chapter's depends on which chapters the
	// book has.
	heading := regexp.MustCompile(`\d+\.1客服主管`).FindString(ps[first])
	if heading == "" {
		t.Fatalf("no heading on the head's first page: %.80s", ps[first])
	}
	for i := first + 1; i < next; i++ {
		if !strings.HasPrefix(ps[i], heading+"（续）") {
			t.Errorf("page %d continues the head's form without the heading （续）: %.80s", i+1, ps[i])
		}
		cont++
	}
	if cont < 2 {
		t.Errorf("120 duties continue on %d pages; want at least 2", cont)
	}
	if strings.Contains(ps[first], "（续）") || strings.Contains(ps[next], "（续）") {
		t.Error("a position's own first page is marked （续）")
	}
	// Nothing lost across the pages.
	checkContains(t, path, body(text(t, path), d), nodes[1].Duties)
}

// outlineEntry is an entry of the PDF outline as qpdf reports it.
type outlineEntry struct {
	Title string         `json:"title"`
	Page  int            `json:"destpageposfrom1"`
	Kids  []outlineEntry `json:"kids"`
}

// TestOutlineAndLinks reads the book's outline with qpdf: a bookmark for
// every chapter, the positions under their chapter, each leading to the
// page that holds its heading; and a link for every contents entry.
func TestOutlineAndLinks(t *testing.T) {
	needPoppler(t)
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Fatal("qpdf is not installed (Debian: apt-get install qpdf)")
	}
	d := mustTemplate(t, "service-group")
	path, _ := write(t, "outline", bookFn, d, Options{})
	var got struct {
		Outlines []outlineEntry `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &got); err != nil {
		t.Fatal(err)
	}
	ps := pageTexts(t, path)
	var chapters []string
	entries := 0
	var check func(e outlineEntry)
	check = func(e outlineEntry) {
		entries++
		if e.Page < 1 || e.Page > len(ps) || !strings.Contains(ps[e.Page-1], squeeze(e.Title)) {
			t.Errorf("bookmark %q leads to page %d, which does not hold it", e.Title, e.Page)
		}
		for _, k := range e.Kids {
			check(k)
		}
	}
	for _, e := range got.Outlines {
		chapters = append(chapters, e.Title)
		check(e)
	}
	if want := []string{"1 组织架构图", "2 部门职能", "3 人员编制表", "4 岗位说明书"}; strings.Join(chapters, "|") != strings.Join(want, "|") {
		t.Errorf("chapters in the outline: %q, want %q", chapters, want)
	}
	positions := 0
	d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			positions++
		}
		return true
	})
	if last := got.Outlines[len(got.Outlines)-1]; len(last.Kids) != positions {
		t.Errorf("%d positions under 4 岗位说明书 in the outline, want %d", len(last.Kids), positions)
	}
	// Every bookmark is a contents entry, and each entry is a link.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The annotations are plain objects, outside the compressed page
	// contents.
	if links := bytes.Count(raw, []byte("/Subtype /Link")); links != entries {
		t.Errorf("%d links in the PDF for %d bookmarks", links, entries)
	}
}

// TestContentsTail lays out contents of every length from one to two
// pages: whenever they run over a page, the last page holds at least
// contentsTail entries, never one or two alone.
func TestContentsTail(t *testing.T) {
	c, err := newComposer(domain.NewDocument(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	over := 0
	for n := 1; n <= 110; n++ {
		toc := []tocEntry{{level: 1, title: "4 岗位说明书"}}
		for i := 1; i < n; i++ {
			toc = append(toc, tocEntry{level: 2, title: fmt.Sprintf("4.%d 岗位%d", i, i), anchor: i})
		}
		sheets := c.contents(toc, 0)
		entries := 0
		for _, m := range sheets[len(sheets)-1].marks {
			if m.kind == markLink {
				entries++
			}
		}
		if len(sheets) > 1 {
			over++
			if entries < contentsTail {
				t.Errorf("%d entries: the last of %d contents pages holds %d", n, len(sheets), entries)
			}
		}
	}
	if over == 0 {
		t.Fatal("no contents ran over a page")
	}
}

// TestChaptersPerUnit prints the company template in the order by unit:
// after the chart and the staffing table, the general manager's chapter,
// then a chapter per department holding its functions, its own chart and
// each of its positions, every bookmark on the page of its heading, and
// nothing of the book lost.
func TestChaptersPerUnit(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "company-functions")
	d.Info.Page.BookOrder = domain.BookByUnit
	path, _ := write(t, "per-unit", bookFn, d, Options{})
	checkContains(t, path, body(text(t, path), d), expectedBook(d))
	var got struct {
		Outlines []outlineEntry `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &got); err != nil {
		t.Fatal(err)
	}
	ps := pageTexts(t, path)
	var chapters []string
	for _, e := range got.Outlines {
		chapters = append(chapters, e.Title)
		for _, k := range e.Kids {
			if !strings.Contains(ps[k.Page-1], squeeze(k.Title)) {
				t.Errorf("bookmark %q leads to page %d, which does not hold it", k.Title, k.Page)
			}
		}
	}
	want := []string{"1 组织架构图", "2 人员编制表", "3 XX有限公司", "4 人力资源部", "5 行政部", "6 财务部"}
	if strings.Join(chapters, "|") != strings.Join(want, "|") {
		t.Fatalf("chapters %q, want %q", chapters, want)
	}
	// The departments' chapters: functions, chart, then the positions of
	// the department and no other.
	for i, e := range got.Outlines[3:] {
		unit := findNode(t, d, strings.TrimPrefix(e.Title, fmt.Sprintf("%d ", i+4)))
		var kids []string
		for _, k := range e.Kids {
			kids = append(kids, k.Title)
		}
		n := i + 4
		wantKids := []string{fmt.Sprintf("%d.1 部门职能", n), fmt.Sprintf("%d.2 岗位编制图", n)}
		k := 2
		d.WalkSubtree(unit.ID, func(p *domain.Node) bool {
			if p.Kind.IsPosition() {
				k++
				wantKids = append(wantKids, fmt.Sprintf("%d.%d %s", n, k, p.Name))
			}
			return true
		})
		if strings.Join(kids, "|") != strings.Join(wantKids, "|") {
			t.Errorf("chapter %s holds %q, want %q", e.Title, kids, wantKids)
		}
	}
	// The general manager opens the units' chapters.
	if gm := got.Outlines[2].Kids; len(gm) == 0 || !strings.HasSuffix(gm[len(gm)-1].Title, "总经理") {
		t.Errorf("chapter 3 holds %v, want the general manager", gm)
	}
}
