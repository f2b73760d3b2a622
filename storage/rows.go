package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"orgdraft/domain"
)

// This file converts between rows and domain values. Writing functions run
// inside the caller's transaction; reading functions run on the connection
// that holds the file's lock.

// lists are the ordered text lists of a node, stored in table item under
// their domain.List names.
var lists = domain.Lists

// listField returns the node's list stored under name.
func listField(n *domain.Node, name string) (*[]string, error) {
	switch name {
	case domain.Duties.String():
		return &n.Duties, nil
	case domain.Qualifications.String():
		return &n.Qualifications, nil
	case domain.Functions.String():
		return &n.Functions, nil
	case domain.Authority.String():
		return &n.Job.Authority, nil
	case domain.KPIs.String():
		return &n.Job.KPIs, nil
	}
	return nil, fmt.Errorf("box %d has a list of unknown name %q", n.ID, name)
}

// parentValue stores a top-level box's parent 0 as NULL, which the foreign
// key on node.parent requires.
func parentValue(id domain.NodeID) any {
	if id == 0 {
		return nil
	}
	return int64(id)
}

// writeChange saves what one edit touched: the listed nodes and links that
// still exist are upserted, the others deleted, and the document row and
// sign-offs rewritten when ch.Info is set.
func writeChange(ctx context.Context, tx *sql.Tx, d *domain.Document, ch domain.Change) error {
	seen := make(map[domain.NodeID]bool, len(ch.Nodes))
	for _, id := range ch.Nodes {
		if seen[id] {
			continue // a Change may list a node twice (a move within one parent)
		}
		seen[id] = true
		var err error
		if n := d.Node(id); n != nil {
			err = writeNode(ctx, tx, n, d.IndexOf(id))
		} else {
			// Its items go with it (ON DELETE CASCADE); its children are
			// listed in the same Change.
			_, err = tx.ExecContext(ctx, "DELETE FROM node WHERE id = ?", int64(id))
		}
		if err != nil {
			return err
		}
	}
	if len(ch.Links) > 0 {
		for _, id := range ch.Links {
			if _, ok := d.Link(id); !ok {
				if _, err := tx.ExecContext(ctx, "DELETE FROM link WHERE id = ?", int64(id)); err != nil {
					return err
				}
			}
		}
		// Links are few; writing them all keeps the stored drawing order
		// right wherever the edit inserted one.
		if err := writeLinks(ctx, tx, d); err != nil {
			return err
		}
	}
	if ch.Info {
		return writeInfo(ctx, tx, d.Info)
	}
	return nil
}

// writeAll replaces the stored document with d: used for a new file and to
// bring a file back in line after a failed save.
func writeAll(ctx context.Context, tx *sql.Tx, d *domain.Document) error {
	// Items go with their nodes (ON DELETE CASCADE).
	for _, table := range []string{"node", "link"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return err
		}
	}
	if err := writeInfo(ctx, tx, d.Info); err != nil {
		return err
	}
	var err error
	d.Walk(func(n *domain.Node) bool {
		err = writeNode(ctx, tx, n, d.IndexOf(n.ID))
		return err == nil
	})
	if err != nil {
		return err
	}
	if err := writeLinks(ctx, tx, d); err != nil {
		return err
	}
	return writeRevisions(ctx, tx, d) // revisions.go
}

// writeInfo rewrites the document row and the sign-off rows.
func writeInfo(ctx context.Context, tx *sql.Tx, i domain.Info) error {
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO document
		(id, title, company, version, status, effective_date, confidentiality,
		 stated_total, notes, paper, landscape, left_to_right, compact_leaves)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		i.Title, i.Company, i.Version, i.Status.String(), i.EffectiveDate, i.Confidentiality,
		i.StatedTotal, i.Notes, i.Page.Paper, i.Page.Landscape, i.Page.LeftToRight, i.Page.CompactLeaves)
	if err == nil {
		err = writePrintLanguage(ctx, tx, i)
	}
	if err == nil {
		err = writeBookOrder(ctx, tx, i)
	}
	if err == nil {
		err = writeCodes(ctx, tx, i)
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sign_off"); err != nil {
		return err
	}
	for pos, s := range i.SignOffs {
		if _, err := tx.ExecContext(ctx, "INSERT INTO sign_off (pos, role, name, date) VALUES (?, ?, ?, ?)",
			pos, s.Role, s.Name, s.Date); err != nil {
			return err
		}
	}
	return nil
}

// writeNode upserts one node at sibling position pos and rewrites its list
// items if they changed. An upsert (not INSERT OR REPLACE) keeps the row,
// so that its items and children are not deleted along with it.
func writeNode(ctx context.Context, tx *sql.Tx, n *domain.Node, pos int) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO node
		(id, parent, pos, kind, name, head, planned, filled, concurrent,
		 grade, hours, notes, offset_x, offset_y, collapsed, leaves)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
		 parent = excluded.parent, pos = excluded.pos, kind = excluded.kind,
		 name = excluded.name, head = excluded.head, planned = excluded.planned,
		 filled = excluded.filled, concurrent = excluded.concurrent,
		 grade = excluded.grade, hours = excluded.hours, notes = excluded.notes,
		 offset_x = excluded.offset_x, offset_y = excluded.offset_y,
		 collapsed = excluded.collapsed, leaves = excluded.leaves
		WHERE (parent, pos, kind, name, head, planned, filled, concurrent, grade, hours, notes,
		       offset_x, offset_y, collapsed, leaves)
		   IS NOT (excluded.parent, excluded.pos, excluded.kind, excluded.name, excluded.head,
		       excluded.planned, excluded.filled, excluded.concurrent, excluded.grade, excluded.hours,
		       excluded.notes, excluded.offset_x, excluded.offset_y, excluded.collapsed,
		       excluded.leaves)`,
		int64(n.ID), parentValue(n.Parent), pos, n.Kind.String(), n.Name, n.Head, n.Planned, n.Filled,
		n.Concurrent, n.Grade, n.Hours, n.Notes, n.Offset.X, n.Offset.Y, n.Collapsed, n.Leaves.String())
	if err == nil {
		err = writeJob(ctx, tx, n)
	}
	if err != nil {
		return err
	}
	if err := writeStaffing(ctx, tx, n); err != nil { // staffing.go
		return err
	}
	// A Change lists every sibling whose place may have moved; most of
	// them have the same items as before, and reading is cheaper than
	// writing them again.
	if same, err := sameItems(ctx, tx, n); same || err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM item WHERE node = ?", int64(n.ID)); err != nil {
		return err
	}
	for _, l := range lists {
		for pos, text := range n.Items(l) {
			if _, err := tx.ExecContext(ctx, "INSERT INTO item (node, list, pos, text) VALUES (?, ?, ?, ?)",
				int64(n.ID), l.String(), pos, text); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameItems reports whether the stored items of n are those it has.
func sameItems(ctx context.Context, tx *sql.Tx, n *domain.Node) (bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT list, text FROM item WHERE node = ? ORDER BY list, pos", int64(n.ID))
	if err != nil {
		return false, err
	}
	defer rows.Close()
	stored := domain.Node{ID: n.ID}
	for rows.Next() {
		var list, text string
		if err := rows.Scan(&list, &text); err != nil {
			return false, err
		}
		field, err := listField(&stored, list)
		if err != nil {
			return false, err
		}
		*field = append(*field, text)
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, l := range lists {
		if !slices.Equal(stored.Items(l), n.Items(l)) {
			return false, nil
		}
	}
	return true, nil
}

// writeLinks upserts every link of d with its place in the drawing order.
func writeLinks(ctx context.Context, tx *sql.Tx, d *domain.Document) error {
	for pos, l := range d.Links() {
		_, err := tx.ExecContext(ctx, `INSERT INTO link (id, pos, from_node, to_node, label)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET pos = excluded.pos, from_node = excluded.from_node,
			 to_node = excluded.to_node, label = excluded.label`,
			int64(l.ID), pos, int64(l.From), int64(l.To), l.Label)
		if err != nil {
			return err
		}
	}
	return nil
}

// load reads the whole document, mending texts and offsets the domain
// would refuse (see repair.go) and saying so in the warnings. Any other
// row the domain cannot take (an unknown kind, a cycle of parents, a
// headcount beyond the limit) is an error the caller reports as a damaged
// file.
func load(ctx context.Context, conn *sql.Conn) (*domain.Document, []Warning, error) {
	var r repairs
	info, err := loadInfo(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	r.info(&info)
	nodes, err := loadNodes(ctx, conn, &r)
	if err == nil {
		err = loadJobs(ctx, conn, nodes, &r)
	}
	if err != nil {
		return nil, nil, err
	}
	if err := loadStaffing(ctx, conn, nodes, &r); err != nil { // staffing.go
		return nil, nil, err
	}
	links, err := loadLinks(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	for i := range links {
		r.link(&links[i])
	}
	d, err := domain.Restore(info, nodes, links)
	if err != nil {
		return nil, nil, err
	}
	revs, err := loadRevisions(ctx, conn, &r) // revisions.go
	if err != nil {
		return nil, nil, err
	}
	d.SetRevisions(revs)
	return d, r.warnings, nil
}

func loadInfo(ctx context.Context, conn *sql.Conn) (domain.Info, error) {
	var i domain.Info
	var status string
	err := conn.QueryRowContext(ctx, `SELECT title, company, version, status, effective_date,
		confidentiality, stated_total, notes, paper, landscape, left_to_right, compact_leaves
		FROM document WHERE id = 1`).Scan(
		&i.Title, &i.Company, &i.Version, &status, &i.EffectiveDate, &i.Confidentiality,
		&i.StatedTotal, &i.Notes, &i.Page.Paper, &i.Page.Landscape, &i.Page.LeftToRight, &i.Page.CompactLeaves)
	if err == sql.ErrNoRows {
		return i, fmt.Errorf("the document row is missing")
	}
	if err != nil {
		return i, err
	}
	if i.Status, err = domain.ParseStatus(status); err != nil {
		return i, err
	}
	if err := loadPrintLanguage(ctx, conn, &i); err != nil {
		return i, err
	}
	if err := loadBookOrder(ctx, conn, &i); err != nil {
		return i, err
	}
	if err := loadCodes(ctx, conn, &i); err != nil {
		return i, err
	}
	rows, err := conn.QueryContext(ctx, "SELECT role, name, date FROM sign_off ORDER BY pos")
	if err != nil {
		return i, err
	}
	defer rows.Close()
	for rows.Next() {
		var s domain.SignOff
		if err := rows.Scan(&s.Role, &s.Name, &s.Date); err != nil {
			return i, err
		}
		i.SignOffs = append(i.SignOffs, s)
	}
	return i, rows.Err()
}

// loadNodes returns the nodes with their items, siblings in order (which
// is all domain.Restore needs of the order), mended by r.
func loadNodes(ctx context.Context, conn *sql.Conn, r *repairs) ([]domain.Node, error) {
	rows, err := conn.QueryContext(ctx, `SELECT id, parent, kind, name, head, planned, filled,
		concurrent, grade, hours, notes, offset_x, offset_y, collapsed, leaves
		FROM node ORDER BY pos, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var nodes []domain.Node
	index := map[domain.NodeID]int{}
	for rows.Next() {
		var n domain.Node
		var parent sql.NullInt64
		var kind, leaves string
		if err := rows.Scan(&n.ID, &parent, &kind, &n.Name, &n.Head, &n.Planned, &n.Filled,
			&n.Concurrent, &n.Grade, &n.Hours, &n.Notes, &n.Offset.X, &n.Offset.Y, &n.Collapsed, &leaves); err != nil {
			return nil, err
		}
		if n.Leaves, err = domain.ParseLeaves(leaves); err != nil {
			return nil, fmt.Errorf("box %d: %w", n.ID, err)
		}
		n.Parent = domain.NodeID(parent.Int64)
		if n.Kind, err = domain.ParseKind(kind); err != nil {
			return nil, fmt.Errorf("box %d: %w", n.ID, err)
		}
		r.node(&n)
		index[n.ID] = len(nodes)
		nodes = append(nodes, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()

	items, err := conn.QueryContext(ctx, "SELECT node, list, text FROM item ORDER BY node, list, pos")
	if err != nil {
		return nil, err
	}
	defer items.Close()
	for items.Next() {
		var id domain.NodeID
		var list, text string
		if err := items.Scan(&id, &list, &text); err != nil {
			return nil, err
		}
		i, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("a list item belongs to box %d, which does not exist", id)
		}
		field, err := listField(&nodes[i], list)
		if err != nil {
			return nil, err
		}
		r.item(&nodes[i], list, len(*field), &text)
		*field = append(*field, text)
	}
	return nodes, items.Err()
}

func loadLinks(ctx context.Context, conn *sql.Conn) ([]domain.Link, error) {
	rows, err := conn.QueryContext(ctx, "SELECT id, from_node, to_node, label FROM link ORDER BY pos, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var links []domain.Link
	for rows.Next() {
		var l domain.Link
		if err := rows.Scan(&l.ID, &l.From, &l.To, &l.Label); err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	return links, rows.Err()
}
