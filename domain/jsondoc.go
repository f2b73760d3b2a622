package domain

import (
	"encoding/json"
	"fmt"
	"io"

	"orgdraft/domain/staffing"
)

// The JSON form of a document is a nested tree, easy to write by hand: the
// templates in assets/ are kept in it, and `orgdraft show --json` prints it.

type jsonDoc struct {
	Title           string      `json:"title"`
	Company         string      `json:"company,omitempty"`
	Version         string      `json:"version,omitempty"`
	Status          string      `json:"status,omitempty"`
	EffectiveDate   string      `json:"effectiveDate,omitempty"`
	Confidentiality string      `json:"confidentiality,omitempty"`
	StatedTotal     int         `json:"statedTotal,omitempty"`
	Notes           string      `json:"notes,omitempty"`
	SignOffs        []SignOff   `json:"signOffs,omitempty"`
	Page            *jsonPage   `json:"page,omitempty"`
	Nodes           []*jsonNode `json:"nodes"`
	Links           []jsonLink  `json:"links,omitempty"`
	// Codes is the numbering scheme of positions; absent when off.
	Codes *jsonCodes `json:"codes,omitempty"`
}

type jsonPage struct {
	Paper         string `json:"paper,omitempty"`
	Landscape     bool   `json:"landscape,omitempty"`
	LeftToRight   bool   `json:"leftToRight,omitempty"`
	CompactLeaves bool   `json:"compactLeaves,omitempty"`
	Language      string `json:"language,omitempty"`  // the print language; absent for Chinese
	BookOrder     string `json:"bookOrder,omitempty"` // "unit"; absent for the order by kind
	BookPaper     string `json:"bookPaper,omitempty"` // the book's paper; absent for the default
}

type jsonNode struct {
	// ID is the box's stable id, written only in a snapshot (see
	// EncodeSnapshotJSON): templates and `show --json` leave it out.
	ID             NodeID      `json:"id,omitempty"`
	Key            string      `json:"key,omitempty"` // for links only
	Kind           string      `json:"kind"`
	Name           string      `json:"name"`
	Head           bool        `json:"head,omitempty"`
	Planned        int         `json:"planned,omitempty"`
	Filled         int         `json:"filled,omitempty"`
	Concurrent     bool        `json:"concurrent,omitempty"`
	Grade          string      `json:"grade,omitempty"`
	Hours          string      `json:"hours,omitempty"`
	Notes          string      `json:"notes,omitempty"`
	Duties         []string    `json:"duties,omitempty"`
	Qualifications []string    `json:"qualifications,omitempty"`
	Functions      []string    `json:"functions,omitempty"`
	Collapsed      bool        `json:"collapsed,omitempty"`
	Leaves         string      `json:"leaves,omitempty"`
	Offset         *Offset     `json:"offset,omitempty"`
	Children       []*jsonNode `json:"children,omitempty"`
	jsonJob

	// Staffing is the box's 排班定编 inputs (staffingplan.go).
	Staffing *staffing.Plan `json:"staffing,omitempty"`
}

type jsonLink struct {
	ID    LinkID `json:"id,omitempty"` // in a snapshot only, like jsonNode.ID
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label,omitempty"`
}

// DecodeJSON reads a document in its JSON tree form. Unknown fields, bad
// kinds, empty names, negative headcounts and links to unknown keys are
// errors naming the box.
func DecodeJSON(r io.Reader) (*Document, error) {
	var jd jsonDoc
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jd); err != nil {
		return nil, fmt.Errorf("reading the document: %w", err)
	}
	status, err := ParseStatus(jd.Status)
	if err != nil {
		return nil, err
	}
	info := NewDocument().Info
	info.Title, info.Company, info.Status = jd.Title, jd.Company, status
	info.EffectiveDate, info.StatedTotal, info.Notes = jd.EffectiveDate, jd.StatedTotal, jd.Notes
	if jd.Version != "" {
		info.Version = jd.Version
	}
	if jd.Confidentiality != "" {
		info.Confidentiality = jd.Confidentiality
	}
	if jd.SignOffs != nil {
		info.SignOffs = jd.SignOffs
	}
	if p := jd.Page; p != nil {
		info.Page = PageSettings{Paper: p.Paper, Landscape: p.Landscape, LeftToRight: p.LeftToRight, CompactLeaves: p.CompactLeaves}
		if info.Page.Paper == "" {
			info.Page.Paper = "A4"
		}
		if info.Page.Language, err = ParseLanguage(p.Language); err != nil {
			return nil, err
		}
		if info.Page.BookOrder, err = ParseBookOrder(p.BookOrder); err != nil {
			return nil, err
		}
		info.Page.BookPaper = p.BookPaper
	}
	if c := jd.Codes; c != nil {
		info.Codes = CodeScheme{Prefix: c.Prefix, Digits: c.Digits}
	}

	var nodes []Node
	keys := map[string]NodeID{}
	type item struct {
		n      *jsonNode
		parent NodeID
	}
	// Iterative pre-order so that nesting depth is bounded only by the
	// JSON decoder.
	stack := make([]item, 0, len(jd.Nodes))
	for i := len(jd.Nodes) - 1; i >= 0; i-- {
		stack = append(stack, item{jd.Nodes[i], 0})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		kind, err := ParseKind(it.n.Kind)
		if err != nil {
			return nil, fmt.Errorf("box %q: %w", it.n.Name, err)
		}
		id := NodeID(len(nodes) + 1)
		if it.n.ID != 0 {
			id = it.n.ID // a snapshot keeps the stable ids (Restore refuses repeats)
		}
		n := Node{
			ID: id, Parent: it.parent, Kind: kind, Name: it.n.Name, Head: it.n.Head,
			Planned: it.n.Planned, Filled: it.n.Filled, Concurrent: it.n.Concurrent, Grade: it.n.Grade,
			Hours: it.n.Hours, Notes: it.n.Notes, Duties: it.n.Duties, Qualifications: it.n.Qualifications,
			Functions: it.n.Functions, Collapsed: it.n.Collapsed, Job: it.n.job(),
		}
		if n.Leaves, err = ParseLeaves(it.n.Leaves); err != nil {
			return nil, fmt.Errorf("box %q: %w", it.n.Name, err)
		}
		if it.n.Offset != nil {
			n.Offset = *it.n.Offset
		}
		n.Staffing = it.n.Staffing
		if err := checkNode(&n); err != nil {
			return nil, fmt.Errorf("box %q: %w", it.n.Name, err)
		}
		if it.n.Key != "" {
			if _, dup := keys[it.n.Key]; dup {
				return nil, fmt.Errorf("box %q: key %q is used twice", n.Name, it.n.Key)
			}
			keys[it.n.Key] = n.ID
		}
		nodes = append(nodes, n)
		for i := len(it.n.Children) - 1; i >= 0; i-- {
			stack = append(stack, item{it.n.Children[i], n.ID})
		}
	}
	var links []Link
	for i, l := range jd.Links {
		from, ok1 := keys[l.From]
		to, ok2 := keys[l.To]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("link %d: unknown box key %q or %q", i+1, l.From, l.To)
		}
		lid := LinkID(i + 1)
		if l.ID != 0 {
			lid = l.ID
		}
		links = append(links, Link{ID: lid, From: from, To: to, Label: l.Label})
	}
	d, err := Restore(info, nodes, links)
	if err != nil {
		return nil, err
	}
	for _, n := range d.nodes {
		if n.Head && !canHead(d, n) {
			return nil, fmt.Errorf("box %q: %w", n.Name, ErrHeadNeedUnit)
		}
		if n.Head && d.headExcept(n.Parent, n.ID) != 0 {
			return nil, fmt.Errorf("box %q: its unit has two heads", n.Name)
		}
	}
	return d, nil
}

// EncodeJSON writes the document in its JSON tree form, indented.
func EncodeJSON(w io.Writer, d *Document) error {
	return encodeJSON(w, d, false)
}

// encodeJSON writes d's JSON form; withIDs adds the boxes' and links'
// stable ids and leaves out the indentation (a snapshot, read by programs).
func encodeJSON(w io.Writer, d *Document, withIDs bool) error {
	jd := jsonDoc{
		Title: d.Info.Title, Company: d.Info.Company, Version: d.Info.Version, Status: d.Info.Status.String(),
		EffectiveDate: d.Info.EffectiveDate, Confidentiality: d.Info.Confidentiality,
		StatedTotal: d.Info.StatedTotal, Notes: d.Info.Notes, SignOffs: d.Info.SignOffs,
		Page: &jsonPage{Paper: d.Info.Page.Paper, Landscape: d.Info.Page.Landscape,
			LeftToRight: d.Info.Page.LeftToRight, CompactLeaves: d.Info.Page.CompactLeaves,
			BookPaper: d.Info.Page.BookPaper},
		Nodes: []*jsonNode{},
	}
	if d.Info.Page.Language != Chinese {
		jd.Page.Language = d.Info.Page.Language.String()
	}
	if d.Info.Page.BookOrder != BookByKind {
		jd.Page.BookOrder = d.Info.Page.BookOrder.String()
	}
	if c := d.Info.Codes; c != (CodeScheme{}) {
		jd.Codes = &jsonCodes{Prefix: c.Prefix, Digits: c.Digits}
	}
	linked := map[NodeID]bool{}
	for _, l := range d.links {
		linked[l.From], linked[l.To] = true, true
	}
	byID := map[NodeID]*jsonNode{}
	d.Walk(func(n *Node) bool {
		jn := &jsonNode{
			Kind: n.Kind.String(), Name: n.Name, Head: n.Head, Planned: n.Planned, Filled: n.Filled,
			Concurrent: n.Concurrent, Grade: n.Grade, Hours: n.Hours, Notes: n.Notes, Duties: n.Duties,
			Qualifications: n.Qualifications, Functions: n.Functions, Collapsed: n.Collapsed,
			jsonJob: jobJSON(n.Job),
		}
		if n.Leaves != LeavesDefault {
			jn.Leaves = n.Leaves.String()
		}
		if n.Offset != (Offset{}) {
			o := n.Offset
			jn.Offset = &o
		}
		jn.Staffing = n.Staffing
		if linked[n.ID] {
			jn.Key = fmt.Sprint(n.ID)
		}
		if withIDs {
			jn.ID = n.ID
		}
		byID[n.ID] = jn
		if p := byID[n.Parent]; p != nil {
			p.Children = append(p.Children, jn)
		} else {
			jd.Nodes = append(jd.Nodes, jn)
		}
		return true
	})
	for _, l := range d.links {
		if d.nodes[l.From] == nil || d.nodes[l.To] == nil {
			continue // dangling: the validation report names it
		}
		jl := jsonLink{From: fmt.Sprint(l.From), To: fmt.Sprint(l.To), Label: l.Label}
		if withIDs {
			jl.ID = l.ID
		}
		jd.Links = append(jd.Links, jl)
	}
	enc := json.NewEncoder(w)
	if !withIDs {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	return enc.Encode(jd)
}

// ---- the 岗位说明书 (JobSpec) and the numbering of positions ----

// jsonJob is a box's JobSpec in the JSON form: its fields sit beside the
// box's others, each left out when empty.
type jsonJob struct {
	Code         string   `json:"code,omitempty"`
	PayGrade     string   `json:"payGrade,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Authority    []string `json:"authority,omitempty"`
	Education    string   `json:"education,omitempty"`
	Major        string   `json:"major,omitempty"`
	Experience   string   `json:"experience,omitempty"`
	Skills       string   `json:"skills,omitempty"`
	Certificates string   `json:"certificates,omitempty"`
	Other        string   `json:"other,omitempty"`
	Internal     string   `json:"internal,omitempty"`
	External     string   `json:"external,omitempty"`
	KPIs         []string `json:"kpis,omitempty"`
	Superior     string   `json:"superior,omitempty"`
}

// jsonCodes is the document's CodeScheme in the JSON form.
type jsonCodes struct {
	Prefix string `json:"prefix,omitempty"`
	Digits int    `json:"digits"`
}

func jobJSON(j JobSpec) jsonJob {
	return jsonJob{Code: j.Code, PayGrade: j.PayGrade, Summary: j.Summary, Authority: j.Authority,
		Education: j.Education, Major: j.Major, Experience: j.Experience, Skills: j.Skills,
		Certificates: j.Certificates, Other: j.Other, Internal: j.Internal, External: j.External,
		KPIs: j.KPIs, Superior: j.Superior}
}

func (n *jsonNode) job() JobSpec {
	j := n.jsonJob
	return JobSpec{Code: j.Code, PayGrade: j.PayGrade, Summary: j.Summary, Authority: j.Authority,
		Education: j.Education, Major: j.Major, Experience: j.Experience, Skills: j.Skills,
		Certificates: j.Certificates, Other: j.Other, Internal: j.Internal, External: j.External,
		KPIs: j.KPIs, Superior: j.Superior}
}
