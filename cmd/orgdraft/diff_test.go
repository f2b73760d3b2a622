package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
)

// saved stores d as name in dir and returns the path.
func saved(t *testing.T, dir, name string, d *domain.Document) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := storage.Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// byName returns the id of the box named name.
func byName(t *testing.T, d *domain.Document, name string) domain.NodeID {
	t.Helper()
	var id domain.NodeID
	d.Walk(func(n *domain.Node) bool {
		if n.Name == name {
			id = n.ID
		}
		return id == 0
	})
	if id == 0 {
		t.Fatalf("no box %q", name)
	}
	return id
}

// twoVersions saves the sme-service template as 初稿 and an edited copy as
// 修订稿: a planned headcount, a duty, a new position and the version.
func twoVersions(t *testing.T) (string, string) {
	t.Helper()
	a, err := assets.LoadTemplate("sme-service")
	if err != nil {
		t.Fatal(err)
	}
	b := a.Clone()
	h := domain.NewHistory(b)
	rep := byName(t, b, "客户服务代表")
	for _, c := range []domain.Command{
		domain.SetPlanned(rep, 4),
		domain.EditItem(rep, domain.Duties, 0, "接听客户来电并在一个工作日内答复"),
		domain.AddChild(b.Node(rep).Parent, domain.KindPosition, "客服热线员"),
		&domain.EditInfo{Name: "version", Apply: func(i *domain.Info) error { i.Version = "V1.1"; return nil }},
	} {
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	return saved(t, dir, "初稿.orgdraft", a), saved(t, dir, "修订稿.orgdraft", b)
}

func TestDiffListsTheChangesAndExitsLikeDiff(t *testing.T) {
	a, b := twoVersions(t)
	code, out, errs := runCLI(t, "diff", "-lang", "zh", a, b)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1: %s%s", code, out, errs)
	}
	for _, want := range []string{
		"~ 文档: 版本: V1.0 试用稿 → V1.1",
		"~ 客户服务部 › 客户服务代表: 编制: 3 → 4",
		"~ 客户服务部 › 客户服务代表: 岗位职责 第1条 修改: ",
		"→ 接听客户来电并在一个工作日内答复",
		"+ 客户服务部 › 客服热线员: 新增: 岗位",
		"~ 客户服务部: 部门编制合计: 7 → 8",
		"~ 合计: 编制: 7 → 8",
		"新增 1 个框，删除 0 个框，修改 1 个框",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "按名称") {
		t.Errorf("a later version was matched by name:\n%s", out)
	}

	if code, _, errs := runCLI(t, "diff", "-lang", "en", a); code != exitUsage || !strings.Contains(errs, "OLD and NEW") {
		t.Fatalf("diff with one file: exit %d, %q", code, errs)
	}
	code, out, _ = runCLI(t, "diff", "-lang", "en", a, a)
	if code != exitOK || !strings.Contains(out, "The two versions are the same.") {
		t.Fatalf("a file compared with itself: exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "diff", "@sme-service", a)
	if code != exitOK {
		t.Fatalf("the template and the file made from it: exit %d:\n%s", code, out)
	}

	code, out, _ = runCLI(t, "diff", "--json", a, b)
	var r struct {
		ByName bool
		Boxes  []struct {
			Status string
			Name   string
		}
		Total struct{ Planned struct{ Before, After int } }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != exitFindings {
		t.Fatalf("--json: exit %d, %v:\n%s", code, err, out)
	}
	if len(r.Boxes) != 2 || r.Boxes[0].Status != "changed" || r.Boxes[1].Status != "added" || r.Boxes[1].Name != "客服热线员" ||
		r.Total.Planned.Before != 7 || r.Total.Planned.After != 8 || r.ByName {
		t.Fatalf("--json gives %+v", r)
	}
}

func TestDiffOfUnrelatedFilesFindsARenamedUnitByName(t *testing.T) {
	a, err := assets.LoadTemplate("sme-service")
	if err != nil {
		t.Fatal(err)
	}
	// The same chart typed again in another file: other ids, and the unit
	// now called 客服中心.
	nodes := a.Nodes()
	for i := range nodes {
		nodes[i].ID += 50
		if nodes[i].Parent != 0 {
			nodes[i].Parent += 50
		}
	}
	b, err := domain.Restore(a.Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := domain.NewHistory(b).Do(domain.Rename(b.Roots()[0], "客服中心")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pa, pb := saved(t, dir, "甲.orgdraft", a), saved(t, dir, "乙.orgdraft", b)
	code, out, _ := runCLI(t, "diff", "-lang", "zh", pa, pb)
	if code != exitFindings {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"比较 甲.orgdraft (V1.0 试用稿) → 乙.orgdraft (V1.0 试用稿)",
		"两个版本的框编号不对应：按名称路径配对（6 个框按名称配对）。",
		"~ 客服中心: 改名（按下级识别）: 客户服务部 → 客服中心",
		"新增 0 个框，删除 0 个框，修改 1 个框；编制合计 7 → 7，在岗合计 0 → 0。",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("report\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
}

func TestDiffWritesTheComparisonTableAsPDFAndExcel(t *testing.T) {
	a, b := twoVersions(t)
	dir := t.TempDir()
	pdfPath, xlsxPath := filepath.Join(dir, "变更对照表.pdf"), filepath.Join(dir, "变更对照表.xlsx")
	code, out, errs := runCLI(t, "diff", "-lang", "zh", a, b, "--pdf", pdfPath, "--xlsx", xlsxPath)
	if code != exitFindings {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	text, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"变更对照表", "原版本：初稿.orgdraft (V1.0 试用稿)", "客服热线员", "接听客户来电并在一个工作日内答复", "编制合计 7 → 8"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("变更对照表")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) >= 6 && r[2] == "客户服务部 › 客户服务代表" && r[3] == "编制" && r[4] == "3" && r[5] == "4" {
			found = true
		}
	}
	if !found || rows[1][1] != "修订稿.orgdraft (V1.1)" {
		t.Fatalf("the workbook lacks the row of the planned headcount: %q", rows)
	}

	// Neither version is ever replaced by the table.
	before, _ := os.ReadFile(b)
	code, _, errs = runCLI(t, "diff", "-lang", "en", a, b, "--pdf", b, "--force")
	after, _ := os.ReadFile(b)
	if code != exitFailed || !strings.Contains(errs, "never replaces") || string(before) != string(after) {
		t.Fatalf("--pdf onto the new version: exit %d, %q", code, errs)
	}
}
