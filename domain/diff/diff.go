// Package diff compares two versions of an OrgDraft document: two files,
// a file and the editor's draft, or two snapshots kept in one file. It
// takes any two *domain.Document values and reports what changed from the
// old one to the new one: boxes added, removed, moved, renamed, their
// headcounts (编制/在岗) per position and rolled up per unit, their duty,
// function and qualification lists item by item, their other fields, the
// dotted-line links and the document's own fields.
//
// Boxes are matched by their stable ids when the two documents share
// them (one is a later version of the other); for unrelated files they are
// matched by the path of names, and the report says which matches were
// made so. The package is pure: no GUI, no file, no PDF.
package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// Matching chooses how boxes of the two documents are paired.
type Matching int

// The ways of matching boxes.
const (
	// Auto matches by id when the ids correspond (most ids found in both
	// documents name the same box), otherwise by the path of names.
	Auto Matching = iota
	// ByID pairs boxes with the same id only.
	ByID
	// ByName pairs boxes by the path of names from the top, then finds
	// renamed boxes by their children and moved boxes by their name.
	ByName
)

// Options tune Compare. The zero value is Auto matching.
type Options struct {
	Matching Matching
}

// Status says what happened to a box.
type Status int

// The statuses of a box change.
const (
	// Changed is a box found in both versions that differs.
	Changed Status = iota
	// Added is a box only in the new version.
	Added
	// Removed is a box only in the old version.
	Removed
)

var statusNames = [...]string{"changed", "added", "removed"}

// String returns "changed", "added" or "removed".
func (s Status) String() string { return statusNames[s] }

// MarshalText writes the status by its name in JSON.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Match says how a box of the new version was paired with one of the old.
type Match int

// The ways a pair was found.
const (
	// MatchID is the same stable id in both versions.
	MatchID Match = iota
	// MatchPath is the same path of names from the top.
	MatchPath
	// MatchRename is a box under the same superior box whose name changed,
	// recognised by its children (or, for a box without children, its
	// lists of duties, functions and qualifications).
	MatchRename
	// MatchMoved is a box of the same name found elsewhere in the tree,
	// the only one of that name left unpaired on either side.
	MatchMoved
)

var matchNames = [...]string{"id", "path", "rename", "moved"}

// String returns "id", "path", "rename" or "moved".
func (m Match) String() string { return matchNames[m] }

// MarshalText writes the match by its name in JSON.
func (m Match) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// ByName reports whether the pair was made by names rather than by id.
func (m Match) ByName() bool { return m != MatchID }

// FieldChange is one field whose value differs, as text. Field is a
// stable English name (see FieldLabel); Key tells rows of a repeated
// field apart (the role of a sign-off row).
type FieldChange struct {
	Field  string `json:"field"`
	Key    string `json:"key,omitempty"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Count is a number before and after.
type Count struct {
	Before int `json:"before"`
	After  int `json:"after"`
}

// Changed reports whether the number differs.
func (c Count) Changed() bool { return c.Before != c.After }

// Headcount is a planned (编制) and a filled (在岗) headcount before and
// after.
type Headcount struct {
	Planned Count `json:"planned"`
	Filled  Count `json:"filled"`
}

// Changed reports whether either number differs.
func (h Headcount) Changed() bool { return h.Planned.Changed() || h.Filled.Changed() }

func headcount(before, after domain.Headcount) Headcount {
	return Headcount{Count{before.Planned, after.Planned}, Count{before.Filled, after.Filled}}
}

// BoxChange is one box that was added, removed or changed.
type BoxChange struct {
	Status Status `json:"status"`
	// Old and New are the box's ids in the old and the new version; 0 on
	// the side where it is not.
	Old domain.NodeID `json:"old,omitempty"`
	New domain.NodeID `json:"new,omitempty"`
	// Match says how a changed box was paired; in JSON it is left out for
	// a pair by id (and for a box added or removed).
	Match Match `json:"match,omitempty"`
	// Kind is the box's kind (in the new version unless removed), as its
	// stable name.
	Kind string `json:"kind"`
	// Name is the box's name in the new version (the old one if removed);
	// Path the names from the top down to it, shortened in the middle.
	Name string   `json:"name"`
	Path []string `json:"path"`
	// OldName is the former name of a renamed box.
	OldName string `json:"oldName,omitempty"`
	// Moved is set when the box now sits under another box; OldParent
	// and NewParent are the paths of the two (empty for the top level).
	Moved     bool     `json:"moved,omitempty"`
	OldParent []string `json:"oldParent,omitempty"`
	NewParent []string `json:"newParent,omitempty"`
	// OrderBefore and OrderAfter name the box's children that are in both
	// versions, in their old and new order, when that order changed.
	OrderBefore []string `json:"orderBefore,omitempty"`
	OrderAfter  []string `json:"orderAfter,omitempty"`
	// Headcount is the position's own 编制 and 在岗 (set when either
	// changed, or for an added or removed position that has any).
	Headcount *Headcount `json:"headcount,omitempty"`
	// Fields are the other fields that differ (kind, head, grade, …).
	Fields []FieldChange `json:"fields,omitempty"`
	// Lists are the duties, qualifications and functions that differ.
	Lists []ListChange `json:"lists,omitempty"`
}

// Renamed reports whether the box's name changed.
func (c *BoxChange) Renamed() bool { return c.OldName != "" }

// UnitChange is a unit whose rolled-up headcount changed.
type UnitChange struct {
	Status    Status        `json:"status"`
	Old       domain.NodeID `json:"old,omitempty"`
	New       domain.NodeID `json:"new,omitempty"`
	Path      []string      `json:"path"`
	Headcount Headcount     `json:"headcount"`
}

// LinkChange is a dotted-line link added, removed or relabelled.
type LinkChange struct {
	Status Status   `json:"status"`
	From   []string `json:"from"`
	To     []string `json:"to"`
	Before string   `json:"before,omitempty"`
	After  string   `json:"after,omitempty"`
}

// Report is what changed from the old version to the new one.
type Report struct {
	// ByName is set when the boxes were matched by names (the two
	// documents' ids did not correspond).
	ByName bool `json:"byName"`
	// Info lists the document's own fields that changed.
	Info []FieldChange `json:"info,omitempty"`
	// RootsBefore and RootsAfter name the top-level boxes in both
	// versions, in their old and new order, when that order changed.
	RootsBefore []string `json:"rootsBefore,omitempty"`
	RootsAfter  []string `json:"rootsAfter,omitempty"`
	// Boxes lists every box added, removed or changed: the new version's
	// boxes in its order, then the removed ones in the old version's.
	Boxes []BoxChange `json:"boxes,omitempty"`
	// Links lists the dotted-line links that changed.
	Links []LinkChange `json:"links,omitempty"`
	// Units lists the units whose rolled-up headcount changed.
	Units []UnitChange `json:"units,omitempty"`
	// Total is the whole document's headcount before and after.
	Total Headcount `json:"total"`
	// ByNameCount is how many pairs were made by names.
	ByNameCount int `json:"byNameCount"`

	// oldToNew pairs the boxes found in both versions.
	oldToNew map[domain.NodeID]domain.NodeID
}

// Same reports whether the two versions are the same: nothing a user
// wrote differs.
func (r *Report) Same() bool {
	return len(r.Info) == 0 && len(r.Boxes) == 0 && len(r.Links) == 0 && len(r.RootsBefore) == 0
}

// Counts returns how many boxes were added, removed and changed.
func (r *Report) Counts() (added, removed, changed int) {
	for i := range r.Boxes {
		switch r.Boxes[i].Status {
		case Added:
			added++
		case Removed:
			removed++
		default:
			changed++
		}
	}
	return added, removed, changed
}

// Counterpart returns the new version's id of the old box old, or 0 when
// it was removed.
func (r *Report) Counterpart(old domain.NodeID) domain.NodeID { return r.oldToNew[old] }

// Compare reports what changed from old to new. Its time and memory are
// linear in the sizes of the documents (the list items of one box are
// aligned in time quadratic in that box's list, at most domain.MaxItems,
// and linear memory).
func Compare(old, new *domain.Document, o Options) *Report {
	m := match(old, new, o.Matching)
	r := &Report{ByName: m.byName, oldToNew: m.oldToNew}
	r.Info = compareInfo(old.Info, new.Info)
	r.RootsBefore, r.RootsAfter = order(old, new, m, 0, 0)

	// Paths of every box that will be named, found in one walk per side.
	var oldIDs, newIDs []domain.NodeID
	new.Walk(func(n *domain.Node) bool {
		newIDs = append(newIDs, n.ID)
		return true
	})
	old.Walk(func(n *domain.Node) bool {
		oldIDs = append(oldIDs, n.ID)
		return true
	})
	oldPaths, newPaths := old.ShortPaths(oldIDs), new.ShortPaths(newIDs)
	parentPath := func(paths map[domain.NodeID][]string, d *domain.Document, id domain.NodeID) []string {
		if p := d.Node(id); p != nil && p.Parent != 0 {
			return paths[p.Parent]
		}
		return nil
	}

	for _, id := range newIDs {
		n := new.Node(id)
		oid, found := m.newToOld[id]
		if !found {
			c := BoxChange{Status: Added, New: id, Kind: n.Kind.String(), Name: n.Name, Path: newPaths[id]}
			if h := ownCount(n); h != (domain.Headcount{}) {
				hc := headcount(domain.Headcount{}, h)
				c.Headcount = &hc
			}
			r.Boxes = append(r.Boxes, c)
			continue
		}
		o := old.Node(oid)
		c := BoxChange{Status: Changed, Old: oid, New: id, Match: m.how[id], Kind: n.Kind.String(), Name: n.Name, Path: newPaths[id]}
		if m.how[id].ByName() {
			r.ByNameCount++
		}
		if o.Name != n.Name {
			c.OldName = o.Name
		}
		if m.oldToNew[o.Parent] != n.Parent || (o.Parent == 0) != (n.Parent == 0) {
			c.Moved = true
			c.OldParent = parentPath(oldPaths, old, oid)
			c.NewParent = parentPath(newPaths, new, id)
		}
		c.OrderBefore, c.OrderAfter = order(old, new, m, oid, id)
		if h := headcount(ownCount(o), ownCount(n)); h.Changed() {
			c.Headcount = &h
		}
		c.Fields = compareFields(o, n)
		c.Lists = compareLists(o, n)
		if c.OldName != "" || c.Moved || c.OrderBefore != nil || c.Headcount != nil || c.Fields != nil || c.Lists != nil {
			r.Boxes = append(r.Boxes, c)
		}
	}
	for _, id := range oldIDs {
		if _, found := m.oldToNew[id]; found {
			continue
		}
		o := old.Node(id)
		c := BoxChange{Status: Removed, Old: id, Kind: o.Kind.String(), Name: o.Name, Path: oldPaths[id]}
		if h := ownCount(o); h != (domain.Headcount{}) {
			hc := headcount(h, domain.Headcount{})
			c.Headcount = &hc
		}
		r.Boxes = append(r.Boxes, c)
	}

	r.Units = compareUnits(old, new, m, oldIDs, newIDs, oldPaths, newPaths)
	r.Links = compareLinks(old, new, m, oldPaths, newPaths)
	r.Total = headcount(old.Total(), new.Total())
	return r
}

// ownCount is a box's own planned and filled headcount (zero for a unit,
// whose numbers are its members').
func ownCount(n *domain.Node) domain.Headcount {
	if !n.Kind.IsPosition() {
		return domain.Headcount{}
	}
	return domain.Headcount{Planned: n.Planned, Filled: n.Filled}
}

// order returns the names of the children of the pair (oldID, newID) (the
// top level for 0, 0) that stayed under it, in their old and their new
// order, or nil, nil when the order is the same.
func order(old, new *domain.Document, m *matching, oldID, newID domain.NodeID) (before, after []string) {
	var seqOld, seqNew []domain.NodeID
	for _, c := range old.ChildIDs(oldID) {
		if nc, ok := m.oldToNew[c]; ok && new.Node(nc).Parent == newID {
			seqOld = append(seqOld, nc)
		}
	}
	for _, c := range new.ChildIDs(newID) {
		if oc, ok := m.newToOld[c]; ok && old.Node(oc).Parent == oldID {
			seqNew = append(seqNew, c)
		}
	}
	if slices.Equal(seqOld, seqNew) {
		return nil, nil
	}
	for _, id := range seqOld {
		before = append(before, old.Node(m.newToOld[id]).Name)
	}
	for _, id := range seqNew {
		after = append(after, new.Node(id).Name)
	}
	return before, after
}

// compareFields lists the fields of a box pair that differ, other than its
// name, headcount and lists.
func compareFields(o, n *domain.Node) []FieldChange {
	var out []FieldChange
	add := func(field, before, after string) {
		if before != after {
			out = append(out, FieldChange{Field: field, Before: before, After: after})
		}
	}
	add(FieldKind, o.Kind.String(), n.Kind.String())
	add(FieldHead, flag(o.Head), flag(n.Head))
	add(FieldConcurrent, flag(o.Concurrent), flag(n.Concurrent))
	add(FieldGrade, o.Grade, n.Grade)
	add(FieldHours, o.Hours, n.Hours)
	add(FieldNotes, o.Notes, n.Notes)
	add(FieldLeaves, o.Leaves.String(), n.Leaves.String())
	add(FieldOffset, offset(o.Offset), offset(n.Offset))
	add(FieldCollapsed, flag(o.Collapsed), flag(n.Collapsed))
	for _, f := range domain.JobFields { // the rest of the 岗位说明书
		add(jobField(f), o.Job.Text(f), n.Job.Text(f))
	}
	add(FieldStaffing, planText(o.Staffing), planText(n.Staffing))
	// A unit keeps no headcount of its own, but a stray one (from an
	// import or a kind changed back) is still a difference in the file.
	if !o.Kind.IsPosition() && !n.Kind.IsPosition() {
		add(FieldPlanned, strconv.Itoa(o.Planned), strconv.Itoa(n.Planned))
		add(FieldFilled, strconv.Itoa(o.Filled), strconv.Itoa(n.Filled))
	}
	return out
}

func flag(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

func offset(o domain.Offset) string {
	if o == (domain.Offset{}) {
		return ""
	}
	return fmt.Sprintf("%g, %g", o.X, o.Y)
}

// compareInfo lists the document fields that differ.
func compareInfo(o, n domain.Info) []FieldChange {
	var out []FieldChange
	add := func(field, before, after string) {
		if before != after {
			out = append(out, FieldChange{Field: field, Before: before, After: after})
		}
	}
	add(FieldTitle, o.Title, n.Title)
	add(FieldCompany, o.Company, n.Company)
	add(FieldVersion, o.Version, n.Version)
	add(FieldStatus, o.Status.String(), n.Status.String())
	add(FieldEffectiveDate, o.EffectiveDate, n.EffectiveDate)
	add(FieldConfidentiality, o.Confidentiality, n.Confidentiality)
	add(FieldStatedTotal, strconv.Itoa(o.StatedTotal), strconv.Itoa(n.StatedTotal))
	add(FieldDocNotes, o.Notes, n.Notes)
	for i := range max(len(o.SignOffs), len(n.SignOffs)) {
		var a, b domain.SignOff
		if i < len(o.SignOffs) {
			a = o.SignOffs[i]
		}
		if i < len(n.SignOffs) {
			b = n.SignOffs[i]
		}
		if a != b {
			role := b.Role
			if role == "" {
				role = a.Role
			}
			out = append(out, FieldChange{Field: FieldSignOff, Key: role, Before: signOff(a), After: signOff(b)})
		}
	}
	paper := func(p string) string {
		if p == "" {
			return "A4"
		}
		return p
	}
	add(FieldPaper, paper(o.Page.Paper), paper(n.Page.Paper))
	add(FieldLandscape, flag(o.Page.Landscape), flag(n.Page.Landscape))
	add(FieldLeftToRight, flag(o.Page.LeftToRight), flag(n.Page.LeftToRight))
	add(FieldCompactLeaves, flag(o.Page.CompactLeaves), flag(n.Page.CompactLeaves))
	add(FieldPrintLanguage, o.Page.Language.String(), n.Page.Language.String())
	add(FieldBookPaper, domain.BookPaperOf(o.Page), domain.BookPaperOf(n.Page))
	add(FieldBookOrder, o.Page.BookOrder.String(), n.Page.BookOrder.String())
	add(FieldCodes, codesText(o.Codes), codesText(n.Codes))
	return out
}

func signOff(s domain.SignOff) string {
	switch {
	case s == domain.SignOff{}:
		return ""
	case s.Date == "":
		return s.Role + " " + s.Name
	}
	return s.Role + " " + s.Name + " " + s.Date
}

// compareUnits lists the units whose rolled-up headcount differs.
func compareUnits(old, new *domain.Document, m *matching, oldIDs, newIDs []domain.NodeID, oldPaths, newPaths map[domain.NodeID][]string) []UnitChange {
	oldRoll, newRoll := old.Rollup(), new.Rollup()
	var out []UnitChange
	for _, id := range newIDs {
		n := new.Node(id)
		oid, found := m.newToOld[id]
		wasUnit := found && old.Node(oid).Kind == domain.KindUnit
		if n.Kind != domain.KindUnit && !wasUnit {
			continue
		}
		var before, after domain.Headcount
		if wasUnit {
			before = oldRoll[oid]
		}
		if n.Kind == domain.KindUnit {
			after = newRoll[id]
		}
		status := Changed
		if !found {
			status = Added
		}
		if h := headcount(before, after); h.Changed() {
			out = append(out, UnitChange{Status: status, Old: oid, New: id, Path: newPaths[id], Headcount: h})
		}
	}
	for _, id := range oldIDs {
		o := old.Node(id)
		if _, found := m.oldToNew[id]; found || o.Kind != domain.KindUnit {
			continue
		}
		if h := headcount(oldRoll[id], domain.Headcount{}); h.Changed() {
			out = append(out, UnitChange{Status: Removed, Old: id, Path: oldPaths[id], Headcount: h})
		}
	}
	return out
}

// compareLinks pairs the links whose two ends are paired boxes (several
// links between the same two boxes in order) and lists the rest.
func compareLinks(old, new *domain.Document, m *matching, oldPaths, newPaths map[domain.NodeID][]string) []LinkChange {
	type ends struct{ from, to domain.NodeID }
	pending := map[ends][]domain.Link{}
	for _, l := range new.Links() {
		k := ends{l.From, l.To}
		pending[k] = append(pending[k], l)
	}
	var out []LinkChange
	for _, l := range old.Links() {
		from, okFrom := m.oldToNew[l.From]
		to, okTo := m.oldToNew[l.To]
		k := ends{from, to}
		if okFrom && okTo && len(pending[k]) > 0 {
			n := pending[k][0]
			pending[k] = pending[k][1:]
			if n.Label != l.Label {
				out = append(out, LinkChange{Status: Changed, From: newPaths[n.From], To: newPaths[n.To], Before: l.Label, After: n.Label})
			}
			continue
		}
		out = append(out, LinkChange{Status: Removed, From: linkEnd(oldPaths, l.From), To: linkEnd(oldPaths, l.To), Before: l.Label})
	}
	for _, l := range new.Links() {
		k := ends{l.From, l.To}
		if len(pending[k]) > 0 && pending[k][0].ID == l.ID {
			pending[k] = pending[k][1:]
			out = append(out, LinkChange{Status: Added, From: linkEnd(newPaths, l.From), To: linkEnd(newPaths, l.To), After: l.Label})
		}
	}
	return out
}

// linkEnd names a link's end; a link may point at a box that is gone (the
// checks report it), named then by its id.
func linkEnd(paths map[domain.NodeID][]string, id domain.NodeID) []string {
	if p, ok := paths[id]; ok {
		return p
	}
	return []string{"#" + strconv.FormatInt(int64(id), 10)}
}

// jobField is the field name of a JobSpec text field in a report:
// "job.summary" and so on.
func jobField(f domain.JobField) string { return "job." + f.String() }

// planText shows a staffing plan (排班定编) in a line: its posts, each
// with people × hours × days, and the 编制 it gives; "" for none.
func planText(p *staffing.Plan) string {
	if p == nil {
		return ""
	}
	var posts []string
	for _, post := range p.Posts {
		posts = append(posts, strings.TrimSpace(fmt.Sprintf("%s %d×%s×%sd", post.Name, post.People, post.Hours.Display(), staffing.Num(post.Days))))
	}
	text := strings.Join(posts, ", ")
	if r, err := staffing.Compute(p); err == nil {
		text += fmt.Sprintf(" = %d", r.Total)
	}
	return text
}

// codesText shows the numbering scheme of positions: its prefix and the
// width of its numbers; "" when it is off.
func codesText(c domain.CodeScheme) string {
	if c.Digits == 0 {
		return ""
	}
	return fmt.Sprintf("%s %0*d", c.Prefix, c.Digits, 1)
}
