package ui

import (
	"bytes"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"orgdraft/domain"
	"orgdraft/ui/chart"
	"orgdraft/ui/imageclip"
	"orgdraft/ui/picture"
)

// The chart as a picture on the system clipboard, to paste into WeChat or
// Word. (Copied boxes go on the clipboard as text: see Copy in verbs.go.)

// pictureScale is the PNG's pixels per point: twice the paper size, as
// File ▸ Export ▸ PNG writes it, sharp in a chat or a slide.
const pictureScale = 2

// writeClipboardPNG puts PNG data on the system clipboard; tests replace
// it to see the picture without a display.
var writeClipboardPNG = imageclip.WritePNG

// picturePNG draws the chart as the editor lays it out (folded boxes
// folded), or only root and its subtree when root is not 0, as a PNG.
func picturePNG(d *domain.Document, root domain.NodeID) ([]byte, error) {
	opt := chart.OptionsFor(d)
	opt.Root = root
	c, err := chart.Build(d, opt)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := picture.PNG(&b, c, pictureScale); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// CopyPicture puts a PNG of the chart on the system clipboard: of the
// selected box and everything under it when one branch is selected, else
// of the whole chart. The status bar says which; a clipboard that cannot
// be reached is explained in a dialog.
func (m *MainWindow) CopyPicture() {
	if m.session == nil {
		return
	}
	m.inspector.Flush()
	d := m.session.Doc
	root := domain.NodeID(0)
	if tops := d.Topmost(m.chart.Selection()); len(tops) == 1 {
		root = tops[0]
	}
	var data []byte
	err := domain.Safely(func() (err error) {
		data, err = picturePNG(d, root)
		return err
	})
	if err == nil {
		err = writeClipboardPNG(data)
	}
	if err != nil {
		why := outputErrorText(err)
		if errors.Is(err, imageclip.ErrUnavailable) {
			// The library's own text is advice for developers, in English.
			why = lang.L("The system clipboard cannot be reached (on Linux it needs an X11 or XWayland display). Export the chart as a PNG file instead: File ▸ Export Picture or Table.")
		}
		dialog.ShowError(fmt.Errorf("%s\n\n%s", lang.L("The picture could not be put on the clipboard."), why), m.Window)
		return
	}
	if root != 0 {
		m.status.SetMessage(fmt.Sprintf(lang.L("A picture of \"%s\" with everything under it is on the clipboard."), d.Node(root).Name))
	} else {
		m.status.SetMessage(lang.L("A picture of the chart is on the clipboard."))
	}
}
