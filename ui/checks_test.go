package ui

import (
	"slices"
	"strings"
	"testing"

	"orgdraft/domain"
)

func TestChecksPanelListsFindingsAndSelects(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	c := m.Checks()
	// 技术支持 has no duties.
	found := -1
	for i := range c.Len() {
		if c.Finding(i).Code == "no-duties" && c.Finding(i).Node == ids.support {
			found = i
		}
	}
	if found < 0 {
		t.Fatalf("no finding for the position without duties among %d", c.Len())
	}
	if got := c.Text(found); !strings.Contains(got, `Position "技术支持" has no duties`) || !strings.Contains(got, "客户服务部 › 技术支持") {
		t.Errorf("finding reads %q", got)
	}
	if !shows(c.Content, "Checks: 0 errors, 1 warning") {
		t.Errorf("header shows %q", texts(c.Content))
	}

	// Clicking the finding selects its box (twice: the list must not keep
	// it selected).
	for range 2 {
		m.Select(ids.unit)
		c.list.Select(found)
		if m.Selected() != ids.support {
			t.Fatalf("clicking the finding selected %d, want %d", m.Selected(), ids.support)
		}
		if m.Inspector().name.Text != "技术支持" {
			t.Fatalf("inspector shows %q", m.Inspector().name.Text)
		}
	}

	// Live: giving it a duty removes the finding; a stated total that
	// disagrees adds an error.
	m.Inspector().duties.add.SetText("维护客服系统")
	tapButton(t, m.Inspector().Content, "Add")
	if problems(c) != 0 || !shows(c.Content, "Checks: no problems found") {
		t.Fatalf("findings after adding a duty: %d", problems(c))
	}
	info := m.Session().Doc.Info
	info.StatedTotal = 54
	if err := m.Do(domain.SetInfo(info)); err != nil {
		t.Fatal(err)
	}
	if problems(c) != 1 || c.Finding(0).Severity != domain.SeverityError || !strings.Contains(c.Text(0), "54") {
		t.Fatalf("stated total finding missing: %d", c.Len())
	}
	// Chinese follows the language.
	m.ApplySettings(LanguageChinese, "")
	if got := m.Checks().Text(0); got != "文件写明合计 54 人，但各岗位编制合计 5 人" {
		t.Errorf("finding in Chinese reads %q", got)
	}
	m.ApplySettings(LanguageEnglish, "")
}

func TestChecksPanelCanBeHidden(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	if !shows(m.Window.Content(), "Checks: 0 errors, 1 warning") {
		t.Fatal("checks panel not shown at first")
	}
	m.ShowChecks(false)
	if shows(m.Window.Content(), "Checks: 0 errors, 1 warning") {
		t.Fatal("checks panel still shown")
	}
	if m.App.Preferences().Bool(prefChecksVisible) {
		t.Error("the choice is not remembered")
	}
	m.ShowChecks(true)
	if !shows(m.Window.Content(), "Checks: 0 errors, 1 warning") {
		t.Fatal("checks panel not shown again")
	}
}

// A finding about the whole document (the stated total) has no box to
// select: clicking it opens Document Properties, where the total is set.
func TestClickingADocumentFindingOpensProperties(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	info := m.Session().Doc.Info
	info.StatedTotal = 54
	if err := m.Do(domain.SetInfo(info)); err != nil {
		t.Fatal(err)
	}
	c := m.Checks()
	if c.Finding(0).Code != "stated-total" {
		t.Fatalf("first finding is %s", c.Finding(0).Code)
	}
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is open before the click")
	}
	c.list.Select(0)
	dialogShows(t, m, "Document Properties")
	dialogShows(t, m, "Stated total headcount")
	if !slices.Contains(texts(topDialog(t, m)), "54") {
		t.Errorf("the dialog does not show the stated total 54: %q", texts(topDialog(t, m)))
	}
}

// problems counts the findings of the panel that are errors or warnings,
// leaving out the hints (empty 岗位说明书 sections).
func problems(c *ChecksPanel) int {
	n := 0
	for i := range c.Len() {
		if c.Finding(i).Severity > domain.SeverityInfo {
			n++
		}
	}
	return n
}
