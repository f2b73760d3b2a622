package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// A document comes from e-mail and chat, so its schema may hold more than
// our migrations put there: a trigger that deletes the duties on the first
// edit, a view that never stops, a CHECK that calls a function.
// trusted_schema=OFF stops only the functions, not plain SQL in a trigger.
// So before any query touches our tables, the file's sqlite_schema is
// compared with the schema our migrations create, and anything else is
// refused.

// ErrForeign is Open's refusal of a document whose schema is not exactly
// the one OrgDraft creates (a trigger, a view, a table or index added, a
// table of ours changed or replaced): another program changed it, and
// what it added could run on the first query or edit. The file is left
// untouched. ReadSnapshotWarnings cleans a private copy and reads the
// document from that, so viewing it read-only and Save As give a clean
// document.
var ErrForeign = errors.New("the document holds database objects that OrgDraft did not create")

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	typ, name, table string
	sql              sql.NullString // NULL for automatic indexes
}

func (o schemaObject) String() string { return fmt.Sprintf("%s %q", o.typ, o.name) }

// same reports whether o and p are the same object. Line ends do not
// count: a migration embedded from a Windows checkout has CRLF.
func (o schemaObject) same(p schemaObject) bool {
	norm := func(s sql.NullString) sql.NullString {
		s.String = strings.ReplaceAll(s.String, "\r\n", "\n")
		return s
	}
	return o.typ == p.typ && o.name == p.name && o.table == p.table && norm(o.sql) == norm(p.sql)
}

// expected caches the schema that the first v migrations create, by v.
var expected struct {
	sync.Mutex
	byVersion map[int]map[string]schemaObject
}

// expectedSchema returns the objects the first version migrations create,
// by name, built once in an in-memory database.
func expectedSchema(version int) (map[string]schemaObject, error) {
	expected.Lock()
	defer expected.Unlock()
	if s, ok := expected.byVersion[version]; ok {
		return s, nil
	}
	db, conn, err := connect(":memory:?" + driverParams)
	if err != nil {
		return nil, err
	}
	defer closeAll(db, conn)
	for _, m := range migrations[:version] {
		if _, err := conn.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	objs, err := schemaOf(conn)
	if err != nil {
		return nil, err
	}
	s := map[string]schemaObject{}
	for _, o := range objs {
		s[o.name] = o
	}
	if expected.byVersion == nil {
		expected.byVersion = map[int]map[string]schemaObject{}
	}
	expected.byVersion[version] = s
	return s, nil
}

// schemaOf reads sqlite_schema, which runs nothing the file defines.
func schemaOf(conn *sql.Conn) ([]schemaObject, error) {
	rows, err := conn.QueryContext(ctx, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var objs []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		objs = append(objs, o)
	}
	return objs, rows.Err()
}

// foreignObjects returns the file's objects that are not exactly ours:
// others, and ours changed, or missing (as the expected object, with
// missing set).
func foreignObjects(conn *sql.Conn, version int) (foreign []schemaObject, missing []schemaObject, err error) {
	want, err := expectedSchema(version)
	if err != nil {
		return nil, nil, err
	}
	have, err := schemaOf(conn)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for _, o := range have {
		seen[o.name] = true
		if w, ours := want[o.name]; !ours || !o.same(w) {
			foreign = append(foreign, o)
		}
	}
	for _, w := range want {
		if !seen[w.name] {
			missing = append(missing, w)
		}
	}
	slices.SortFunc(missing, func(a, b schemaObject) int { return strings.Compare(a.name, b.name) })
	return foreign, missing, nil
}

// checkSchema refuses, with ErrForeign, a file whose schema is not exactly
// that of its version: objects added, or ours changed or missing. Each of
// them may run on a query or an edit (a trigger, a view in place of a
// table, a CHECK or generated column calling a function).
func checkSchema(conn *sql.Conn, path string, version int) error {
	foreign, missing, err := foreignObjects(conn, version)
	if err != nil {
		return classify(path, err)
	}
	var names []string
	for _, o := range foreign {
		names = append(names, o.String())
	}
	for _, o := range missing {
		names = append(names, o.String()+" is missing")
	}
	if len(names) > 0 {
		return pathError(path, ErrForeign, errors.New(listSome(names)))
	}
	return nil
}

// cleanSchema gives the database on conn, a private copy, exactly the
// schema of its version, keeping the rows of our tables: every object not
// exactly ours is dropped (triggers first, so that nothing fires; dropping
// runs none of them), a table of ours that was changed is rebuilt with our
// definition and its rows copied column by column, and a missing one is
// created empty. It returns the objects it dropped or rebuilt.
func cleanSchema(conn *sql.Conn, version int) ([]string, error) {
	if version < 1 || version > len(migrations) {
		return nil, nil // Open names the problem
	}
	foreign, missing, err := foreignObjects(conn, version)
	if err != nil || len(foreign)+len(missing) == 0 {
		return nil, err
	}
	want, err := expectedSchema(version)
	if err != nil {
		return nil, err
	}
	// Dropping a table must not cascade through foreign keys (the copied
	// rows are checked by Open afterwards), and renaming one of ours must
	// leave the references to it in our other tables as they are.
	for _, p := range []string{"PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = ON"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return nil, err
		}
	}
	var done []string
	err = inTx(ctx, conn, func(tx *sql.Tx) error {
		exec := func(stmt string) error {
			_, err := tx.ExecContext(ctx, stmt)
			if err != nil {
				return fmt.Errorf("%s: %w", stmt, err)
			}
			return nil
		}
		var rebuild []schemaObject
		for _, typ := range []string{"trigger", "view", "index", "table"} {
			for _, o := range foreign {
				if o.typ != typ || (typ == "index" && !o.sql.Valid) {
					continue // an automatic index goes with its table
				}
				done = append(done, o.String())
				if w := want[o.name]; typ == "table" && w.typ == "table" {
					rebuild = append(rebuild, w)
					// Our indexes on it are made again on the new table.
					for _, i := range want {
						if i.typ == "index" && i.table == w.name && i.sql.Valid {
							if err := exec("DROP INDEX IF EXISTS " + quoteName(i.name)); err != nil {
								return err
							}
							missing = append(missing, i)
						}
					}
					if err := exec(fmt.Sprintf("ALTER TABLE %s RENAME TO %s", quoteName(o.name), quoteName("orgdraft_old_"+o.name))); err != nil {
						return err
					}
					continue
				}
				if err := exec(fmt.Sprintf("DROP %s %s", strings.ToUpper(typ), quoteName(o.name))); err != nil {
					return err
				}
				if w, ours := want[o.name]; ours {
					missing = append(missing, w) // in place of a view named like a table of ours
				}
			}
		}
		// Tables before indexes.
		slices.SortStableFunc(missing, func(a, b schemaObject) int { return strings.Compare(b.typ, a.typ) })
		for _, w := range append(rebuild, missing...) {
			if w.sql.Valid {
				if err := exec(w.sql.String); err != nil {
					return err
				}
			}
		}
		for _, w := range rebuild {
			old := quoteName("orgdraft_old_" + w.name)
			cols, err := columnsOf(tx, w.name)
			if err != nil {
				return err
			}
			if err := exec(fmt.Sprintf("INSERT INTO %s (%s) SELECT %[2]s FROM %s", quoteName(w.name), cols, old)); err != nil {
				return err
			}
			if err := exec("DROP TABLE " + old); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

// columnsOf lists the columns of table, quoted, for an INSERT … SELECT.
func columnsOf(tx *sql.Tx, table string) (string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		cols = append(cols, quoteName(c))
	}
	return strings.Join(cols, ", "), rows.Err()
}

// quoteName quotes an SQL identifier.
func quoteName(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// listSome joins the first few of items, saying how many there are in all:
// a hostile file may hold thousands.
func listSome(items []string) string {
	const few = 5
	if len(items) <= few {
		return strings.Join(items, "; ")
	}
	return fmt.Sprintf("%s; … (%d in all)", strings.Join(items[:few], "; "), len(items))
}
