package storage

import (
	"context"
	"database/sql"

	"orgdraft/domain"
)

// The order of the book's chapters has a column of its own, added by a
// later migration, written and read here beside the rest of the document
// row (as the print language is).

// writeBookOrder stores the book's order in the document row, which
// writeInfo has just written.
func writeBookOrder(ctx context.Context, tx *sql.Tx, i domain.Info) error {
	_, err := tx.ExecContext(ctx, "UPDATE document SET book_order = ? WHERE id = 1", i.Page.BookOrder.String())
	return err
}

// loadBookOrder reads the book's order into i.
func loadBookOrder(ctx context.Context, conn *sql.Conn, i *domain.Info) error {
	var s string
	if err := conn.QueryRowContext(ctx, "SELECT book_order FROM document WHERE id = 1").Scan(&s); err != nil {
		return err
	}
	o, err := domain.ParseBookOrder(s)
	i.Page.BookOrder = o
	return err
}
