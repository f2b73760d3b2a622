// Package domain holds the OrgDraft document model and its rules: the tree of
// units and positions, their duties and headcounts, dotted-line links, the
// sign-off block, every edit as an undoable command, the derived reporting
// lines, headcount roll-ups and the validation report.
//
// It imports nothing of the GUI, the database or the PDF writer, so the
// editor, the command line and the tests all share this one model.
package domain

import (
	"fmt"
	"slices"
	"strings"

	"orgdraft/domain/staffing"
)

// NodeID identifies a box in the chart. It is stable for the life of the
// document: it is what the file stores and what links refer to.
type NodeID int64

// LinkID identifies a dotted-line link.
type LinkID int64

// Kind says what a box stands for.
type Kind int

// The kinds of boxes.
const (
	// KindUnit is a department, group or centre (部门/组).
	KindUnit Kind = iota
	// KindPosition is a job position (岗位) with a headcount.
	KindPosition
	// KindAssistant is an assistant or staff position (直属) drawn beside
	// its manager rather than in the row of ordinary subordinates.
	KindAssistant
)

var kindNames = [...]string{"unit", "position", "assistant"}

// String returns the stable English name used in files ("unit", "position",
// "assistant").
func (k Kind) String() string { return enumName(kindNames[:], k, "kind") }

// ParseKind is the inverse of Kind.String.
func ParseKind(s string) (Kind, error) {
	return parseEnum[Kind](kindNames[:], s, "kind")
}

// enumName returns the stable name of v among names, or "what(v)" for a
// value out of range.
func enumName[E ~int](names []string, v E, what string) string {
	if v < 0 || int(v) >= len(names) {
		return fmt.Sprintf("%s(%d)", what, int(v))
	}
	return names[v]
}

// parseEnum is the inverse of enumName; the error lists the valid names.
func parseEnum[E ~int](names []string, s, what string) (E, error) {
	if i := slices.Index(names, s); i >= 0 {
		return E(i), nil
	}
	return 0, fmt.Errorf("unknown %s %q (want %s)", what, s, strings.Join(names, ", "))
}

// IsPosition reports whether boxes of this kind hold people (positions and
// assistants) and so carry headcount, duties and qualifications.
func (k Kind) IsPosition() bool { return k == KindPosition || k == KindAssistant }

// Offset is a manual displacement of a box from where the automatic layout
// puts it, in layout units (points).
type Offset struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Node is one box of the chart. Outside this package treat it as read-only:
// every change goes through a Command so that it can be undone and saved.
type Node struct {
	ID     NodeID
	Parent NodeID // 0 for a top-level box
	Kind   Kind
	Name   string
	// Head marks the position that heads its parent unit; the unit's other
	// members report to it.
	Head           bool
	Planned        int  // planned headcount (编制)
	Filled         int  // filled headcount (在岗)
	Concurrent     bool // held concurrently (兼) by someone counted elsewhere
	Grade          string
	Hours          string // working hours or shift
	Notes          string
	Duties         []string // 岗位职责, in order
	Qualifications []string // 任职资格, in order
	Functions      []string // 部门职能 of a unit, in order
	Offset         Offset
	Collapsed      bool
	Leaves         Leaves  // how the box's leaf children are arranged
	Job            JobSpec // the rest of a position's 岗位说明书
	// Staffing is what the position's 编制 is sized from (排班定编), nil
	// for none; see staffingplan.go.
	Staffing *staffing.Plan

	children []NodeID
}

// Children returns the node's children in sibling order. The slice is the
// model's own: do not modify it.
func (n *Node) Children() []NodeID { return n.children }

// clone returns a deep copy of n without its children list.
func (n *Node) clone() Node {
	c := *n
	c.Duties = slices.Clone(n.Duties)
	c.Qualifications = slices.Clone(n.Qualifications)
	c.Functions = slices.Clone(n.Functions)
	c.Job = n.Job.clone()
	c.Staffing = n.Staffing.Clone()
	c.children = nil
	return c
}

// Leaves says how a box's leaf children are arranged in the chart.
type Leaves int

// The arrangements of leaf children.
const (
	// LeavesDefault follows the document's PageSettings.CompactLeaves.
	LeavesDefault Leaves = iota
	// LeavesColumn stacks the leaves in a compact column under a side line.
	LeavesColumn
	// LeavesRow spreads the leaves in a row.
	LeavesRow
)

var leavesNames = [...]string{"default", "column", "row"}

// String returns "default", "column" or "row".
func (l Leaves) String() string { return enumName(leavesNames[:], l, "leaves") }

// ParseLeaves is the inverse of Leaves.String; "" means LeavesDefault.
func ParseLeaves(s string) (Leaves, error) {
	if s == "" {
		return LeavesDefault, nil
	}
	return parseEnum[Leaves](leavesNames[:], s, "leaf arrangement")
}

// List names one of a node's ordered text lists.
type List int

// The ordered text lists of a node.
const (
	Duties List = iota
	Qualifications
	Functions
	// Authority is a position's powers (工作权限), JobSpec.Authority.
	Authority
	// KPIs is how a position is assessed (考核指标), JobSpec.KPIs.
	KPIs
)

var listNames = [...]string{"duties", "qualifications", "functions", "authority", "kpis"}

// Lists are all the lists of a node, in the order they are stored and
// shown.
var Lists = []List{Duties, Qualifications, Functions, Authority, KPIs}

// String returns the list's stable English name.
func (l List) String() string { return enumName(listNames[:], l, "list") }

// ParseList is the inverse of List.String.
func ParseList(s string) (List, error) { return parseEnum[List](listNames[:], s, "list") }

// Items returns the node's list l.
func (n *Node) Items(l List) []string {
	return *n.list(l)
}

func (n *Node) list(l List) *[]string {
	switch l {
	case Qualifications:
		return &n.Qualifications
	case Functions:
		return &n.Functions
	case Authority:
		return &n.Job.Authority
	case KPIs:
		return &n.Job.KPIs
	default:
		return &n.Duties
	}
}

// Link is a dotted-line (functional) reporting relation drawn apart from
// the tree.
type Link struct {
	ID       LinkID
	From, To NodeID
	Label    string
}

// Status is the approval state of the document.
type Status int

// Document statuses.
const (
	Draft Status = iota
	Approved
)

// String returns "draft" or "approved".
func (s Status) String() string {
	if s == Approved {
		return "approved"
	}
	return "draft"
}

// ParseStatus is the inverse of Status.String.
func ParseStatus(s string) (Status, error) {
	switch s {
	case "draft", "":
		return Draft, nil
	case "approved":
		return Approved, nil
	}
	return Draft, fmt.Errorf("unknown status %q (want draft or approved)", s)
}

// SignOff is one row of the sign-off block (编制 / 审核 / 批准).
type SignOff struct {
	Role string `json:"role"` // e.g. 编制
	Name string `json:"name"`
	Date string `json:"date"` // as the user typed it, usually YYYY-MM-DD
}

// DefaultSignOffs returns the three customary rows with blank names, to be
// signed by hand on paper.
func DefaultSignOffs() []SignOff {
	return []SignOff{{Role: "编制"}, {Role: "审核"}, {Role: "批准"}}
}

// RoleInEnglish returns the English name of a customary sign-off role
// (编制 → Prepared by, 审核 → Reviewed by, 批准 → Approved by) and any
// other role as written: roles are the user's words, but these three are
// the program's own, stored in every new document.
func RoleInEnglish(role string) string {
	switch strings.TrimSpace(role) {
	case "编制":
		return "Prepared by"
	case "审核":
		return "Reviewed by"
	case "批准":
		return "Approved by"
	}
	return role
}

// PageSettings are the document's printing and layout preferences.
type PageSettings struct {
	Paper         string // "A4", "A3", "A2"
	Landscape     bool
	LeftToRight   bool // chart orientation; false = top-down
	CompactLeaves bool // default for stacking leaf positions in a column

	// Language is the language the PDFs print their own words in.
	Language Language
	// BookOrder is the order of the book's chapters (bookorder.go).
	BookOrder BookOrder

	// BookPaper is the paper of the job-responsibility book ("A4", "A3",
	// "A2"); Paper is the chart's. Empty means DefaultBookPaper.
	BookPaper string
}

// Info holds the document-level fields edited in the properties dialog.
type Info struct {
	Title           string
	Company         string
	Version         string // version label, e.g. "V1.0 试用稿"
	Status          Status
	EffectiveDate   string
	Confidentiality string // e.g. 对内公开
	// StatedTotal is the total headcount the document states in words
	// (e.g. "合计:54人"); 0 when it states none.
	StatedTotal int
	Notes       string
	SignOffs    []SignOff
	Page        PageSettings

	// Codes is the scheme that numbers positions (岗位编号); see
	// Document.PositionCode.
	Codes CodeScheme
}

func (i Info) clone() Info {
	i.SignOffs = slices.Clone(i.SignOffs)
	return i
}

// Document is one org-chart document: its fields, the forest of boxes and
// the dotted-line links.
type Document struct {
	Info Info

	nodes    map[NodeID]*Node
	roots    []NodeID
	links    []Link
	nextNode NodeID
	nextLink LinkID

	// revisions are the approved versions the file keeps (approval.go).
	revisions []Revision
}

// NewDocument returns an empty document with the customary sign-off rows and
// A4 paper.
func NewDocument() *Document {
	return &Document{
		Info: Info{
			Title:           "组织架构及岗位职责",
			Version:         "V1.0",
			Confidentiality: "对内公开",
			SignOffs:        DefaultSignOffs(),
			Page:            PageSettings{Paper: "A4", CompactLeaves: true},
		},
		nodes:    map[NodeID]*Node{},
		nextNode: 1,
		nextLink: 1,
	}
}

// Node returns the node with the given id, or nil.
func (d *Document) Node(id NodeID) *Node { return d.nodes[id] }

// Len returns the number of boxes.
func (d *Document) Len() int { return len(d.nodes) }

// Roots returns the top-level boxes in order. Do not modify the slice.
func (d *Document) Roots() []NodeID { return d.roots }

// ChildIDs returns the children of id in order, or the roots for id 0.
func (d *Document) ChildIDs(id NodeID) []NodeID {
	if id == 0 {
		return d.roots
	}
	if n := d.nodes[id]; n != nil {
		return n.children
	}
	return nil
}

// Links returns the dotted-line links. Do not modify the slice.
func (d *Document) Links() []Link { return d.links }

// Link returns the link with the given id.
func (d *Document) Link(id LinkID) (Link, bool) {
	for _, l := range d.links {
		if l.ID == id {
			return l, true
		}
	}
	return Link{}, false
}

// Walk visits every box in pre-order (parents before children, siblings in
// order). It is iterative, so a very deep chain cannot overflow the stack.
// Returning false from fn stops the walk.
func (d *Document) Walk(fn func(n *Node) bool) {
	d.walkFrom(d.roots, fn)
}

// WalkSubtree visits id and its descendants in pre-order.
func (d *Document) WalkSubtree(id NodeID, fn func(n *Node) bool) {
	if d.nodes[id] == nil {
		return
	}
	d.walkFrom([]NodeID{id}, fn)
}

func (d *Document) walkFrom(start []NodeID, fn func(n *Node) bool) {
	stack := make([]NodeID, 0, 64)
	for i := len(start) - 1; i >= 0; i-- {
		stack = append(stack, start[i])
	}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := d.nodes[id]
		if !fn(n) {
			return
		}
		for i := len(n.children) - 1; i >= 0; i-- {
			stack = append(stack, n.children[i])
		}
	}
}

// Topmost returns the boxes of ids that exist and have no ancestor in ids,
// in the order given, each once: deleting or moving a box takes its
// subtree along, so a box inside another one of ids is left out.
func (d *Document) Topmost(ids []NodeID) []NodeID {
	var out []NodeID
	for _, id := range ids {
		if d.nodes[id] == nil || slices.Contains(out, id) {
			continue
		}
		covered := slices.ContainsFunc(ids, func(o NodeID) bool { return o != id && d.IsAncestor(o, id) })
		if !covered {
			out = append(out, id)
		}
	}
	return out
}

// IsAncestor reports whether a is b or one of b's ancestors.
func (d *Document) IsAncestor(a, b NodeID) bool {
	for id := b; id != 0; {
		if id == a {
			return true
		}
		n := d.nodes[id]
		if n == nil {
			return false
		}
		id = n.Parent
	}
	return false
}

// Path returns the names from the top-level box down to id, for messages.
func (d *Document) Path(id NodeID) []string {
	var names []string
	for n := d.nodes[id]; n != nil; n = d.nodes[n.Parent] {
		names = append(names, n.Name)
	}
	slices.Reverse(names)
	return names
}

// IndexOf returns id's position among its siblings, or -1.
func (d *Document) IndexOf(id NodeID) int {
	n := d.nodes[id]
	if n == nil {
		return -1
	}
	return slices.Index(d.ChildIDs(n.Parent), id)
}

// siblings returns a pointer to the child list that holds children of
// parent (the roots for 0).
func (d *Document) siblings(parent NodeID) *[]NodeID {
	if parent == 0 {
		return &d.roots
	}
	return &d.nodes[parent].children
}

// attach inserts an existing node into its parent's child list at index
// (clamped to the list).
func (d *Document) attach(id, parent NodeID, index int) {
	s := d.siblings(parent)
	index = max(0, min(index, len(*s)))
	*s = slices.Insert(*s, index, id)
	d.nodes[id].Parent = parent
}

// detach removes id from its parent's child list and returns where it was.
func (d *Document) detach(id NodeID) int {
	s := d.siblings(d.nodes[id].Parent)
	i := slices.Index(*s, id)
	if i >= 0 {
		*s = slices.Delete(*s, i, i+1)
	}
	return i
}
