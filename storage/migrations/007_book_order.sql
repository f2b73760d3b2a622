-- The order of the job-responsibility book's chapters: 'kind' (the chart,
-- the functions, the staffing table, the positions) or 'unit' (a chapter
-- per department). A document from before keeps the order by kind.
ALTER TABLE document ADD COLUMN book_order TEXT NOT NULL DEFAULT 'kind'
    CHECK (book_order IN ('kind', 'unit'));
