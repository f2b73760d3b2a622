package storage

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"orgdraft/domain"
)

var randomNames = []string{"总经理", "生产部", "质检员 𠀀", "😀 助理", "Ops lead", "  前后空格  ", "e\u0301cole", "班组长（兼）", "👨‍👩‍👧 家庭"}

var randomLines = []string{
	"1、" + longDuty + "\n2、执行上级安排的工作",
	"（一）组织生产\n（二）安全检查\n（三）" + oddText,
	"- 本科\n- 三年经验",
	"单独一条 😀",
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// randomEditor makes random commands against a document and counts the
// kinds that succeeded, so the test can tell it really exercised them.
type randomEditor struct {
	r      *rand.Rand
	counts map[string]int
}

// command returns a random command for d. Some will fail (moving a box
// under itself, editing a missing item): a failed command changes nothing
// and saves nothing, which the comparison checks as well.
func (e *randomEditor) command(d *domain.Document) (string, domain.Command) {
	r := e.r
	var ids []domain.NodeID
	d.Walk(func(n *domain.Node) bool { ids = append(ids, n.ID); return true })
	node := func() domain.NodeID {
		if len(ids) == 0 {
			return 0
		}
		return pick(r, ids)
	}
	kind := domain.Kind(r.IntN(3))
	list := pick(r, lists)
	if len(ids) == 0 {
		return "add", domain.AddChild(0, kind, pick(r, randomNames))
	}
	switch r.IntN(20) {
	case 0, 1, 2:
		return "add", domain.AddChild(node(), kind, pick(r, randomNames))
	case 3:
		c, err := domain.AddSibling(d, node(), kind, pick(r, randomNames))
		if err != nil {
			panic(err) // the node exists
		}
		return "add", c
	case 4:
		return "add", domain.AddAssistant(node(), pick(r, randomNames))
	case 5:
		id := node()
		size := 0
		d.WalkSubtree(id, func(*domain.Node) bool { size++; return true })
		if size > 1 {
			return "delete subtree", &domain.DeleteNode{ID: id}
		}
		return "delete", &domain.DeleteNode{ID: id}
	case 6, 7:
		return "move", &domain.Move{ID: node(), NewParent: node(), Index: r.IntN(4) - 1}
	case 8:
		return "move", &domain.Move{ID: node(), NewParent: 0, Index: r.IntN(3) - 1}
	case 9:
		return "edit", pick(r, []domain.Command{
			domain.Rename(node(), pick(r, randomNames)),
			domain.SetKind(node(), kind),
			domain.SetPlanned(node(), r.IntN(50)),
			domain.SetFilled(node(), r.IntN(50)),
			domain.SetGrade(node(), pick(r, randomNames)),
			domain.SetHours(node(), pick(r, randomLines)),
			domain.SetNotes(node(), pick(r, randomLines)),
			domain.SetConcurrent(node(), r.IntN(2) == 0),
			domain.SetCollapsed(node(), r.IntN(2) == 0),
			domain.SetLeaves(node(), domain.Leaves(r.IntN(3))),
			domain.SetOffset(node(), domain.Offset{X: r.NormFloat64() * 100, Y: r.NormFloat64() * 100}),
		})
	case 10, 11:
		return "items", domain.InsertItems(node(), list, r.IntN(4)-1, pick(r, randomLines))
	case 12:
		return "items", pick(r, []domain.Command{
			domain.EditItem(node(), list, r.IntN(3), pick(r, randomLines)),
			domain.DeleteItem(node(), list, r.IntN(3)),
			domain.MoveItem(node(), list, r.IntN(3), r.IntN(3)),
		})
	case 13:
		return "head", &domain.SetHead{ID: node(), On: r.IntN(3) > 0}
	case 14:
		return "link", &domain.AddLink{From: node(), To: node(), Text: pick(r, randomNames)}
	case 15:
		if links := d.Links(); len(links) > 0 {
			return "unlink", &domain.RemoveLink{ID: pick(r, links).ID}
		}
		return "link", &domain.AddLink{From: node(), To: node()}
	case 16:
		title, drop, paper := pick(r, randomNames), r.IntN(2) == 0, pick(r, []string{"A4", "A3", "A2"})
		return "info", &domain.EditInfo{Name: "info", Apply: func(i *domain.Info) error {
			i.Title, i.Page.Paper, i.Page.Landscape = title, paper, !i.Page.Landscape
			i.Status = 1 - i.Status
			if drop && len(i.SignOffs) > 0 {
				i.SignOffs = i.SignOffs[1:]
			} else {
				i.SignOffs = append(i.SignOffs, domain.SignOff{Role: "会签", Name: title, Date: "2025-01-0" + fmt.Sprint(len(i.SignOffs)%10)})
			}
			return nil
		}}
	default:
		_, a := e.command(d)
		_, b := e.command(d)
		return "batch", &domain.Batch{Name: "batch", Cmds: []domain.Command{a, b}}
	}
}

// edit runs steps random edits, undos and redos through h, whose
// OnChange saves them.
func (e *randomEditor) edit(t *testing.T, h *domain.History, steps int) {
	t.Helper()
	for range steps {
		switch x := e.r.IntN(12); {
		case x == 0:
			for range 1 + e.r.IntN(3) {
				if ok, err := h.Undo(); err != nil {
					t.Fatalf("undo: %v", err)
				} else if ok {
					e.counts["undo"]++
				}
			}
		case x <= 2:
			if ok, err := h.Redo(); err != nil {
				t.Fatalf("redo: %v", err)
			} else if ok {
				e.counts["redo"]++
			}
		default:
			name, c := e.command(h.Doc)
			if h.Do(c) == nil {
				e.counts[name]++
			}
		}
	}
}

// checkCoverage fails unless every kind of edit happened at least once.
func (e *randomEditor) checkCoverage(t *testing.T) {
	t.Helper()
	for _, k := range []string{"add", "delete", "delete subtree", "move", "edit", "items", "head", "link", "unlink", "info", "batch", "undo", "redo"} {
		if e.counts[k] == 0 {
			t.Errorf("no successful %q edit in the random run: %v", k, e.counts)
		}
	}
}

// saving returns an OnChange that saves into *f and fails the test if
// saving fails: a command's own error is fine, a save error is not.
func saving(t *testing.T, h *domain.History, f **File) func(domain.Change) error {
	return func(ch domain.Change) error {
		if err := (*f).Apply(h.Doc, ch); err != nil {
			t.Fatalf("saving %+v: %v", ch, err)
		}
		return nil
	}
}

func TestRandomEditsAreSavedToFile(t *testing.T) {
	for seed := uint64(1); seed <= 2; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "random.orgdraft")
			e := &randomEditor{r: rand.New(rand.NewPCG(seed, 7)), counts: map[string]int{}}
			h := domain.NewHistory(richDocument(t))
			f := mustCreate(t, path, h.Doc)
			h.OnChange = saving(t, h, &f)
			// Reopening now and then also checks that editing continues
			// correctly on a file opened from disk.
			for range 4 {
				e.edit(t, h, 100)
				mustClose(t, f)
				var got *domain.Document
				f, got = reopen(t, path)
				assertSameDoc(t, h.Doc, got)
			}
			mustClose(t, f)
			e.checkCoverage(t)
		})
	}
}

func TestRandomEditsAreSavedInMemory(t *testing.T) {
	// The same saving code without disk syncs, so many more steps fit.
	e := &randomEditor{r: rand.New(rand.NewPCG(42, 42)), counts: map[string]int{}}
	h := domain.NewHistory(richDocument(t))
	f, err := OpenMemory(h.Doc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h.OnChange = saving(t, h, &f)
	for range 40 {
		e.edit(t, h, 100)
		got, _, err := load(ctx, f.conn)
		if err != nil {
			t.Fatal(err)
		}
		assertSameDoc(t, h.Doc, got)
	}
	e.checkCoverage(t)
	t.Logf("successful edits: %v; %d boxes, %d links at the end", e.counts, h.Doc.Len(), len(h.Doc.Links()))
}
