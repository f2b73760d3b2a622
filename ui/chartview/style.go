package chartview

import (
	"image/color"

	"orgdraft/domain"
)

// The chart is drawn on white paper whatever the theme, because it is the
// picture the PDF prints: a dark editor shows a white page, like a word
// processor. So the colours below are fixed rather than taken from the theme.
var (
	paperColor    = color.NRGBA{0xf4, 0xf5, 0xf7, 0xff} // around and between boxes
	inkColor      = color.NRGBA{0x22, 0x22, 0x22, 0xff} // box text
	detailColor   = color.NRGBA{0x55, 0x55, 0x55, 0xff} // headcount lines
	lineColor     = color.NRGBA{0x55, 0x5b, 0x66, 0xff} // reporting lines
	dottedColor   = color.NRGBA{0x3a, 0x6e, 0xb5, 0xff} // dotted-line links
	positionFill  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	positionEdge  = color.NRGBA{0x5f, 0x63, 0x68, 0xff}
	unitFill      = color.NRGBA{0xea, 0xf1, 0xfb, 0xff} // units are tinted…
	unitHeader    = color.NRGBA{0xc8, 0xda, 0xf4, 0xff} // …with a darker band behind the name
	unitEdge      = color.NRGBA{0x2f, 0x5f, 0xa6, 0xff}
	assistantFill = color.NRGBA{0xfb, 0xf6, 0xea, 0xff} // assistants: warm and rounded
	assistantEdge = color.NRGBA{0x8a, 0x6d, 0x3b, 0xff}
	vacantFill    = color.NRGBA{0xff, 0xf1, 0xe0, 0xff} // fewer people in post than planned
	vacantEdge    = color.NRGBA{0xd9, 0x6c, 0x06, 0xff}
	concurrentBg  = color.NRGBA{0x7b, 0x4f, 0xa8, 0xff} // the 兼 badge
	badgeText     = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	foldFill      = color.NRGBA{0xff, 0xff, 0xff, 0xff} // the +/− fold button
	selectColor   = color.NRGBA{0x1a, 0x73, 0xe8, 0xff}
	dropOKColor   = color.NRGBA{0x1e, 0x9e, 0x4a, 0xff}
	dropOKFill    = color.NRGBA{0x1e, 0x9e, 0x4a, 0x30}
	dropBadColor  = color.NRGBA{0xd9, 0x30, 0x25, 0xff}
	dropBadFill   = color.NRGBA{0xd9, 0x30, 0x25, 0x30}
	ghostFill     = color.NRGBA{0x1a, 0x73, 0xe8, 0x18}
	legendFill    = color.NRGBA{0xff, 0xff, 0xff, 0xf0} // the colour key in the view's corner
	legendEdge    = color.NRGBA{0xc0, 0xc4, 0xcc, 0xff}
	errorColor    = color.NRGBA{0xc5, 0x22, 0x1f, 0xff}
	transparent   = color.NRGBA{}
)

// Sizes in points (layout units), scaled with the zoom when drawn.
const (
	// unitsPerPoint makes 100 % zoom the paper's own size on a 96 dpi
	// screen: a point is 1/72 inch and a Fyne unit about 1/96 inch. The
	// 10 pt box names then come out at 13.3 units, close to Fyne's 14.
	unitsPerPoint = 96.0 / 72.0

	margin      = 24   // screen units of paper around the chart (not scaled)
	lineWidth   = 0.9  // reporting lines, points
	edgeWidth   = 0.8  // box border, points
	headWidth   = 1.44 // border of a unit's head position, points: the PDF's 1.8 × the edge
	dashLength  = 3.0  // dotted-line links: dash and gap, points
	dashGap     = 2.5
	cornerPts   = 5.0 // corner radius of assistant boxes, points
	badgePts    = 13  // diameter of the 兼 badge and the fold button, points
	badgeFont   = 9   // font size in them, points
	minTextSize = 4   // below this many units text is not drawn at all
	selectPad   = 3   // screen units between a box and its selection outline

	minZoom = 0.1
	maxZoom = 4.0
	// fitMaxZoom stops "fit to window" from blowing a small chart up.
	fitMaxZoom = 1.0
	zoomStep   = 1.25
)

// boxColours returns the fill and edge of a box of the given kind: the
// canvas, its legend and the gallery preview draw boxes alike. vacant
// marks a position with fewer people in post than planned, drawn so only
// when the view marks vacancies.
func boxColours(kind domain.Kind, vacant bool) (fill, edge color.NRGBA) {
	switch {
	case kind == domain.KindUnit:
		return unitFill, unitEdge
	case vacant:
		return vacantFill, vacantEdge
	case kind == domain.KindAssistant:
		return assistantFill, assistantEdge
	}
	return positionFill, positionEdge
}
