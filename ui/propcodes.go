package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// codeFields are the Document Properties fields of the numbering scheme of
// positions (岗位编号, domain.CodeScheme): a prefix and the width of the
// sequence number, or off. The units' codes are set on the units in the
// inspector; an example shows the code the document's first position
// gets with the scheme as the dialog holds it.
type codeFields struct {
	doc     *domain.Document
	prefix  *keyEntry
	digits  *widget.Select
	example *widget.Label
}

// codeDigitLabels are the choices of the sequence's width: off, then
// examples of 1 to domain.MaxCodeDigits digits.
func codeDigitLabels() []string {
	out := []string{lang.L("Off")}
	for n := 1; n <= domain.MaxCodeDigits; n++ {
		out = append(out, fmt.Sprintf("%0*d", n, 1))
	}
	return out
}

func newCodeFields(d *domain.Document) *codeFields {
	c := &codeFields{doc: d, prefix: newKeyEntry(), example: widget.NewLabel("")}
	c.prefix.SetText(d.Info.Codes.Prefix)
	c.prefix.SetPlaceHolder(lang.L("e.g. the company's letters; may stay empty"))
	c.digits = widget.NewSelect(codeDigitLabels(), func(string) { c.update() })
	c.digits.SetSelectedIndex(d.Info.Codes.Digits)
	c.prefix.OnChanged = func(string) { c.update() }
	c.update()
	return c
}

// rows returns the form rows: label and field.
func (c *codeFields) rows() []fyne.CanvasObject {
	return []fyne.CanvasObject{
		widget.NewLabel(lang.L("Position codes")),
		container.NewBorder(nil, nil, nil, container.NewHBox(c.digits, c.example), c.prefix),
	}
}

// scheme returns the scheme as the dialog holds it.
func (c *codeFields) scheme() domain.CodeScheme {
	return domain.CodeScheme{Prefix: strings.TrimSpace(c.prefix.Text), Digits: max(0, c.digits.SelectedIndex())}
}

// update shows the first position's code under the scheme the dialog
// holds (its own code, when it has one).
func (c *codeFields) update() {
	if c.example == nil || c.digits == nil {
		return
	}
	s := c.scheme()
	var first domain.NodeID
	c.doc.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			first = n.ID
		}
		return first == 0
	})
	if s.Digits == 0 || first == 0 {
		c.example.SetText("")
		return
	}
	d := c.doc.Clone()
	d.Info.Codes = s
	c.example.SetText(fmt.Sprintf(lang.L("e.g. %s"), d.PositionCode(first)))
}
