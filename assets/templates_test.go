package assets

import (
	"bytes"
	"errors"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"orgdraft/domain"
)

// load returns the template with the given id or stops the test.
func load(t *testing.T, id string) *domain.Document {
	t.Helper()
	d, err := LoadTemplate(id)
	if err != nil {
		t.Fatalf("LoadTemplate(%q): %v", id, err)
	}
	return d
}

// find returns the one box whose path ends with the given names, e.g.
// find(t, d, "客服组", "客户主管").
func find(t *testing.T, d *domain.Document, path ...string) *domain.Node {
	t.Helper()
	var found []*domain.Node
	d.Walk(func(n *domain.Node) bool {
		p := d.Path(n.ID)
		if len(p) >= len(path) && slices.Equal(p[len(p)-len(path):], path) {
			found = append(found, n)
		}
		return true
	})
	if len(found) != 1 {
		t.Fatalf("%s: want exactly one box at %s, found %d", d.Info.Title, strings.Join(path, " / "), len(found))
	}
	return found[0]
}

// names returns the names of the given boxes.
func names(d *domain.Document, ids []domain.NodeID) []string {
	var out []string
	for _, id := range ids {
		out = append(out, d.Node(id).Name)
	}
	return out
}

func superiorName(d *domain.Document, n *domain.Node) string {
	if s := d.Superior(n.ID); s != 0 {
		return d.Node(s).Name
	}
	return ""
}

func TestGalleryStartsWithTheSmallBusinessTemplate(t *testing.T) {
	ts := Templates()
	if len(ts) < 10 {
		t.Fatalf("the gallery has %d templates, want at least 10", len(ts))
	}
	if ts[0].ID != "sme-service" {
		t.Errorf("the first template is %q, want the small-business customer service department", ts[0].ID)
	}
	for _, tm := range ts {
		if tm.Name == "" || tm.NameEn == "" || tm.Description == "" || tm.DescriptionEn == "" {
			t.Errorf("%s: the gallery entry lacks a name or description in one language: %+v", tm.ID, tm)
		}
	}
}

func TestIndexListsEveryTemplateFile(t *testing.T) {
	files, err := fs.Glob(templateFiles, "templates/*.json")
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, f := range files {
		id := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".json")
		if id != "index" {
			onDisk = append(onDisk, id)
		}
	}
	var listed []string
	for _, tm := range Templates() {
		listed = append(listed, tm.ID)
	}
	slices.Sort(onDisk)
	slices.Sort(listed)
	if !slices.Equal(onDisk, listed) {
		t.Errorf("template files %v, but the index lists %v", onDisk, listed)
	}
}

func TestTemplatesListIsACopy(t *testing.T) {
	ts := Templates()
	ts[0].Name = "changed"
	if Templates()[0].Name == "changed" {
		t.Error("changing the returned gallery changed the next call's result")
	}
}

func TestEveryTemplateLoadsWithoutFindings(t *testing.T) {
	for _, tm := range Templates() {
		t.Run(tm.ID, func(t *testing.T) {
			d := load(t, tm.ID)
			if d.Len() == 0 {
				t.Fatal("the template has no boxes")
			}
			if d.Info.Title == "" || d.Info.Company == "" || d.Info.Version == "" {
				t.Errorf("title %q, company %q, version %q: none may be empty", d.Info.Title, d.Info.Company, d.Info.Version)
			}
			if d.Info.Confidentiality != "对内公开" {
				t.Errorf("confidentiality %q, want 对内公开", d.Info.Confidentiality)
			}
			var roles []string
			for _, s := range d.Info.SignOffs {
				roles = append(roles, s.Role)
				if s.Name != "" || s.Date != "" {
					t.Errorf("sign-off %s is filled in (%q, %q); a template leaves it blank", s.Role, s.Name, s.Date)
				}
			}
			if !slices.Equal(roles, []string{"编制", "审核", "批准"}) {
				t.Errorf("sign-off rows %v, want 编制, 审核, 批准", roles)
			}
			// Any finding, even a warning, would greet the user on a
			// document they have not touched yet.
			// (The hints naming a position's empty 岗位说明书 sections
			// are the templates' honest state: the seed lacks them.)
			for _, f := range d.Validate() {
				if f.Code != "empty-sections" {
					t.Errorf("%s: %s (%s)", f.Severity, f.Zh, f.Code)
				}
			}
			if st := d.Info.StatedTotal; st != 0 && d.Total().Planned != st {
				t.Errorf("the positions add up to %d, the document states %d", d.Total().Planned, st)
			}
			d.Walk(func(n *domain.Node) bool {
				if n.Kind.IsPosition() && n.Planned < 1 {
					t.Errorf("position %s has no planned headcount", strings.Join(d.Path(n.ID), " / "))
				}
				return true
			})
		})
	}
}

func TestLoadTemplateGivesAFreshDocumentEachTime(t *testing.T) {
	d := load(t, "sme-service")
	mgr := find(t, d, "客户服务部", "客户服务经理")
	h := domain.NewHistory(d)
	if err := h.Do(domain.Rename(mgr.ID, "改过的名字")); err != nil {
		t.Fatal(err)
	}
	again := load(t, "sme-service")
	find(t, again, "客户服务部", "客户服务经理")
}

func TestUnknownTemplate(t *testing.T) {
	for _, id := range []string{"no-such-template", "", "index", "../embed", "templates/sme-service"} {
		if _, err := LoadTemplate(id); !errors.Is(err, ErrUnknownTemplate) {
			t.Errorf("LoadTemplate(%q): got %v, want ErrUnknownTemplate", id, err)
		}
	}
}

func TestTemplatesSurviveTheJSONRoundTrip(t *testing.T) {
	for _, tm := range Templates() {
		t.Run(tm.ID, func(t *testing.T) {
			d := load(t, tm.ID)
			var first bytes.Buffer
			if err := domain.EncodeJSON(&first, d); err != nil {
				t.Fatal(err)
			}
			back, err := domain.DecodeJSON(bytes.NewReader(first.Bytes()))
			if err != nil {
				t.Fatalf("decoding the encoded template: %v", err)
			}
			if !reflect.DeepEqual(back.Info, d.Info) {
				t.Errorf("document fields changed:\n got %+v\nwant %+v", back.Info, d.Info)
			}
			if !reflect.DeepEqual(back.Nodes(), d.Nodes()) {
				t.Error("the boxes changed in the round trip")
			}
			if !reflect.DeepEqual(back.Links(), d.Links()) {
				t.Errorf("links changed: got %v, want %v", back.Links(), d.Links())
			}
			var second bytes.Buffer
			if err := domain.EncodeJSON(&second, back); err != nil {
				t.Fatal(err)
			}
			if first.String() != second.String() {
				t.Error("encoding the decoded template gives different JSON")
			}
		})
	}
}

// Scanning noise seen in the seed documents, and the corrections.
var noise = []string{"纽织", "责宾", "上4艮", "W购", "专M", "帐", "其它", "客服服务", "反映迅速", "考核考评", "。。", "；。", "，。", "、。", "。；"}

// A leading list number: the book numbers the items itself.
var leadingNumber = regexp.MustCompile(`^\s*([0-9０-９]+|[一二三四五六七八九十]+|[(（][0-9０-９一二三四五六七八九十]+[)）])\s*[、.．,，:：)）]?`)

func TestTextIsFreeOfScanningNoise(t *testing.T) {
	for _, tm := range Templates() {
		t.Run(tm.ID, func(t *testing.T) {
			d := load(t, tm.ID)
			check := func(where, s string) {
				if s != strings.TrimSpace(s) {
					t.Errorf("%s: %q has surrounding spaces", where, s)
				}
				for _, bad := range noise {
					if strings.Contains(s, bad) {
						t.Errorf("%s: %q contains %q", where, s, bad)
					}
				}
			}
			check("title", d.Info.Title)
			check("notes", d.Info.Notes)
			d.Walk(func(n *domain.Node) bool {
				where := strings.Join(d.Path(n.ID), " / ")
				check(where, n.Name)
				check(where+" notes", n.Notes)
				if strings.ContainsAny(n.Name, "()（）") && n.Concurrent {
					t.Errorf("%s: a concurrent position is marked by its flag, not by “(兼)” in its name", where)
				}
				for _, l := range []domain.List{domain.Duties, domain.Qualifications, domain.Functions} {
					for i, item := range n.Items(l) {
						at := where + " " + l.String() + " " + strconv.Itoa(i+1)
						check(at, item)
						if leadingNumber.MatchString(item) || domain.StripItemNumber(item) != item {
							t.Errorf("%s: %q starts with a list number", at, item)
						}
						if strings.HasPrefix(item, "-") || strings.HasPrefix(item, "•") {
							t.Errorf("%s: %q starts with a bullet", at, item)
						}
						// Chinese text uses full-width punctuation; ASCII
						// commas, semicolons and brackets are OCR leftovers.
						if strings.ContainsAny(item, ",;()") {
							t.Errorf("%s: %q has ASCII punctuation", at, item)
						}
						if !strings.HasSuffix(item, "。") {
							t.Errorf("%s: %q does not end with 。", at, item)
						}
					}
				}
				return true
			})
		})
	}
}

// The five customer-service positions of the seed's "客户服务部组织架构岗位
// 职责", with their duties as the seed lists them.
var fivePositions = map[string][]string{
	"客户服务经理": {
		"负责制定和实施客户服务部门的策略和目标。",
		"管理客户服务团队，确保团队成员完成工作任务并达到业绩目标。",
		"监督客户投诉处理和问题解决过程，确保高质量的客户服务。",
		"协调各部门之间的合作，以满足客户需求并改善服务质量。",
		"分析客户反馈和市场趋势，提供改进建议和战略规划。",
	},
	"客户服务代表": {
		"与客户保持良好的沟通，回答客户的查询和解决问题。",
		"处理客户投诉，并寻找解决方案以满足客户需求。",
		"记录和更新客户信息和交流记录。",
		"提供产品和服务的信息和建议。",
		"与其他部门紧密合作，确保客户问题得到及时解决。",
	},
	"客户支持专员": {
		"协助客户服务代表处理客户查询和问题。",
		"提供技术支持，解决客户在使用产品和服务时遇到的问题。",
		"维护和更新客户支持资料和数据库。",
		"分析客户反馈和常见问题，提供改进建议和培训计划。",
		"在需要时协助客户服务经理处理重大客户问题。",
	},
	"客户关系主管": {
		"建立和维护客户关系，在客户沟通和反馈中起到关键作用。",
		"制定客户关系管理策略，提高客户满意度和忠诚度。",
		"分析客户需求和行为，在产品开发和服务改进中提供反馈意见。",
		"协调客户活动和促销活动，提高客户参与度。",
		"参与销售活动，推动销售和增加客户。",
	},
	"客户满意度调查员": {
		"研究并了解产品和服务，以了解客户满意度调查的相关内容。",
		"进行客户满意度调查，收集和分析客户反馈。",
		"准备和呈现调查结果，提供改进建议和措施。",
		"协助制定和实施提高客户满意度的计划。",
		"协调与市场部门和产品部门的合作，为客户需求提供信息和建议。",
	},
}

func TestSmallBusinessTemplateHasTheFiveCustomerServicePositions(t *testing.T) {
	d := load(t, "sme-service")
	for name, duties := range fivePositions {
		n := find(t, d, "客户服务部", name)
		if !slices.Equal(n.Duties, duties) {
			t.Errorf("%s: duties\n%q\nwant the seed's five\n%q", name, n.Duties, duties)
		}
	}
	if mgr := find(t, d, "客户服务部", "客户服务经理"); !mgr.Head {
		t.Error("客户服务经理 should head the department")
	}
	for name := range fivePositions {
		if name == "客户服务经理" {
			continue
		}
		if got := superiorName(d, find(t, d, "客户服务部", name)); got != "客户服务经理" {
			t.Errorf("%s reports to %q, want 客户服务经理", name, got)
		}
	}
}

// Wherever another template reuses one of the five positions, it carries
// the same duties, so the book never contradicts itself between templates.
func TestReusedCustomerServicePositionsKeepTheirDuties(t *testing.T) {
	for _, tm := range Templates() {
		d := load(t, tm.ID)
		d.Walk(func(n *domain.Node) bool {
			if want, ok := fivePositions[n.Name]; ok && !slices.Equal(n.Duties, want) {
				t.Errorf("%s: %s has duties %q, want the seed's %q", tm.ID, strings.Join(d.Path(n.ID), " / "), n.Duties, want)
			}
			return true
		})
	}
}

func TestPropertyServiceStaffingTable(t *testing.T) {
	d := load(t, "property-service")
	if d.Info.StatedTotal != 54 || d.Total().Planned != 54 {
		t.Errorf("stated total %d, positions add up to %d; the staffing table says 54", d.Info.StatedTotal, d.Total().Planned)
	}
	// 管理人员配置 as the seed lists it.
	table := map[string]int{
		"经理": 1, "客户服务主管": 1, "客服": 3, "人事行政管理员": 1, "出纳员": 1,
		"设备维修主管": 1, "技术维修员": 4, "公共秩序主管": 1,
		"人行门岗": 4, "车辆门岗": 4, "监控岗": 4, "巡逻岗": 7, "停车管理岗": 4,
		"保洁员": 15, "绿化员": 3,
	}
	got := map[string]int{}
	var concurrent []string
	d.Walk(func(n *domain.Node) bool {
		switch {
		case n.Kind.IsPosition() && n.Concurrent:
			concurrent = append(concurrent, n.Name)
		case n.Kind.IsPosition():
			got[n.Name] += n.Planned
		}
		return true
	})
	if !reflect.DeepEqual(got, table) {
		t.Errorf("counted positions\n%v\nwant the staffing table\n%v", got, table)
	}
	slices.Sort(concurrent)
	if want := []string{"仓管员", "社区文化管理员"}; !slices.Equal(concurrent, want) {
		t.Errorf("concurrent (兼) positions %v, want %v", concurrent, want)
	}

	order := find(t, d, "公共秩序部", "秩序管理组")
	if h := d.Rollup()[order.ID]; h.Planned != 23 {
		t.Errorf("秩序管理组 rolls up to %d, want 23 秩序管理员", h.Planned)
	}
	if !strings.Contains(order.Hours+order.Notes, "三班") {
		t.Errorf("秩序管理组 should note the three-shift system, hours %q notes %q", order.Hours, order.Notes)
	}
	for _, id := range order.Children() {
		n := d.Node(id)
		if !strings.Contains(n.Hours, "三班工作制") {
			t.Errorf("%s: hours %q, want 三班工作制", n.Name, n.Hours)
		}
		if got := superiorName(d, n); got != "公共秩序主管" {
			t.Errorf("%s reports to %q, want 公共秩序主管", n.Name, got)
		}
	}
	if got := superiorName(d, find(t, d, "客户服务主管")); got != "经理" {
		t.Errorf("客户服务主管 reports to %q, want 经理", got)
	}
}

func TestAfterSalesDepartment(t *testing.T) {
	d := load(t, "after-sales")
	dept := find(t, d, "售后服务部")
	if len(dept.Functions) != 12 {
		t.Errorf("售后服务部 has %d functions, want the seed's 12", len(dept.Functions))
	}
	if !slices.ContainsFunc(dept.Functions, func(s string) bool { return strings.Contains(s, "ISO质量体系、“6S”活动") }) {
		t.Error("the ISO / 6S function (split across numbers in the seed) is missing or still garbled")
	}
	mgr := find(t, d, "售后服务部", "售后经理")
	if !mgr.Head || mgr.Planned != 1 {
		t.Errorf("售后经理: head %v, planned %d; want the head, 1 person", mgr.Head, mgr.Planned)
	}
	if len(mgr.Duties) != 12 {
		t.Errorf("售后经理 has %d duties, want the seed's 12", len(mgr.Duties))
	}
	// The seed's 客户主管 list numbers two items "5、" and splits item 3
	// across a full stop: seven duties in all.
	sup := find(t, d, "客服组", "客户主管")
	if sup.Planned != 1 || len(sup.Duties) != 7 {
		t.Errorf("客户主管: planned %d with %d duties, want 1 person with 7 duties", sup.Planned, len(sup.Duties))
	}
	if !slices.ContainsFunc(sup.Duties, func(s string) bool {
		return strings.Contains(s, "巡查") && strings.Contains(s, "改进措施")
	}) {
		t.Error("客户主管: the inspection duty and its 改进措施 sentence should be one item")
	}
	var groups []string
	for _, id := range dept.Children() {
		if n := d.Node(id); n.Kind == domain.KindUnit {
			groups = append(groups, n.Name)
		}
	}
	if want := []string{"配件组", "三包组", "财务组", "客服组"}; !slices.Equal(groups, want) {
		t.Errorf("groups %v, want %v", groups, want)
	}
	for path, boss := range map[[2]string]string{
		{"配件组", "打单员"}:    "售后经理",
		{"配件组", "发货员"}:    "售后经理",
		{"三包组", "技术员"}:    "三包主管",
		{"三包组", "旧件库仓管员"}: "三包主管",
		{"客服组", "文员"}:     "客户主管",
		{"三包组", "三包主管"}:   "售后经理",
		{"客服组", "客户主管"}:   "售后经理",
		{"售后服务部", "经理助理"}: "售后经理",
		{"配件组", "配件统计员"}:  "售后经理",
		{"财务组", "财务员"}:    "售后经理",
	} {
		n := find(t, d, path[0], path[1])
		if got := superiorName(d, n); got != boss {
			t.Errorf("%s reports to %q, want %q", n.Name, got, boss)
		}
	}
}

func TestHotlineCentre(t *testing.T) {
	d := load(t, "hotline-centre")
	if d.Info.StatedTotal != 6 || d.Total().Planned != 6 {
		t.Errorf("stated %d, positions add up to %d; the seed's 拟定编制 is 6", d.Info.StatedTotal, d.Total().Planned)
	}
	for name, planned := range map[string]int{"客服部经理": 1, "客服热线员": 3, "网购专员": 1, "综合文员": 1} {
		if n := find(t, d, "客户服务部", name); n.Planned != planned {
			t.Errorf("%s: planned %d, want %d", name, n.Planned, planned)
		}
	}
	dept := find(t, d, "客户服务部")
	if len(dept.Functions) != 8 {
		t.Errorf("客户服务部 has %d functions, want the 8 of the seed's 职责范围", len(dept.Functions))
	}
	agents := find(t, d, "客户服务部", "客服热线员")
	for _, shift := range []string{"6:00—14:00", "14:00—22:00"} {
		if !strings.Contains(agents.Hours, shift) {
			t.Errorf("客服热线员 hours %q lack the shift %s", agents.Hours, shift)
		}
	}
	mgr := find(t, d, "客户服务部", "客服部经理")
	if !mgr.Head || len(mgr.Duties) == 0 || !strings.HasPrefix(mgr.Duties[0], "在公司的领导下，全面负责客户服务部") {
		t.Errorf("客服部经理 should head the department with the seed's duty first, got head %v duties %q", mgr.Head, mgr.Duties)
	}
	if got := d.Subordinates(mgr.ID); len(got) != 3 {
		t.Errorf("客服部经理 has direct subordinates %v, want the three other positions", names(d, got))
	}
}

func TestCompanyFunctionalDepartments(t *testing.T) {
	d := load(t, "company-functions")
	for name, count := range map[string]int{"人力资源部": 7, "行政部": 10, "财务部": 3} {
		n := find(t, d, name)
		if len(n.Functions) != count {
			t.Errorf("%s has %d functions, want %d", name, len(n.Functions), count)
		}
		if got := superiorName(d, n); got != "总经理" {
			t.Errorf("%s reports to %q, want 总经理", name, got)
		}
	}
	// The seed splits "…签9、收…" across two numbers: it is one item.
	admin := find(t, d, "行政部")
	if !slices.ContainsFunc(admin.Functions, func(s string) bool {
		return strings.HasPrefix(s, "文档管理") && strings.Contains(s, "签收、传阅与批示回复的处理")
	}) {
		t.Errorf("行政部: the document-management item should be whole, functions %q", admin.Functions)
	}
	for _, f := range admin.Functions {
		if f == "收、传阅与批示回复的处理。" || strings.HasSuffix(f, "签。") {
			t.Errorf("行政部: a half of the split item is left: %q", f)
		}
	}
}

func TestFurnitureWarehouseReportingLines(t *testing.T) {
	d := load(t, "furniture-warehouse")
	// 直接上级 / 直接下级 as the seed's job descriptions give them.
	for _, c := range []struct {
		path     []string
		superior string
		subs     []string
	}{
		{[]string{"成品仓", "成品仓主管"}, "客户服务部经理", []string{"成品仓主管助理", "成品仓管员"}},
		{[]string{"成品仓", "成品仓管员"}, "成品仓主管", []string{"搬运工"}},
		{[]string{"成品仓管员", "搬运工"}, "成品仓管员", nil},
		{[]string{"成品仓", "成品仓主管助理"}, "成品仓主管", nil},
	} {
		n := find(t, d, c.path...)
		if got := superiorName(d, n); got != c.superior {
			t.Errorf("%s: 直接上级 %q, want %q", n.Name, got, c.superior)
		}
		if got := names(d, d.Subordinates(n.ID)); !slices.Equal(got, c.subs) {
			t.Errorf("%s: 直接下级 %v, want %v", n.Name, got, c.subs)
		}
	}
	if n := find(t, d, "成品仓", "成品仓主管"); len(n.Duties) != 11 {
		t.Errorf("成品仓主管 has %d duties, want the seed's 11", len(n.Duties))
	}
	if n := find(t, d, "成品仓", "成品仓管员"); len(n.Duties) != 10 {
		t.Errorf("成品仓管员 has %d duties, want the seed's 10", len(n.Duties))
	}
}

func TestTechnicalFirmHandsProblemsToTechnicalService(t *testing.T) {
	d := load(t, "tech-firm")
	from := find(t, d, "售后服务组", "售后服务专员")
	to := find(t, d, "客户服务部", "技术服务部")
	if !slices.ContainsFunc(d.Links(), func(l domain.Link) bool { return l.From == from.ID && l.To == to.ID }) {
		t.Errorf("want a dotted line from 售后服务专员 to 技术服务部, links %v", d.Links())
	}
	eng := find(t, d, "技术服务部", "技术支持工程师")
	if got := superiorName(d, eng); got != "技术服务经理" {
		t.Errorf("技术支持工程师 reports to %q, want 技术服务经理", got)
	}
}

func TestServiceGroupHierarchy(t *testing.T) {
	d := load(t, "service-group")
	if roots := names(d, d.Roots()); !slices.Equal(roots, []string{"股东大会"}) {
		t.Fatalf("top-level boxes %v, want 股东大会", roots)
	}
	top := find(t, d, "股东大会")
	if got := names(d, top.Children()); !slices.Equal(got, []string{"董事会", "监事会"}) {
		t.Errorf("股东大会 holds %v, want 董事会 and 监事会 side by side", got)
	}
	president := find(t, d, "董事会", "总裁")
	if got := superiorName(d, president); got != "董事长" {
		t.Errorf("总裁 reports to %q, want 董事长", got)
	}
	subs := names(d, d.Subordinates(president.ID))
	for _, want := range []string{"副总裁", "财务总监", "行政总监", "市场总监", "销售总监", "运营总监", "大客户总监"} {
		if !slices.Contains(subs, want) {
			t.Errorf("总裁's direct subordinates %v lack %s", subs, want)
		}
	}
	for _, centre := range []string{"财务中心", "行政中心", "市场中心", "销售中心", "运营中心", "大客户中心"} {
		if n := find(t, d, "总裁", centre); n.Kind != domain.KindUnit {
			t.Errorf("%s should be a unit", centre)
		}
	}
	if got := superiorName(d, find(t, d, "深圳公司", "总经理")); got != "总经理" {
		t.Errorf("深圳公司's 总经理 reports to %q, want 华南公司's 总经理", got)
	}
}

func TestFontIsAFreshTrueTypeCopy(t *testing.T) {
	a := Font()
	if len(a) < 1<<20 {
		t.Fatalf("the font has %d bytes; the bundled font is several megabytes", len(a))
	}
	if !bytes.HasPrefix(a, []byte{0x00, 0x01, 0x00, 0x00}) {
		t.Fatalf("the font starts with % x, want the TrueType magic 00 01 00 00", a[:4])
	}
	want := bytes.Clone(a)
	for i := range a {
		a[i] = 0xFF
	}
	if b := Font(); !bytes.Equal(b, want) {
		t.Error("changing one copy of the font changed the next one")
	}
	if !strings.Contains(FontLicense(), "Apache License") {
		t.Error("FontLicense does not return the Apache licence")
	}
}
