-- The approved versions of the document (修订记录). Approving stores the
-- whole document as it was, in its JSON form with the boxes' stable ids
-- (domain.EncodeSnapshotJSON), with the version label, the day, the
-- approver, the summary of changes and the sign-off block of that version
-- (a JSON array of {role, name, date}). A row is never deleted, and only
-- its note is ever changed.
CREATE TABLE revision (
    seq         INTEGER PRIMARY KEY CHECK (seq > 0),
    version     TEXT    NOT NULL,
    approved_on TEXT    NOT NULL,
    approver    TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    sign_offs   TEXT    NOT NULL,
    next_node   INTEGER NOT NULL,
    next_link   INTEGER NOT NULL,
    document    TEXT    NOT NULL
) STRICT;
