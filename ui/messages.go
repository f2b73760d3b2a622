package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"fyne.io/fyne/v2/lang"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
	"orgdraft/storage"
)

// errorText turns an error from an edit or a file operation into a message
// for the user, in the editor's language. The wrapped detail (a path, a box
// name, SQLite's words) follows on a new line where it helps.
func errorText(err error) string {
	var se *SaveError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &se):
		return fmt.Sprintf(lang.L("The change was made but could not be saved: %s"), se.Err.Error())
	case errors.Is(err, domain.ErrEmptyName):
		return lang.L("The name cannot be empty.")
	case errors.Is(err, domain.ErrNegative):
		return lang.L("A headcount cannot be negative.")
	case errors.Is(err, domain.ErrTooLong):
		return fmt.Sprintf(lang.L("The text is too long: a name may have at most %d characters, an item %d, a list %d items."),
			domain.MaxNameRunes, domain.MaxTextRunes, domain.MaxItems)
	case errors.Is(err, domain.ErrInvalidText):
		return lang.L("The text holds invalid characters (broken encoding or NUL), which cannot be stored.")
	case errors.Is(err, domain.ErrOutOfRange):
		return fmt.Sprintf(lang.L("The number is out of range: a headcount may be at most %d."), domain.MaxHeadcount)
	case errors.Is(err, storage.ErrForeign):
		return lang.L("Another program has changed this document: it holds database parts that OrgDraft did not create, which could change it behind your back. It was left as it is. Open it read-only and use Save As to make a clean copy.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrReadOnlyFile):
		return lang.L("This file is read-only (write-protected), so it cannot be edited. It was left as it is. Open it read-only; Save As makes an editable copy.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrTextRepaired):
		return lang.L("Some texts in the file held invalid characters; they were replaced by \"�\" or removed. The file changes only when those boxes are edited.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrTextShortened):
		return fmt.Sprintf(lang.L("Some texts in the file were longer than OrgDraft allows and were shortened (a name to %d characters, an item to %d)."), domain.MaxNameRunes, domain.MaxTextRunes) + "\n" + detail(err)
	case errors.Is(err, storage.ErrOffsetReset):
		return lang.L("Some boxes in the file were placed impossibly far away and were put back in their automatic place.") + "\n" + detail(err)
	case errors.Is(err, staffing.ErrInvalid): // the inputs of 排班定编
		return staffing.Message(err, Language() == LanguageChinese)
	case errors.Is(err, storage.ErrStaffingDropped):
		return lang.L("Some staffing plans in the file could not be read and were left out; the boxes keep their planned headcount.") + "\n" + detail(err)
	case errors.Is(err, errComparing):
		return lang.L("A comparison is shown: close it (Close Comparison) to edit the document.")
	case errors.Is(err, domain.ErrCycle):
		return lang.L("A box cannot report to itself or to one of its own subordinates.")
	case errors.Is(err, domain.ErrSelfLink):
		return lang.L("A dotted-line link needs two different boxes.")
	case errors.Is(err, domain.ErrHeadNeedUnit):
		return lang.L("Only a position directly inside a unit can head it.")
	case errors.Is(err, domain.ErrNoSuchNode):
		return lang.L("That box no longer exists.")
	case errors.Is(err, domain.ErrApproved):
		return lang.L("This document is approved and locked, so it cannot be changed. To change it, start the next draft with File ▸ New Revision….")
	case errors.Is(err, ErrReadOnly):
		return lang.L("This document is open read-only, so it cannot be changed here. Save As makes an editable copy.")
	case errors.Is(err, storage.ErrInUse):
		return lang.L("The document is already open in another OrgDraft window or program. Close it there first.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrCorrupt):
		return lang.L("The document is damaged and cannot be opened. It was left as it is.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrNotOrgDraft):
		return lang.L("This file is not an OrgDraft document. It was left as it is.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrNewerVersion):
		return lang.L("This document was saved by a newer version of OrgDraft. Update OrgDraft to open it. It was left as it is.") + "\n" + detail(err)
	case errors.Is(err, os.ErrNotExist):
		return lang.L("The file does not exist: it may have been moved, renamed or deleted.") + "\n" + detail(err)
	case errors.Is(err, storage.ErrExists):
		return lang.L("A file of that name already exists.") + "\n" + detail(err)
	}
	return err.Error()
}

// detail is the line under an error's sentence: the error's own words,
// which name the file and say more. Those words are English; in Chinese
// a system error (a file missing, no permission) gives only the file it
// is about, which the sentence above has already explained.
func detail(err error) string {
	var pe *fs.PathError
	if Language() == LanguageChinese && errors.As(err, &pe) {
		return fmt.Sprintf(lang.L("File: %s"), pe.Path)
	}
	return err.Error()
}
