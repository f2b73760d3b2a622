-- The rest of a position's 岗位说明书 (domain.JobSpec) and the numbering
-- of positions (岗位编号). A document from before has none of them: every
-- box gets an empty JobSpec and the numbering is off.

-- The lists of a box gain authority (工作权限) and kpis (考核指标). SQLite
-- cannot change a CHECK constraint, so the table is made again under its
-- own name and its rows copied, in this migration's transaction.
ALTER TABLE item RENAME TO item_before_job_spec;
CREATE TABLE item (
    node INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    list TEXT    NOT NULL CHECK (list IN ('duties', 'qualifications', 'functions', 'authority', 'kpis')),
    pos  INTEGER NOT NULL,
    text TEXT    NOT NULL,
    PRIMARY KEY (node, list, pos)
) STRICT, WITHOUT ROWID;
INSERT INTO item (node, list, pos, text) SELECT node, list, pos, text FROM item_before_job_spec;
DROP TABLE item_before_job_spec;

-- The text fields of a box's JobSpec; a box with all of them empty has no
-- row. It goes with its box.
CREATE TABLE job (
    node         INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    pay_grade    TEXT NOT NULL,
    summary      TEXT NOT NULL,
    education    TEXT NOT NULL,
    major        TEXT NOT NULL,
    experience   TEXT NOT NULL,
    skills       TEXT NOT NULL,
    certificates TEXT NOT NULL,
    other        TEXT NOT NULL,
    internal     TEXT NOT NULL,
    external     TEXT NOT NULL,
    superior     TEXT NOT NULL
) STRICT;

-- The document's numbering scheme (domain.CodeScheme); 0 digits = off.
ALTER TABLE document ADD COLUMN code_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN code_digits INTEGER NOT NULL DEFAULT 0 CHECK (code_digits >= 0);
