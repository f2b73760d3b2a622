package layout

// The core: van der Ploeg's non-layered tidy tree, as in d3-flextree.
//
// During the first walk l.box[v].X is v's preliminary cross position (its
// left edge relative to its subtree) and l.box[v].W, H its size in the
// core. Each family is processed once all its descendants are done: the
// children are added left to right, each pushed right just far enough to
// clear the contour of its left siblings, and the parent is centred over
// them. Contours are walked through first/last children and through
// threads that link a shallow subtree's deepest node to the next contour
// node of a deeper sibling, which keeps the whole walk O(n).
//
// Nodes are numbered so that a parent comes before its children (the
// virtual root is the exception and is handled last), so walking the
// numbers backwards visits every family after its descendants and forwards
// visits every parent before its children: no recursion is needed.

// bottom is where node v's core box ends along the depth axis.
func (l *layouter) bottom(v int32) float64 { return l.box[v].Y + l.box[v].H }

// firstWalks runs the first walk over every family, deepest first.
func (l *layouter) firstWalks() {
	for t := l.n - 1; t >= 0; t-- {
		if l.kind(t) == core && l.nodes[t].lnext >= 0 {
			l.firstWalk(t)
		}
	}
	l.firstWalk(l.root)
}

// firstWalk places the children of t relative to each other and t over
// them. All their subtrees are already laid out.
func (l *layouter) firstWalk(t int32) {
	nodes := l.nodes
	c0, last := nodes[t].lnext, nodes[t].rnext

	// The "lowest y" list of the paper, kept as a stack: for the left
	// siblings placed so far, which of them owns the right contour down to
	// which depth. Only the most recent siblings can still be seen from
	// the right, so the list pops from the top.
	l.lows[0], l.lowIdx[0] = l.bottom(nodes[c0].el), 0
	top := 1

	prev, i := c0, int32(1)
	for c := l.nextCore(c0); c >= 0; c = l.nextCore(c) {
		lowest := l.bottom(nodes[c].er) // before separate changes the extremes
		l.separate(t, c0, prev, c, i, top)
		for top > 0 && lowest >= l.lows[top-1] {
			top--
		}
		l.lows[top], l.lowIdx[top] = lowest, i
		top++
		prev = c
		i++
		if c == last {
			break
		}
	}

	// Spread the intermediate siblings that separate marked for it. Only
	// siblings hidden between two others move, so no contour seen from
	// outside changes.
	speed, delta := 0.0, 0.0
	k := 0
	for c := c0; c >= 0; c = l.nextCore(c) {
		speed += l.shift[k]
		delta += speed + l.change[k]
		nodes[c].mod += delta
		l.shift[k], l.change[k] = 0, 0
		k++
		if c == last {
			break
		}
	}

	l.positionRoot(t, c0, last)
	nodes[t].el, nodes[t].msel = nodes[c0].el, nodes[c0].msel
	nodes[t].er, nodes[t].mser = nodes[last].er, nodes[last].mser
}

// separate pushes the subtree of cur (t's i-th core child) right until it
// clears the right contour of its left siblings, the nearest being prev and
// the first c0. top is the height of the lowest-y stack.
func (l *layouter) separate(t, c0, prev, cur, i int32, top int) {
	nodes := l.nodes
	sr, mssr := prev, nodes[prev].mod // right contour of the left siblings
	cl, mscl := cur, nodes[cur].mod   // left contour of the new subtree
	ih := top - 1
	gap := l.opt.SiblingGap
	if t == l.root {
		gap = l.opt.SubtreeGap
	}
	first := true
	for sr >= 0 && cl >= 0 {
		if l.bottom(sr) > l.lows[ih] && ih > 0 {
			ih--
		}
		dist := mssr + l.box[sr].X + l.box[sr].W + gap - (mscl + l.box[cl].X)
		// The first comparison (the two children themselves) always moves
		// the subtree, even leftwards: the new subtree then starts against
		// its neighbour wherever its own coordinates began, and the later
		// comparisons only push it right.
		if dist > 0 || first {
			mscl += dist
			l.moveSubtree(cur, i, l.lowIdx[ih], dist)
		}
		first = false
		gap = l.opt.SubtreeGap // below the children themselves: cousins

		sy, cy := l.bottom(sr), l.bottom(cl)
		if sy <= cy {
			sr = nodes[sr].rnext
			if sr >= 0 {
				mssr += nodes[sr].mod
			}
		}
		if sy >= cy {
			cl = nodes[cl].lnext
			if cl >= 0 {
				mscl += nodes[cl].mod
			}
		}
	}
	switch {
	case sr < 0 && cl >= 0: // the new subtree is deeper: thread the left contour on into it
		li := nodes[c0].el
		nodes[li].lnext = cl
		diff := (mscl - nodes[cl].mod) - nodes[c0].msel
		nodes[li].mod += diff
		l.box[li].X -= diff // the thread's modifier must not move li itself
		nodes[c0].el, nodes[c0].msel = nodes[cur].el, nodes[cur].msel
	case sr >= 0 && cl < 0: // the left siblings are deeper: thread the right contour on into them
		ri := nodes[cur].er
		nodes[ri].rnext = sr
		diff := (mssr - nodes[sr].mod) - nodes[cur].mser
		nodes[ri].mod += diff
		l.box[ri].X -= diff
		nodes[cur].er, nodes[cur].mser = nodes[prev].er, nodes[prev].mser
	}
}

// moveSubtree moves cur (the i-th child) by dist and, when the contour it
// hit belongs to the si-th child rather than the previous one, marks the
// siblings in between to share the extra space evenly.
func (l *layouter) moveSubtree(cur, i, si int32, dist float64) {
	n := &l.nodes[cur]
	n.mod += dist
	n.msel += dist
	n.mser += dist
	if si != i-1 {
		parts := float64(i - si)
		l.shift[si+1] += dist / parts
		l.shift[i] -= dist / parts
		l.change[i] -= dist - dist/parts
	}
}

// positionRoot centres t's own box over its children's boxes, or over the
// line of its compact stack when that is its only core child.
func (l *layouter) positionRoot(t, c0, last int32) {
	nodes := l.nodes
	var centre float64
	if c0 > l.n && c0 == last {
		centre = l.box[c0].X + nodes[c0].mod + l.busOffset(c0)
	} else {
		left, _ := l.ownSpan(c0)
		_, right := l.ownSpan(last)
		centre = (left + right) / 2
	}
	l.box[t].X = centre - l.anchor(t)
}

// ownSpan is where core child c's own box begins and ends across, from
// its preliminary position: a node's own box (without its assistants),
// or the whole of a compact stack, from its line to its far side.
func (l *layouter) ownSpan(c int32) (left, right float64) {
	x := l.box[c].X + l.nodes[c].mod
	if c > l.n {
		return x, x + l.box[c].W
	}
	mid := x + l.anchor(c)
	return mid - l.cross(c)/2, mid + l.cross(c)/2
}

// anchor is the distance from the left of core node v's box to the centre
// line of its own box (they differ when assistants sit on one side only).
func (l *layouter) anchor(v int32) float64 {
	if v == l.root {
		return 0
	}
	half := l.cross(v) / 2
	if l.role[v]&hasAssistants == 0 {
		return half
	}
	left, _, _ := l.assistants(v, 0, 0, false)
	return max(half, left)
}

// secondWalk turns preliminary positions into absolute ones: a node's
// position is its preliminary one plus the modifiers of it and all its
// ancestors. Parents come before their children, so one forward pass
// accumulates the sums.
func (l *layouter) secondWalk() {
	nodes := l.nodes
	l.box[l.root].X += nodes[l.root].mod
	for i := int32(0); i < l.n; i++ {
		if l.kind(i) != core {
			continue
		}
		p := l.parent[i]
		if p < 0 {
			p = l.root
		}
		nodes[i].mod += nodes[p].mod
		l.box[i].X += nodes[i].mod
	}
	for k, p := range l.stacks {
		s := l.n + 1 + int32(k)
		nodes[s].mod += nodes[p].mod
		l.box[s].X += nodes[s].mod
	}
}
