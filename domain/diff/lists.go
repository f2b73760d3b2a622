package diff

import (
	"slices"

	"orgdraft/domain"
)

// ItemOp says what happened to one list item.
type ItemOp int

// The list item changes.
const (
	// ItemAdded is an item only in the new list.
	ItemAdded ItemOp = iota
	// ItemRemoved is an item only in the old list.
	ItemRemoved
	// ItemEdited is an item whose text changed in place.
	ItemEdited
	// ItemMoved is an item of the same text at another place.
	ItemMoved
)

var itemOpNames = [...]string{"added", "removed", "edited", "moved"}

// String returns "added", "removed", "edited" or "moved".
func (op ItemOp) String() string { return itemOpNames[op] }

// MarshalText writes the operation by its name in JSON.
func (op ItemOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }

// ItemChange is one changed list item. OldIndex and NewIndex count from 0
// and are -1 on the side where the item is not.
type ItemChange struct {
	Op       ItemOp `json:"op"`
	OldIndex int    `json:"oldIndex"`
	NewIndex int    `json:"newIndex"`
	Before   string `json:"before,omitempty"`
	After    string `json:"after,omitempty"`
}

// ListChange is the changed items of one of a box's lists.
type ListChange struct {
	List  domain.List  `json:"-"`
	Name  string       `json:"list"` // "duties", "qualifications" or "functions"
	Items []ItemChange `json:"items"`
}

// compareLists aligns each of the box pair's lists.
func compareLists(o, n *domain.Node) []ListChange {
	var out []ListChange
	for _, l := range domain.Lists {
		if items := alignItems(o.Items(l), n.Items(l)); len(items) > 0 {
			out = append(out, ListChange{List: l, Name: l.String(), Items: items})
		}
	}
	return out
}

// alignItems lists the changes from list a to list b. The items kept are
// a longest common subsequence of the two; in each gap between kept items
// an item removed and an item added are paired as one edit, and an item
// removed in one place and added with the same text in another is a move.
// The result is in the new list's order, removals where they were.
func alignItems(a, b []string) []ItemChange {
	if slices.Equal(a, b) {
		return nil
	}
	kept := lcs(a, b)
	kept = append(kept, [2]int{len(a), len(b)}) // a sentinel closing the last gap
	// Texts removed anywhere, to recognise an item added elsewhere as moved.
	removed := map[string][]int{}
	gaps := make([][2][2]int, 0, len(kept)) // per gap: [from,to) in a, [from,to) in b
	i, j := 0, 0
	for _, k := range kept {
		gaps = append(gaps, [2][2]int{{i, k[0]}, {j, k[1]}})
		for x := i; x < k[0]; x++ {
			removed[a[x]] = append(removed[a[x]], x)
		}
		i, j = k[0]+1, k[1]+1
	}
	movedFrom := map[int]int{} // old index -> new index of a moved item
	for _, g := range gaps {
		for y := g[1][0]; y < g[1][1]; y++ {
			if xs := removed[b[y]]; len(xs) > 0 {
				movedFrom[xs[0]] = y
				removed[b[y]] = xs[1:]
			}
		}
	}
	movedTo := make(map[int]int, len(movedFrom)) // new index -> old index
	for x, y := range movedFrom {
		movedTo[y] = x
	}
	var out []ItemChange
	for _, g := range gaps {
		var gone, come []int
		for x := g[0][0]; x < g[0][1]; x++ {
			if _, moved := movedFrom[x]; !moved {
				gone = append(gone, x)
			}
		}
		for y := g[1][0]; y < g[1][1]; y++ {
			if x, moved := movedTo[y]; moved {
				out = append(out, ItemChange{Op: ItemMoved, OldIndex: x, NewIndex: y, Before: a[x], After: b[y]})
			} else {
				come = append(come, y)
			}
		}
		paired := min(len(gone), len(come))
		for k := range paired {
			out = append(out, ItemChange{Op: ItemEdited, OldIndex: gone[k], NewIndex: come[k], Before: a[gone[k]], After: b[come[k]]})
		}
		for _, x := range gone[paired:] {
			out = append(out, ItemChange{Op: ItemRemoved, OldIndex: x, NewIndex: -1, Before: a[x]})
		}
		for _, y := range come[paired:] {
			out = append(out, ItemChange{Op: ItemAdded, OldIndex: -1, NewIndex: y, After: b[y]})
		}
	}
	return out
}

// lcs returns the index pairs of a longest common subsequence of a and b,
// in order. The common start and end are taken off first; the middle is
// found by Hirschberg's algorithm, in time len(a)·len(b) and memory linear
// in len(b).
func lcs(a, b []string) [][2]int {
	var out [][2]int
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		out = append(out, [2]int{pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	hirschberg(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre, &out)
	for k := suf; k > 0; k-- {
		out = append(out, [2]int{len(a) - k, len(b) - k})
	}
	return out
}

// hirschberg appends to out the pairs of a longest common subsequence of
// a and b, offset by ao and bo.
func hirschberg(a, b []string, ao, bo int, out *[][2]int) {
	switch {
	case len(a) == 0 || len(b) == 0:
		return
	case len(a) == 1:
		if j := slices.Index(b, a[0]); j >= 0 {
			*out = append(*out, [2]int{ao, bo + j})
		}
		return
	}
	mid := len(a) / 2
	front := lcsLengths(a[:mid], b, false)
	back := lcsLengths(a[mid:], b, true)
	split, best := 0, -1
	for j := 0; j <= len(b); j++ {
		if v := front[j] + back[len(b)-j]; v > best {
			split, best = j, v
		}
	}
	hirschberg(a[:mid], b[:split], ao, bo, out)
	hirschberg(a[mid:], b[split:], ao+mid, bo+split, out)
}

// lcsLengths returns, for every j, the length of a longest common
// subsequence of a and the first j items of b; with reverse, of a and b
// both read backwards (the last j items of b).
func lcsLengths(a, b []string, reverse bool) []int {
	at := func(s []string, i int) string {
		if reverse {
			return s[len(s)-1-i]
		}
		return s[i]
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		ai := at(a, i)
		for j := range b {
			if ai == at(b, j) {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev
}
