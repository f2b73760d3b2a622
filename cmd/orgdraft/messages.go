package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
)

// count writes n with its noun: in Chinese with the measure word zhUnit
// ("6 个框"), in English with the singular or plural noun ("1 box",
// "6 boxes").
func count(zh bool, n int, zhUnit, one, other string) string {
	switch {
	case zh:
		return fmt.Sprintf("%d %s", n, zhUnit)
	case n == 1:
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, other)
}

// sizeText says how big a document is: "6 个框，编制 7 人" or
// "6 boxes, 7 planned".
func sizeText(zh bool, d *domain.Document) string {
	boxes := count(zh, d.Len(), "个框", "box", "boxes")
	planned := d.Total().Planned
	return pick(zh, fmt.Sprintf("%s，编制 %d 人", boxes, planned), fmt.Sprintf("%s, %d planned", boxes, planned))
}

// fileError is a failure to read or create the file a user named. It
// keeps that name, which the library's error may not carry (it can name
// a temporary file beside it or an absolute path instead).
type fileError struct {
	path   string
	create bool // creating the file, not reading it
	err    error
}

func (e *fileError) Error() string { return e.path + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

// templateError is a failure to load the built-in template id.
type templateError struct {
	id  string
	err error
}

func (e *templateError) Error() string { return e.err.Error() }
func (e *templateError) Unwrap() error { return e.err }

// explain returns err as a sentence in Chinese (zh) or English that names
// the file or template it is about. Messages already written in the
// user's language (an export's refusals) pass as they are.
func explain(err error, zh bool) string {
	var out *outputFailure
	var fe *fileError
	var pe *fs.PathError
	var te *templateError
	switch {
	case errors.As(err, &out):
		return out.msg
	case errors.As(err, &te) && errors.Is(err, assets.ErrUnknownTemplate):
		ids := make([]string, 0, len(assets.Templates()))
		for _, t := range assets.Templates() {
			ids = append(ids, t.ID)
		}
		return pick(zh, fmt.Sprintf("没有名为 %q 的模板（内置模板有：%s）", te.id, strings.Join(ids, "、")),
			fmt.Sprintf("there is no template %q (the templates are %s)", te.id, strings.Join(ids, ", ")))
	case errors.As(err, &fe):
		return fileText(fe.path, fe.create, fe.err, zh)
	case errors.As(err, &pe):
		return fileText(pe.Path, isWrite(pe.Op), err, zh)
	}
	return err.Error()
}

// isWrite reports whether a failed file operation was one that writes.
func isWrite(op string) bool {
	switch op {
	case "open", "stat", "lstat", "read", "readlink", "openat", "readdirent":
		return false
	}
	return true
}

// fileText explains why the file at path could not be read (or, with
// create, created). A document the storage refused keeps its English
// explanation in English, which names the file and says more.
func fileText(path string, create bool, err error, zh bool) string {
	verbZh, verbEn := "读取", "read"
	if create {
		verbZh, verbEn = "创建", "create"
	}
	cannot := func(zhWhy, enWhy string) string {
		return pick(zh, fmt.Sprintf("无法%s %s：%s", verbZh, path, zhWhy), fmt.Sprintf("cannot %s %s: %s", verbEn, path, enWhy))
	}
	var errno syscall.Errno
	switch {
	case errors.Is(err, storage.ErrExists):
		return pick(zh, fmt.Sprintf("%s 已存在，不会覆盖", path), fmt.Sprintf("%s already exists; it will not be overwritten", path))
	case errors.Is(err, storage.ErrNotOrgDraft):
		return pick(zh, fmt.Sprintf("%s 不是 OrgDraft 文档（没有改动它）", path), err.Error())
	case errors.Is(err, storage.ErrCorrupt):
		return pick(zh, fmt.Sprintf("%s 已损坏，无法打开（没有改动它）", path), err.Error())
	case errors.Is(err, storage.ErrNewerVersion):
		return pick(zh, fmt.Sprintf("%s 是更新版本的 OrgDraft 保存的，请先更新 OrgDraft", path), err.Error())
	case errors.Is(err, storage.ErrInUse):
		return pick(zh, fmt.Sprintf("%s 正被另一个 OrgDraft 窗口或程序打开，请先在那里关闭它", path), err.Error())
	case errors.Is(err, storage.ErrForeign):
		return pick(zh, fmt.Sprintf("%s 含有不是 OrgDraft 建立的数据库对象，可能被其他程序改过（没有改动它）", path), err.Error())
	case errors.Is(err, fs.ErrNotExist) && create:
		return cannot("所在的文件夹不存在", "its folder does not exist")
	case errors.Is(err, fs.ErrNotExist):
		return cannot("文件不存在", "there is no such file")
	case errors.Is(err, fs.ErrPermission):
		return cannot("没有权限", "permission denied")
	case !errors.As(err, &errno):
		// not a system error: explained below
	case errno == syscall.EISDIR:
		return cannot("这是一个文件夹，不是文件", "it is a folder, not a file")
	case errno == syscall.ENOTDIR:
		return cannot("路径中有一段不是文件夹", "a part of the path is not a folder")
	case errno == syscall.ENOSPC:
		return cannot("磁盘已满", "the disk is full")
	case errno == syscall.EROFS:
		return cannot("磁盘是只读的", "the disk is read-only")
	case errno == syscall.ENAMETOOLONG:
		return cannot("文件名太长", "the name is too long")
	}
	// Something rarer: the system's own words say what it was.
	return cannot(innermost(err).Error(), innermost(err).Error())
}

// innermost returns the error at the end of err's chain.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// flagErrorText explains an error of the flag package in the chosen
// language. The flag package writes its errors in English only, in a
// few fixed forms (tested in messages_test.go); an unknown form keeps
// its words.
func flagErrorText(err error, zh bool) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return pick(zh, fmt.Sprintf("没有 %s 这个选项", name), fmt.Sprintf("there is no option %s", name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return pick(zh, fmt.Sprintf("选项 %s 后面要有一个值", name), fmt.Sprintf("the option %s needs a value", name))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		value, name := splitInvalid(rest, " for ")
		return pick(zh, fmt.Sprintf("选项 %s 不带值或取 true/false，不能是 %s", name, value),
			fmt.Sprintf("the option %s takes no value or true/false, not %s", name, value))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		value, name := splitInvalid(rest, " for flag ")
		return pick(zh, fmt.Sprintf("选项 %s 的值 %s 无效", name, value), fmt.Sprintf("the value %s of the option %s is not valid", value, name))
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return pick(zh, fmt.Sprintf("选项写法不对：%s", arg), fmt.Sprintf("an option is written wrongly: %s", arg))
	}
	return msg
}

// splitInvalid splits `"VALUE" for -NAME: why` at sep into the quoted
// value and the option's name.
func splitInvalid(s, sep string) (value, name string) {
	value, rest, _ := strings.Cut(s, sep)
	name, _, _ = strings.Cut(rest, ":")
	return value, name
}
