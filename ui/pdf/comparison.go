package pdf

import (
	"fmt"
	"io"
	"strconv"

	"orgdraft/domain"
	"orgdraft/domain/diff"
)

// Versions names the two versions a comparison is about, as the user
// knows them: file names, version labels or snapshot names.
type Versions struct {
	Old, New string
}

// Tints of the comparison table: added rows green, removed rows red, as
// the editor draws the boxes.
var (
	addedTint   = rgb{226, 242, 227}
	removedTint = rgb{249, 228, 226}
)

// Comparison writes the comparison of two versions (变更对照表): a heading
// naming both versions, a summary (boxes added, removed and changed, the
// headcount before and after, how boxes were matched) and one table row
// per change: the box, what changed, before and after. d is the newer
// document, whose title, version and confidentiality head and foot the
// pages. english sets the labels in English; the document's own text
// stays as written.
func Comparison(w io.Writer, d *domain.Document, r *diff.Report, v Versions, o Options, english bool) (Report, error) {
	c, err := newComposer(d, o)
	if err != nil {
		return Report{}, err
	}
	zh := !english
	say := func(zhText, enText string) string {
		if zh {
			return zhText
		}
		return enText
	}
	p := c.paper
	if o.Landscape {
		p = paper{p.h, p.w}
	}
	f := c.newFlow(p)
	f.page()
	c.textIn(f.s, f.left, f.width, f.y+c.baseline(fH1), fH1, alignCenter, say("变更对照表", "Comparison of versions"))
	f.y += c.lineHeight(fH1) * 1.6
	f.paragraph(say("原版本：", "Old version: ")+v.Old, fBody, 0)
	f.paragraph(say("新版本：", "New version: ")+v.New, fBody, 0)

	added, removed, changed := r.Counts()
	f.space(4)
	f.paragraph(say(
		fmt.Sprintf("新增 %d 个框，删除 %d 个框，修改 %d 个框。编制合计 %d → %d，在岗合计 %d → %d。",
			added, removed, changed, r.Total.Planned.Before, r.Total.Planned.After, r.Total.Filled.Before, r.Total.Filled.After),
		fmt.Sprintf("%d boxes added, %d removed, %d changed. Planned total %d → %d, filled total %d → %d.",
			added, removed, changed, r.Total.Planned.Before, r.Total.Planned.After, r.Total.Filled.Before, r.Total.Filled.After)), fBody, 0)
	if r.ByName {
		f.paragraph(say(
			fmt.Sprintf("两个版本的框编号不对应，按名称路径配对（%d 个框按名称配对）。", r.ByNameCount),
			fmt.Sprintf("The two versions' box ids do not correspond: boxes were matched by their path of names (%d by name).", r.ByNameCount)), fNote, 0)
	}
	f.space(8)

	rows := r.Rows(zh)
	if len(rows) == 0 {
		f.paragraph(say("两个版本相同。", "The two versions are the same."), fBody, 0)
	} else {
		rest := f.width - 28
		t := &table{header: true, font: fSmall, cols: []column{
			{title: say("序号", "No."), width: 28, align: alignRight},
			{title: say("框", "Box"), width: rest * 0.22},
			{title: say("变更", "Change"), width: rest * 0.18},
			{title: say("变更前", "Before"), width: rest * 0.30},
			{title: say("变更后", "After"), width: rest * 0.30},
		}}
		out := make([]row, len(rows))
		for i, x := range rows {
			out[i] = row{cells: []string{strconv.Itoa(i + 1), x.Box, x.What, x.Before, x.After}}
			switch x.Status {
			case diff.Added:
				out[i].fill = &addedTint
			case diff.Removed:
				out[i].fill = &removedTint
			}
		}
		f.table(t, out)
	}
	for i, s := range f.sheets {
		c.bookHeader(s)
		c.footer(s, i, len(f.sheets), bookSide, bookBottom)
	}
	return c.finish(w, f.sheets)
}
