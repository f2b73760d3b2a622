package diff

import "orgdraft/domain"

// matching pairs boxes of the old and the new version.
type matching struct {
	byName   bool
	oldToNew map[domain.NodeID]domain.NodeID
	newToOld map[domain.NodeID]domain.NodeID
	how      map[domain.NodeID]Match // by the new box's id
}

func (m *matching) pair(o, n domain.NodeID, how Match) {
	m.oldToNew[o] = n
	m.newToOld[n] = o
	m.how[n] = how
}

// match pairs the boxes of old and new as mode says.
func match(old, new *domain.Document, mode Matching) *matching {
	switch mode {
	case ByID:
		return matchByID(old, new)
	case ByName:
		return matchByName(old, new)
	}
	// Auto: ids kept by every edit pair a later version with its earlier
	// one, but two files made apart (from outlines, templates, by hand)
	// may give the same numbers to other boxes. Both ways are tried, and
	// the one that pairs more boxes of the same name wins; a tie goes to
	// the ids, which also follow renamed and moved boxes.
	byID := matchByID(old, new)
	if old.Len() == 0 || new.Len() == 0 {
		return byID
	}
	// No matching pairs more boxes of the same name than the smaller
	// document has: when the ids come within a tenth of that, they are
	// the same document's, and matching by names would be time lost.
	idScore := sameNames(old, new, byID)
	if 10*idScore >= 9*min(old.Len(), new.Len()) {
		return byID
	}
	byName := matchByName(old, new)
	if sameNames(old, new, byName) > idScore {
		return byName
	}
	return byID
}

func newMatching(old, new *domain.Document) *matching {
	return &matching{
		oldToNew: make(map[domain.NodeID]domain.NodeID, old.Len()),
		newToOld: make(map[domain.NodeID]domain.NodeID, new.Len()),
		how:      make(map[domain.NodeID]Match, new.Len()),
	}
}

// matchByID pairs the boxes of the same id.
func matchByID(old, new *domain.Document) *matching {
	m := newMatching(old, new)
	old.Walk(func(o *domain.Node) bool {
		if new.Node(o.ID) != nil {
			m.pair(o.ID, o.ID, MatchID)
		}
		return true
	})
	return m
}

// sameNames counts the pairs of m whose two boxes bear the same name.
func sameNames(old, new *domain.Document, m *matching) int {
	n := 0
	for o, nw := range m.oldToNew {
		if old.Node(o).Name == new.Node(nw).Name {
			n++
		}
	}
	return n
}

// maxRenameCandidates bounds the pairs of unpaired siblings compared for a
// rename, so a unit whose hundreds of boxes were all renamed stays linear.
const maxRenameCandidates = 10000

// matchByName pairs the top-level boxes by name, then the children of
// every pair by name, top down; under each pair, boxes left over are
// paired as renamed when their contents agree. Then a box left over whose
// name is unique among the leftovers on both sides is paired as moved, and
// its subtree matched the same way.
func matchByName(old, new *domain.Document) *matching {
	m := newMatching(old, new)
	m.byName = true
	type pair struct{ o, n domain.NodeID }
	queue := []pair{{0, 0}}
	drain := func() {
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, q := range matchChildren(old, new, m, old.ChildIDs(p.o), new.ChildIDs(p.n)) {
				queue = append(queue, pair{q[0], q[1]})
			}
		}
	}
	drain()
	// Each round pairs moved boxes and matches below them; a few rounds
	// find boxes moved inside moved boxes, without risking a quadratic
	// number of rounds.
	for range 4 {
		oldByName := map[string][]domain.NodeID{}
		old.Walk(func(o *domain.Node) bool {
			if _, ok := m.oldToNew[o.ID]; !ok {
				oldByName[o.Name] = append(oldByName[o.Name], o.ID)
			}
			return true
		})
		newByName := map[string][]domain.NodeID{}
		var names []string
		new.Walk(func(n *domain.Node) bool {
			if _, ok := m.newToOld[n.ID]; !ok {
				if len(newByName[n.Name]) == 0 {
					names = append(names, n.Name)
				}
				newByName[n.Name] = append(newByName[n.Name], n.ID)
			}
			return true
		})
		for _, name := range names {
			os, ns := oldByName[name], newByName[name]
			if len(os) == 1 && len(ns) == 1 {
				m.pair(os[0], ns[0], MatchMoved)
				queue = append(queue, pair{os[0], ns[0]})
			}
		}
		if len(queue) == 0 {
			break
		}
		drain()
	}
	return m
}

// matchChildren pairs the children oc of an old box with the children nc
// of its new counterpart: first by equal names in order, then the rest as
// renames by their contents. It returns the pairs made.
func matchChildren(old, new *domain.Document, m *matching, oc, nc []domain.NodeID) [][2]domain.NodeID {
	var made [][2]domain.NodeID
	byName := make(map[string][]domain.NodeID, len(nc))
	for _, id := range nc {
		if _, taken := m.newToOld[id]; !taken {
			name := new.Node(id).Name
			byName[name] = append(byName[name], id)
		}
	}
	var leftOld []domain.NodeID
	for _, id := range oc {
		if _, taken := m.oldToNew[id]; taken {
			continue
		}
		name := old.Node(id).Name
		if c := byName[name]; len(c) > 0 {
			m.pair(id, c[0], MatchPath)
			made = append(made, [2]domain.NodeID{id, c[0]})
			byName[name] = c[1:]
			continue
		}
		leftOld = append(leftOld, id)
	}
	var leftNew []domain.NodeID
	for _, id := range nc {
		if _, taken := m.newToOld[id]; !taken {
			leftNew = append(leftNew, id)
		}
	}
	if len(leftOld) == 0 || len(leftNew) == 0 || len(leftOld)*len(leftNew) > maxRenameCandidates {
		return made
	}
	newSigs := make([]map[string]int, len(leftNew))
	for i, id := range leftNew {
		newSigs[i] = signature(new, id)
	}
	for _, o := range leftOld {
		os := signature(old, o)
		for i, n := range leftNew {
			if n == 0 || !similar(os, newSigs[i]) {
				continue
			}
			m.pair(o, n, MatchRename)
			made = append(made, [2]domain.NodeID{o, n})
			leftNew[i] = 0
			break
		}
	}
	return made
}

// signature is what a box holds, to recognise it under another name: the
// names of its children, or for a box without children the items of its
// lists; each with how often it occurs.
func signature(d *domain.Document, id domain.NodeID) map[string]int {
	n := d.Node(id)
	sig := map[string]int{}
	if kids := n.Children(); len(kids) > 0 {
		for _, c := range kids {
			sig["\x00"+d.Node(c).Name]++
		}
		return sig
	}
	for _, l := range []domain.List{domain.Duties, domain.Qualifications, domain.Functions} {
		for _, s := range n.Items(l) {
			sig[s]++
		}
	}
	return sig
}

// similar reports whether two signatures share at least half of the
// larger one's entries.
func similar(a, b map[string]int) bool {
	size := func(s map[string]int) int {
		t := 0
		for _, k := range s {
			t += k
		}
		return t
	}
	shared := 0
	for k, x := range a {
		shared += min(x, b[k])
	}
	return shared > 0 && 2*shared >= max(size(a), size(b))
}
