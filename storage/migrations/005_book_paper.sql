-- The paper the job-responsibility book prints on, chosen apart from the
-- chart's (document.paper): 'A4', 'A3', 'A2', or '' for the default (A4).
-- A document from before it prints its book on A4.
ALTER TABLE document ADD COLUMN book_paper TEXT NOT NULL DEFAULT ''
    CHECK (book_paper IN ('', 'A4', 'A3', 'A2'));
