package storage

import (
	"context"
	"database/sql"

	"orgdraft/domain"
)

// The document's print language has a column of its own, added by a later
// migration than the document row; it is written and read here, beside
// the rest of the row, so that the statements of schema version 1 stay as
// they were.

// writePrintLanguage stores the print language in the document row, which
// writeInfo has just written.
func writePrintLanguage(ctx context.Context, tx *sql.Tx, i domain.Info) error {
	_, err := tx.ExecContext(ctx, "UPDATE document SET print_language = ? WHERE id = 1", i.Page.Language.String())
	return err
}

// loadPrintLanguage reads the print language into i.
func loadPrintLanguage(ctx context.Context, conn *sql.Conn, i *domain.Info) error {
	var s string
	if err := conn.QueryRowContext(ctx, "SELECT print_language FROM document WHERE id = 1").Scan(&s); err != nil {
		return err
	}
	l, err := domain.ParseLanguage(s)
	i.Page.Language = l
	return err
}
