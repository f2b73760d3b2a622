package storage

import (
	"context"
	"database/sql"
	"strings"

	"orgdraft/domain"
)

// The document's print language and its book's paper have columns of
// their own, added by later migrations than the document row; they are
// written and read here, beside the rest of the row, so that the
// statements of schema version 1 stay as they were.

// writePrintLanguage stores the print language in the document row, which
// writeInfo has just written.
func writePrintLanguage(ctx context.Context, tx *sql.Tx, i domain.Info) error {
	_, err := tx.ExecContext(ctx, "UPDATE document SET print_language = ?, book_paper = ? WHERE id = 1",
		i.Page.Language.String(), strings.ToUpper(i.Page.BookPaper))
	return err
}

// loadPrintLanguage reads the print language and the book's paper into i.
func loadPrintLanguage(ctx context.Context, conn *sql.Conn, i *domain.Info) error {
	var s string
	if err := conn.QueryRowContext(ctx, "SELECT print_language, book_paper FROM document WHERE id = 1").Scan(&s, &i.Page.BookPaper); err != nil {
		return err
	}
	l, err := domain.ParseLanguage(s)
	i.Page.Language = l
	return err
}
