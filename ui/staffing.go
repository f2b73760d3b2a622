package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// staffingSection is the inspector's 排班定编 section for a position: its
// posts (name, people at once, hours a day or a time range, days a week),
// the working-time system, the allowance for leave, the rounding, and the
// shifts and rota pattern for the rota check. The working is shown live
// under the inputs, in the words the command line prints (one formatter,
// staffing.Working), and Apply sets the 编制 to the result as one undoable
// command. Every change of an input is a domain.SetStaffing command, so
// undo takes it back and it is saved at once like any other field.
type staffingSection struct {
	in   *Inspector
	node domain.NodeID
	plan *staffing.Plan // the plan shown, nil for none

	start *widget.Button // offered when the position has no plan yet
	body  *fyne.Container

	posts     *fyne.Container
	postRows  []*postRow
	system    *widget.Select
	weekHours *commitEntry
	weekRow   *fyne.Container
	allowance *commitEntry
	round     *widget.Select
	shifts    *fyne.Container
	shiftRows []*shiftRow
	rota      *widget.Select
	working   *widget.Label
	rotaCheck *widget.Label
	apply     *widget.Button
	total     int // the result Apply sets; -1 when there is none

	// Content is what the inspector places.
	Content fyne.CanvasObject
}

// postRow is one post's fields.
type postRow struct {
	name, people, hours, days *commitEntry
	obj                       fyne.CanvasObject
}

// shiftRow is one shift's fields.
type shiftRow struct {
	name, time *commitEntry
	obj        fyne.CanvasObject
}

// The choices of the selects, in the order of their domain values.
var (
	staffingSystems = []staffing.System{staffing.Standard, staffing.Comprehensive, staffing.Custom}
	staffingRounds  = []staffing.Rounding{staffing.RoundUp, staffing.RoundNearest}
)

func chineseUI() bool { return Language() == LanguageChinese }

func newStaffingSection(in *Inspector) *staffingSection {
	s := &staffingSection{in: in, total: -1}
	zh := chineseUI()
	title := widget.NewLabelWithStyle(lang.L("Staffing from posts and shifts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	s.start = widget.NewButtonWithIcon(lang.L("Size this position from its posts and shifts"), theme.ContentAddIcon(), func() {
		s.change(func(p *staffing.Plan) {
			p.Posts = []staffing.Post{{People: 1, Hours: staffing.Hours{N: 24}, Days: 7}}
		})
	})

	s.posts = container.NewVBox()
	addPost := widget.NewButtonWithIcon(lang.L("Add post"), theme.ContentAddIcon(), func() {
		s.change(func(p *staffing.Plan) {
			p.Posts = append(p.Posts, staffing.Post{People: 1, Hours: staffing.Hours{N: 24}, Days: 7})
		})
	})
	var systemNames []string
	for _, v := range staffingSystems {
		systemNames = append(systemNames, v.Label(zh))
	}
	s.system = widget.NewSelect(systemNames, func(v string) {
		j := slices.Index(systemNames, v)
		if j < 0 {
			return
		}
		s.change(func(p *staffing.Plan) {
			p.System = staffingSystems[j]
			switch {
			case p.System != staffing.Custom:
				p.WeekHours = 0
			case p.WeekHours == 0:
				p.WeekHours = staffing.StandardWeekHours
			}
		})
	})
	s.weekHours = s.field(func(text string, p *staffing.Plan) error {
		v, err := parseStaffingNumber(text, "小时")
		p.WeekHours = v
		return err
	})
	s.weekRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Hours a person works a week")), nil, s.weekHours)
	s.allowance = s.field(func(text string, p *staffing.Plan) error {
		v, err := parseStaffingNumber(text, "%")
		p.Allowance = v
		return err
	})
	var roundNames []string
	for _, v := range staffingRounds {
		roundNames = append(roundNames, v.Label(zh))
	}
	s.round = widget.NewSelect(roundNames, func(v string) {
		if j := slices.Index(roundNames, v); j >= 0 {
			s.change(func(p *staffing.Plan) { p.Round = staffingRounds[j] })
		}
	})

	s.shifts = container.NewVBox()
	addShift := widget.NewButtonWithIcon(lang.L("Add shift"), theme.ContentAddIcon(), func() {
		s.change(func(p *staffing.Plan) { p.Shifts = append(p.Shifts, staffing.Shift{Time: nextShift(p.Shifts)}) })
	})
	var rotaNames []string
	for _, v := range staffing.Rotas {
		rotaNames = append(rotaNames, v.Label(zh))
	}
	s.rota = widget.NewSelect(rotaNames, func(v string) {
		if j := slices.Index(rotaNames, v); j >= 0 {
			s.change(func(p *staffing.Plan) { p.Rota = staffing.Rotas[j] })
		}
	})

	s.working = widget.NewLabel("")
	s.working.Wrapping = fyne.TextWrapWord
	s.rotaCheck = widget.NewLabel("")
	s.rotaCheck.Wrapping = fyne.TextWrapWord
	s.apply = widget.NewButtonWithIcon("", theme.ConfirmIcon(), func() {
		if s.node != 0 {
			s.in.apply(domain.ApplyStaffing(s.node))
		}
	})
	s.apply.Importance = widget.HighImportance
	remove := widget.NewButtonWithIcon(lang.L("Remove staffing plan"), theme.DeleteIcon(), func() {
		if s.node != 0 {
			s.in.apply(domain.SetStaffing(s.node, nil))
		}
	})

	label := func(text string) *widget.Label { return widget.NewLabel(text) }
	// Long words wrap: the panel is narrow, and a label's one line would
	// otherwise set its least width.
	wrapped := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	s.body = container.NewVBox(
		wrapped(lang.L("Posts: name, people at once, hours a day (8 or 22:00-06:00), days a week")),
		container.NewGridWithColumns(3, label(lang.L("At once")), label(lang.L("Hours a day")), label(lang.L("Days a week"))),
		s.posts,
		addPost,
		container.NewBorder(nil, nil, label(lang.L("Working-time system")), nil, s.system),
		s.weekRow,
		container.NewBorder(nil, nil, label(lang.L("Allowance for leave (%)")), nil, s.allowance),
		container.NewBorder(nil, nil, label(lang.L("Rounding")), nil, s.round),
		widget.NewLabelWithStyle(lang.L("Working"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.working,
		s.apply,
		widget.NewLabelWithStyle(lang.L("Rota check"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, label(lang.L("Rota pattern")), nil, s.rota),
		label(lang.L("Shifts: name and times")),
		s.shifts,
		addShift,
		s.rotaCheck,
		remove,
	)
	s.Content = container.NewVBox(widget.NewSeparator(), title, s.start, s.body)
	return s
}

// field returns an input of the plan: its committed text is parsed into
// a copy of the plan by set, which becomes one SetStaffing edit.
func (s *staffingSection) field(set func(text string, p *staffing.Plan) error) *commitEntry {
	e := newCommitEntry(false)
	e.OnCommit = func(text string) bool {
		if s.node == 0 || s.plan == nil {
			return false
		}
		p := s.plan.Clone()
		if err := set(text, p); err != nil {
			if !e.Auto() {
				s.in.showMessage(staffing.Message(err, chineseUI()))
			}
			return false
		}
		return s.in.commit(e, domain.SetStaffing(s.node, p))
	}
	s.in.hook(e)
	return e
}

// change applies edit to a copy of the plan (a new one when there is
// none) as one SetStaffing edit.
func (s *staffingSection) change(edit func(p *staffing.Plan)) {
	if s.node == 0 || s.in.updating {
		return
	}
	p := s.plan.Clone()
	if p == nil {
		p = &staffing.Plan{}
	}
	edit(p)
	s.in.apply(domain.SetStaffing(s.node, p))
}

// fields returns the section's text fields, for the inspector's Typing and
// Flush.
func (s *staffingSection) fields() []*commitEntry {
	out := []*commitEntry{s.weekHours, s.allowance}
	for _, r := range s.postRows {
		out = append(out, r.name, r.people, r.hours, r.days)
	}
	for _, r := range s.shiftRows {
		out = append(out, r.name, r.time)
	}
	return out
}

// newPostRow returns the fields of post k.
func (s *staffingSection) newPostRow(k int) *postRow {
	r := &postRow{}
	post := func(set func(text string, p *staffing.Post) error) *commitEntry {
		return s.field(func(text string, p *staffing.Plan) error {
			if k >= len(p.Posts) {
				return nil
			}
			return set(text, &p.Posts[k])
		})
	}
	r.name = post(func(text string, p *staffing.Post) error { p.Name = strings.TrimSpace(text); return nil })
	r.name.SetPlaceHolder(lang.L("Post"))
	r.people = post(func(text string, p *staffing.Post) error {
		v, err := parseCount(text)
		if err != nil {
			return &staffing.Error{Zh: "同时在岗人数应为整数，如 1", En: "the people at once must be a whole number, such as 1"}
		}
		p.People = v
		return nil
	})
	r.hours = post(func(text string, p *staffing.Post) error {
		h, err := staffing.ParseHours(text)
		p.Hours = h
		return err
	})
	r.days = post(func(text string, p *staffing.Post) error {
		v, err := parseStaffingNumber(text, "天")
		p.Days = v
		return err
	})
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		s.change(func(p *staffing.Plan) {
			if k < len(p.Posts) {
				p.Posts = slices.Delete(p.Posts, k, k+1)
			}
		})
	})
	// Two lines, so that a time range has room in the narrow panel: the
	// name, then people × hours × days under the column heads.
	r.obj = container.NewBorder(nil, nil, nil, del,
		container.NewVBox(r.name, container.NewGridWithColumns(3, r.people, r.hours, r.days)))
	return r
}

// newShiftRow returns the fields of shift k.
func (s *staffingSection) newShiftRow(k int) *shiftRow {
	r := &shiftRow{}
	shift := func(set func(text string, sh *staffing.Shift) error) *commitEntry {
		return s.field(func(text string, p *staffing.Plan) error {
			if k >= len(p.Shifts) {
				return nil
			}
			return set(text, &p.Shifts[k])
		})
	}
	r.name = shift(func(text string, sh *staffing.Shift) error { sh.Name = strings.TrimSpace(text); return nil })
	r.name.SetPlaceHolder(lang.L("Shift"))
	r.time = shift(func(text string, sh *staffing.Shift) error {
		h, err := staffing.ParseHours(text)
		sh.Time = h
		return err
	})
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		s.change(func(p *staffing.Plan) {
			if k < len(p.Shifts) {
				p.Shifts = slices.Delete(p.Shifts, k, k+1)
			}
		})
	})
	r.obj = container.NewBorder(nil, nil, nil, del, container.NewGridWithColumns(2, r.name, r.time))
	return r
}

// Show fills the section from position n (nil hides it).
func (s *staffingSection) Show(n *domain.Node) {
	if n == nil {
		s.node, s.plan = 0, nil
		s.Content.Hide()
		return
	}
	s.Content.Show()
	s.node, s.plan = n.ID, n.Staffing.Clone()
	if s.plan == nil {
		s.start.Show()
		s.body.Hide()
		s.total = -1
		return
	}
	s.start.Hide()
	s.body.Show()
	p := s.plan
	zh := chineseUI()
	// Rows are made again only when their number changes (a post added,
	// removed or brought back by undo), never under a field's own commit.
	if len(s.postRows) != len(p.Posts) {
		s.postRows = s.postRows[:0]
		s.posts.RemoveAll()
		for k := range p.Posts {
			r := s.newPostRow(k)
			s.postRows = append(s.postRows, r)
			s.posts.Add(r.obj)
		}
	}
	for k, post := range p.Posts {
		r := s.postRows[k]
		r.name.SetModel(post.Name)
		r.people.SetModel(strconv.Itoa(post.People))
		r.hours.SetModel(post.Hours.String())
		r.days.SetModel(staffing.Num(post.Days))
	}
	if len(s.shiftRows) != len(p.Shifts) {
		s.shiftRows = s.shiftRows[:0]
		s.shifts.RemoveAll()
		for k := range p.Shifts {
			r := s.newShiftRow(k)
			s.shiftRows = append(s.shiftRows, r)
			s.shifts.Add(r.obj)
		}
	}
	for k, sh := range p.Shifts {
		s.shiftRows[k].name.SetModel(sh.Name)
		s.shiftRows[k].time.SetModel(sh.Time.String())
	}
	s.system.SetSelectedIndex(int(p.System))
	if p.System == staffing.Custom {
		s.weekRow.Show()
		s.weekHours.SetModel(staffing.Num(p.WeekHours))
	} else {
		s.weekRow.Hide()
		s.weekHours.SetModel("")
	}
	s.allowance.SetModel(staffing.Num(p.Allowance))
	s.round.SetSelectedIndex(int(p.Round))
	s.rota.SetSelectedIndex(slices.Index(staffing.Rotas, p.Rota))

	r, err := staffing.Compute(p)
	if err != nil {
		s.total = -1
		s.working.SetText(staffing.Message(err, zh))
		s.working.Importance = widget.DangerImportance
		s.apply.SetText(lang.L("Apply"))
		s.apply.Disable()
	} else {
		s.total = r.Total
		s.working.SetText(strings.Join(staffing.Working(r, zh), "\n"))
		s.working.Importance = widget.MediumImportance
		s.apply.SetText(fmt.Sprintf(lang.L("Apply: set the planned headcount to %d"), r.Total))
		if r.Total == n.Planned {
			s.apply.Disable()
		} else {
			s.apply.Enable()
		}
	}
	s.working.Refresh()
	rr, err := staffing.CheckRota(p)
	switch {
	case p.Rota == staffing.NoRota:
		s.rotaCheck.SetText("")
		s.rotaCheck.Hide()
	case err != nil:
		s.rotaCheck.Importance = widget.DangerImportance
		s.rotaCheck.SetText(staffing.Message(err, zh))
		s.rotaCheck.Show()
	default:
		s.rotaCheck.Importance = widget.MediumImportance
		if rr.Over() {
			s.rotaCheck.Importance = widget.WarningImportance
		}
		if rr.OverLegal {
			s.rotaCheck.Importance = widget.DangerImportance
		}
		s.rotaCheck.SetText(strings.Join(staffing.RotaLines(rr, zh), "\n"))
		s.rotaCheck.Show()
	}
}

// nextShift proposes the times of a new shift: 8 hours from where the
// last one ends, or 08:00-16:00 for the first.
func nextShift(shifts []staffing.Shift) staffing.Hours {
	from := 8 * 60
	if len(shifts) > 0 {
		from = shifts[len(shifts)-1].Time.To % 1440
	}
	return staffing.Hours{Range: true, From: from, To: (from + 8*60) % 1440}
}

// parseStaffingNumber reads a number as people type it: full-width digits,
// with a unit after it (天, 小时, %) or not; empty means 0.
func parseStaffingNumber(s, unit string) (float64, error) {
	t := strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '％':
			return '%'
		}
		return r
	}, strings.TrimSpace(s))
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), unit))
	if t == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, &staffing.Error{Zh: fmt.Sprintf("“%s”不是数字", s), En: fmt.Sprintf("%q is not a number", s)}
	}
	return v, nil
}

// StaffingWorking returns the working the inspector shows for the
// selected position's staffing plan, one step a line ("" for none): the
// same text as `orgdraft staffing` prints.
func (i *Inspector) StaffingWorking() string {
	if i.staffing.plan == nil || !i.staffing.working.Visible() {
		return ""
	}
	return i.staffing.working.Text
}
