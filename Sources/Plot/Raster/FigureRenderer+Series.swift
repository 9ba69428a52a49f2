import Foundation

/// The data artists in drawing order: meshes, bars, filled bands, boxes, lines with their markers
/// and error-bar caps, scatters, reference lines. `px`/`py` map data to canvas pixels.
extension FigureRenderer {
    typealias Clip = (Int, Int, Int, Int)

    func drawSeries(_ a: Axes, in b: Box, px: (Double) -> Double, py: (Double) -> Double, clip: Clip, _ canvas: GDCanvas) {
        for m in a.meshes {
            let cols = m.xEdges.count - 1, rows = m.yEdges.count - 1
            for i in 0..<max(rows, 0) {
                for j in 0..<max(cols, 0) where i * cols + j < m.colors.count {
                    canvas.fillCells(px(m.xEdges[j]), py(m.yEdges[i]), px(m.xEdges[j + 1]), py(m.yEdges[i + 1]), m.colors[i * cols + j], clip: clip)
                }
            }
        }
        // Neighbouring rectangles of one colour (a histogram's bins) share one composite.
        for (k, r) in a.rects.enumerated() {
            canvas.addPolygon([(px(r.x0), py(r.y0)), (px(r.x1), py(r.y0)), (px(r.x1), py(r.y1)), (px(r.x0), py(r.y1))])
            if k + 1 == a.rects.count || a.rects[k + 1].color != r.color { canvas.composite(r.color, clip: clip) }
        }
        for p in a.polygons {
            canvas.addPolygon(p.points.filter { $0.0.isFinite && $0.1.isFinite }.map { (px($0.0), py($0.1)) })
            canvas.composite(p.color, clip: clip)
        }
        for box in a.boxes {
            let half = 0.25, lw = pt(1)
            let l = px(box.position - half), r = px(box.position + half), c = px(box.position)
            let corners = [(l, py(box.q1)), (r, py(box.q1)), (r, py(box.q3)), (l, py(box.q3))]
            for k in 0..<4 { canvas.addSegment(corners[k].0, corners[k].1, corners[(k + 1) % 4].0, corners[(k + 1) % 4].1, width: lw) }
            canvas.addSegment(c, py(box.q1), c, py(box.low), width: lw)
            canvas.addSegment(c, py(box.q3), c, py(box.high), width: lw)
            let capL = px(box.position - half / 2), capR = px(box.position + half / 2)
            canvas.addSegment(capL, py(box.low), capR, py(box.low), width: lw)
            canvas.addSegment(capL, py(box.high), capR, py(box.high), width: lw)
            canvas.composite(.black, clip: clip)
            for o in box.outliers {
                canvas.addDisc(c, py(o), radius: pt(3))
                canvas.composite(.black, clip: clip)
                canvas.addDisc(c, py(o), radius: pt(3) - pt(1))
                canvas.composite(.white, clip: clip)
            }
            canvas.addSegment(l, py(box.median), r, py(box.median), width: lw)
            canvas.composite(Color.cycle[1], clip: clip)
            if let mean = box.mean {
                addMarker(.triangle, at: (c, py(mean)), size: pt(Marker.defaultSize), canvas)
                canvas.composite(Color.cycle[2], clip: clip)
            }
        }
        for line in a.lines { drawLine(line, points: zip(line.x, line.y).map { (px($0), py($1)) }, clip: clip, canvas) }
        for s in a.scatters {
            let r = pt(s.size.squareRoot()) / 2
            for (i, (x, y)) in zip(s.x, s.y).enumerated() where x.isFinite && y.isFinite {
                if s.marker == .circle || s.marker == .point { canvas.addDisc(px(x), py(y), radius: r) } else { addMarker(s.marker, at: (px(x), py(y)), size: 2 * r, canvas) }
                var c = s.colors[i % max(1, s.colors.count)]
                c.a *= s.alpha
                canvas.composite(c, clip: clip)
            }
        }

        for r in a.referenceLines {
            let pts = r.horizontal ? [(b.left, py(r.value)), (b.right, py(r.value))] : [(px(r.value), b.top), (px(r.value), b.bottom)]
            strokePolyline(pts, width: pt(r.width), pattern: r.style.pattern, canvas)
            canvas.composite(r.color, clip: clip)
        }
    }

    /// A line, then its markers, in its colour (whose opacity is the line's `alpha`). Markers of a
    /// translucent line are blended one by one, so where two overlap the colour deepens, as in
    /// matplotlib; the stroke is one shape, so its own joins never do.
    func drawLine(_ line: LineArtist, points: [(Double, Double)], clip: Clip, _ canvas: GDCanvas) {
        if line.style != .none {
            strokePolyline(points, width: pt(line.width), pattern: line.style.pattern, canvas)
            addCaps(line, points: points, canvas)
            canvas.composite(line.color, clip: clip)
        }
        guard let m = line.marker else { return }
        let size = pt(m.width(markerSize: max(line.markerSize, 0)))
        for p in points where p.0.isFinite && p.1.isFinite {
            addMarker(m, at: p, size: size, canvas)
            if line.color.a < 1 { canvas.composite(line.color, clip: clip) }
        }
        canvas.composite(line.color, clip: clip)
    }

    /// An error bar's caps: at both ends, across the bar, `2·capSize` points long end to end and
    /// as thick as matplotlib draws them unless `capthick` is given (its marker edge width, 1 pt).
    func addCaps(_ line: LineArtist, points: [(Double, Double)], _ canvas: GDCanvas) {
        guard line.capSize > 0, let first = points.first, let last = points.last,
              first.0.isFinite, first.1.isFinite, last.0.isFinite, last.1.isFinite else { return }
        let thickness = pt(1)
        let dx = last.0 - first.0, dy = last.1 - first.1, length = (dx * dx + dy * dy).squareRoot()
        // Across the bar; a bar of no length (a zero error) gets level caps, as a y error bar's are.
        let (ux, uy) = length > 0 ? (-dy / length, dx / length) : (1.0, 0.0)
        // addSegment rounds its ends by half the thickness; the cap stays 2·capSize long overall.
        let half = max(pt(line.capSize) - thickness / 2, 0)
        for (x, y) in [first, last] {
            canvas.addSegment(x - ux * half, y - uy * half, x + ux * half, y + uy * half, width: thickness)
        }
    }
}
