package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// ChecksPanel lists what the document's validation finds (empty names,
// positions without duties, a stated total that disagrees with the boxes
// …), kept up to date after every change, in the editor's language.
// Clicking a finding selects its box; clicking one about the whole
// document (the stated total) calls OnDocument.
type ChecksPanel struct {
	// OnSelect is called with the box of a clicked finding.
	OnSelect func(id domain.NodeID)
	// OnDocument is called when a finding about the whole document is
	// clicked: the main window opens Document Properties, where the
	// stated total and the other document fields are edited.
	OnDocument func()

	doc      *domain.Document
	findings []domain.Finding
	header   *widget.Label
	list     *widget.List
	// Content is what the main window places.
	Content fyne.CanvasObject
}

// NewChecksPanel returns an empty panel.
func NewChecksPanel() *ChecksPanel {
	c := &ChecksPanel{}
	c.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.list = widget.NewList(
		func() int { return len(c.findings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(c.findings) {
				return
			}
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(c.Text(i))
			row.Objects[1].(*widget.Icon).SetResource(severityIcon(c.findings[i].Severity))
		},
	)
	c.list.OnSelected = func(i widget.ListItemID) {
		// Unselect at once, so that clicking the same finding again
		// selects its box again.
		c.list.Unselect(i)
		if i >= len(c.findings) {
			return
		}
		switch id := c.findings[i].Node; {
		case id != 0 && c.OnSelect != nil:
			c.OnSelect(id)
		case id == 0 && c.OnDocument != nil:
			c.OnDocument()
		}
	}
	c.Content = container.NewBorder(c.header, nil, nil, nil, c.list)
	return c
}

func severityIcon(s domain.Severity) fyne.Resource {
	switch s {
	case domain.SeverityError:
		return theme.ErrorIcon()
	case domain.SeverityWarning:
		return theme.WarningIcon()
	}
	return theme.InfoIcon()
}

// Update validates d again and shows the findings.
func (c *ChecksPanel) Update(d *domain.Document) {
	c.doc = d
	c.findings = d.Validate()
	errs, warns := 0, 0
	for _, f := range c.findings {
		switch f.Severity {
		case domain.SeverityError:
			errs++
		case domain.SeverityWarning:
			warns++
		}
	}
	switch hints := len(c.findings) - errs - warns; {
	case len(c.findings) == 0:
		c.header.SetText(lang.L("Checks: no problems found"))
	case hints == len(c.findings):
		c.header.SetText(fmt.Sprintf(lang.L("Checks: no problems found, %s"), countOf(hints, "%d hint", "%d hints")))
	default:
		c.header.SetText(fmt.Sprintf(lang.L("Checks: %s, %s"), countOf(errs, "%d error", "%d errors"), countOf(warns, "%d warning", "%d warnings")))
	}
	c.list.Refresh()
}

// Len returns the number of findings shown.
func (c *ChecksPanel) Len() int { return len(c.findings) }

// Text returns finding i as the panel shows it: the message, and where
// the box sits in the chart.
func (c *ChecksPanel) Text(i int) string {
	f := c.findings[i]
	text := findingText(f)
	if f.Node != 0 && c.doc != nil {
		if path := c.doc.Path(f.Node); len(path) > 1 {
			text += "  — " + strings.Join(path, " › ")
		}
	}
	return text
}

// Finding returns finding i.
func (c *ChecksPanel) Finding(i int) domain.Finding { return c.findings[i] }
