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
