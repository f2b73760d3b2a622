package outline

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"orgdraft/domain"
)

// tabWidths are the widths a tab might have in the editor the outline was
// typed in. The nesting must come out the same under all of them.
var tabWidths = [...]int{1, 2, 4, 8}

// role is what a line of the outline turned out to be.
type role uint8

const (
	roleBox     role = iota
	roleItem         // an item of a list (duty, function, qualification) or a line of a field
	roleHeading      // 岗位职责： and the like
	roleTotal        // 合计：54人
	roleIgnored      // under a line that is already reported, or a derived fact
)

// line is one non-blank line of the outline.
type line struct {
	no     int    // 1-based line number in the text
	text   string // without indentation
	indent [len(tabWidths)]int
	parent int // index of the line it belongs to; -1 at the top
	kids   []int
	role   role

	body     string // text without its item number
	numbered bool   // the line starts with an item number or bullet
	heading  heading
	inline   string // a heading's text after its colon
	name     string // a box's name, without its marks
	m        marks
	box      *box
}

// box is a box the outline creates, with the boxes under it.
type box struct {
	node     domain.Node
	children []*box
	rolled   int // planned headcount of the subtree, concurrent posts excluded
	// fixed marks a box whose kind the outline states ("(部门)",
	// "(岗位)"): it is not guessed, and it is made a head only by
	// "(负责人)".
	fixed bool
	line  int // the index of the box's line
}

// target is the existing box an outline is pasted into: its kind decides
// what the outline's top-level items are.
type target struct {
	kind     domain.Kind
	headFree bool // a unit without a head, which a pasted leader may head
}

// forest is a parsed outline.
type forest struct {
	roots []*box
	total int  // the stated total, 0 when none
	top   *box // the target's own additions (items and fields at the top level)
	links []link
}

type parser struct {
	lines   []line
	pasting bool    // into an existing document, which has its own total
	into    *target // the box that owns top-level items; nil for none
	f       forest
	errs    ErrorList
	pending []pendingLink
}

// parse reads an outline for a new document or, with pasting set, for
// pasting into an existing one; into describes the box it is pasted
// into, nil for the top level.
func parse(text string, pasting bool, into *target) (*forest, error) {
	p := &parser{pasting: pasting, into: into}
	if into != nil {
		p.f.top = &box{node: domain.Node{Kind: into.kind}}
	}
	if !p.split(text) {
		return nil, p.errs
	}
	if len(p.lines) == 0 {
		return nil, ErrorList{{Line: 1, Msg: "the outline is empty", Zh: "大纲是空的，没有可导入的内容"}}
	}
	if !p.nest() {
		return nil, p.errs
	}
	p.classify()
	if !p.countBoxes() {
		return nil, p.errs
	}
	p.build()
	p.fill()
	p.resolveLinks()
	if len(p.f.roots) == 0 && p.into == nil && len(p.errs) == 0 {
		p.fail(0, "大纲中没有部门或岗位", "the outline has no units or positions")
	}
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b LineError) int { return a.Line - b.Line })
		return nil, p.errs
	}
	return &p.f, nil
}

func (p *parser) fail(i int, zh, en string, args ...any) {
	p.errs = append(p.errs, LineError{Line: p.lines[i].no, Text: p.lines[i].text,
		Msg: fmt.Sprintf(en, args...), Zh: fmt.Sprintf(zh, args...)})
}

// split cuts the text into lines and measures their indentation. It
// stops with an error past MaxLines non-blank lines, before the lines
// take more memory than the text.
func (p *parser) split(text string) bool {
	// As a document file's text is mended on reading: invalid UTF-8
	// becomes U+FFFD and NUL characters go (a text file has no use for
	// them, and the document refuses them).
	text, _ = domain.SanitizeText(text)
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	i := -1
	for len(text) > 0 || i < 0 {
		i++
		s, rest, _ := strings.Cut(text, "\n")
		text = rest
		l := line{no: i + 1, parent: -1}
		j := 0
	indent:
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			for w, tab := range tabWidths {
				switch r {
				case ' ', '\u00a0':
					l.indent[w]++
				case '\u3000': // a full-width space is two columns wide
					l.indent[w] += 2
				case '\t':
					l.indent[w] = (l.indent[w]/tab + 1) * tab
				default:
					break indent
				}
			}
			j += size
		}
		l.text = strings.TrimFunc(s[j:], func(r rune) bool {
			return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
		})
		if l.text == "" {
			continue
		}
		if len(p.lines) == MaxLines {
			p.errs = append(p.errs, LineError{Line: l.no, Text: l.text,
				Msg: fmt.Sprintf("the outline has more than %d lines; nothing is imported", MaxLines),
				Zh:  fmt.Sprintf("大纲超过 %d 行，未导入", MaxLines)})
			return false
		}
		p.lines = append(p.lines, l)
	}
	return true
}

// countBoxes refuses an outline of more than MaxBoxes boxes, naming the
// first line past the limit, before any box is built.
func (p *parser) countBoxes() bool {
	n := 0
	for i := range p.lines {
		if p.lines[i].role != roleBox {
			continue
		}
		if n++; n > MaxBoxes {
			p.errs = nil // the other problems wait until the outline is within bounds
			p.fail(i, "大纲中的框超过 %d 个，未导入：请分成几份导入", "the outline has more than %d boxes; nothing is imported: import it in parts", MaxBoxes)
			return false
		}
	}
	return true
}

// nest finds every line's parent: the nearest line above that is indented
// less. It does so once per tab width and reports the lines whose parent
// depends on the width: there tabs and spaces were mixed ambiguously.
func (p *parser) nest() bool {
	var parents [len(tabWidths)][]int
	stack := make([]int, 0, 16)
	for w := range tabWidths {
		parents[w] = make([]int, len(p.lines))
		stack = stack[:0]
		for i := range p.lines {
			for len(stack) > 0 && p.lines[stack[len(stack)-1]].indent[w] >= p.lines[i].indent[w] {
				stack = stack[:len(stack)-1]
			}
			parents[w][i] = -1
			if len(stack) > 0 {
				parents[w][i] = stack[len(stack)-1]
			}
			stack = append(stack, i)
		}
	}
	for i := range p.lines {
		for w := 1; w < len(tabWidths); w++ {
			if parents[w][i] != parents[0][i] {
				p.fail(i, "缩进中混用了制表符和空格，层级无法确定：请只用制表符或只用空格缩进",
					"tabs and spaces are mixed in the indentation so that the nesting is unclear: indent with tabs only or spaces only")
				break
			}
		}
	}
	if len(p.errs) > 0 {
		return false
	}
	for i := range p.lines {
		p.lines[i].parent = parents[0][i]
		if par := parents[0][i]; par >= 0 {
			p.lines[par].kids = append(p.lines[par].kids, i)
		}
	}
	return true
}

// classify decides every line's role. Lines come in pre-order, so a
// line's parent is classified before it.
func (p *parser) classify() {
	for i := range p.lines {
		l := &p.lines[i]
		var par *line
		if l.parent >= 0 {
			par = &p.lines[l.parent]
		}
		if par != nil && par.role != roleBox && par.role != roleHeading {
			// Under an item or a total: already reported with its parent.
			l.role = roleIgnored
			continue
		}
		l.body, l.numbered = itemText(l.text)
		if par != nil && par.role == roleHeading {
			l.role = roleItem
			if par.heading == hDerived {
				l.role = roleIgnored
			} else if len(l.kids) > 0 {
				p.fail(i, "标题下的一条下面不能再有缩进的行：请把它们并入这一条，或与它对齐",
					"a line under a heading cannot have lines indented under it: join them to it or align them with it")
			}
			continue
		}
		if n, ok := statedTotal(l.body); ok {
			l.role = roleTotal
			switch {
			case p.pasting:
				p.fail(i, "合计人数属于整个文档，粘贴到框下时不能使用：请删去这一行",
					"a stated total belongs to a whole document and cannot be pasted under a box: remove this line")
			case par != nil:
				p.fail(i, "合计人数应写在最左边，不能缩进在框下", "the stated total must stand at the left margin, not under a box")
			case len(l.kids) > 0:
				p.fail(i, "合计人数下面不能有缩进的行", "nothing may be indented under the stated total")
			case n > domain.MaxHeadcount:
				p.fail(i, "人数过大（最多 %d 人）", "the number is too large (at most %d)", domain.MaxHeadcount)
			case p.f.total != 0 && p.f.total != n:
				p.fail(i, "前面已写明合计 %d 人，这里又写 %d 人", "a total of %d was already stated; this line says %d", p.f.total, n)
			default:
				p.f.total = n
			}
			continue
		}
		if h, inline, ok := headingOf(l.body); ok {
			l.role, l.heading, l.inline = roleHeading, h, inline
			if par == nil && p.into == nil {
				p.fail(i, "“%s”是标题，应缩进在它所属的部门或岗位下面（粘贴时请先选中所属的框）", "%q is a heading and must be indented under its unit or position (or pasted into a selected box)", headingName(l.body))
			}
			continue
		}
		l.name, l.m = splitMarks(l.body)
		l.role = roleBox
		switch {
		case l.numbered:
			// "1、客服部经理(1名)" and "一、人力资源部" over its posts are
			// boxes; "1、负责…" is an item, even with lines under it.
			if !l.m.bracketed && !p.boxesUnder(i) {
				l.role = roleItem
			}
		case l.m.count >= 0 || l.m.bracketed || len(l.kids) > 0:
		case sentence(l.body):
			l.role = roleItem
		case par != nil && par.m.positionLike() && !unitName(par.name) && !unitName(l.name),
			par == nil && p.into != nil && p.into.kind.IsPosition() && !unitName(l.name):
			// A plain line under a person's post is one of its duties
			// typed without a number.
			l.role = roleItem
		}
		if l.role == roleItem && len(l.kids) > 0 {
			p.fail(i, "列表中的一条下面不能再有缩进的行：请把它们并入这一条，或与它对齐；如果这是部门，请在它下面的岗位后写上人数",
				"an item of a list cannot have lines indented under it: join them to the item or align them with it; if this is a unit, give the positions under it their headcounts")
		} else if l.role == roleItem && par == nil && p.into == nil {
			p.fail(i, "这一行像是职责或职能，应缩进在它所属的岗位或部门下面（粘贴时请先选中所属的框）",
				"this line reads as a duty or function and must be indented under its position or unit (or pasted into a selected box)")
		}
	}
}

// boxesUnder reports whether any line directly under line i must be a
// box or a heading whatever i is: it has a bracketed mark, a headcount
// (when it has no number), lines of its own under it, or is a heading.
func (p *parser) boxesUnder(i int) bool {
	for _, k := range p.lines[i].kids {
		kl := &p.lines[k]
		body, numbered := itemText(kl.text)
		if _, _, ok := headingOf(body); ok || len(kl.kids) > 0 {
			return true
		}
		if _, m := splitMarks(body); m.bracketed || (!numbered && m.count >= 0) {
			return true
		}
	}
	return false
}

// build makes the boxes, children before parents, so that a box's kind
// can depend on what is under it.
func (p *parser) build() {
	for i := len(p.lines) - 1; i >= 0; i-- {
		l := &p.lines[i]
		if l.role != roleBox {
			continue
		}
		b := &box{line: i}
		sum := 0
		var lists [3]bool // headings under the box: duties, functions, qualifications
		for _, k := range l.kids {
			kl := &p.lines[k]
			switch kl.role {
			case roleBox:
				b.children = append(b.children, kl.box)
				sum += kl.box.rolled
			case roleHeading:
				switch kl.heading {
				case hDuties:
					lists[domain.Duties] = true
				case hFunctions:
					lists[domain.Functions] = true
				case hQualifications:
					lists[domain.Qualifications] = true
				}
			}
		}
		n := &b.node
		n.Name = l.name
		m := l.m
		personal := lists[domain.Duties] || lists[domain.Qualifications]
		switch {
		case m.assistant:
			n.Kind = domain.KindAssistant
		case m.kindSet:
			n.Kind, b.fixed = m.kind, true
		case assistantName(l.name):
			n.Kind = domain.KindAssistant
		case m.count >= 0 && len(b.children) > 0 && !m.concurrent && !personal &&
			(m.subtotal || unitName(l.name) || (m.count >= 2 && m.count == sum)):
			// The count is a subtotal of the boxes below, as in
			// "秩序管理员(23人)" over its five posts: a group.
			n.Kind = domain.KindUnit
			if sum != m.count {
				p.fail(i, "写明 %d 人，但下面各岗位合计 %d 人", "it states %d people, but the positions under it add up to %d", m.count, sum)
			}
		case m.count >= 0 || m.concurrent:
			n.Kind = domain.KindPosition
		case lists[domain.Functions]:
			n.Kind = domain.KindUnit
		case personal:
			n.Kind = domain.KindPosition
		case len(b.children) > 0 || unitName(l.name):
			n.Kind = domain.KindUnit
		default:
			n.Kind = domain.KindPosition // headcount not known yet
		}
		if n.Kind.IsPosition() {
			n.Concurrent = m.concurrent
			switch {
			case m.count >= 0:
				n.Planned = m.count
			case m.concurrent:
				n.Planned = 1 // one post, held by someone counted elsewhere
			}
			b.rolled = sum
			if !n.Concurrent {
				b.rolled += n.Planned
			}
			n.Filled = max(0, m.filled)
			n.Head = m.head && n.Kind == domain.KindPosition
			for _, c := range b.children {
				c.node.Head = false // only a unit has a head
			}
		} else {
			b.rolled = sum
			p.oneHead(b.children)
			markHead(b.children)
		}
		p.checkBox(i, b)
		l.box = b
	}
	for i := range p.lines {
		if p.lines[i].role == roleBox && p.lines[i].parent < 0 {
			p.f.roots = append(p.f.roots, p.lines[i].box)
		}
	}
	if t := p.into; t != nil && t.kind == domain.KindUnit && t.headFree {
		markHead(p.f.roots)
	}
}

// checkBox reports what the document would refuse about a box.
func (p *parser) checkBox(i int, b *box) {
	l := &p.lines[i]
	switch {
	case l.name == "":
		p.fail(i, "这一行只有人数，没有名称", "the line has a headcount but no name")
	case utf8.RuneCountInString(l.name) > domain.MaxNameRunes:
		p.fail(i, "名称太长（最多 %d 个字）；如果这是一条职责，请在前面加上编号，如“1、”",
			"the name is too long (at most %d characters); if this is a duty, number it (\"1、\")", domain.MaxNameRunes)
	case strings.HasSuffix(l.name, "：") || strings.HasSuffix(l.name, ":"):
		p.fail(i, "这一行像是标题，但不是已知的标题（%s）；作为框的名称不应以冒号结尾",
			"this reads as a heading but is not a known one (%s); as a box name it needs no colon", knownHeadings)
	}
	if l.m.filled > domain.MaxHeadcount {
		p.fail(i, "人数过大（最多 %d 人）", "the headcount is too large (at most %d)", domain.MaxHeadcount)
	}
	if l.m.twice {
		p.fail(i, "写了两个人数", "two headcounts are given")
	}
	if b.node.Planned > domain.MaxHeadcount || l.m.count > domain.MaxHeadcount {
		p.fail(i, "人数过大（最多 %d 人）", "the headcount is too large (at most %d)", domain.MaxHeadcount)
	}
}

// oneHead refuses a second box marked "(负责人)" among one unit's
// boxes: a unit has one head.
func (p *parser) oneHead(boxes []*box) {
	seen := false
	for _, c := range boxes {
		if !c.node.Head {
			continue
		}
		if seen {
			p.fail(c.line, "一个部门只能有一个负责人，前面已经标了“负责人”", "a unit has one head, and an earlier box is marked as it")
		}
		seen = true
	}
}

// markHead makes the first position among boxes whose name is a leader's
// title the head of their unit, unless the outline names the head itself
// ("(负责人)"). A box whose kind the outline states is not guessed at.
func markHead(boxes []*box) {
	for _, c := range boxes {
		if c.node.Head {
			return
		}
	}
	for _, c := range boxes {
		if c.node.Kind == domain.KindPosition && !c.fixed && leaderName(c.node.Name) {
			c.node.Head = true
			return
		}
	}
}

// fill puts the items and field values into their boxes, in line order.
func (p *parser) fill() {
	for i := range p.lines {
		l := &p.lines[i]
		owner := p.f.top
		if l.parent >= 0 {
			owner = p.lines[l.parent].box
		}
		switch {
		case l.role == roleItem && (l.parent < 0 || p.lines[l.parent].role == roleBox):
			if owner == nil {
				continue // reported by classify
			}
			p.addItems(i, owner, defaultList(owner.node.Kind), []int{i}, "")
		case l.role == roleHeading:
			if owner == nil {
				continue
			}
			p.fillHeading(i, owner)
		}
	}
}

// fillHeading adds the text after a heading's colon and the lines under
// it to the list or field the heading names.
func (p *parser) fillHeading(i int, owner *box) {
	l := &p.lines[i]
	kind := owner.node.Kind
	if p.fillJob(i, owner) {
		return
	}
	switch l.heading {
	case hDerived:
		return
	case hLink:
		p.addLinks(i, owner)
		return
	case hNotes, hHours, hGrade:
		var parts []string
		if l.inline != "" {
			parts = append(parts, l.inline)
		}
		for _, k := range l.kids {
			if p.lines[k].role == roleItem {
				parts = append(parts, p.lines[k].text)
			}
		}
		field := map[heading]*string{hNotes: &owner.node.Notes, hHours: &owner.node.Hours, hGrade: &owner.node.Grade}[l.heading]
		*field = strings.Join(append(slices.DeleteFunc([]string{*field}, func(s string) bool { return s == "" }), parts...), "\n")
		if utf8.RuneCountInString(*field) > domain.MaxTextRunes {
			p.fail(i, "文字太长（最多 %d 个字）", "the text is too long (at most %d characters)", domain.MaxTextRunes)
		}
		return
	}
	list := defaultList(kind)
	switch l.heading {
	case hDuties:
		list = domain.Duties
	case hFunctions:
		list = domain.Functions
	case hQualifications:
		list = domain.Qualifications
	}
	switch {
	case kind == domain.KindUnit && list != domain.Functions:
		p.fail(i, "部门没有岗位职责或任职资格：请把它们写在部门下的岗位里，部门写“部门职能”",
			"a unit has no duties or qualifications: put them under one of its positions; a unit has functions (部门职能)")
		return
	case kind != domain.KindUnit && list == domain.Functions:
		p.fail(i, "岗位没有部门职能：岗位写“岗位职责”；如果这是部门，请去掉它的人数",
			"a position has no unit functions: a position has duties (岗位职责); if this is a unit, remove its headcount")
		return
	}
	var items []int
	for _, k := range l.kids {
		if p.lines[k].role == roleItem {
			items = append(items, k)
		}
	}
	p.addItems(i, owner, list, items, l.inline)
}

// addItems appends the bodies of the item lines (and first, when not
// empty, the inline text of heading line at) to one of owner's lists.
func (p *parser) addItems(at int, owner *box, list domain.List, items []int, inline string) {
	dst := &owner.node.Duties
	switch list {
	case domain.Functions:
		dst = &owner.node.Functions
	case domain.Qualifications:
		dst = &owner.node.Qualifications
	case domain.Authority:
		dst = &owner.node.Job.Authority
	case domain.KPIs:
		dst = &owner.node.Job.KPIs
	}
	add := func(i int, text string) {
		if len(*dst) == domain.MaxItems {
			p.fail(i, "一个框最多 %[1]d 条%[2]s", "a box may have at most %[1]d %[3]s", domain.MaxItems, listNameZh[list], list)
		}
		if utf8.RuneCountInString(text) > domain.MaxTextRunes {
			p.fail(i, "这一条太长（最多 %d 个字）", "the item is too long (at most %d characters)", domain.MaxTextRunes)
		}
		*dst = append(*dst, text)
	}
	if inline != "" {
		if text, _ := itemText(inline); list != domain.Qualifications || !p.qualificationPart(at, owner, text) {
			add(at, text)
		}
	}
	for _, i := range items {
		if list == domain.Qualifications && p.qualificationPart(i, owner, p.lines[i].body) {
			continue // "学历：本科" under 任职资格
		}
		add(i, p.lines[i].body)
	}
}

var listNameZh = map[domain.List]string{domain.Duties: "岗位职责", domain.Functions: "部门职能", domain.Qualifications: "任职资格",
	domain.Authority: "工作权限", domain.KPIs: "考核指标"}

// defaultList is where a box's plain items go: a unit's are its
// functions, a position's its duties.
func defaultList(k domain.Kind) domain.List {
	if k == domain.KindUnit {
		return domain.Functions
	}
	return domain.Duties
}
