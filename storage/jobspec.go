package storage

import (
	"context"
	"database/sql"
	"fmt"

	"orgdraft/domain"
)

// A box's JobSpec (the rest of its 岗位说明书) and the document's
// numbering scheme came with a later migration than the node and document
// rows: the text fields live in table job, one row per box that has any,
// the lists authority and kpis in table item with the others, and the
// scheme in two columns of the document row. They are written and read
// here, beside the rest, so that the statements of schema version 1 stay
// as they were.

// jobColumns are the columns of table job after node, in the order of
// domain.JobFields.
const jobColumns = "code, pay_grade, summary, education, major, experience, skills, certificates, other, internal, external, superior"

// jobTexts returns the text fields of j in the order of jobColumns, and
// whether any is set.
func jobTexts(j domain.JobSpec) ([]any, bool) {
	vals := make([]any, len(domain.JobFields))
	set := false
	for i, f := range domain.JobFields {
		s := j.Text(f)
		vals[i] = s
		set = set || s != ""
	}
	return vals, set
}

// writeJob stores the text fields of n's JobSpec: upserted when any is
// set (and only if they changed), deleted when none is.
func writeJob(ctx context.Context, tx *sql.Tx, n *domain.Node) error {
	vals, set := jobTexts(n.Job)
	if !set {
		_, err := tx.ExecContext(ctx, "DELETE FROM job WHERE node = ?", int64(n.ID))
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO job (node, `+jobColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (node) DO UPDATE SET
		 code = excluded.code, pay_grade = excluded.pay_grade, summary = excluded.summary,
		 education = excluded.education, major = excluded.major, experience = excluded.experience,
		 skills = excluded.skills, certificates = excluded.certificates, other = excluded.other,
		 internal = excluded.internal, external = excluded.external, superior = excluded.superior
		WHERE (`+jobColumns+`) IS NOT (excluded.code, excluded.pay_grade, excluded.summary,
		 excluded.education, excluded.major, excluded.experience, excluded.skills,
		 excluded.certificates, excluded.other, excluded.internal, excluded.external, excluded.superior)`,
		append([]any{int64(n.ID)}, vals...)...)
	return err
}

// loadJobs reads the text fields of the JobSpecs into nodes, mended by r.
func loadJobs(ctx context.Context, conn *sql.Conn, nodes []domain.Node, r *repairs) error {
	index := make(map[domain.NodeID]int, len(nodes))
	for i := range nodes {
		index[nodes[i].ID] = i
	}
	rows, err := conn.QueryContext(ctx, "SELECT node, "+jobColumns+" FROM job ORDER BY node")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id domain.NodeID
		var j domain.JobSpec
		dest := []any{&id}
		for _, f := range domain.JobFields {
			dest = append(dest, j.Field(f))
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			return fmt.Errorf("a job description belongs to box %d, which does not exist", id)
		}
		// The lists came with the items already.
		j.Authority, j.KPIs = nodes[i].Job.Authority, nodes[i].Job.KPIs
		nodes[i].Job = j
		r.job(&nodes[i])
	}
	return rows.Err()
}

// writeCodes stores the numbering scheme in the document row, which
// writeInfo has just written.
func writeCodes(ctx context.Context, tx *sql.Tx, i domain.Info) error {
	_, err := tx.ExecContext(ctx, "UPDATE document SET code_prefix = ?, code_digits = ? WHERE id = 1",
		i.Codes.Prefix, i.Codes.Digits)
	return err
}

// loadCodes reads the numbering scheme into i.
func loadCodes(ctx context.Context, conn *sql.Conn, i *domain.Info) error {
	return conn.QueryRowContext(ctx, "SELECT code_prefix, code_digits FROM document WHERE id = 1").
		Scan(&i.Codes.Prefix, &i.Codes.Digits)
}
