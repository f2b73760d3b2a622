-- The language the document's PDFs print their own words in (labels,
-- headings, page footers): 'zh' or 'en'. A document from before it prints
-- in Chinese, as it always did.
ALTER TABLE document ADD COLUMN print_language TEXT NOT NULL DEFAULT 'zh'
    CHECK (print_language IN ('zh', 'en'));
