package domain

import (
	"errors"
	"fmt"

	"orgdraft/domain/staffing"
)

// This file keeps a position's staffing plan (排班定编, package staffing)
// with the box: the commands that set it and that apply its result to the
// 编制, and the check every box's plan passes.

// ErrNoStaffing is ApplyStaffing's refusal on a box without a plan.
var ErrNoStaffing = errors.New("the box has no staffing plan")

// checkStaffing refuses a plan with inputs out of range (see
// staffing.Plan.Validate); the error wraps staffing.ErrInvalid and is a
// *staffing.Error with its text in both languages.
func checkStaffing(n *Node) error {
	if n.Staffing == nil {
		return nil
	}
	if err := n.Staffing.Validate(); err != nil {
		return fmt.Errorf("the staffing plan: %w", err)
	}
	return nil
}

// SetStaffing sets the box's staffing plan (a copy of p is kept), or with
// nil removes it. The planned headcount does not change: ApplyStaffing
// does that, as a step of its own.
func SetStaffing(id NodeID, p *staffing.Plan) *EditNode {
	p = p.Clone()
	return edit(id, "Edit staffing plan", func(n *Node) error {
		n.Staffing = p.Clone()
		return nil
	})
}

// ApplyStaffing sets the box's planned headcount (编制) to the result of
// its staffing plan. It is refused when the box has no plan or its plan
// cannot be computed (no posts yet); undo restores the 编制 it had.
func ApplyStaffing(id NodeID) *EditNode {
	return edit(id, "Apply staffing", func(n *Node) error {
		if n.Staffing == nil {
			return fmt.Errorf("%w: %q", ErrNoStaffing, n.Name)
		}
		r, err := staffing.Compute(n.Staffing)
		if err != nil {
			return fmt.Errorf("the staffing plan: %w", err)
		}
		n.Planned = r.Total
		return nil
	})
}

// StaffingResult computes the plan of box id: ok is false when the box
// has none; err says why a plan has no result.
func (d *Document) StaffingResult(id NodeID) (r staffing.Result, ok bool, err error) {
	n := d.nodes[id]
	if n == nil || n.Staffing == nil {
		return r, false, nil
	}
	r, err = staffing.Compute(n.Staffing)
	return r, true, err
}
