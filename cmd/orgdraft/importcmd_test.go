package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
)

// The property department's staffing, typed as an outline.
const propertyOutline = `物业服务部
	经理(1人)
	人事行政管理员(1人)(直属)
	客户服务中心
		客户服务主管(1人)
		客服(3人)
		社区文化管理员(兼)
		仓管员(兼)
		出纳员(1人)
		环境组
			保洁员(15人)
			绿化员(3人)
	工程维修部
		设备维修主管(1人)
		技术维修员(4人)
	公共秩序部
		公共秩序主管(1人)
		秩序管理员(23人)
			人行门岗(4人)
			车辆门岗(4人)
			监控岗(4人)
			巡逻岗(7人)
			停车管理岗(4人)
合计：54人
`

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func importArgs(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := importCommand(args, &out)
	return out.String(), err
}

func TestImportOutline(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "物业.txt"), []byte(propertyOutline))
	doc := filepath.Join(dir, "物业")
	out, err := importArgs(t, "-lang", "zh", in, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "23 个框，编制合计 54 人（文件写明 54 人）") {
		t.Errorf("output %q", out)
	}
	f, d, err := storage.Open(doc + ".orgdraft")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if d.Total().Planned != 54 || d.Info.StatedTotal != 54 || d.Len() != 23 {
		t.Errorf("saved %d boxes, total %d, stated %d", d.Len(), d.Total().Planned, d.Info.StatedTotal)
	}
}

// The refusal is said in the language asked for, whatever LANG is.
func TestImportRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "a.txt"), []byte(propertyOutline))
	doc := writeFile(t, filepath.Join(dir, "existing.orgdraft"), []byte("not touched"))
	for lang, want := range map[string]string{"en": "already exists", "zh": "已存在，不会覆盖"} {
		_, err := importArgs(t, "-lang", lang, in, doc)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("-lang %s: got %v, want %q", lang, err, want)
		}
	}
	if b, _ := os.ReadFile(doc); string(b) != "not touched" {
		t.Error("the existing file was changed")
	}
}

// Problems are listed by line or row, and nothing is written.
func TestImportReportsEveryProblemAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		content string
		want    []string
	}{
		"bad.txt": {"部\n  (3人)\n  岗(1人)(2人)\n", []string{"line 2", "line 3", "nothing was written"}},
		"bad.csv": {"编号,上级编号,名称,编制\n1,,部,\n2,9,甲,1\n3,1,乙,-1\n", []string{"row 3", "row 4"}},
		"bad.xls": {"", []string{".xlsx"}},
	} {
		in := writeFile(t, filepath.Join(dir, name), []byte(tc.content))
		doc := filepath.Join(dir, name+".orgdraft")
		_, err := importArgs(t, "-lang", "en", in, doc)
		if err == nil {
			t.Errorf("%s: imported", name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", name, err, w)
			}
		}
		if _, err := os.Stat(doc); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: a document was written", name)
		}
	}
}

func TestImportTables(t *testing.T) {
	dir := t.TempDir()
	d, err := assets.LoadTemplate("after-sales")
	if err != nil {
		t.Fatal(err)
	}
	var csvData, xlsxData bytes.Buffer
	if err := sheet.WriteCSV(&csvData, d); err != nil {
		t.Fatal(err)
	}
	if err := sheet.WriteXLSX(&xlsxData, d); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"t.csv": csvData.Bytes(), "t.xlsx": xlsxData.Bytes()} {
		in := writeFile(t, filepath.Join(dir, name), data)
		out, err := importArgs(t, "-lang", "en", in, filepath.Join(dir, name+".orgdraft"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if want := "19 boxes, 16 planned"; !strings.Contains(out, want) {
			t.Errorf("%s: %q lacks %q", name, out, want)
		}
	}
}

func TestImportUsage(t *testing.T) {
	var ue usageError
	if _, err := importArgs(t, "only-one.txt"); !errors.As(err, &ue) {
		t.Errorf("got %v", err)
	}
}

// exchangeFlags parses export-style arguments with the exchange flags.
func exchangeFlags(t *testing.T, args ...string) *exchangeOutputs {
	t.Helper()
	fs := flags("export")
	x := addExchangeFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestExportPicturesAndTables(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	x := exchangeFlags(t, "--png", p("c.png"), "--svg", p("c.svg"), "--csv", p("c.csv"), "--xlsx", p("c.xlsx"), "--scale", "1.5")
	if !x.any() {
		t.Fatal("any() is false")
	}
	if err := x.check(p("chart.pdf"), ""); err != nil {
		t.Fatal(err)
	}
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := x.export(d, true, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"组织架构图 PNG", "像素", "组织架构图 SVG", "编制表 CSV", "编制表 Excel"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	f, err := os.Open(p("c.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Error(err)
	}
	svg, _ := os.ReadFile(p("c.svg"))
	if err := xml.Unmarshal(svg, new(struct{})); err != nil {
		t.Error(err)
	}
	for _, name := range []string{"c.csv", "c.xlsx"} {
		f, err := os.Open(p(name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := sheet.Import(name, f)
		f.Close()
		if err != nil || got.Total() != d.Total() {
			t.Errorf("%s: %v", name, err)
		}
	}
	matches, _ := filepath.Glob(p(".*.tmp"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestExportFlagChecks(t *testing.T) {
	var ue usageError
	if err := exchangeFlags(t, "--png", "a.png", "--scale", "0").check(); !errors.As(err, &ue) {
		t.Errorf("scale 0: %v", err)
	}
	if err := exchangeFlags(t, "--png", "same.out", "--csv", "same.out").check(); !errors.As(err, &ue) {
		t.Errorf("same file: %v", err)
	}
	if err := exchangeFlags(t, "--svg", "chart.pdf").check("chart.pdf", ""); !errors.As(err, &ue) {
		t.Errorf("same as a PDF: %v", err)
	}
	if exchangeFlags(t).any() {
		t.Error("any() without outputs")
	}
}

// TestImportThroughRun runs the import subcommand end to end.
func TestImportThroughRun(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "o.txt"), []byte(propertyOutline))
	code, out, errs := runCLI(t, "import", "-lang", "en", in, filepath.Join(dir, "o.orgdraft"))
	if code != exitOK || !strings.Contains(out, "54 planned") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	code, _, errs = runCLI(t, "import", "-lang", "en", in, filepath.Join(dir, "o.orgdraft"))
	if code == exitOK || !strings.Contains(errs, "already exists") {
		t.Errorf("second import: exit %d, %s", code, errs)
	}
}

// TestExportPicturesThroughRun exports a picture and a table end to end.
func TestExportPicturesThroughRun(t *testing.T) {
	dir := t.TempDir()
	pngOut, csvOut := filepath.Join(dir, "c.png"), filepath.Join(dir, "c.csv")
	code, out, errs := runCLI(t, "export", "@after-sales", "--png", pngOut, "--csv", csvOut, "-lang", "en")
	if code != exitOK || !strings.Contains(out, "chart PNG") || !strings.Contains(out, "table CSV") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	for _, p := range []string{pngOut, csvOut} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	if code, _, _ := runCLI(t, "export", "@after-sales", "--png", pngOut, "--scale", "-1"); code != exitUsage {
		t.Errorf("--scale -1: exit %d", code)
	}
}

// A staffing table as people keep it imports, and the command says which
// column it read as what and which it ignored, in the chosen language.
func TestImportStaffingTableSaysHowItReadIt(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "编制表.csv"), []byte("客服部人员编制表\n序号,部门,岗位名称,编制人数,直接上级,联系电话\n1,客服部,经理,1人,,8001\n2,,专员,3人,经理,8002\n"))
	out, err := importArgs(t, "-lang", "zh", in, filepath.Join(dir, "a.orgdraft"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"3 个框，编制合计 4 人", "按人员编制表读取", "表头在第 2 行", "部门 → 部门", "岗位名称 → 岗位", "编制人数 → 编制", "直接上级 → 直接上级", "未使用的列：序号、联系电话"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	out, err = importArgs(t, "-lang", "en", in, filepath.Join(dir, "b.orgdraft"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"3 boxes, 4 planned", "Read as a staffing table", "部门 → unit", "Columns not used: 序号, 联系电话"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	// A refused table says how it was read, then the rows.
	bad := writeFile(t, filepath.Join(dir, "bad.csv"), []byte("部门,岗位,直接上级\n客服部,经理,\n客服部,专员,主任\n"))
	_, err = importArgs(t, "-lang", "zh", bad, filepath.Join(dir, "c.orgdraft"))
	if err == nil || !strings.Contains(err.Error(), "直接上级 → 直接上级") || !strings.Contains(err.Error(), "第 3 行“直接上级”列：表中没有叫“主任”的岗位") {
		t.Fatalf("got %v", err)
	}
}
