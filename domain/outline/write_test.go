package outline

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"orgdraft/domain"
)

// branchView is a branch as a user compares two copies: every box's
// fields and its place (the index of its superior in pre-order), and the
// links by the boxes' indexes. Ids do not count.
func branchView(b *domain.Branch) string {
	at := map[domain.NodeID]int{}
	var sb strings.Builder
	for i, n := range b.Nodes {
		at[n.ID] = i
		parent := -1
		if j, ok := at[n.Parent]; ok {
			parent = j
		}
		fmt.Fprintf(&sb, "%d<-%d %s %q head=%v planned=%d filled=%d conc=%v grade=%q hours=%q notes=%q duties=%q quals=%q functions=%q job=%q\n",
			i, parent, n.Kind, n.Name, n.Head, n.Planned, n.Filled, n.Concurrent, n.Grade, n.Hours, n.Notes, n.Duties, n.Qualifications, n.Functions, fmt.Sprintf("%+v", n.Job))
	}
	// The order of the links is not something a user sees.
	var links []string
	for _, l := range b.Links {
		links = append(links, fmt.Sprintf("link %d->%d %q\n", at[l.From], at[l.To], l.Label))
	}
	slices.Sort(links)
	return sb.String() + strings.Join(links, "")
}

// The places a branch is pasted in the round trips: the top level of an
// empty document, under a position, under a unit without a head.
var pasteInto = []string{"", "岗（1人）", "组（部门）"}

// roundTrip formats a branch and pastes the text into a document with
// only the box into (see pasteInto), returning the copy of what the
// paste added.
func roundTrip(t *testing.T, b *domain.Branch, into string) (*domain.Branch, string) {
	t.Helper()
	text := Format(b)
	d := domain.NewDocument()
	parent := domain.NodeID(0)
	if into != "" {
		d = mustParse(t, into)
		parent = d.Roots()[0]
	}
	p, err := Insert(d, parent, text)
	if err != nil {
		t.Fatalf("the written outline is refused under %q: %v\n%s", into, err, text)
	}
	if _, err := p.Do(d); err != nil {
		t.Fatalf("pasting the written outline under %q: %v\n%s", into, err, text)
	}
	return d.CopyBranch(p.Added()), text
}

// checkRoundTrip pastes b's outline in every place of pasteInto and
// fails unless each paste gives b again. A top-level box that headed its
// unit heads only a unit it is pasted into, and only the first such box.
func checkRoundTrip(t *testing.T, b *domain.Branch, what string) string {
	t.Helper()
	var text string
	for _, into := range pasteInto {
		want := *b
		want.Nodes = slices.Clone(b.Nodes)
		headed := !strings.Contains(into, "部门") // a unit has one head
		for i := range want.Nodes {
			if n := &want.Nodes[i]; n.Parent == 0 && n.Head {
				n.Head = !headed
				headed = true
			}
		}
		var got *domain.Branch
		got, text = roundTrip(t, b, into)
		if g, w := branchView(got), branchView(&want); g != w {
			t.Fatalf("%s read back differently under %q:\n--- got\n%s--- want\n%s--- text\n%s", what, into, g, w, text)
		}
	}
	return text
}

func TestFormatReadsBackAsTheSameBranch(t *testing.T) {
	h := domain.NewHistory(domain.NewDocument())
	do := func(c domain.Command) {
		t.Helper()
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	add := func(parent domain.NodeID, k domain.Kind, name string, planned int) domain.NodeID {
		c := domain.AddChild(parent, k, name)
		c.Init.Planned = planned
		do(c)
		return c.ID
	}
	dept := add(0, domain.KindUnit, "客户服务部", 0)
	do(domain.InsertItems(dept, domain.Functions, -1, "受理客户来电\n处理投诉"))
	mgr := add(dept, domain.KindPosition, "客服经理", 1)
	do(&domain.SetHead{ID: mgr, On: true})
	do(domain.InsertItems(mgr, domain.Duties, -1, "负责部门管理；\n1、制定排班"))
	do(domain.InsertItems(mgr, domain.Qualifications, -1, "大专以上学历"))
	do(domain.SetGrade(mgr, "M1"))
	do(domain.SetHours(mgr, "9:00-18:00"))
	do(domain.SetNotes(mgr, "兼管培训\n第二行"))
	for i, f := range domain.JobFields {
		do(domain.SetJobText(mgr, f, fmt.Sprintf("岗位说明第%d项", i+1)))
	}
	do(domain.SetJobText(mgr, domain.JobSummary, "统筹客服工作\n第二行"))
	do(domain.InsertItems(mgr, domain.Authority, -1, "排班审批权\n考勤审核权"))
	do(domain.InsertItems(mgr, domain.KPIs, -1, "客户满意度"))
	do(domain.SetJobText(dept, domain.JobCode, "KF"))
	asst := add(dept, domain.KindPosition, "经理助理", 1) // a position named like an assistant
	agent := add(dept, domain.KindPosition, "客服专员", 6)
	do(domain.SetFilled(agent, 4))
	clerk := add(dept, domain.KindPosition, "文员", 1)
	do(domain.SetConcurrent(clerk, true))
	add(dept, domain.KindAssistant, "质检", 1)     // an assistant not named like one
	group := add(dept, domain.KindUnit, "质量", 0) // a unit not named like one, without boxes
	_ = group
	lead := add(dept, domain.KindPosition, "主管", 2) // a position over boxes adding up to its count
	add(lead, domain.KindPosition, "组员", 2)
	noHead := add(0, domain.KindUnit, "热线组", 0)
	add(noHead, domain.KindPosition, "热线班长", 1) // a leader's title, but not the head
	do(&domain.AddLink{From: agent, To: asst, Text: "质量"})
	do(&domain.AddLink{From: clerk, To: mgr})

	b := h.Doc.CopyBranch(h.Doc.Roots())
	text := checkRoundTrip(t, b, "the department")
	checkRoundTrip(t, h.Doc.CopyBranch([]domain.NodeID{mgr, asst, lead}), "three posts")
	for _, want := range []string{"客服经理（1人，负责人）", "客服专员（6人，在岗4人）", "文员（1人，兼）", "\t\t1、负责部门管理；", "虚线汇报：客户服务部/经理助理（质量）"} {
		if !strings.Contains(text, want) {
			t.Errorf("the outline has no line %q:\n%s", want, text)
		}
	}
	// Only the boxes the reader would misread say their kind.
	if strings.Contains(text, "客户服务部（") || strings.Contains(text, "客服专员（6人，在岗4人，岗位）") {
		t.Errorf("kinds stated where they need not be:\n%s", text)
	}
}

// Random branches of tricky names and fields read back the same.
func TestFormatRoundTripsRandomBranches(t *testing.T) {
	names := []string{"客服部", "质量", "培训组", "客服经理", "总经理助理", "经理", "秘书", "值班长", "热线员",
		"职责", "负责客户投诉处理。", "售后 服务", "客服专员 (2)", "A班", "出纳员(兼文员)", "组长", "副经理", "库管员", "1号楼管家"}
	items := []string{"接听来电", "1、已经编号的一条", "(2)带括号", "负责；", "做好记录。", "①圆圈"}
	texts := []string{"", "", "P3", "早班 8:00", "第一行\n第二行"}
	rng := rand.New(rand.NewPCG(12, 34))
	for round := range 300 {
		h := domain.NewHistory(domain.NewDocument())
		var ids []domain.NodeID
		for k := 0; k < 2+rng.IntN(12); k++ {
			parent := domain.NodeID(0)
			if len(ids) > 0 && rng.IntN(5) > 0 {
				parent = ids[rng.IntN(len(ids))]
			}
			kind := domain.Kind(rng.IntN(3))
			name := names[rng.IntN(len(names))]
			if parent == 0 {
				// Pasted top-level boxes of one name would be numbered
				// apart (TestPasteBranchNumbersClashingNames).
				name += fmt.Sprint(k)
			}
			c := domain.AddChild(parent, kind, name)
			if kind.IsPosition() {
				c.Init.Planned = rng.IntN(4)
				c.Init.Filled = rng.IntN(3)
				c.Init.Concurrent = rng.IntN(4) == 0
				for range rng.IntN(3) {
					c.Init.Duties = append(c.Init.Duties, items[rng.IntN(len(items))])
				}
				if rng.IntN(3) == 0 {
					c.Init.Qualifications = []string{items[rng.IntN(len(items))]}
				}
				if rng.IntN(2) == 0 {
					c.Init.Job.Summary, c.Init.Job.Education = texts[rng.IntN(len(texts))], texts[rng.IntN(len(texts))]
					c.Init.Job.KPIs = []string{items[rng.IntN(len(items))]}
				}
			} else if rng.IntN(2) == 0 {
				c.Init.Functions = []string{items[rng.IntN(len(items))]}
			}
			c.Init.Grade, c.Init.Hours, c.Init.Notes = texts[rng.IntN(len(texts))], texts[rng.IntN(len(texts))], texts[rng.IntN(len(texts))]
			if err := h.Do(c); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
			if kind == domain.KindPosition && parent != 0 && h.Doc.Node(parent).Kind == domain.KindUnit && h.Doc.HeadOf(parent) == 0 && rng.IntN(2) == 0 {
				if err := h.Do(&domain.SetHead{ID: c.ID, On: true}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for range rng.IntN(3) {
			a, z := ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))]
			if a != z {
				h.Do(&domain.AddLink{From: a, To: z, Text: []string{"", "协作"}[rng.IntN(2)]})
			}
		}
		// Links name their target by path: make the paths unique.
		seen := map[string]bool{}
		unique := true
		h.Doc.Walk(func(n *domain.Node) bool {
			p := strings.Join(h.Doc.Path(n.ID), "/")
			unique = unique && !seen[p]
			seen[p] = true
			return true
		})
		if !unique && len(h.Doc.Links()) > 0 {
			continue
		}
		checkRoundTrip(t, h.Doc.CopyBranch(h.Doc.Roots()), fmt.Sprintf("round %d", round))
		some := h.Doc.CopyBranch(ids[len(ids)/2:])
		var rootNames []string
		for _, id := range some.Roots() {
			rootNames = append(rootNames, some.Nodes[slices.IndexFunc(some.Nodes, func(n domain.Node) bool { return n.ID == id })].Name)
		}
		slices.Sort(rootNames)
		if len(slices.Compact(rootNames)) == len(some.Roots()) { // else they are numbered apart
			checkRoundTrip(t, some, fmt.Sprintf("round %d, some boxes", round))
		}
	}
}

func TestLinkLinesTypedByHand(t *testing.T) {
	d := mustParse(t, "客服部\n\t客服专员（2人）\n\t\t虚线汇报：客服部/质检员（质量）\n\t质检员（1人）\n")
	if len(d.Links()) != 1 {
		t.Fatalf("links %+v", d.Links())
	}
	l := d.Links()[0]
	if d.Node(l.From).Name != "客服专员" || d.Node(l.To).Name != "质检员" || l.Label != "质量" {
		t.Errorf("link %q → %q %q", d.Node(l.From).Name, d.Node(l.To).Name, l.Label)
	}
	_, err := Parse("客服部\n\t客服专员（2人）\n\t\t虚线汇报：质检员\n")
	var el ErrorList
	if !asErrorList(err, &el) || len(el) != 1 || el[0].Line != 3 {
		t.Errorf("a link to a box not in the outline: %v", err)
	}
}

func asErrorList(err error, el *ErrorList) bool {
	l, ok := err.(ErrorList)
	if ok {
		*el = l
	}
	return ok && slices.ContainsFunc(l, func(LineError) bool { return true })
}
