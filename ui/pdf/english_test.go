package pdf

import (
	"strings"
	"testing"
	"unicode"

	"orgdraft/domain"
)

// englishDoc is a document written in English (ASCII) throughout but for
// what a Chinese office would type anyway: the customary sign-off roles,
// one role of its own (会签) and a date in Chinese. It has everything the
// PDFs label: units with functions, hours and notes, a head, an assistant,
// a concurrent position, people in post and a vacancy, two positions of
// one name, a dotted line, a stated total that differs, an approved
// status, an emoji and a title too long for the page.
func englishDoc(t testing.TB) *domain.Document {
	t.Helper()
	const js = `{
  "title": "Customer Service Organization and Job Responsibilities of the Company, Version for the Parent Company's Review Board Meeting of December, with All Units Listed in Full for the Auditors",
  "company": "ACME Ltd",
  "version": "V2.0",
  "status": "approved",
  "effectiveDate": "2026-01-01",
  "confidentiality": "Internal",
  "statedTotal": 40,
  "notes": "Adjust to the business.",
  "signOffs": [
    {"role": "编制", "name": "Li Ming", "date": "2025-12-01"},
    {"role": "审核", "name": "Wang Fang", "date": ""},
    {"role": "批准", "name": "", "date": "2025年12月20日"},
    {"role": "会签", "name": "Zhao", "date": ""}
  ],
  "nodes": [{
    "kind": "unit", "name": "Service", "functions": ["Serve customers."], "hours": "9-18", "notes": "Busy in spring.",
    "children": [
      {"kind": "position", "name": "Manager", "head": true, "planned": 1, "filled": 1, "grade": "M1",
       "duties": ["Lead the team."], "qualifications": ["Five years."], "key": "m"},
      {"kind": "assistant", "name": "Assistant", "planned": 1, "filled": 1},
      {"kind": "position", "name": "Clerk", "planned": 2, "filled": 1, "concurrent": true},
      {"kind": "unit", "name": "Hotline", "functions": ["Answer calls."], "children": [
        {"kind": "position", "name": "Lead", "head": true, "planned": 1, "filled": 1},
        {"kind": "position", "name": "Agent 😀", "planned": 6, "filled": 4, "key": "a"},
        {"kind": "position", "name": "Clerk", "planned": 1, "filled": 1}
      ]},
      {"kind": "unit", "name": "Field", "children": [
        {"kind": "position", "name": "Engineer", "planned": 3, "filled": 3}
      ]}
    ]
  }],
  "links": [{"from": "a", "to": "m", "label": "escalation"}]
}`
	d, err := domain.DecodeJSON(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// han returns the Han characters of s, in order.
func han(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestEnglishPrint prints both PDFs of an English document in English, in
// every chart mode: no Chinese is left but what the user wrote (and the
// box words of ui/chart), the labels are English, the customary sign-off
// roles are printed in English and a role of the user's own as written,
// and every warning is English.
func TestEnglishPrint(t *testing.T) {
	needPoppler(t)
	d := englishDoc(t)
	o := Options{Language: domain.English, Messages: domain.English}
	cases := []struct {
		name string
		fn   exportFn
		mode Mode
		want []string
	}{
		{"chart-fit", chartFn, Fit, []string{"Page1of1", "Version:V2.0", "Status:Approved", "Effective:2026-01-01",
			"Confidentiality:Internal", "Plannedtotal:13(thedocumentstates40)", "Legend", "Unit", "Head", "Vacancy",
			"Dotted-linereport", "Sign-off", "Name", "Date", "Preparedby", "Reviewedby", "Approvedby"}},
		{"chart-split", chartFn, Split, []string{"Overview", "Page1of"}},
		{"chart-tile", chartFn, Tile, []string{"Assemblymap:1×3tiles(rows×columns),3pages;alignthecrossmarks", "TileA1(row1,column1of"}},
		{"book", bookFn, Fit, []string{"JobResponsibilityBook", "Contents", "1Organizationchart", "2Unitfunctions",
			"3Staffingtable", "4Positiondescriptions", "Head:Manager", "Plannedheadcount:13", "Workinghours:9-18",
			"Notes", "Subtotal", "Total", "Thedocumentstates40", "Clerk(concurrent)", "Clerk(Hotline)",
			"Note:positionsmarked(concurrent)", "Position", "Reportsto", "Directreports", "Duties", "Qualifications",
			"(Noneentered.)", "1(1inpost)", "Preparedby", "Reviewedby", "Approvedby", "Sign-off"}},
	}
	// Tiles need a chart wider than the page: a row of twelve engineers.
	wide := d.Clone()
	var field domain.NodeID
	wide.Walk(func(n *domain.Node) bool {
		if n.Name == "Field" {
			field = n.ID
		}
		return true
	})
	for _, cmd := range []domain.Command{domain.SetLeaves(field, domain.LeavesRow), domain.AddChild(field, domain.KindPosition, "Engineer")} {
		for range 12 {
			if _, err := cmd.Do(wide); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range cases {
		o.Mode = c.mode
		doc := d
		if c.mode == Tile {
			doc = wide
		}
		path, r := write(t, "english-"+c.name, c.fn, doc, o)
		checkFonts(t, path)
		sq := squeeze(text(t, path))
		for _, w := range c.want {
			if !strings.Contains(sq, w) {
				t.Errorf("%s: %q missing", c.name, w)
			}
		}
		// The user's own words stay as written.
		for _, w := range []string{"会签", "2025年12月20日"} {
			if !strings.Contains(sq, w) {
				t.Errorf("%s: the user's %q is not printed as written", c.name, w)
			}
			sq = strings.ReplaceAll(sq, w, "")
		}
		if h := han(sq); h != "" {
			t.Errorf("%s: Chinese printed in English: %q", c.name, h)
		}
		if len(r.Warnings) < 2 {
			t.Errorf("%s: warnings %q; want the emoji and the long title", c.name, r.Warnings)
		}
		for _, w := range r.Warnings {
			if h := han(w); h != "" {
				t.Errorf("%s: warning in Chinese: %q", c.name, w)
			}
		}
	}
}

// TestChineseByDefault prints the same document without options: Chinese
// labels and roles, warnings in Chinese; and with English labels, the
// warnings follow Messages, not the paper.
func TestChineseByDefault(t *testing.T) {
	needPoppler(t)
	d := englishDoc(t)
	path, r := write(t, "chinese-default-book", bookFn, d, Options{})
	sq := squeeze(text(t, path))
	for _, w := range []string{"目录", "第2页共", "编制", "审核", "批准", "会签", "岗位职责", "人员编制表", "直接上级", "已批准", "文件写明40人"} {
		if !strings.Contains(sq, w) {
			t.Errorf("%q missing from the Chinese book", w)
		}
	}
	for _, w := range []string{"Preparedby", "Contents", "Pageof"} {
		if strings.Contains(sq, w) {
			t.Errorf("the Chinese book prints %q", w)
		}
	}
	if len(r.Warnings) == 0 || han(r.Warnings[0]) == "" {
		t.Errorf("warnings %q, want Chinese", r.Warnings)
	}
	_, r = write(t, "chinese-messages", chartFn, d, Options{Language: domain.English})
	if len(r.Warnings) == 0 || han(strings.Join(r.Warnings, "")) == "" {
		t.Errorf("English paper, Chinese messages: warnings %q", r.Warnings)
	}
	if got := OptionsFor(d); got.Language != domain.Chinese || got.Messages != domain.Chinese {
		t.Errorf("OptionsFor a Chinese document = %+v", got)
	}
	d.Info.Page.Language = domain.English
	if got := OptionsFor(d); got.Language != domain.English || got.Messages != domain.English {
		t.Errorf("OptionsFor an English document = %+v", got)
	}
}
