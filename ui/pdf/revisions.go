package pdf

import (
	"strings"

	"orgdraft/domain"
)

// The book's 修订记录 (revision history): a page after the cover listing
// every approved version of the document, oldest first, from the
// snapshots the file keeps (domain.Document.Revisions): its version, the
// day it was approved, the summary of changes and who prepared (编制),
// reviewed (审核) and approved (批准) it. A document never approved has
// none, and its book has no such page.

// revisionWords are the words of the 修订记录 page.
var revisionWords = struct {
	title, version, date, summary wordPair
}{
	title:   wordPair{"修订记录", "Revision History"},
	version: wordPair{"版本", "Version"},
	date:    wordPair{"批准日期", "Approved"},
	summary: wordPair{"修订说明", "Summary of Changes"},
}

// revisionHistory lays out the 修订记录 pages, or none when the document
// has no approved version.
func (c *composer) revisionHistory() []*sheet {
	revs := c.d.Revisions()
	if len(revs) == 0 {
		return nil
	}
	f := c.newFlow(c.paper)
	f.page()
	c.textIn(f.s, f.left, f.width, f.y+c.baseline(fH1), fH1, alignCenter, c.word(revisionWords.title))
	f.y += c.lineHeight(fH1) * 1.6
	const verW, dateW, signW = 78, 64, 58
	cols := []column{
		{title: c.word(revisionWords.version), width: verW, align: alignCenter},
		{title: c.word(revisionWords.date), width: dateW, align: alignCenter},
		{title: c.word(revisionWords.summary), width: f.width - verW - dateW - float64(len(domain.SignOffRoles))*signW},
	}
	for _, role := range domain.SignOffRoles {
		cols = append(cols, column{title: c.role(role), width: signW, align: alignCenter})
	}
	t := &table{header: true, font: fSmall, cols: cols}
	var rows []row
	for _, r := range revs {
		cells := []string{r.Version, r.Date, orDash(r.Note)}
		for _, role := range domain.SignOffRoles {
			cells = append(cells, signedBy(r.SignOffs, role))
		}
		rows = append(rows, row{cells: cells, min: 30})
	}
	f.table(t, rows)
	return f.sheets
}

// signedBy returns the name and date in the sign-off row of role, on two
// lines, or a dash.
func signedBy(rows []domain.SignOff, role string) string {
	for _, s := range rows {
		if strings.TrimSpace(s.Role) == role {
			return orDash(strings.TrimSpace(strings.TrimSpace(s.Name) + "\n" + strings.TrimSpace(s.Date)))
		}
	}
	return "—"
}
