/// The colorbar beside an axes: its gradient (or a filled contour's bands), outline, ticks and label.
extension FigureRenderer {
    /// The colorbar: the colormap as a vertical gradient, an outline, ticks and labels on the right.
    func drawColorbar(_ spec: ColorbarSpec, in b: Box, _ canvas: GDCanvas) {
        let m = spec.mappable
        if let bounds = m.boundaries, bounds.count >= 2, let first = bounds.first, let last = bounds.last, last > first {
            // A filled contour's bar: one flat band per level, ticks at the boundaries.
            let lowMid = (bounds[0] + bounds[1]) / 2, highMid = (bounds[bounds.count - 2] + bounds[bounds.count - 1]) / 2
            for k in 0..<(bounds.count - 1) {
                let mid = (bounds[k] + bounds[k + 1]) / 2
                let t = highMid > lowMid ? (mid - lowMid) / (highMid - lowMid) : 0.5
                func y(_ v: Double) -> Double { b.bottom - (v - first) / (last - first) * b.height }
                canvas.fillCells(b.left, y(bounds[k + 1]), b.right, y(bounds[k]), Colormap.color(t, name: m.colormap))
            }
            drawColorbarAxis(spec, in: b, low: first, high: last, ticks: bounds.count <= 12 ? bounds : Ticks.positions(first, last, maxTicks: 8), canvas)
            return
        }
        let steps = max(2, Int(b.height.rounded()))
        for k in 0..<steps {
            let t0 = Double(k) / Double(steps), t1 = Double(k + 1) / Double(steps)
            canvas.fillCells(b.left, b.bottom - t1 * b.height, b.right, b.bottom - t0 * b.height,
                             Colormap.color((t0 + t1) / 2, name: m.colormap))
        }
        let lo = min(m.low, m.high), hi = max(m.low, m.high)
        drawColorbarAxis(spec, in: b, low: lo, high: hi, ticks: hi > lo ? Ticks.positions(lo, hi, maxTicks: 8) : [lo], canvas)
    }

    /// The colorbar's outline, ticks and labels on the right, and its label.
    func drawColorbarAxis(_ spec: ColorbarSpec, in b: Box, low lo: Double, high hi: Double, ticks: [Double], _ canvas: GDCanvas) {
        let spine = pt(0.8), tickLength = pt(3.5)
        for (p, q) in [((b.left, b.top), (b.right, b.top)), ((b.right, b.top), (b.right, b.bottom)),
                       ((b.right, b.bottom), (b.left, b.bottom)), ((b.left, b.bottom), (b.left, b.top))] {
            canvas.addSegment(p.0, p.1, q.0, q.1, width: spine)
        }
        func y(_ v: Double) -> Double { hi > lo ? b.bottom - (v - lo) / (hi - lo) * b.height : (b.top + b.bottom) / 2 }
        for t in ticks { canvas.addSegment(b.right, y(t), b.right + tickLength, y(t), width: spine) }
        canvas.composite(.black)
        let capHeight = canvas.measure("0", size: 10, dpi: dpi).ascent
        var right = b.right + tickLength + pt(3.5)
        for (t, label) in zip(ticks, Ticks.labels(ticks)) {
            let w = tickLabel(label, x: b.right + tickLength + pt(3.5), baseline: y(t) + capHeight / 2, hAlign: 0, canvas)
            right = max(right, b.right + tickLength + pt(3.5) + w)
        }
        if let t = spec.label {
            let mm = canvas.measure(t, size: 10, dpi: dpi)
            canvas.text(t, x: right + pt(4) + mm.ascent, y: (b.top + b.bottom) / 2, size: 10, dpi: dpi, hAlign: 0.5, vertical: true)
        }
    }
}
