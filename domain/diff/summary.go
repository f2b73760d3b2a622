package diff

import (
	"fmt"
	"strings"

	"orgdraft/domain"
)

// SuggestedNote returns the summary of changes to offer the approver of d:
// what changed since its last approved version, in a line such as "新增 2
// 个框，删除 1 个框，修改 3 个框；编制 54 → 56 人". It is "" for a document
// never approved, where there is nothing to compare with: "初版" is no
// better a guess than the approver's own words.
func SuggestedNote(d *domain.Document, zh bool) string {
	prev, ok := d.LastRevision()
	if !ok {
		return ""
	}
	return Compare(prev, d, Options{Matching: ByID}).Summary(zh)
}

// Summary says in one line what the report found: how many boxes were
// added, removed and changed, and the planned headcount before and after
// when it changed. It is "" when the versions are the same.
func (r *Report) Summary(zh bool) string {
	if r.Same() {
		return ""
	}
	added, removed, changed := r.Counts()
	var parts []string
	part := func(n int, zhText, one, other string) {
		switch {
		case n == 0:
		case zh:
			parts = append(parts, fmt.Sprintf(zhText, n))
		case n == 1:
			parts = append(parts, one)
		default:
			parts = append(parts, fmt.Sprintf(other, n))
		}
	}
	part(added, "新增 %d 个框", "1 box added", "%d boxes added")
	part(removed, "删除 %d 个框", "1 box removed", "%d boxes removed")
	part(changed, "修改 %d 个框", "1 box changed", "%d boxes changed")
	if len(r.Info) > 0 {
		parts = append(parts, Word("documentFields", zh))
	}
	sep := ", "
	if zh {
		sep = "，"
	}
	text := strings.Join(parts, sep)
	if p := r.Total.Planned; p.Changed() {
		if zh {
			text += fmt.Sprintf("；编制 %d → %d 人", p.Before, p.After)
		} else {
			text += fmt.Sprintf("; planned headcount %d → %d", p.Before, p.After)
		}
	}
	return strings.TrimPrefix(strings.TrimPrefix(text, "；"), "; ")
}
