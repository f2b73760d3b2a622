-- A position's staffing plan (排班定编): the posts, working-time system,
-- allowance, rounding, shifts and rota its 编制 is sized from. The plan is
-- one value that only the domain reads (package staffing's JSON form):
-- SQL never looks inside it, so it is stored whole, and it goes with its
-- box. A box without a plan has no row.
CREATE TABLE staffing (
    node INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    plan TEXT    NOT NULL
) STRICT;
