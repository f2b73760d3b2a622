package storage

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// Text that must survive the file exactly: CJK, a character outside the
// Basic Multilingual Plane (𠀀), emoji with joiners and skin tone, a
// combining accent, tabs, newlines and a control character. (A NUL is
// not text: the domain refuses it, and reading a file drops it; see
// hostile_test.go.)
const (
	oddText  = "𠀀 😀 👨‍👩‍👧 👍🏽 e\u0301cole\t«引号»\r\n第二行\x01尾"
	longDuty = "负责公司年度经营计划的制定、分解与落实，组织召开经营分析会，跟踪各部门目标完成情况并提出改进意见。"
)

// richDocument returns a document that uses every stored field: all
// kinds, heads, headcounts, lists, offsets, collapsed boxes, gaps in the
// ids, a dangling link and a custom sign-off row.
func richDocument(t testing.TB) *domain.Document {
	t.Helper()
	info := domain.Info{
		Title:           "组织架构及岗位职责 " + oddText,
		Company:         "某某机械制造有限公司",
		Version:         "V1.0 试用稿",
		Status:          domain.Draft, // approved_test.go approves documents
		EffectiveDate:   "2024-07-01",
		Confidentiality: "对内公开",
		StatedTotal:     54,
		Notes:           "备注：\n1. 编制为计划人数。\n" + oddText,
		SignOffs: []domain.SignOff{
			{Role: "编制", Name: "张三", Date: "2024-06-20"},
			{Role: "审核", Name: "李四 𠀀", Date: "2024-06-25"},
			{Role: "批准", Name: "", Date: ""},
			{Role: "会签 😀", Name: "王五", Date: "2024-06-30"},
		},
		Page:  domain.PageSettings{Paper: "A3", Landscape: true, LeftToRight: true, CompactLeaves: false},
		Codes: domain.CodeScheme{Prefix: "JX", Digits: 3},
	}
	nodes := []domain.Node{
		{ID: 10, Kind: domain.KindUnit, Name: "总经办", Functions: []string{"统筹公司经营管理", "对外联络 " + oddText}, Offset: domain.Offset{X: 0.1, Y: -3.25}},
		{ID: 11, Parent: 10, Kind: domain.KindPosition, Name: "总经理", Head: true, Planned: 1, Filled: 1, Grade: "M1",
			Hours: "9:00–18:00", Notes: oddText, Duties: []string{longDuty, "审批重大事项", "第三条 " + oddText},
			Qualifications: []string{"本科及以上学历", "十年以上制造业管理经验"},
			Job: domain.JobSpec{Code: "ZJB-001", PayGrade: "定级工资 面议", Summary: "全面负责公司经营 " + oddText,
				Authority: []string{"重大事项审批权", "人事任免权"}, Education: "本科", Major: "管理类", Experience: "十年",
				Skills: "决策", Certificates: "无", Other: "身体健康", Internal: "各部门", External: "政府、客户",
				KPIs: []string{"年度利润"}, Superior: "董事会"}},
		{ID: 12, Parent: 11, Kind: domain.KindAssistant, Name: "总经理助理 😀", Planned: 1, Duties: []string{"日程安排"}},
		{ID: 20, Parent: 10, Kind: domain.KindUnit, Name: "生产部", Job: domain.JobSpec{Code: "SC"}, Collapsed: true, Leaves: domain.LeavesColumn, Functions: []string{"组织生产"}, Offset: domain.Offset{X: 1e-300, Y: 12345.678}},
		{ID: 21, Parent: 20, Kind: domain.KindPosition, Name: "生产经理", Head: true, Planned: 1, Filled: 0, Grade: "M3"},
		{ID: 25, Parent: 20, Kind: domain.KindPosition, Name: "班组长（兼）", Planned: 3, Filled: 2, Concurrent: true, Hours: "两班倒",
			Staffing: richPlan()},
		{ID: 23, Parent: 20, Kind: domain.KindPosition, Name: "操作工", Planned: 40, Filled: 38, Duties: []string{"按工艺操作", "5S"}},
		{ID: 31, Kind: domain.KindUnit, Name: "质量部 𠀀", Leaves: domain.LeavesRow},
		{ID: 32, Parent: 31, Kind: domain.KindPosition, Name: "质检员", Planned: 8, Filled: 8, Qualifications: []string{"持证上岗"}},
	}
	links := []domain.Link{
		{ID: 3, From: 32, To: 23, Label: "业务指导 " + oddText},
		{ID: 1, From: 21, To: 31, Label: ""},
		{ID: 7, From: 12, To: 999, Label: "指向已删除的框"}, // dangling: kept as it is
	}
	d, err := domain.Restore(info, nodes, links)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// richPlan returns a staffing plan that uses every stored input.
func richPlan() *staffing.Plan {
	return &staffing.Plan{
		Posts: []staffing.Post{
			{Name: "车辆门岗 " + oddText, People: 2, Hours: staffing.Hours{Range: true, From: 22 * 60, To: 6 * 60}, Days: 7},
			{People: 1, Hours: staffing.Hours{N: 7.5}, Days: 5.5},
		},
		System: staffing.Custom, WeekHours: 44, Allowance: 5.5, Round: staffing.RoundNearest,
		Shifts: []staffing.Shift{{Name: "早班", Time: staffing.Hours{Range: true, From: 6 * 60, To: 14 * 60}}, {Name: "晚班", Time: staffing.Hours{Range: true, From: 14 * 60, To: 22 * 60}}},
		Rota:   staffing.SixOnOneOff,
	}
}

// bigDocument returns a document of about n boxes: units of 29 positions,
// each with duties and qualifications, under one top unit.
func bigDocument(t testing.TB, n int) *domain.Document {
	t.Helper()
	h := domain.NewHistory(domain.NewDocument())
	do := func(c domain.Command) {
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	top := domain.AddChild(0, domain.KindUnit, "公司")
	do(top)
	for h.Doc.Len() < n {
		unit := domain.AddChild(top.ID, domain.KindUnit, fmt.Sprintf("部门%d", h.Doc.Len()))
		do(unit)
		for i := 0; i < 29 && h.Doc.Len() < n; i++ {
			p := domain.AddChild(unit.ID, domain.KindPosition, fmt.Sprintf("岗位%d", h.Doc.Len()))
			do(p)
			do(domain.SetPlanned(p.ID, 1+i%4))
			do(domain.InsertItems(p.ID, domain.Duties, -1, "1、"+longDuty+"\n2、执行上级安排的工作\n3、遵守安全规程\n4、填写记录\n5、"+oddText))
			do(domain.InsertItems(p.ID, domain.Qualifications, -1, "大专以上\n两年经验\n持证"))
		}
	}
	return h.Doc
}

// docDiff returns "" if got holds exactly what want holds (ids, tree,
// sibling order, every field, links in order), else the first difference.
// An empty list and a missing one count as the same.
func docDiff(want, got *domain.Document) string {
	wi, gi := want.Info, got.Info
	if !slices.Equal(wi.SignOffs, gi.SignOffs) {
		return fmt.Sprintf("sign-offs: want %q, got %q", wi.SignOffs, gi.SignOffs)
	}
	wi.SignOffs, gi.SignOffs = nil, nil
	if !reflect.DeepEqual(wi, gi) {
		return fmt.Sprintf("info: want %+v, got %+v", wi, gi)
	}
	wn, gn := want.Nodes(), got.Nodes() // pre-order, so equal slices mean equal trees
	if len(wn) != len(gn) {
		return fmt.Sprintf("want %d boxes, got %d", len(wn), len(gn))
	}
	for i := range wn {
		w, g := wn[i], gn[i]
		for _, l := range lists {
			if !slices.Equal(w.Items(l), g.Items(l)) {
				return fmt.Sprintf("box %d %s: want %q, got %q", w.ID, l, w.Items(l), g.Items(l))
			}
		}
		w.Duties, w.Qualifications, w.Functions = nil, nil, nil
		g.Duties, g.Qualifications, g.Functions = nil, nil, nil
		w.Job.Authority, w.Job.KPIs, g.Job.Authority, g.Job.KPIs = nil, nil, nil, nil
		if !reflect.DeepEqual(w, g) {
			return fmt.Sprintf("box %d of %d in pre-order: want %+v, got %+v", i+1, len(wn), w, g)
		}
	}
	if !slices.Equal(want.Links(), got.Links()) {
		return fmt.Sprintf("links: want %+v, got %+v", want.Links(), got.Links())
	}
	return ""
}

func assertSameDoc(t testing.TB, want, got *domain.Document) {
	t.Helper()
	if diff := docDiff(want, got); diff != "" {
		t.Fatal(diff)
	}
}

// reopen opens path and returns its file and document, failing the test
// on error.
func reopen(t testing.TB, path string) (*File, *domain.Document) {
	t.Helper()
	f, d, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return f, d
}

func mustCreate(t testing.TB, path string, d *domain.Document) *File {
	t.Helper()
	f, err := Create(path, d)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return f
}

func mustClose(t testing.TB, f *File) {
	t.Helper()
	if err := f.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// fileHash returns the SHA-256 of the file at path.
func fileHash(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// dirNames lists the names in dir, sorted.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// assertOnly fails unless dir holds exactly the named files: no journal,
// WAL or temporary file stayed behind.
func assertOnly(t testing.TB, dir string, names ...string) {
	t.Helper()
	slices.Sort(names)
	if got := dirNames(t, dir); !slices.Equal(got, names) {
		t.Fatalf("folder holds %q, want only %q", got, names)
	}
}

// rawExec runs statements on path through a plain SQLite connection, the
// way another program (or a damaged disk) could change the file.
func rawExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// tempPath returns a path for a new document in a fresh folder.
func tempPath(t testing.TB, name string) (dir, path string) {
	dir = t.TempDir()
	return dir, filepath.Join(dir, name)
}

// must fails the test on a setup error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
