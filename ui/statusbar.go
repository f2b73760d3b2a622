package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// StatusBar is the line at the bottom of the main window: where the
// document is saved and whether its last edit was saved, the total
// headcount (编制合计 / 在岗) and the chart's zoom. While the inspector holds
// typing not yet committed it says so instead of "Saved".
type StatusBar struct {
	ses    *Session // as last shown
	typing bool

	message   *widget.Label // what the last command did, e.g. what a delete took
	path      *widget.Label
	state     *widget.Label
	headcount *widget.Label
	zoom      *widget.Label
	// Content is what the main window places.
	Content fyne.CanvasObject
}

// NewStatusBar returns an empty status bar.
func NewStatusBar() *StatusBar {
	s := &StatusBar{
		message:   widget.NewLabel(""),
		path:      widget.NewLabel(""),
		state:     widget.NewLabel(""),
		headcount: widget.NewLabel(""),
		zoom:      widget.NewLabel(""),
	}
	s.path.Truncation = fyne.TextTruncateEllipsis
	s.message.Hide()
	// The path takes the room the other labels leave.
	s.Content = container.NewBorder(nil, nil, nil,
		container.NewHBox(s.message, s.state, widget.NewSeparator(), s.headcount, s.zoom),
		s.path)
	return s
}

// Update shows the session's file, save state and headcount, and the zoom
// in percent (0 hides it: the chart view cannot zoom).
func (s *StatusBar) Update(ses *Session, zoom int) {
	if p := ses.Path(); p != "" {
		s.path.SetText(p)
	} else {
		s.path.SetText(lang.L("Not saved to a file yet: press Ctrl+S to choose where"))
	}
	s.ses = ses
	s.showState()
	t := ses.Doc.Total()
	s.headcount.SetText(fmt.Sprintf(lang.L("Total: %d planned, %d filled"), t.Planned, t.Filled))
	if zoom > 0 {
		s.zoom.SetText(fmt.Sprintf("%d%%", zoom))
		s.zoom.Show()
	} else {
		s.zoom.Hide()
	}
	s.relayout()
}

// relayout places the labels again after their texts changed: a label
// that grew does not move its neighbours by itself, so the right-hand
// labels were drawn over each other until the window was resized.
func (s *StatusBar) relayout() {
	if c, ok := s.Content.(*fyne.Container); ok {
		c.Refresh()
	}
}

// SetTyping tells the bar whether the inspector holds typing not yet in
// the document (Inspector.OnTyping): "Saved" would then be untrue.
func (s *StatusBar) SetTyping(on bool) {
	s.typing = on
	s.showState()
}

// State returns the save state as the bar shows it.
func (s *StatusBar) State() string { return s.state.Text }

func (s *StatusBar) showState() {
	if s.ses == nil {
		return
	}
	st := s.ses.State()
	text := stateText(st)
	if s.typing && st == Saved {
		// Committed at the next pause in the typing, or on leaving the
		// field; the bar says "Saved" once that reached the file.
		text = lang.L("Typing…")
	}
	s.state.SetText(text)
	switch st {
	case SaveFailed:
		s.state.Importance = widget.DangerImportance
	case NotSaved, RecoveryKept:
		s.state.Importance = widget.WarningImportance
	default:
		s.state.Importance = widget.MediumImportance
	}
	s.state.Refresh()
	s.relayout()
}

// stateText names a save state.
func stateText(st SaveState) string {
	switch st {
	case NotSaved:
		return lang.L("Not saved")
	case SaveFailed:
		return lang.L("Saving failed")
	case RecoveryKept:
		return lang.L("Not saved (recovery copy kept)")
	case ReadOnly:
		return lang.L("Read-only")
	}
	return lang.L("Saved")
}

// SetMessage shows what the last command did (how many boxes a delete
// took, and the key that brings them back) until the next edit; ""
// clears it.
func (s *StatusBar) SetMessage(text string) {
	s.message.SetText(text)
	s.message.Importance = widget.HighImportance
	if text == "" {
		s.message.Hide()
	} else {
		s.message.Show()
	}
	s.relayout()
}

// Message returns the message shown, or "".
func (s *StatusBar) Message() string {
	if !s.message.Visible() {
		return ""
	}
	return s.message.Text
}
