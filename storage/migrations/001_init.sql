-- Schema version 1 of an OrgDraft document (one .orgdraft file = one
-- database). Tables are STRICT so that every text is stored as TEXT and every
-- number as a number; storage.go converts rows to domain values and back.

-- The document's own fields: always exactly one row.
CREATE TABLE document (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    title           TEXT    NOT NULL,
    company         TEXT    NOT NULL,
    version         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('draft', 'approved')),
    effective_date  TEXT    NOT NULL,
    confidentiality TEXT    NOT NULL,
    stated_total    INTEGER NOT NULL,
    notes           TEXT    NOT NULL,
    paper           TEXT    NOT NULL,
    landscape       INTEGER NOT NULL CHECK (landscape IN (0, 1)),
    left_to_right   INTEGER NOT NULL CHECK (left_to_right IN (0, 1)),
    compact_leaves  INTEGER NOT NULL CHECK (compact_leaves IN (0, 1))
) STRICT;

-- The sign-off block (编制 / 审核 / 批准), in printed order.
CREATE TABLE sign_off (
    pos  INTEGER PRIMARY KEY,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    date TEXT NOT NULL
) STRICT;

-- One row per box. parent is NULL for a top-level box; pos is the place
-- among its siblings. The parent reference is checked at commit, so one
-- transaction may write a child before its new parent.
CREATE TABLE node (
    id         INTEGER PRIMARY KEY,
    parent     INTEGER REFERENCES node (id) DEFERRABLE INITIALLY DEFERRED,
    pos        INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('unit', 'position', 'assistant')),
    name       TEXT    NOT NULL,
    head       INTEGER NOT NULL CHECK (head IN (0, 1)),
    planned    INTEGER NOT NULL,
    filled     INTEGER NOT NULL,
    concurrent INTEGER NOT NULL CHECK (concurrent IN (0, 1)),
    grade      TEXT    NOT NULL,
    hours      TEXT    NOT NULL,
    notes      TEXT    NOT NULL,
    offset_x   REAL    NOT NULL,
    offset_y   REAL    NOT NULL,
    collapsed  INTEGER NOT NULL CHECK (collapsed IN (0, 1)),
    leaves     TEXT    NOT NULL CHECK (leaves IN ('default', 'column', 'row'))
) STRICT;

-- Finds a box's children in order, and keeps the foreign-key check on
-- deleting a box from scanning the whole table.
CREATE INDEX node_parent ON node (parent, pos);

-- The ordered text lists of a box: duties (岗位职责), qualifications
-- (任职资格) and functions (部门职能). They go with their box.
CREATE TABLE item (
    node INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    list TEXT    NOT NULL CHECK (list IN ('duties', 'qualifications', 'functions')),
    pos  INTEGER NOT NULL,
    text TEXT    NOT NULL,
    PRIMARY KEY (node, list, pos)
) STRICT, WITHOUT ROWID;

-- Dotted-line links, in drawing order. They may name a box that no longer
-- exists (the validation report names such a link), so no foreign keys.
CREATE TABLE link (
    id        INTEGER PRIMARY KEY,
    pos       INTEGER NOT NULL,
    from_node INTEGER NOT NULL,
    to_node   INTEGER NOT NULL,
    label     TEXT    NOT NULL
) STRICT;
