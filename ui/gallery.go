package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/ui/chartview"
)

// GalleryEntry is one choice of the New dialog: a blank document or a
// template, with what the gallery says about it.
type GalleryEntry struct {
	ID      string // template id; "" for a blank document
	Name    string
	Summary string // one sentence, in the editor's language
	Boxes   int
	Planned int
	doc     *domain.Document
	loadErr error
}

// GalleryEntries returns the New dialog's choices: a blank document, then
// every template of assets.Templates, with its box count and planned
// headcount.
func GalleryEntries() []GalleryEntry {
	out := []GalleryEntry{{
		Name:    lang.L("Blank document"),
		Summary: lang.L("An empty chart: add the first unit with the Subordinate button (or the Tab key)."),
		doc:     domain.NewDocument(),
	}}
	for _, t := range assets.Templates() {
		e := GalleryEntry{ID: t.ID, Name: pick(t.Name, t.NameEn), Summary: pick(t.Description, t.DescriptionEn)}
		e.doc, e.loadErr = assets.LoadTemplate(t.ID)
		if e.doc != nil {
			e.Boxes, e.Planned = e.doc.Len(), e.doc.Total().Planned
		}
		out = append(out, e)
	}
	return out
}

// galleryDialog is the New dialog: one card per entry with a Create button.
type galleryDialog struct {
	dlg     *dialog.CustomDialog
	entries []GalleryEntry
	create  []*widget.Button // one per entry
}

// ShowGallery shows the New dialog. Choosing an entry replaces the
// document with a new, unsaved one (the caller has asked about unsaved work).
func (m *MainWindow) ShowGallery() { m.showGallery() }

// showGallery is ShowGallery, and returns the dialog for the tests.
func (m *MainWindow) showGallery() *galleryDialog {
	g := &galleryDialog{entries: GalleryEntries()}
	var cards []fyne.CanvasObject
	for i, e := range g.entries {
		summary := widget.NewLabel(e.Summary)
		summary.Wrapping = fyne.TextWrapWord
		parts := []fyne.CanvasObject{summary}
		if e.doc != nil && e.doc.Len() > 0 {
			parts = append([]fyne.CanvasObject{chartview.Preview(e.doc, fyne.NewSize(360, 180))}, parts...)
		}
		btn := &widget.Button{Text: lang.L("Create"), Importance: widget.HighImportance}
		if e.loadErr != nil {
			// A template that does not load is a build error the asset
			// tests catch; say so rather than hide the entry.
			summary.SetText(errorText(e.loadErr))
			btn.Disable()
		}
		btn.OnTapped = func() {
			g.dlg.Hide()
			if err := m.NewFromTemplate(g.entries[i].ID); err != nil {
				m.showError(err)
			}
		}
		g.create = append(g.create, btn)
		counts := lang.L("Start from scratch")
		if e.ID != "" {
			counts = fmt.Sprintf(lang.L("%s, %d planned"), countOf(e.Boxes, "%d box", "%d boxes"), e.Planned)
		}
		// The name is a wrapping label, not the card's title: a card's
		// title is one line as wide as its text, and a long English
		// name widened the grid beyond the dialog, cutting off the
		// right-hand column.
		name := widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		name.SizeName = theme.SizeNameSubHeadingText
		head := container.NewVBox(name, widget.NewLabel(counts))
		card := widget.NewCard("", "", container.NewBorder(head, container.NewHBox(btn), nil, nil, container.NewVBox(parts...)))
		cards = append(cards, card)
	}
	body := container.NewVScroll(container.NewGridWithColumns(2, cards...))
	g.dlg = dialog.NewCustom(lang.L("New Document"), lang.L("Cancel"), body, m.Window)
	g.dlg.Resize(fyne.NewSize(900, 620))
	// Enter has no one choice to confirm: a card's Create button chooses.
	showKeyed(m.Window, g.dlg, g.dlg.Hide, nil)
	return g
}
