package sheet

import (
	"bytes"
	"encoding/json"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// The last column, 排班定编 (Staffing plan), holds a position's staffing
// inputs (domain.Node.Staffing) in the plan's JSON form, on one line:
// blank for a box without a plan. It carries the inputs from one export to
// the next import; the 编制 column stays the number people read.

// staffingCell writes n's plan, or "" for none.
func staffingCell(n *domain.Node) string {
	if n.Staffing == nil {
		return ""
	}
	b, err := json.Marshal(n.Staffing)
	if err != nil {
		return "" // a plan of plain values always encodes
	}
	return string(b)
}

// staffing reads the plan of a row, nil for a blank cell; a cell that is
// not a plan, or a plan out of range, is a problem of its row.
func (r *reader) staffing(rec record) *staffing.Plan {
	s := strings.TrimSpace(r.cell(rec, colStaffing))
	if s == "" {
		return nil
	}
	var p staffing.Plan
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		r.fail(rec.row, colStaffing, "不是排班定编数据（%s）", "not a staffing plan (%s)", clip(err.Error()))
		return nil
	}
	if err := p.Validate(); err != nil {
		r.fail(rec.row, colStaffing, "%s", "%s", staffing.Message(err, true))
		r.errs[len(r.errs)-1].Msg = staffing.Message(err, false)
		return nil
	}
	return &p
}
