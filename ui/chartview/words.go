package chartview

// SetEnglish chooses the language of the words in the boxes (headcount,
// concurrent, folded; see chart.Options.English): English when on,
// Chinese when off. The editor sets it from its own language.
func (v *View) SetEnglish(on bool) {
	if v.english == on {
		return
	}
	v.english = on
	v.rebuild()
}

// concurrentMark is the letter in the badge of a post held concurrently:
// 兼 in Chinese, C in English.
func concurrentMark(english bool) string {
	if english {
		return "C"
	}
	return "兼"
}
