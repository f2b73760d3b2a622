package storage

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"orgdraft/domain"
)

// jobSpecVersion is the schema version that brought the JobSpec: the
// number of the migration named *_job_spec.sql.
func jobSpecVersion(t testing.TB) int {
	t.Helper()
	i := slices.IndexFunc(migrations, func(m migration) bool { return strings.HasSuffix(m.name, "_job_spec.sql") })
	if i < 0 {
		t.Fatal("no migration *_job_spec.sql")
	}
	return i + 1
}

// olderCopy writes at dst a file of schema version (its first migrations
// alone) holding the rows of the current file at src that the version
// has: the file an older OrgDraft wrote. Before the JobSpec the item
// table knows three lists only.
func olderCopy(t *testing.T, src, dst string, version int) {
	t.Helper()
	db, err := sql.Open("sqlite3", dst)
	must(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	exec := func(s string) {
		t.Helper()
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	for _, m := range migrations[:version] {
		exec(m.sql)
	}
	exec(fmt.Sprintf("PRAGMA application_id = %d", applicationID))
	exec(fmt.Sprintf("PRAGMA user_version = %d", version))
	exec(fmt.Sprintf("ATTACH DATABASE '%s' AS cur", strings.ReplaceAll(src, "'", "''")))
	var tables []string
	rows, err := db.Query("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY rowid")
	must(t, err)
	for rows.Next() {
		var name string
		must(t, rows.Scan(&name))
		tables = append(tables, name)
	}
	must(t, rows.Err())
	rows.Close()
	for _, table := range tables {
		var cols string
		must(t, db.QueryRow("SELECT group_concat(quote(name), ', ') FROM pragma_table_info(?, 'main')", table).Scan(&cols))
		cols = strings.ReplaceAll(cols, "'", `"`)
		where := ""
		if table == "item" && version < jobSpecVersion(t) {
			where = " WHERE list IN ('duties', 'qualifications', 'functions')"
		}
		exec(fmt.Sprintf("INSERT INTO main.%s (%s) SELECT %[2]s FROM cur.%[1]s%[3]s", table, cols, where))
	}
	exec("DETACH DATABASE cur")
}

// withoutJobSpecs returns a copy of d as a file from before the JobSpec
// holds it: no JobSpec on any box and the numbering off.
func withoutJobSpecs(t testing.TB, d *domain.Document) *domain.Document {
	t.Helper()
	nodes := d.Nodes()
	for i := range nodes {
		nodes[i].Job = domain.JobSpec{}
	}
	info := d.Info
	info.Codes = domain.CodeScheme{}
	out, err := domain.Restore(info, nodes, d.Links())
	must(t, err)
	return out
}

// TestJobSpecStored: every JobSpec field and the numbering scheme are
// saved by the edits that set them and read back; clearing them all
// removes the box's row.
func TestJobSpecStored(t *testing.T) {
	_, path := tempPath(t, "job.orgdraft")
	d := richDocument(t)
	f := mustCreate(t, path, d)
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	const clerk = 23 // 操作工, without a JobSpec in richDocument
	for _, fld := range domain.JobFields {
		must(t, h.Do(domain.SetJobText(clerk, fld, "操作工的"+fld.String())))
	}
	must(t, h.Do(domain.InsertItems(clerk, domain.Authority, -1, "停机权\n建议权")))
	must(t, h.Do(domain.InsertItems(clerk, domain.KPIs, -1, "合格率")))
	must(t, h.Do(domain.SetCodeScheme(domain.CodeScheme{Prefix: "GS", Digits: 2})))
	mustClose(t, f)
	f, got := reopen(t, path)
	assertSameDoc(t, d, got)
	if n := got.Node(clerk); n.Job.Skills != "操作工的skills" || !slices.Equal(n.Job.Authority, []string{"停机权", "建议权"}) {
		t.Errorf("reopened JobSpec: %+v", n.Job)
	}
	if got.PositionCode(clerk) != d.PositionCode(clerk) || got.PositionCode(clerk) == "" {
		t.Errorf("reopened code %q, want %q", got.PositionCode(clerk), d.PositionCode(clerk))
	}
	h = domain.NewHistory(got)
	h.OnChange = func(ch domain.Change) error { return f.Apply(got, ch) }
	for _, fld := range domain.JobFields {
		must(t, h.Do(domain.SetJobText(clerk, fld, "")))
	}
	var rows int
	must(t, f.conn.QueryRowContext(ctx, "SELECT count(*) FROM job WHERE node = ?", clerk).Scan(&rows))
	if rows != 0 {
		t.Errorf("a box with an empty JobSpec keeps %d job rows", rows)
	}
	mustClose(t, f)
	f, again := reopen(t, path)
	defer f.Close()
	assertSameDoc(t, got, again)
}

// TestJobSpecUpgrade: a file of version 1 and one of the version just
// before the JobSpec open, are upgraded to the newest version with their
// rows kept, and then keep the JobSpec fields set afterwards.
func TestJobSpecUpgrade(t *testing.T) {
	versions := []int{1}
	if v := jobSpecVersion(t) - 1; v > 1 {
		versions = append(versions, v)
	}
	for _, v := range versions {
		t.Run(fmt.Sprint("version ", v), func(t *testing.T) {
			dir, path := tempPath(t, "new.orgdraft")
			d := richDocument(t)
			mustClose(t, mustCreate(t, path, d))
			old := dir + "/old.orgdraft"
			olderCopy(t, path, old, v)
			f, got := reopen(t, old)
			var version int
			must(t, f.conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version))
			if version != len(migrations) {
				t.Errorf("after Open: user_version %d, want %d", version, len(migrations))
			}
			want := withoutJobSpecs(t, d)
			// Not this test's fields: the print language and the staffing
			// plans, which a file of version 1 has not.
			want.Info.Page.Language = got.Info.Page.Language
			want.Walk(func(n *domain.Node) bool { n.Staffing = got.Node(n.ID).Staffing; return true })
			assertSameDoc(t, want, got)
			if n := got.Node(11); len(n.Duties) != 3 || len(n.Qualifications) != 2 {
				t.Errorf("the upgraded file lost items: %+v", n)
			}
			h := domain.NewHistory(got)
			h.OnChange = func(ch domain.Change) error { return f.Apply(got, ch) }
			must(t, h.Do(domain.SetJobText(11, domain.JobSuperior, "董事长")))
			must(t, h.Do(domain.InsertItems(11, domain.KPIs, -1, "营收\n利润")))
			must(t, h.Do(domain.SetCodeScheme(domain.CodeScheme{Digits: 3})))
			mustClose(t, f)
			f, again := reopen(t, old)
			defer f.Close()
			assertSameDoc(t, got, again)
			if again.SuperiorName(11) != "董事长" || len(again.Node(11).Job.KPIs) != 2 || again.Info.Codes.Digits != 3 {
				t.Errorf("the upgraded file did not keep the new fields: %+v %+v", again.Node(11).Job, again.Info.Codes)
			}
		})
	}
}

// TestJobSpecTextsMendedOnRead: a JobSpec text over its limit, or with a
// NUL, written behind OrgDraft's back, is mended on reading and named in
// the warnings; the file keeps its bytes.
func TestJobSpecTextsMendedOnRead(t *testing.T) {
	_, path := tempPath(t, "mend.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	rawExec(t, path, fmt.Sprintf("UPDATE job SET code = '%s', summary = 'a' || char(0) || 'b' WHERE node = 11",
		strings.Repeat("长", domain.MaxNameRunes+5)))
	f, d := reopen(t, path)
	defer f.Close()
	n := d.Node(11)
	if len([]rune(n.Job.Code)) != domain.MaxNameRunes || n.Job.Summary != "ab" {
		t.Errorf("mended JobSpec: code of %d characters, summary %q", len([]rune(n.Job.Code)), n.Job.Summary)
	}
	var text string
	for _, w := range f.Warnings() {
		text += w.Error() + "\n"
	}
	if !strings.Contains(text, "the job description's code") || !strings.Contains(text, "the job description's summary") {
		t.Errorf("warnings:\n%s", text)
	}
}
