package diff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"orgdraft/domain"
)

// randomDoc builds a document of n boxes: units with positions and
// assistants below them, distinct names, a few duties and functions each
// (distinct too, so that the expected item changes are unambiguous), some
// headcounts, heads and dotted-line links.
func randomDoc(t testing.TB, r *rand.Rand, n int) *domain.Document {
	t.Helper()
	h := domain.NewHistory(domain.NewDocument())
	do := func(c domain.Command) {
		t.Helper()
		if err := h.Do(c); err != nil {
			t.Fatalf("%s: %v", c.Label(), err)
		}
	}
	var units, all []domain.NodeID
	for i := range n {
		parent := domain.NodeID(0)
		kind := domain.KindUnit
		if len(units) > 0 {
			parent = units[r.IntN(len(units))]
			kind = domain.Kind(r.IntN(3))
		}
		c := domain.AddChild(parent, kind, fmt.Sprintf("框%d", i))
		do(c)
		all = append(all, c.ID)
		if kind == domain.KindUnit {
			units = append(units, c.ID)
			do(domain.InsertItems(c.ID, domain.Functions, -1, fmt.Sprintf("职能%d甲\n职能%d乙", i, i)))
			continue
		}
		do(domain.SetPlanned(c.ID, 1+r.IntN(4)))
		do(domain.SetFilled(c.ID, r.IntN(3)))
		do(domain.SetGrade(c.ID, fmt.Sprintf("P%d", r.IntN(5))))
		do(domain.InsertItems(c.ID, domain.Duties, -1, fmt.Sprintf("职责%d甲\n职责%d乙\n职责%d丙", i, i, i)))
		do(domain.InsertItems(c.ID, domain.Qualifications, -1, fmt.Sprintf("资格%d", i)))
		if kind == domain.KindPosition && r.IntN(3) == 0 {
			do(&domain.SetHead{ID: c.ID, On: true})
		}
	}
	for range n / 5 {
		a, b := all[r.IntN(len(all))], all[r.IntN(len(all))]
		if a != b {
			do(&domain.AddLink{From: a, To: b, Text: "协作"})
		}
	}
	return h.Doc
}

// reportWords is the report as a sorted list of "status:id:aspect" words,
// one per change it lists, to compare with what a test did.
func reportWords(r *Report) []string {
	var out []string
	for _, c := range r.Info {
		out = append(out, "info:"+c.Field)
	}
	if r.RootsBefore != nil {
		out = append(out, "info:roots")
	}
	for _, c := range r.Boxes {
		id := c.New
		if c.Status == Removed {
			id = c.Old
		}
		w := func(aspect string) { out = append(out, fmt.Sprintf("%s:%d:%s", c.Status, id, aspect)) }
		switch c.Status {
		case Added:
			w("added")
			continue
		case Removed:
			w("removed")
			continue
		}
		if c.Renamed() {
			w("renamed")
		}
		if c.Moved {
			w("moved")
		}
		if c.OrderBefore != nil {
			w("order")
		}
		if h := c.Headcount; h != nil {
			if h.Planned.Changed() {
				w("planned")
			}
			if h.Filled.Changed() {
				w("filled")
			}
		}
		for _, f := range c.Fields {
			w(f.Field)
		}
		for _, l := range c.Lists {
			for _, it := range l.Items {
				w(l.Name + "." + it.Op.String())
			}
		}
	}
	for _, l := range r.Links {
		out = append(out, "link:"+l.Status.String())
	}
	slices.Sort(out)
	return out
}

func TestSameDocumentHasNoChanges(t *testing.T) {
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 1))
		a := randomDoc(t, r, 1+r.IntN(60))
		// Random edits first, so that the documents are not only those
		// randomDoc makes.
		h := domain.NewHistory(a)
		for range 40 {
			_ = h.Do(randomEdit(r, a))
		}
		for _, m := range []Matching{Auto, ByID, ByName} {
			rep := Compare(a, a.Clone(), Options{Matching: m})
			if !rep.Same() || len(rep.Rows(true)) != 0 {
				t.Fatalf("seed %d, matching %d: a document compared with its copy lists %v", seed, m, reportWords(rep))
			}
		}
	}
}

// randomEdit is any edit at all, for documents beyond randomDoc's.
func randomEdit(r *rand.Rand, d *domain.Document) domain.Command {
	var ids []domain.NodeID
	d.Walk(func(n *domain.Node) bool { ids = append(ids, n.ID); return true })
	pick := func() domain.NodeID {
		if len(ids) == 0 {
			return 0
		}
		return ids[r.IntN(len(ids))]
	}
	switch r.IntN(6) {
	case 0:
		return domain.AddChild(pick(), domain.Kind(r.IntN(3)), "新岗位")
	case 1:
		return &domain.DeleteNode{ID: pick()}
	case 2:
		return &domain.Move{ID: pick(), NewParent: pick(), Index: r.IntN(4) - 1}
	case 3:
		return domain.Rename(pick(), "同名")
	case 4:
		return domain.InsertItems(pick(), domain.List(r.IntN(3)), 0, "负责甲\n负责甲")
	}
	return &domain.SetHead{ID: pick(), On: true}
}

// edit is one kind of change: it picks a box of d (or none), makes the
// command and says which changes the report must list for it.
type edit struct {
	name string
	make func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string)
}

func word(s Status, id domain.NodeID, aspect string) string {
	return fmt.Sprintf("%s:%d:%s", s, id, aspect)
}

func positionOr(d *domain.Document, id domain.NodeID) bool {
	return d.Node(id).Kind.IsPosition()
}

var edits = []edit{
	{"rename", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.Rename(id, "改后的名字"), []string{word(Changed, id, "renamed")}
	}},
	{"planned", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if !positionOr(d, id) {
			return nil, nil
		}
		return domain.SetPlanned(id, d.Node(id).Planned+1+r.IntN(3)), []string{word(Changed, id, "planned")}
	}},
	{"filled", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if !positionOr(d, id) {
			return nil, nil
		}
		return domain.SetFilled(id, d.Node(id).Filled+1), []string{word(Changed, id, "filled")}
	}},
	{"grade", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetGrade(id, "M9"), []string{word(Changed, id, FieldGrade)}
	}},
	{"hours", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetHours(id, "早班 8:00-16:00"), []string{word(Changed, id, FieldHours)}
	}},
	{"notes", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetNotes(id, "新备注"), []string{word(Changed, id, FieldNotes)}
	}},
	{"job field", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if !positionOr(d, id) {
			return nil, nil
		}
		f := domain.JobFields[r.IntN(len(domain.JobFields))]
		return domain.SetJobText(id, f, "新写的一项"), []string{word(Changed, id, "job."+f.String())}
	}},
	{"authority and KPIs", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if !positionOr(d, id) {
			return nil, nil
		}
		l := []domain.List{domain.Authority, domain.KPIs}[r.IntN(2)]
		return domain.InsertItems(id, l, 0, "新增一条"), []string{word(Changed, id, l.String()+".added")}
	}},
	{"concurrent", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetConcurrent(id, !d.Node(id).Concurrent), []string{word(Changed, id, FieldConcurrent)}
	}},
	{"leaves", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetLeaves(id, domain.LeavesRow), []string{word(Changed, id, FieldLeaves)}
	}},
	{"offset", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetOffset(id, domain.Offset{X: 12, Y: -3}), []string{word(Changed, id, FieldOffset)}
	}},
	{"kind", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		n := d.Node(id)
		if n.Kind != domain.KindPosition || n.Head {
			return nil, nil
		}
		// A position made an assistant keeps its numbers.
		return domain.SetKind(id, domain.KindAssistant), []string{word(Changed, id, FieldKind)}
	}},
	{"head", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		n := d.Node(id)
		p := d.Node(n.Parent)
		if n.Kind != domain.KindPosition || n.Head || p == nil || p.Kind != domain.KindUnit {
			return nil, nil
		}
		want := []string{word(Changed, id, FieldHead)}
		if prev := d.HeadOf(n.Parent); prev != 0 {
			want = append(want, word(Changed, prev, FieldHead))
		}
		return &domain.SetHead{ID: id, On: true}, want
	}},
	{"add", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		c := domain.AddChild(id, domain.KindPosition, "新岗位")
		// The new box's id is known once it is done: the test asks the
		// command afterwards (see addedID).
		return c, []string{"added-later"}
	}},
	{"delete", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		var want []string
		gone := map[domain.NodeID]bool{}
		d.WalkSubtree(id, func(n *domain.Node) bool {
			want = append(want, word(Removed, n.ID, "removed"))
			gone[n.ID] = true
			return true
		})
		for _, l := range d.Links() {
			if gone[l.From] || gone[l.To] {
				want = append(want, "link:removed")
			}
		}
		return &domain.DeleteNode{ID: id}, want
	}},
	{"move", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		var targets []domain.NodeID
		d.Walk(func(n *domain.Node) bool {
			if n.Kind == domain.KindUnit && !d.IsAncestor(id, n.ID) && n.ID != d.Node(id).Parent {
				targets = append(targets, n.ID)
			}
			return true
		})
		if len(targets) == 0 || d.Node(id).Head {
			return nil, nil
		}
		to := targets[r.IntN(len(targets))]
		return &domain.Move{ID: id, NewParent: to, Index: -1}, []string{word(Changed, id, "moved")}
	}},
	{"reorder", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		n := d.Node(id)
		if len(d.ChildIDs(n.Parent)) < 2 || d.IndexOf(id) == 0 {
			return nil, nil
		}
		want := "info:roots"
		if n.Parent != 0 {
			want = word(Changed, n.Parent, "order")
		}
		return &domain.Move{ID: id, NewParent: n.Parent, Index: 0}, []string{want}
	}},
	{"insert items", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		l := domain.Duties
		if !positionOr(d, id) {
			l = domain.Functions
		}
		at := r.IntN(len(d.Node(id).Items(l)) + 1)
		return domain.InsertItems(id, l, at, "新增甲\n新增乙"), []string{word(Changed, id, l.String()+".added"), word(Changed, id, l.String()+".added")}
	}},
	{"edit item", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		l := domain.Duties
		if !positionOr(d, id) {
			l = domain.Functions
		}
		at := r.IntN(len(d.Node(id).Items(l)))
		return domain.EditItem(id, l, at, "改写后的一条"), []string{word(Changed, id, l.String()+".edited")}
	}},
	{"delete item", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if !positionOr(d, id) {
			return nil, nil
		}
		return domain.DeleteItem(id, domain.Qualifications, 0), []string{word(Changed, id, "qualifications.removed")}
	}},
	{"move item", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if !positionOr(d, id) {
			return nil, nil
		}
		return domain.MoveItem(id, domain.Duties, 0, 2), []string{word(Changed, id, "duties.moved")}
	}},
	{"add link", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		to := d.Roots()[0]
		if to == id {
			return nil, nil
		}
		return &domain.AddLink{From: id, To: to, Text: "指导"}, []string{"link:added"}
	}},
	{"relabel link", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		if len(d.Links()) == 0 {
			return nil, nil
		}
		// No command relabels a link: the editor removes it and adds
		// another between the same boxes, which the report shows as the
		// label changed.
		l := d.Links()[0]
		return &domain.Batch{Name: "relabel", Cmds: []domain.Command{
			&domain.RemoveLink{ID: l.ID}, &domain.AddLink{From: l.From, To: l.To, Text: "新说明"},
		}}, []string{"link:changed"}
	}},
	{"document fields", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return &domain.EditInfo{Name: "info", Apply: func(i *domain.Info) error {
			i.Version = "V1.1"
			i.SignOffs[1].Name = "李四"
			i.Page.Paper = "A3"
			return nil
		}}, []string{"info:paper", "info:signOff", "info:version"}
	}},
	{"book paper and order", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return &domain.Batch{Name: "book", Cmds: []domain.Command{domain.SetBookPaper("A3"), domain.SetBookOrder(domain.BookByUnit)}},
			[]string{"info:bookOrder", "info:bookPaper"}
	}},
	{"print language", func(r *rand.Rand, d *domain.Document, id domain.NodeID) (domain.Command, []string) {
		return domain.SetPrintLanguage(domain.English), []string{"info:printLanguage"}
	}},
}

func TestEachChangeIsListedExactly(t *testing.T) {
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			tried := 0
			for seed := range uint64(150) {
				r := rand.New(rand.NewPCG(seed, 2))
				a := randomDoc(t, r, 3+r.IntN(40))
				var ids []domain.NodeID
				a.Walk(func(n *domain.Node) bool { ids = append(ids, n.ID); return true })
				id := ids[r.IntN(len(ids))]
				cmd, want := e.make(r, a, id)
				if cmd == nil {
					continue
				}
				b := a.Clone()
				if _, err := cmd.Do(b); err != nil {
					t.Fatalf("seed %d: %s: %v", seed, e.name, err)
				}
				if slices.Equal(want, []string{"added-later"}) {
					want = []string{word(Added, cmd.(*domain.AddNode).ID, "added")}
				}
				slices.Sort(want)
				rep := Compare(a, b, Options{})
				if rep.ByName {
					t.Fatalf("seed %d: a later version was matched by name", seed)
				}
				if got := reportWords(rep); !slices.Equal(got, want) {
					t.Fatalf("seed %d: %s of box %d lists\n%v\nwant\n%v", seed, e.name, id, got, want)
				}
				if rep.Same() || len(rep.Rows(true)) < len(want) || len(rep.Rows(false)) < len(want) {
					t.Fatalf("seed %d: the report's rows leave out changes", seed)
				}
				tried++
			}
			if tried < 10 {
				t.Fatalf("only %d of the random documents allowed the edit", tried)
			}
		})
	}
}

func TestSeveralChangesAreListedTogether(t *testing.T) {
	// Edits of one box each, which do not touch one another's boxes.
	kinds := map[string]bool{"rename": true, "planned": true, "filled": true, "grade": true, "hours": true, "notes": true,
		"insert items": true, "edit item": true, "delete item": true, "move item": true, "offset": true}
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 6))
		a := randomDoc(t, r, 10+r.IntN(40))
		b := a.Clone()
		var ids []domain.NodeID
		b.Walk(func(n *domain.Node) bool { ids = append(ids, n.ID); return true })
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		var want []string
		done := 0
		for _, id := range ids[:min(8, len(ids))] {
			e := edits[r.IntN(len(edits))]
			if !kinds[e.name] {
				continue
			}
			cmd, w := e.make(r, b, id)
			if cmd == nil {
				continue
			}
			if _, err := cmd.Do(b); err != nil {
				t.Fatal(err)
			}
			want = append(want, w...)
			done++
		}
		slices.Sort(want)
		if got := reportWords(Compare(a, b, Options{})); !slices.Equal(got, want) {
			t.Fatalf("seed %d: %d edits list\n%v\nwant\n%v", seed, done, got, want)
		}
	}
}

func TestHeadcountRollsUpPerUnitWithTotals(t *testing.T) {
	h := domain.NewHistory(domain.NewDocument())
	add := func(parent domain.NodeID, kind domain.Kind, name string, planned int) domain.NodeID {
		c := domain.AddChild(parent, kind, name)
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
		if planned > 0 {
			if err := h.Do(domain.SetPlanned(c.ID, planned)); err != nil {
				t.Fatal(err)
			}
		}
		return c.ID
	}
	dept := add(0, domain.KindUnit, "客户服务部", 0)
	add(dept, domain.KindPosition, "经理", 1)
	grp := add(dept, domain.KindUnit, "热线组", 0)
	agent := add(grp, domain.KindPosition, "热线员", 3)
	other := add(0, domain.KindUnit, "行政部", 0)
	add(other, domain.KindPosition, "文员", 2)
	a := h.Doc
	b := a.Clone()
	if _, err := domain.SetPlanned(agent, 5).Do(b); err != nil {
		t.Fatal(err)
	}
	rep := Compare(a, b, Options{})
	if rep.Total.Planned != (Count{6, 8}) {
		t.Fatalf("total planned %+v, want 6 → 8", rep.Total.Planned)
	}
	var units []string
	for _, u := range rep.Units {
		units = append(units, fmt.Sprintf("%s %d→%d", Path(u.Path), u.Headcount.Planned.Before, u.Headcount.Planned.After))
	}
	want := []string{"客户服务部 4→6", "客户服务部 › 热线组 3→5"}
	if !slices.Equal(units, want) {
		t.Fatalf("units %v, want %v (行政部 did not change)", units, want)
	}
	var texts []string
	for _, row := range rep.Rows(true) {
		texts = append(texts, row.Box+"|"+row.What+"|"+row.Before+"|"+row.After)
	}
	for _, w := range []string{"客户服务部 › 热线组 › 热线员|编制|3|5", "客户服务部|部门编制合计|4|6", "合计|编制|6|8"} {
		if !slices.Contains(texts, w) {
			t.Errorf("rows %q lack %q", texts, w)
		}
	}
}

func TestListItemsAlignAsBeforeAndAfter(t *testing.T) {
	a := []string{"接听来电", "记录投诉", "回访客户", "整理报表", "培训新人"}
	b := []string{"接听来电和在线咨询", "回访客户", "整理周报表", "培训新人", "值班"}
	got := alignItems(a, b)
	var s []string
	for _, it := range got {
		s = append(s, fmt.Sprintf("%s %d/%d %s→%s", it.Op, it.OldIndex, it.NewIndex, it.Before, it.After))
	}
	want := []string{
		"edited 0/0 接听来电→接听来电和在线咨询",
		"removed 1/-1 记录投诉→",
		"edited 3/2 整理报表→整理周报表",
		"added -1/4 →值班",
	}
	if !slices.Equal(s, want) {
		t.Fatalf("aligned\n%s\nwant\n%s", strings.Join(s, "\n"), strings.Join(want, "\n"))
	}
}

func TestLCSIsLongestOnRandomLists(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for range 300 {
		a, b := make([]string, r.IntN(12)), make([]string, r.IntN(12))
		for i := range a {
			a[i] = string(rune('a' + r.IntN(4)))
		}
		for i := range b {
			b[i] = string(rune('a' + r.IntN(4)))
		}
		pairs := lcs(a, b)
		for k, p := range pairs {
			if a[p[0]] != b[p[1]] || (k > 0 && (p[0] <= pairs[k-1][0] || p[1] <= pairs[k-1][1])) {
				t.Fatalf("lcs(%v, %v) = %v is not a common subsequence", a, b, pairs)
			}
		}
		// The textbook table gives the length to reach.
		dp := make([][]int, len(a)+1)
		for i := range dp {
			dp[i] = make([]int, len(b)+1)
		}
		for i := range a {
			for j := range b {
				if a[i] == b[j] {
					dp[i+1][j+1] = dp[i][j] + 1
				} else {
					dp[i+1][j+1] = max(dp[i][j+1], dp[i+1][j])
				}
			}
		}
		if len(pairs) != dp[len(a)][len(b)] {
			t.Fatalf("lcs(%v, %v) has %d items, the longest has %d", a, b, len(pairs), dp[len(a)][len(b)])
		}
	}
}

// renumbered returns d with every id changed, as an unrelated file made
// by hand from the same outline would have.
func renumbered(t testing.TB, d *domain.Document, shift domain.NodeID) *domain.Document {
	t.Helper()
	nodes := d.Nodes()
	for i := range nodes {
		nodes[i].ID += shift
		if nodes[i].Parent != 0 {
			nodes[i].Parent += shift
		}
	}
	var links []domain.Link
	for _, l := range d.Links() {
		l.From, l.To = l.From+shift, l.To+shift
		links = append(links, l)
	}
	out, err := domain.Restore(d.Info, nodes, links)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUnrelatedFilesMatchByNameAndFindARenamedUnit(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	a := randomDoc(t, r, 40)
	// Ids that collide with a's but mean other boxes: ids 1..n of b are
	// a's boxes in another order.
	b := renumbered(t, a, 0)
	nodes := b.Nodes()
	slices.Reverse(nodes)
	perm := map[domain.NodeID]domain.NodeID{}
	for i, n := range nodes {
		perm[n.ID] = domain.NodeID(i + 1)
	}
	for i := range nodes {
		nodes[i].ID = perm[nodes[i].ID]
		nodes[i].Parent = perm[nodes[i].Parent]
	}
	slices.Reverse(nodes) // parents before children again, order kept
	b, err := domain.Restore(a.Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The unit with the most children is renamed.
	var unit domain.NodeID
	b.Walk(func(n *domain.Node) bool {
		if n.Kind == domain.KindUnit && (unit == 0 || len(n.Children()) > len(b.Node(unit).Children())) {
			unit = n.ID
		}
		return true
	})
	oldName := b.Node(unit).Name
	if _, err := domain.Rename(unit, "新部门名").Do(b); err != nil {
		t.Fatal(err)
	}
	rep := Compare(a, b, Options{})
	if !rep.ByName {
		t.Fatal("unrelated ids were taken as corresponding")
	}
	var changes []string
	for _, c := range rep.Boxes {
		changes = append(changes, fmt.Sprintf("%s %s %s←%s", c.Status, c.Match, c.Name, c.OldName))
	}
	want := []string{fmt.Sprintf("changed rename 新部门名←%s", oldName)}
	links := len(a.Links()) // b has none: they are all removed
	if !slices.Equal(changes, want) || len(rep.Links) != links {
		t.Fatalf("changes %v (links %d), want %v (links %d)", changes, len(rep.Links), want, links)
	}
	if rep.ByNameCount != a.Len() {
		t.Fatalf("%d pairs by name, want all %d", rep.ByNameCount, a.Len())
	}
}

func TestByNameFindsAMovedBox(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	a := randomDoc(t, r, 30)
	b := renumbered(t, a, 1000)
	var pos, dest domain.NodeID
	b.Walk(func(n *domain.Node) bool {
		if pos == 0 && n.Kind == domain.KindPosition && !n.Head && n.Parent != 0 {
			pos = n.ID
		}
		return true
	})
	b.Walk(func(n *domain.Node) bool {
		if dest == 0 && n.Kind == domain.KindUnit && n.ID != b.Node(pos).Parent {
			dest = n.ID
		}
		return true
	})
	if _, err := (&domain.Move{ID: pos, NewParent: dest, Index: -1}).Do(b); err != nil {
		t.Fatal(err)
	}
	rep := Compare(a, b, Options{Matching: ByName})
	if len(rep.Boxes) != 1 || !rep.Boxes[0].Moved || rep.Boxes[0].Match != MatchMoved || rep.Boxes[0].New != pos {
		t.Fatalf("boxes %+v, want %d found as moved", rep.Boxes, pos)
	}
}

func TestOverlayPutsRemovedBoxesBackInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	a := randomDoc(t, r, 30)
	b := a.Clone()
	var victim domain.NodeID
	a.Walk(func(n *domain.Node) bool {
		if victim == 0 && n.Parent != 0 && len(n.Children()) > 0 {
			victim = n.ID
		}
		return true
	})
	if _, err := (&domain.DeleteNode{ID: victim}).Do(b); err != nil {
		t.Fatal(err)
	}
	added := domain.AddChild(b.Roots()[0], domain.KindPosition, "新岗位")
	if _, err := added.Do(b); err != nil {
		t.Fatal(err)
	}
	rep := Compare(a, b, Options{})
	o, err := NewOverlay(a, b, rep)
	if err != nil {
		t.Fatal(err)
	}
	removed := 0
	a.WalkSubtree(victim, func(*domain.Node) bool { removed++; return true })
	if o.Doc.Len() != b.Len()+removed {
		t.Fatalf("overlay has %d boxes, want %d + %d ghosts", o.Doc.Len(), b.Len(), removed)
	}
	g := o.Ghosts[victim]
	if gn := o.Doc.Node(g); gn == nil || gn.Name != a.Node(victim).Name || gn.Parent != a.Node(victim).Parent ||
		o.Doc.IndexOf(g) != a.IndexOf(victim) {
		t.Fatalf("the ghost of %q is not where the box was", a.Node(victim).Name)
	}
	if o.Doc.Total() != b.Total() {
		t.Fatalf("the overlay counts %+v, the new version %+v", o.Doc.Total(), b.Total())
	}
	if o.Marks[g] != Removed || o.Marks[added.ID] != Added {
		t.Fatalf("marks %v", o.Marks)
	}
}

// bigPair is a 10,000-box document and a later version of it with a few
// hundred edits of every kind.
func bigPair(b *testing.B) (*domain.Document, *domain.Document) {
	r := rand.New(rand.NewPCG(10, 10))
	a := randomDoc(b, r, 10000)
	v := a.Clone()
	var ids []domain.NodeID
	v.Walk(func(n *domain.Node) bool { ids = append(ids, n.ID); return true })
	done := 0
	for done < 500 {
		e := edits[r.IntN(len(edits))]
		id := ids[r.IntN(len(ids))]
		if v.Node(id) == nil {
			continue
		}
		if cmd, _ := e.make(r, v, id); cmd != nil {
			if _, err := cmd.Do(v); err == nil {
				done++
			}
		}
	}
	return a, v
}

func BenchmarkCompare10000(b *testing.B) {
	a, v := bigPair(b)
	b.ResetTimer()
	for b.Loop() {
		if Compare(a, v, Options{}).Same() {
			b.Fatal("no changes found")
		}
	}
}

func BenchmarkCompare10000ByName(b *testing.B) {
	a, v := bigPair(b)
	v = renumbered(b, v, 100000)
	b.ResetTimer()
	for b.Loop() {
		if !Compare(a, v, Options{}).ByName {
			b.Fatal("not matched by name")
		}
	}
}
