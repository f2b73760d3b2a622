package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// This file stores a box's staffing plan (domain.Node.Staffing) in table
// staffing (migration 002), as the plan's JSON form.

// ErrStaffingDropped is the mending of a staffing plan that could not be
// read (its JSON is broken, or an input is out of range): the box is
// read without it, and its 编制 stays as stored.
var ErrStaffingDropped = errors.New("staffing plans that could not be read were left out")

// encodePlan returns the stored form of a plan.
func encodePlan(p *staffing.Plan) (string, error) {
	b, err := json.Marshal(p)
	return string(b), err
}

// decodePlan reads the stored form of a plan strictly: an unknown field
// or an input out of range is an error.
func decodePlan(s string) (*staffing.Plan, error) {
	var p staffing.Plan
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// writeStaffing stores n's plan, or deletes the row of a box without one.
func writeStaffing(ctx context.Context, tx *sql.Tx, n *domain.Node) error {
	if n.Staffing == nil {
		_, err := tx.ExecContext(ctx, "DELETE FROM staffing WHERE node = ?", int64(n.ID))
		return err
	}
	plan, err := encodePlan(n.Staffing)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO staffing (node, plan) VALUES (?, ?)
		ON CONFLICT (node) DO UPDATE SET plan = excluded.plan WHERE plan IS NOT excluded.plan`,
		int64(n.ID), plan)
	return err
}

// loadStaffing gives the nodes their plans; a plan that cannot be read is
// left out and noted in r.
func loadStaffing(ctx context.Context, conn *sql.Conn, nodes []domain.Node, r *repairs) error {
	index := make(map[domain.NodeID]int, len(nodes))
	for i := range nodes {
		index[nodes[i].ID] = i
	}
	rows, err := conn.QueryContext(ctx, "SELECT node, plan FROM staffing ORDER BY node")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id domain.NodeID
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			return fmt.Errorf("a staffing plan belongs to box %d, which does not exist", id)
		}
		p, err := decodePlan(text)
		if err != nil {
			r.note(ErrStaffingDropped, fmt.Sprintf("box %d %s: %v", id, quoteShort(nodes[i].Name), err))
			continue
		}
		nodes[i].Staffing = p
	}
	return rows.Err()
}
