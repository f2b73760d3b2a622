package sheet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"orgdraft/assets"
	"orgdraft/domain"
)

// canon returns the document's JSON form with the ids renumbered in
// chart order (by a trip through DecodeJSON), so that two documents with
// the same tree compare equal whatever ids they use.
func canon(t testing.TB, d *domain.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := domain.EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	d2, err := domain.DecodeJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := domain.EncodeJSON(&b, d2); err != nil {
		t.Fatal(err)
	}
	// The order of the dotted-line links means nothing, and a table
	// lists them by the row they start from.
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if links, ok := m["links"].([]any); ok {
		slices.SortStableFunc(links, func(a, b any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// formats are the ways a document goes out and comes back.
var formats = []struct {
	name  string
	write func(*bytes.Buffer, *domain.Document) error
	read  func(*bytes.Buffer) (*domain.Document, error)
}{
	{"csv", func(b *bytes.Buffer, d *domain.Document) error { return WriteCSV(b, d) },
		func(b *bytes.Buffer) (*domain.Document, error) { return ReadCSV(b) }},
	{"csv-en", func(b *bytes.Buffer, d *domain.Document) error { return Options{English: true}.WriteCSV(b, d) },
		func(b *bytes.Buffer) (*domain.Document, error) { return ReadCSV(b) }},
	{"xlsx", func(b *bytes.Buffer, d *domain.Document) error { return WriteXLSX(b, d) },
		func(b *bytes.Buffer) (*domain.Document, error) { return ReadXLSX(b) }},
	{"xlsx-en", func(b *bytes.Buffer, d *domain.Document) error { return Options{English: true}.WriteXLSX(b, d) },
		func(b *bytes.Buffer) (*domain.Document, error) { return ReadXLSX(b) }},
}

// roundTrip writes d in each format, reads it back and checks that the
// tree is the same; the document's own fields are the caller's to keep.
func roundTrip(t *testing.T, name string, d *domain.Document) {
	t.Helper()
	want := canon(t, d)
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.write(&b, d); err != nil {
			t.Fatalf("%s %s: write: %v", name, f.name, err)
		}
		got, err := f.read(&b)
		if err != nil {
			t.Fatalf("%s %s: read: %v", name, f.name, err)
		}
		got.Info = d.Info
		if g := canon(t, got); g != want {
			t.Errorf("%s %s: the tree changed\n%s", name, f.name, firstDiff(g, want))
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(g), len(w))
}

func TestRoundTripEveryTemplate(t *testing.T) {
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, tm.ID, d)
	}
}

// Awkward text for random documents: separators, quotes, line breaks,
// formulas, item numbers, emoji, combining marks.
var (
	randomNames = []string{"总经理", "生产部", `引号"名称"`, "逗号,分号;", "=SUM(A1:A3)", "😀 助理", "Ops lead",
		"e\u0301cole", "班组长（兼）", "👨‍👩‍👧 家庭", "'前导撇号", "1号楼管家"}
	randomTexts = []string{"", "经理级", "早班 6:00—14:00\n晚班 14:00—22:00", "  前后空格  ", "含\"引号\"和,逗号", "=1+2", "\t制表符"}
	randomItems = []string{"1、负责接听热线\n2、做好记录", "（一）组织生产\n（二）2.5倍加班费", "- 本科\n- 三年经验",
		"1、2、以编号开头的一条", "单独一条 😀", "含,逗号；和\"引号\"的一条"}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// randomDocument builds a document through the editor's own commands.
func randomDocument(t testing.TB, r *rand.Rand, size int) *domain.Document {
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	var ids []domain.NodeID
	do := func(c domain.Command) {
		if err := h.Do(c); err != nil && !errors.Is(err, domain.ErrHeadNeedUnit) {
			t.Fatalf("%s: %v", c.Label(), err)
		}
	}
	for range size {
		parent := domain.NodeID(0)
		if len(ids) > 0 && r.IntN(8) > 0 {
			parent = pick(r, ids)
		}
		add := domain.AddChild(parent, domain.Kind(r.IntN(3)), pick(r, randomNames))
		do(add)
		id := add.ID
		ids = append(ids, id)
		do(domain.SetPlanned(id, r.IntN(30)))
		if r.IntN(3) == 0 {
			do(domain.SetFilled(id, r.IntN(30)))
		}
		do(domain.SetConcurrent(id, r.IntN(5) == 0))
		do(domain.SetGrade(id, pick(r, randomTexts)))
		do(domain.SetHours(id, pick(r, randomTexts)))
		do(domain.SetNotes(id, pick(r, randomTexts)))
		for _, l := range []domain.List{domain.Duties, domain.Qualifications, domain.Functions} {
			if r.IntN(2) == 0 {
				do(domain.InsertItems(id, l, -1, pick(r, randomItems)))
			}
		}
		if r.IntN(4) == 0 {
			do(&domain.SetHead{ID: id, On: true})
		}
	}
	// Deleting and moving leave gaps in the ids and reorder siblings.
	for range size / 5 {
		do(&domain.Move{ID: pick(r, ids), NewParent: 0, Index: r.IntN(3)})
	}
	for range size / 10 {
		if id := pick(r, ids); d.Node(id) != nil {
			do(&domain.DeleteNode{ID: id})
		}
	}
	var live []domain.NodeID
	d.Walk(func(n *domain.Node) bool { live = append(live, n.ID); return true })
	for range len(live) / 4 {
		a, b := pick(r, live), pick(r, live)
		if a != b {
			do(&domain.AddLink{From: a, To: b, Text: pick(r, []string{"", "转交客户问题", "a: b"})})
		}
	}
	return d
}

func TestRoundTripRandomDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	heads, links, assistants := 0, 0, 0
	for i := range 40 {
		d := randomDocument(t, r, 1+r.IntN(40))
		roundTrip(t, fmt.Sprintf("random %d", i), d)
		links += len(d.Links())
		d.Walk(func(n *domain.Node) bool {
			if n.Head {
				heads++
			}
			if n.Kind == domain.KindAssistant {
				assistants++
			}
			return true
		})
	}
	// The random documents must really hold what the table carries.
	if heads < 10 || links < 10 || assistants < 10 {
		t.Errorf("weak random documents: %d heads, %d links, %d assistants", heads, links, assistants)
	}
}

func mustRead(t *testing.T, csvText string) *domain.Document {
	t.Helper()
	d, err := ReadCSV(strings.NewReader(csvText))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	return d
}

// A staffing table as people keep it: a title row, English or Chinese
// headers in any order and case, parents after their children, blank
// kinds, headcounts written "3人".
func TestReadForgivingTable(t *testing.T) {
	d := mustRead(t, "物业部人员编制表,,,,\n"+
		"NAME,parent_ID,编制,Id,kind\n"+
		"客服,10,3人,11,\n"+
		"经理,1,１,2,POSITION\n"+
		"客户服务中心,1,,10,\n"+
		"物业服务部,,,1,部门\n"+
		"主管,10,1,12,岗位\n"+
		",,,,\n"+
		"出纳,1,1.0,13,\n")
	var got []string
	d.Walk(func(n *domain.Node) bool {
		got = append(got, fmt.Sprintf("%s/%s/%d", d.Path(n.ID), n.Kind, n.Planned))
		return true
	})
	want := []string{
		"[物业服务部]/unit/0",
		"[物业服务部 经理]/position/1",
		"[物业服务部 客户服务中心]/unit/0",
		"[物业服务部 客户服务中心 客服]/position/3",
		"[物业服务部 客户服务中心 主管]/position/1",
		"[物业服务部 出纳]/position/1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
	if d.Info.Title != domain.NewDocument().Info.Title {
		t.Errorf("the document fields are not a table's: %+v", d.Info)
	}
}

func TestListCellsAndLinks(t *testing.T) {
	d := mustRead(t, "编号,上级编号,类型,名称,岗位职责,虚线汇报\n"+
		"1,,部门,部,,\n"+
		"2,1,岗位,甲,\"1、接听热线\r\n2、做好记录\n\n（三）回访\",3：转交问题\n"+
		"3,1,岗位,乙,,\n")
	a := d.Node(2)
	if !slices.Equal(a.Duties, []string{"接听热线", "做好记录", "回访"}) {
		t.Errorf("duties %q", a.Duties)
	}
	if l := d.Links(); len(l) != 1 || l[0].From != 2 || l[0].To != 3 || l[0].Label != "转交问题" {
		t.Errorf("links %+v", l)
	}
}

// Every bad row is reported with its row number, and nothing is
// imported.
func TestBadRowsAreAllReported(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("编号,上级编号,类型,名称,编制,在岗,负责人\n" +
		"1,,部门,部,,,\n" + // 2: fine
		"2,9,岗位,甲,1,,\n" + // 3: unknown parent
		"3,4,岗位,乙,1,,\n" + // 4: cycle 3 → 4 → 3
		"4,3,岗位,丙,1,,\n" + // 5: the same cycle, reported once at row 4
		"1,,岗位,丁,1,,\n" + // 6: duplicate id
		"5,1,岗位,戊,-2,,\n" + // 7: negative
		"6,1,岗位,己,三,,\n" + // 8: not a number
		"7,1,岗位,,1,,\n" + // 9: missing name
		"8,1,科室,庚,1,,\n" + // 10: unknown kind
		"10,1,岗位,辛,1,1.5,\n" + // 11: not whole
		"11,1,岗位,壬,1,,是\n" + // 12: head, fine
		"12,1,岗位,癸,1,,是\n" + // 13: second head
		"13,,岗位,子,1,,是\n" + // 14: head outside a unit
		"14,1,岗位,丑,1,,也许\n")) // 15: not yes or no
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("want ErrorList, got %v", err)
	}
	var rows []int
	for _, e := range el {
		rows = append(rows, e.Row)
		if e.Msg == "" || e.Zh == "" {
			t.Errorf("incomplete %+v", e)
		}
	}
	if want := []int{3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 15}; !slices.Equal(rows, want) {
		t.Errorf("rows %v, want %v\n%s", rows, want, el.Text(true))
	}
	for _, want := range []string{"第 4 行“上级编号”列：上级编号形成了循环：第 4 → 5 → 4 行", "row 6, column \"编号\": the id \"1\" is also on row 2"} {
		if !strings.Contains(el.Text(true)+"\n"+el.Error(), want) {
			t.Errorf("messages lack %q:\n%s\n%s", want, el.Text(true), el.Error())
		}
	}
}

func TestHeaderProblems(t *testing.T) {
	for text, want := range map[string]string{
		"编号,编制\n1,2\n":   "no name column (名称) nor a position column",
		"名称,Name\n甲,乙\n": "appears twice",
		"":               "empty",
		"名称,编制\n":        "no rows",
	} {
		_, err := ReadCSV(strings.NewReader(text))
		var el ErrorList
		if !errors.As(err, &el) || !strings.Contains(el.Error(), want) || el[0].Row < 1 {
			t.Errorf("%q: got %v, want %q", text, err, want)
		}
	}
}

// Excel on Chinese Windows saves CSV in GB18030 (GBK) or UTF-16; a table
// copied out of Excel is separated by tabs.
func TestEncodingsAndSeparators(t *testing.T) {
	table := "名称,编制\n客服部经理,1\n客服热线员,3\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(table)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(table)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"utf-8":     table,
		"utf-8 BOM": "\ufeff" + table,
		"gb18030":   gbk,
		"utf-16":    utf16,
		"tabs":      strings.ReplaceAll(table, ",", "\t"),
		"semicolon": strings.ReplaceAll(table, ",", ";"),
	} {
		d, err := ReadCSV(strings.NewReader(text))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d.Len() != 2 || d.Node(2).Name != "客服热线员" || d.Total().Planned != 4 {
			t.Errorf("%s: %d boxes, total %d", name, d.Len(), d.Total().Planned)
		}
	}
}

func TestCSVStartsWithBOMAndUsesCRLF(t *testing.T) {
	d, err := assets.LoadTemplate("hotline-centre")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeff编号,上级编号,类型,名称,编制,在岗,职务等级,兼职,负责人,工作时间,岗位职责,任职资格,部门职能,备注,虚线汇报,排班定编,岗位编号,薪资等级,岗位概述,工作权限,学历,专业,工作经验,技能,证书,其他要求,内部协作,外部联系,考核指标,外部上级\r\n")) {
		t.Errorf("starts %q", b.String()[:80])
	}
	if !strings.Contains(b.String(), "\"1、在公司的领导下") {
		t.Errorf("duties are not numbered:\n%s", b.String())
	}
}

// The rows of a workbook are numbered as Excel shows them, blank rows
// included.
func TestXLSXRowNumbers(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range map[string]string{
		"A1": "某公司编制表",
		"A3": "名称", "B3": "编制",
		"A4": "甲", "B4": "1",
		"A7": "乙", "B7": "两",
	} {
		f.SetCellValue("Sheet1", cell, v)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	_, err := ReadXLSX(&b)
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Row != 7 || el[0].Column != "编制" {
		t.Errorf("got %v", err)
	}
}

func TestNotAWorkbook(t *testing.T) {
	if _, err := ReadXLSX(strings.NewReader("名称,编制\n")); err == nil {
		t.Error("a CSV read as a workbook")
	}
}

func TestTooLongForExcel(t *testing.T) {
	d := domain.NewDocument()
	add := domain.AddChild(0, domain.KindPosition, "岗")
	if _, err := add.Do(d); err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("长", 19000)
	for range 2 {
		if _, err := domain.InsertItems(add.ID, domain.Duties, -1, text).Do(d); err != nil {
			t.Fatal(err)
		}
	}
	err := WriteXLSX(&bytes.Buffer{}, d)
	if err == nil || !strings.Contains(err.Error(), "Duties") {
		t.Errorf("got %v", err)
	}
}

func TestImportByExtension(t *testing.T) {
	d, err := Import("部门.txt", strings.NewReader("部\n  岗(2人)\n"))
	if err != nil || d.Total().Planned != 2 {
		t.Errorf("outline: %v", err)
	}
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String("部\n  岗(3人)\n")
	if d, err := Import("GBK.TXT", strings.NewReader(gbk)); err != nil || d.Total().Planned != 3 {
		t.Errorf("GBK outline: %v", err)
	}
	if d, err := Import("表.csv", strings.NewReader("名称,编制\n岗,4\n")); err != nil || d.Total().Planned != 4 {
		t.Errorf("csv: %v", err)
	}
	for _, name := range []string{"old.xls", "chart.docx", "chart.pdf"} {
		if _, err := Import(name, strings.NewReader("")); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestInvalidCharactersNameTheirRow(t *testing.T) {
	// A NUL (or bytes that are not text) in a cell is refused at its row
	// and column, as every other bad cell is.
	_, err := ReadCSV(strings.NewReader("名称,岗位职责\n甲,接听来电\n丙\x00丁,\n戊,记录\x00问题\n"))
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 2 {
		t.Fatalf("err = %v, want two row errors", err)
	}
	if el[0].Row != 3 || el[0].Column != "名称" || el[1].Row != 4 || el[1].Column != "岗位职责" || !strings.Contains(el[0].Zh, "无效字符") {
		t.Fatalf("errors %+v", el)
	}
}
