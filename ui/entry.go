package ui

import (
	"image/color"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// typingPause is how long typing in a field may rest before it is
// committed on its own: a crash then loses at most the last second.
const typingPause = time.Second

// afterPause runs f on the Fyne goroutine typingPause from now and returns
// what stops it. Tests replace it, to run f on their own goroutine.
var afterPause = func(f func()) (stop func() bool) {
	t := time.AfterFunc(typingPause, func() { fyne.Do(f) })
	return t.Stop
}

// commitEntry is an entry that hands its text over when the user is done
// with it — on leaving the field, on Enter (single line, and the item
// lists), on Shift+Enter (notes, where Enter starts a new line) — and
// also when the typing pauses for typingPause, so that nothing typed is
// lost on a crash. All the commits of one field edit are one undo step
// (see Inspector.commit), and a pause commit leaves the text as typed:
// the field shows the model's form of it (trimmed, split into items)
// when the edit ends.
type commitEntry struct {
	widget.Entry

	// committed is the text last handed to OnCommit, or the model's text;
	// the field holds uncommitted typing while it shows something else.
	committed string
	// model is the model's text as the panel last gave it.
	model string
	// OnCommit receives the edited text. It returns false when the edit
	// was refused; at the end of the edit the field then shows the
	// model's text again.
	OnCommit func(text string) bool
	// OnPending is called when the field starts or stops holding typing
	// that is not committed yet (the status bar says so).
	OnPending func()
	// Wheel, when set, receives the mouse wheel over the field: the
	// inspector's scroll container. The field grows with its text, so it
	// has nothing to scroll itself.
	Wheel fyne.Scrollable

	// enterCommits makes Enter commit a multi-line field and Shift+Enter
	// break the line (the item lists).
	enterCommits bool
	// holdLines keeps text with a line break from being committed at a
	// pause: in an item's row that would split the item under the cursor.
	// Enter or leaving the field commits it.
	holdLines bool
	// minRows is the least a multi-line field shows; it grows beyond.
	minRows int

	edit     domain.Command // the last commit of this field edit, nil between edits
	auto     bool           // the commit running is one made at a pause
	inCommit bool
	shift    bool // a Shift key is held
	stop     func() bool
	pauses   int  // counts the pauses scheduled: a stale one does nothing
	pending  bool // what OnPending was last told
	rows     int  // the rows last asked for
}

func newCommitEntry(multiLine bool) *commitEntry {
	e := &commitEntry{minRows: 1}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.OnSubmitted = func(string) { e.Commit() }
	e.OnChanged = func(string) { e.typed() }
	e.ExtendBaseWidget(e)
	return e
}

// SetModel puts the model's text in the field, discarding any uncommitted
// typing. During a commit of this field the model's answer is only noted:
// the field keeps what the user typed until the edit ends.
func (e *commitEntry) SetModel(text string) {
	e.model = text
	if e.inCommit {
		return
	}
	e.committed = text
	if e.Text != text {
		e.SetText(text) // calls typed: the field is clean now
	}
	e.fit()
}

// reset empties the field at once, even during its own commit (the
// new-item field, whose text became an item).
func (e *commitEntry) reset() {
	e.model, e.committed, e.edit = "", "", nil
	e.SetText("")
	e.fit()
}

// Dirty reports whether the field holds typing not yet committed.
func (e *commitEntry) Dirty() bool { return e.Text != e.committed }

// Auto reports whether the commit running was made at a pause in the
// typing, not by the user: a refusal is then not worth a message yet.
func (e *commitEntry) Auto() bool { return e.auto }

// Commit ends the field edit: it hands a changed text to OnCommit and
// shows the text as the model holds it.
func (e *commitEntry) Commit() { e.commit(false) }

func (e *commitEntry) commit(auto bool) {
	e.cancelPause()
	defer e.notePending()
	if e.inCommit {
		return // the focus moved while this field commits
	}
	hold := auto && e.holdLines && strings.ContainsAny(e.Text, "\r\n")
	if e.Dirty() && e.OnCommit != nil && !hold {
		text, before := e.Text, e.committed
		// Mark the text committed first: the edit makes the panels
		// refresh, which may ask this field to commit again.
		e.committed = text
		e.inCommit, e.auto = true, auto
		ok := e.OnCommit(text)
		e.inCommit, e.auto = false, false
		if !ok && auto {
			e.committed = before // still typing: keep it, pending
			return
		}
	}
	if auto {
		return
	}
	e.edit = nil
	if e.Text != e.model {
		e.committed = e.model
		e.SetText(e.model)
	}
	e.committed = e.model
	e.fit()
}

// typed follows every change of the text: it starts the pause timer again.
func (e *commitEntry) typed() {
	e.cancelPause()
	if e.Dirty() && !e.inCommit {
		e.pauses++
		n := e.pauses
		e.stop = afterPause(func() {
			if n == e.pauses {
				e.commit(true)
			}
		})
	}
	e.notePending()
	e.fit()
}

func (e *commitEntry) cancelPause() {
	if e.stop != nil {
		e.stop()
		e.stop = nil
	}
	e.pauses++
}

func (e *commitEntry) notePending() {
	if p := e.Dirty(); p != e.pending {
		e.pending = p
		if e.OnPending != nil {
			e.OnPending()
		}
	}
}

// Revert throws the uncommitted typing away.
func (e *commitEntry) Revert() { e.SetText(e.committed) }

// FocusGained forgets a Shift key pressed elsewhere.
func (e *commitEntry) FocusGained() {
	e.shift = false
	e.Entry.FocusGained()
}

// FocusLost commits: leaving the field is how most people finish an edit.
func (e *commitEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
	e.Commit()
}

// KeyDown notes the Shift key, for Shift+Enter.
func (e *commitEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp notes the Shift key, for Shift+Enter.
func (e *commitEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// TypedKey makes Enter submit and Shift+Enter break the line in the
// fields that ask for it (enterCommits).
func (e *commitEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.enterCommits || (ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter) {
		e.Entry.TypedKey(ev)
		return
	}
	if !e.shift {
		if e.OnSubmitted != nil {
			e.OnSubmitted(e.Text)
		}
		return
	}
	// A multi-line entry breaks the line on Enter unless Shift is held
	// and it has OnSubmitted; without OnSubmitted it breaks it always.
	submitted := e.OnSubmitted
	e.OnSubmitted = nil
	e.Entry.TypedKey(ev)
	e.OnSubmitted = submitted
}

// Resize fits the field's height to its text at the new width.
func (e *commitEntry) Resize(s fyne.Size) {
	e.Entry.Resize(s)
	e.fit()
}

// fit makes a multi-line field tall enough for its text at its width, so
// that it never scrolls inside: the mouse wheel over it scrolls the
// panel, as in a web form whose text areas grow.
func (e *commitEntry) fit() {
	if !e.MultiLine {
		return
	}
	rows := max(e.minRows, 1)
	if w := e.Size().Width - 4*theme.InnerPadding(); w > 0 {
		// Word wrapping loses part of a line at its end; 0.9 of the
		// width leaves room for that.
		size := theme.TextSize()
		n := 0
		for _, line := range strings.Split(strings.ReplaceAll(e.Text, "\r\n", "\n"), "\n") {
			lw := fyne.MeasureText(line, size, e.TextStyle).Width
			n += max(1, int(math.Ceil(float64(lw/(0.9*w)))))
		}
		rows = max(rows, n)
	} else {
		rows = max(rows, 1+strings.Count(e.Text, "\n"))
	}
	if rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
	}
}

// CreateRenderer draws the entry with a layer on top that takes the mouse
// wheel (see Wheel); taps, drags and the text cursor still reach the
// entry below.
func (e *commitEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	c := &wheelCatcher{entry: e}
	c.ExtendBaseWidget(c)
	return &commitRenderer{WidgetRenderer: r, catcher: c}
}

type commitRenderer struct {
	fyne.WidgetRenderer
	catcher *wheelCatcher
}

func (r *commitRenderer) Layout(s fyne.Size) {
	r.WidgetRenderer.Layout(s)
	r.catcher.Move(fyne.NewPos(0, 0))
	r.catcher.Resize(s)
}

// Objects puts the catcher last, so that it is found before the entry's
// own scroller when the wheel turns over the field.
func (r *commitRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	out := make([]fyne.CanvasObject, len(objs), len(objs)+1)
	copy(out, objs)
	return append(out, r.catcher)
}

// wheelCatcher is the transparent layer over a commitEntry that hands the
// mouse wheel to the entry's Wheel.
type wheelCatcher struct {
	widget.BaseWidget
	entry *commitEntry
}

func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled implements fyne.Scrollable.
func (c *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) {
	if c.entry.Wheel != nil {
		c.entry.Wheel.Scrolled(ev)
	}
}
