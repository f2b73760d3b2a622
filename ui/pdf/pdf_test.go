package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// expectedChart lists what a reader must find in a chart PDF: every box's
// name, the sign-off roles and names, the title block's particulars and
// the planned total.
func expectedChart(d *domain.Document) []string {
	want := []string{d.Info.Title, d.Info.Company, d.Info.Version, d.Info.Confidentiality}
	d.Walk(func(n *domain.Node) bool { want = append(want, n.Name); return true })
	for _, s := range d.Info.SignOffs {
		want = append(want, s.Role, s.Name, s.Date)
	}
	return want
}

// expectedBook lists what a reader must find in the book: everything of
// the chart, every duty, qualification and function, and the staffing
// table's subtotals and total.
func expectedBook(d *domain.Document) []string {
	want := append(expectedChart(d), fmt.Sprintf("编制合计%d人", d.Total().Planned), d.Info.Notes)
	sub := map[domain.NodeID]int{}
	listed := map[domain.NodeID]int{} // positions directly in each unit
	d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			listed[d.UnitOf(n.ID)]++
		}
		want = append(want, n.Notes)
		want = append(want, n.Duties...)
		want = append(want, n.Qualifications...)
		want = append(want, n.Functions...)
		if n.Kind.IsPosition() && !n.Concurrent {
			sub[d.UnitOf(n.ID)] += n.Planned
		}
		if n.Hours != "" {
			want = append(want, n.Hours)
		}
		return true
	})
	for u, v := range sub {
		if listed[u] > 1 { // a single position is its own subtotal
			want = append(want, fmt.Sprintf("小计%d", v))
		}
	}
	return append(want, fmt.Sprintf("合计%d", d.Total().Planned), "岗位名称", "所属部门", "编制人数", "直接上级", "直接下级", "目录")
}

// checkContains demands every item, with white space removed, in the
// squeezed text: no character lost or added inside an item.
func checkContains(t *testing.T, path, squeezed string, items []string) {
	t.Helper()
	missing := 0
	for _, it := range items {
		if s := squeeze(it); s != "" && !strings.Contains(squeezed, s) {
			if missing++; missing <= 5 {
				if r := []rune(it); len(r) > 60 {
					it = string(r[:60]) + "…"
				}
				t.Errorf("%s: %q not found in the text", path, it)
			}
		}
	}
	if missing > 5 {
		t.Errorf("%s: %d items missing in all", path, missing)
	}
}

// TestTemplates exports every template's chart in each mode and its book,
// and reads them back.
func TestTemplates(t *testing.T) {
	needPoppler(t)
	for _, tm := range assets.Templates() {
		t.Run(tm.ID, func(t *testing.T) {
			t.Parallel()
			d, err := assets.LoadTemplate(tm.ID)
			if err != nil {
				t.Fatal(err)
			}
			positions := 0
			d.Walk(func(n *domain.Node) bool {
				if n.Kind.IsPosition() {
					positions++
				}
				return true
			})
			for _, m := range []Mode{Fit, Tile, Split} {
				path, r := write(t, tm.ID+"-chart-"+m.String(), chartFn, d, Options{Paper: "A3", Landscape: true, Mode: m})
				txt := text(t, path)
				checkContains(t, path, body(txt, d), append(expectedChart(d), fmt.Sprintf("编制合计：%d人", d.Total().Planned)))
				checkLineStarts(t, path, txt)
				checkFonts(t, path)
				if got := pages(t, path); got != r.Pages {
					t.Errorf("%s: %d pages, report says %d", path, got, r.Pages)
				}
				if want := fmt.Sprintf("第1页共%d页", r.Pages); !strings.Contains(squeeze(txt), want) {
					t.Errorf("%s: no %q", path, want)
				}
				if m == Fit && len(r.Warnings) == 0 && r.Pages != 1 {
					t.Errorf("%s: fit mode without a warning gave %d pages", path, r.Pages)
				}
			}
			for _, m := range []Mode{Fit, Tile, Split} {
				path, r := write(t, tm.ID+"-book-"+m.String(), bookFn, d, Options{Paper: "A4", Mode: m})
				txt := text(t, path)
				checkContains(t, path, body(txt, d), expectedBook(d))
				// A part nobody wrote is left out, not printed as a
				// placeholder.
				if strings.Contains(txt, "未填写") {
					t.Errorf("%s: the book prints 未填写", path)
				}
				checkLineStarts(t, path, txt)
				checkFonts(t, path)
				// Cover, contents, chart, staffing table, then a page per
				// position at least.
				if got := pages(t, path); got != r.Pages || got < positions+4 {
					t.Errorf("%s: %d pages (report %d) for %d positions", path, got, r.Pages, positions)
				}
				if len(r.Unprintable) != 0 {
					t.Errorf("%s: template has unprintable characters %q", path, r.Unprintable)
				}
			}
		})
	}
}

// TestFitIsOnePage checks that the small templates fit on one A4 page with
// legible text and no warning.
func TestFitIsOnePage(t *testing.T) {
	for _, id := range []string{"sme-service", "service-firm", "hotline-centre", "company-functions"} {
		d, err := assets.LoadTemplate(id)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		r, err := Chart(&buf, d, Options{Paper: "A4"})
		if err != nil {
			t.Fatal(err)
		}
		if r.Pages != 1 || len(r.Warnings) != 0 {
			t.Errorf("%s: %d pages, warnings %q", id, r.Pages, r.Warnings)
		}
	}
}

// TestPaperSizes checks that the pages are as large as asked: A4, A3 and
// A2, upright or turned.
func TestPaperSizes(t *testing.T) {
	needPoppler(t)
	d, _ := assets.LoadTemplate("sme-service")
	for _, tc := range []struct {
		paper     string
		landscape bool
		want      string
	}{
		{"A4", false, "595.28 x 841.89"},
		{"a3", true, "1190.55 x 841.89"},
		{"A2", false, "1190.55 x 1683.78"},
	} {
		path, _ := write(t, "paper-"+tc.paper, chartFn, d, Options{Paper: tc.paper, Landscape: tc.landscape})
		if info := run(t, "pdfinfo", path); !strings.Contains(info, "Page size:       "+tc.want) {
			t.Errorf("%s landscape=%v: %s", tc.paper, tc.landscape, info)
		}
	}
	if _, err := Chart(&bytes.Buffer{}, d, Options{Paper: "Letter"}); err == nil {
		t.Error("unknown paper accepted")
	}

	// The book stays upright; its chart page (page 3) turns for a wide
	// chart.
	path, _ := write(t, "paper-book", bookFn, mustTemplate(t, "tech-firm"), Options{Paper: "A4", Landscape: true})
	info := run(t, "pdfinfo", "-f", "1", "-l", "4", path)
	for _, want := range []string{"Page    1 size:  595.28 x 841.89", "Page    2 size:  595.28 x 841.89",
		"Page    3 size:  841.89 x 595.28", "Page    4 size:  595.28 x 841.89"} {
		if !strings.Contains(info, want) {
			t.Errorf("book: no %q in\n%s", want, info)
		}
	}
}

// TestSignOffsPrinted checks that filled sign-off rows print names and
// dates, in both PDFs, and that the status and the stated total show.
func TestSignOffsPrinted(t *testing.T) {
	needPoppler(t)
	d, _ := assets.LoadTemplate("property-service")
	d.Info.SignOffs = []domain.SignOff{{Role: "编制", Name: "李明", Date: "2024-03-01"}, {Role: "审核", Name: "王芳"}, {Role: "批准"}}
	d.Info.Status, d.Info.EffectiveDate = domain.Approved, "2024-04-01"
	d.Info.StatedTotal = 56 // the positions add up to 54
	for _, fn := range []struct {
		name string
		f    exportFn
	}{{"chart", chartFn}, {"book", bookFn}} {
		path, _ := write(t, "signoff-"+fn.name, fn.f, d, Options{Paper: "A3", Landscape: true})
		sq := squeeze(text(t, path))
		for _, want := range []string{"李明", "2024-03-01", "王芳", "已批准", "2024-04-01", "文件写明56人"} {
			if !strings.Contains(sq, want) {
				t.Errorf("%s: %q missing", path, want)
			}
		}
	}
}

// TestUnprintableCharacters puts a rare ideograph beyond the Basic
// Multilingual Plane and emoji into names, duties and the title: the
// export must not panic, must print a substitute and must name the
// characters in its warnings.
func TestUnprintableCharacters(t *testing.T) {
	needPoppler(t)
	d, _ := assets.LoadTemplate("sme-service")
	d.Info.Title = "客服部😀组织架构"
	var pos domain.NodeID
	d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() && pos == 0 {
			pos = n.ID
		}
		return true
	})
	for _, cmd := range []domain.Command{
		domain.Rename(pos, "张𠀀经理"),
		domain.InsertItems(pos, domain.Duties, 0, "点赞👍🏻并回复❤️客户"),
	} {
		if _, err := cmd.Do(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, fn := range []struct {
		name string
		f    exportFn
	}{{"chart", chartFn}, {"book", bookFn}} {
		path, r := write(t, "unprintable-"+fn.name, fn.f, d, Options{})
		sq := squeeze(text(t, path))
		for _, want := range []string{"张□经理", "客服部□组织架构"} {
			if !strings.Contains(sq, want) {
				t.Errorf("%s: %q missing", path, want)
			}
		}
		all := strings.Join(r.Warnings, "\n")
		for _, r := range []string{"𠀀", "😀"} {
			if !strings.Contains(all, r) {
				t.Errorf("%s: warnings do not name %s: %q", fn.name, r, r)
			}
		}
		if fn.name == "book" && !strings.Contains(sq, "点赞□□并回复") {
			t.Errorf("%s: emoji with skin tone not replaced as expected", path)
		}
	}
}

// TestEmptyDocument prints a document without boxes.
func TestEmptyDocument(t *testing.T) {
	needPoppler(t)
	d := domain.NewDocument()
	path, r := write(t, "empty-chart", chartFn, d, Options{})
	if r.Pages != 1 || pages(t, path) != 1 {
		t.Errorf("empty chart: %d pages", r.Pages)
	}
	checkContains(t, path, squeeze(text(t, path)), []string{"空白图表", "编制", "审核", "批准", "编制合计：0人"})
	for _, m := range []Mode{Tile, Split} {
		if _, err := Chart(&bytes.Buffer{}, d, Options{Mode: m}); err != nil {
			t.Errorf("empty chart, %s: %v", m, err)
		}
	}
	path, r = write(t, "empty-book", bookFn, d, Options{})
	checkContains(t, path, squeeze(text(t, path)), []string{"目录", "人员编制表", "合计0", "尚未添加岗位"})
	if r.Pages < 4 {
		t.Errorf("empty book: %d pages", r.Pages)
	}
}

// TestLongDuty flows a 10,000-character duty across pages.
func TestLongDuty(t *testing.T) {
	needPoppler(t)
	d, _ := assets.LoadTemplate("sme-service")
	var b strings.Builder
	for b.Len() < 3*10000 {
		b.WriteString("负责客户投诉的受理、登记、分派和回访，确保在24小时内答复（重大投诉4小时内），并按ISO9001要求归档；")
	}
	long := string([]rune(b.String())[:10000])
	var pos domain.NodeID
	d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() && pos == 0 {
			pos = n.ID
		}
		return true
	})
	if _, err := domain.InsertItems(pos, domain.Duties, 1, long).Do(d); err != nil {
		t.Fatal(err)
	}
	path, r := write(t, "long-duty", bookFn, d, Options{})
	txt := text(t, path)
	checkContains(t, path, body(txt, d), expectedBook(d))
	checkLineStarts(t, path, txt)
	plain, _ := write(t, "short-duty", bookFn, mustTemplate(t, "sme-service"), Options{})
	if r.Pages < pages(t, plain)+3 {
		t.Errorf("a 10,000-character duty added only %d pages", r.Pages-pages(t, plain))
	}
}

func mustTemplate(t testing.TB, id string) *domain.Document {
	d, err := assets.LoadTemplate(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestLargeChart prints 5,000 positions tiled and split: every box name
// must be on some page, and no page of the split chart may set text below
// the minimum.
func TestLargeChart(t *testing.T) {
	needPoppler(t)
	d := bigDoc(5000, 0)
	for _, m := range []Mode{Tile, Split, Fit} {
		path, r := write(t, "large-"+m.String(), chartFn, d, Options{Paper: "A3", Landscape: true, Mode: m})
		sq := squeeze(text(t, path))
		// Box names repeat (组长, 专员1); the unit names are unique.
		var units []string
		d.Walk(func(n *domain.Node) bool {
			if n.Kind == domain.KindUnit {
				units = append(units, n.Name)
			}
			return true
		})
		checkContains(t, path, sq, units)
		if r.Pages < 10 {
			t.Errorf("%s: 5,000 boxes on %d pages", m, r.Pages)
		}
		t.Logf("%s: %d pages, warnings %q", m, r.Pages, r.Warnings)
	}
}

// TestLegibleText checks, on the laid-out pages, that no chart text is set
// below MinTextSize in fit and split modes, however large the chart.
func TestLegibleText(t *testing.T) {
	for _, d := range []*domain.Document{bigDoc(600, 0), mustTemplate(t, "service-group"), mustTemplate(t, "large-service")} {
		for _, m := range []Mode{Fit, Split, Tile} {
			c, err := newComposer(d, Options{Mode: m})
			if err != nil {
				t.Fatal(err)
			}
			sheets, err := c.chartDocument()
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range sheets {
				for _, mk := range s.marks {
					if mk.kind == markText && mk.size < MinTextSize-1e-9 {
						t.Fatalf("%s, %s, page %d: %q at %.2f pt", d.Info.Title, m, i+1, mk.text, mk.size)
					}
				}
			}
		}
	}
}

// TestBookFlow checks the page breaks of a large book on the laid-out
// pages: no heading is the last thing on its page, the staffing table's
// column titles head every page it covers, and nothing is drawn below the
// bottom margin except the footer.
func TestBookFlow(t *testing.T) {
	d := bigDoc(400, 6)
	c, err := newComposer(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := c.book()
	if err != nil {
		t.Fatal(err)
	}
	isHeading := func(m mark) bool {
		return m.kind == markText && m.bold && (m.size == fH1.size || m.size == fH2.size || m.size == fH3.size)
	}
	tablePages := 0
	for i, s := range sheets {
		if s.plain || s.w > s.h {
			continue // the cover, and chart pages in landscape
		}
		var body []mark
		for _, m := range s.marks {
			if m.kind == markText && m.y > bookTop-10 && m.y < s.h-bookBottom {
				body = append(body, m)
			}
			if m.kind == markText && m.y > s.h-bookBottom && m.y < s.h-bookBottom/2-1 {
				t.Errorf("page %d: %q drawn in the bottom margin", i+1, m.text)
			}
		}
		if len(body) > 0 && isHeading(body[len(body)-1]) {
			t.Errorf("page %d ends with the heading %q", i+1, body[len(body)-1].text)
		}
		hasRow, hasHeader := false, false
		for _, m := range body {
			if strings.HasPrefix(m.text, "事业部") && m.size == fSmall.size && !m.bold {
				hasRow = true
			}
			if m.text == "直接上级" && m.bold && m.size == fSmall.size {
				hasHeader = true
			}
		}
		if hasRow {
			tablePages++
			if !hasHeader {
				t.Errorf("page %d: staffing table rows without the column titles", i+1)
			}
		}
	}
	if tablePages < 3 {
		t.Errorf("the staffing table of 400 positions covers only %d pages", tablePages)
	}
}

// TestHugeCell gives a manager 500 direct subordinates: the 直接下级 row
// is taller than a page and must break between lines, losing nothing.
func TestHugeCell(t *testing.T) {
	needPoppler(t)
	info := domain.NewDocument().Info
	nodes := []domain.Node{{ID: 1, Kind: domain.KindUnit, Name: "大部门"}, {ID: 2, Parent: 1, Kind: domain.KindPosition, Name: "部门经理", Head: true, Planned: 1}}
	var want []string
	for i := range 500 {
		name := fmt.Sprintf("岗位%04d", i+1)
		nodes = append(nodes, domain.Node{ID: domain.NodeID(i + 3), Parent: 1, Kind: domain.KindPosition, Name: name, Planned: 1})
		want = append(want, name)
	}
	d, err := domain.Restore(info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, "huge-cell", bookFn, d, Options{})
	sq := squeeze(text(t, path))
	checkContains(t, path, sq, want)
	// The list continues from page to page, where the running footer and
	// header come between two names: only there may a pair be apart.
	apart := 0
	for i := 1; i < len(want); i++ {
		if !strings.Contains(sq, want[i-1]+"、"+want[i]) {
			apart++
		}
	}
	if apart == 0 || apart > 5 {
		t.Errorf("the subordinates are apart at %d places; want a few page breaks", apart)
	}
}

// TestModes checks the mode names the command line uses.
func TestModes(t *testing.T) {
	for _, m := range []Mode{Fit, Tile, Split} {
		got, err := ParseMode(strings.ToUpper(m.String()))
		if err != nil || got != m {
			t.Errorf("ParseMode(%q) = %v, %v", m.String(), got, err)
		}
	}
	if _, err := ParseMode("poster"); err == nil {
		t.Error("ParseMode accepted poster")
	}
}

// TestContentsPageNumbers reads the table of contents of a book and checks
// that every entry's page holds its heading.
func TestContentsPageNumbers(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "service-group")
	path, r := write(t, "contents", bookFn, d, Options{})
	pageText := map[int]string{}
	page := func(n int) string {
		if _, ok := pageText[n]; !ok {
			pageText[n] = squeeze(run(t, "pdftotext", "-raw", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-"))
		}
		return pageText[n]
	}
	entry := regexp.MustCompile(`^(\d+(?:\.\d+)* \S.*?)\s+(\d+)$`)
	checked := 0
	// The contents start on page 2 and end where a page has no entry.
	for p := 2; p <= r.Pages; p++ {
		found := 0
		for _, l := range strings.Split(run(t, "pdftotext", "-raw", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), path, "-"), "\n") {
			m := entry.FindStringSubmatch(strings.TrimSpace(l))
			if m == nil {
				continue
			}
			found++
			n, _ := strconv.Atoi(m[2])
			if n <= p || n > r.Pages {
				t.Fatalf("entry %q points at page %d of %d", m[1], n, r.Pages)
			}
			if !strings.Contains(page(n), squeeze(m[1])) {
				t.Errorf("entry %q: page %d does not hold the heading", m[1], n)
			}
		}
		if found == 0 {
			break
		}
		checked += found
	}
	if checked < 40 {
		t.Errorf("only %d contents entries checked", checked)
	}
}
