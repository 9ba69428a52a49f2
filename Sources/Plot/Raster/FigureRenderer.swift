import Foundation

/// Draws a `Figure` onto a `GDCanvas` in matplotlib's default style: subplot parameters
/// left 0.125, right 0.9, bottom 0.11, top 0.88, spacing 0.2; 10 pt DejaVu Sans tick labels,
/// 12 pt titles, 0.8 pt spines, outward 3.5 pt ticks, 1.5 pt lines.
struct FigureRenderer {
    let figure: Figure
    let scale: Double
    var deadline: ContinuousClock.Instant? = nil

    var dpi: Double { figure.dpi * scale }
    /// Points to canvas pixels.
    func pt(_ v: Double) -> Double { v * dpi / 72 }

    struct Box {
        var left, top, right, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    func png() throws -> [UInt8] {
        let w = Int((figure.width * dpi).rounded()), h = Int((figure.height * dpi).rounded())
        let canvas = try GDCanvas(width: w, height: h)
        canvas.deadline = deadline
        for axes in figure.allAxes {
            var b = box(for: axes, width: Double(w), height: Double(h))
            var colorbarBox: Box?
            if axes.colorbar != nil {
                // matplotlib's colorbar(): 15% of the axes' width goes to the bar (5% of it padding),
                // the bar 1/20 as wide as it is tall.
                let full = b.width
                b.right = b.left + full * 0.85
                let barWidth = min(full * 0.1, b.height / 20)
                colorbarBox = Box(left: b.right + full * 0.05, top: b.top, right: b.right + full * 0.05 + barWidth, bottom: b.bottom)
            }
            draw(axes, in: b, canvas)
            if let twin = axes.twin { draw(twin, in: b, canvas) }
            if let spec = axes.colorbar, let cb = colorbarBox { drawColorbar(spec, in: cb, canvas) }
        }
        for t in figure.texts {
            canvas.text(t.text, x: t.x * Double(w), y: (1 - t.y) * Double(h), size: t.size, dpi: dpi)
        }
        if let s = figure.suptitle {
            let lines = wrap(s, width: Double(w) - pt(12), size: 12, canvas)
            for (k, line) in lines.enumerated() {
                canvas.text(line, x: Double(w) / 2, y: Double(h) * 0.02 + pt(12) + Double(k) * pt(12) * 1.2, size: 12, dpi: dpi, hAlign: 0.5)
            }
        }
        return try canvas.png()
    }

    /// The axes' rectangle: matplotlib's subplot parameters, with the gaps between rows and
    /// columns widened where tick labels, axis labels and titles need the room (matplotlib only
    /// does this under tight_layout; overlapping text is never what a lesson wants).
    func box(for a: Axes, width W: Double, height H: Double) -> Box {
        let cols = Double(a.cols), rows = Double(a.rows)
        let siblings = figure.allAxes.filter { $0.rows == a.rows && $0.cols == a.cols }
        let textLine = pt(10) * 1.3
        // Rotated x tick labels reach further down: their height is w·|sin θ| + ascent·|cos θ|
        // (widths estimated at 0.62 em a character, as for the y labels below).
        func rotatedDrop(_ axes: [Axes]) -> Double {
            axes.filter { $0.xTickRotation != 0 && !$0.hideXTickLabels && $0.axisOn }.map { s -> Double in
                let angle = s.xTickRotation * Double.pi / 180
                let longestLabel = s.tickLabels(s.ticks().x, scale: s.xscale, fixed: s.xticks).map(\.count).max() ?? 0
                return Double(longestLabel) * pt(10) * 0.62 * abs(sin(angle)) + pt(10) * 0.8 * abs(cos(angle))
            }.max() ?? 0
        }
        // The bottom row's labels set the bottom margin; the other rows' the gaps between rows.
        let lastRow = siblings.filter { ($0.index - 1) / $0.cols == $0.rows - 1 }
        let bottomDrop = rotatedDrop(lastRow)
        let innerDrop = rotatedDrop(siblings.filter { ($0.index - 1) / $0.cols < $0.rows - 1 })
        let labelDrop = max(textLine, innerDrop + pt(3))
        let left = 0.125 * W, right = 0.9 * W, top = (1 - 0.88) * H
        // The bottom margin grows when the lowest row's labels would not fit in matplotlib's 11%.
        let belowNeed = pt(3.5 + 3.5) + max(textLine, bottomDrop + pt(3)) + (lastRow.contains { $0.xlabel != nil } ? textLine + pt(4) : 0) + pt(4)
        let bottom = bottomDrop > 0 ? min((1 - 0.11) * H, H - belowNeed) : (1 - 0.11) * H
        // Below a row: ticks, tick labels, an x label; above the next: its title.
        let vNeed = pt(3.5 + 3.5) + labelDrop + (siblings.contains { $0.xlabel != nil } ? textLine + pt(4) : 0)
            + (siblings.contains { $0.title != nil } ? pt(6) + pt(12) * 1.3 : 0) + pt(4)
        // Left of a column: tick labels (about 0.6 em a character) and a y label.
        let longest = siblings.map { s -> Int in
            let t = s.ticks().y
            return s.tickLabels(t, scale: s.yscale, fixed: s.yticks).map(\.count).max() ?? 0
        }.max() ?? 0
        let hNeed = pt(3.5 + 3.5) + Double(longest) * pt(10) * 0.62 + (siblings.contains { $0.ylabel != nil } ? textLine + pt(4) : 0) + pt(6)
        let defaultW = (right - left) / (cols + 0.2 * (cols - 1)), defaultH = (bottom - top) / (rows + 0.2 * (rows - 1))
        let hGap = cols > 1 ? max(0.2 * defaultW, hNeed) : 0
        let vGap = rows > 1 ? max(0.2 * defaultH, vNeed) : 0
        let aw = (right - left - hGap * (cols - 1)) / cols
        let ah = (bottom - top - vGap * (rows - 1)) / rows
        let row = Double((a.index - 1) / a.cols), col = Double((a.index - 1) % a.cols)
        let x0 = left + col * (aw + hGap), y0 = top + row * (ah + vGap)
        return Box(left: x0, top: y0, right: x0 + aw, bottom: y0 + ah)
    }

    func draw(_ a: Axes, in b: Box, _ canvas: GDCanvas) {
        let limits = a.equalAspectLimits(a.computedLimits(), width: b.width, height: b.height)
        let (xt, yt) = a.ticks(limits: limits)
        let (x0, x1) = limits.x, (y0, y1) = limits.y
        let logX = a.xscale == .log, logY = a.yscale == .log
        let lx0 = logX ? log10(x0) : x0, lx1 = logX ? log10(x1) : x1
        let ly0 = logY ? log10(y0) : y0, ly1 = logY ? log10(y1) : y1
        func px(_ x: Double) -> Double {
            let v = logX ? (x > 0 ? log10(x) : -.infinity) : x
            return b.left + (v - lx0) / (lx1 - lx0) * b.width
        }
        func py(_ y: Double) -> Double {
            let v = logY ? (y > 0 ? log10(y) : -.infinity) : y
            return b.bottom - (v - ly0) / (ly1 - ly0) * b.height
        }
        let clip = (Int(b.left.rounded(.down)), Int(b.top.rounded(.down)), Int(b.right.rounded(.up)), Int(b.bottom.rounded(.up)))

        if a.grid && !a.isTwin {
            for t in xt { canvas.addSegment(px(t), b.top, px(t), b.bottom, width: pt(0.8)) }
            for t in yt { canvas.addSegment(b.left, py(t), b.right, py(t), width: pt(0.8)) }
            canvas.composite(Color(r: 0xb0, g: 0xb0, b: 0xb0), clip: clip)
        }
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
                addMarker(.triangle, at: (c, py(mean)), size: pt(6), canvas)
                canvas.composite(Color.cycle[2], clip: clip)
            }
        }
        for line in a.lines {
            let points = zip(line.x, line.y).map { (px($0), py($1)) }
            if line.style != .none {
                strokePolyline(points, width: pt(line.width), pattern: line.style.pattern, canvas)
                canvas.composite(line.color, clip: clip)
            }
            if let m = line.marker {
                for p in points where p.0.isFinite && p.1.isFinite { addMarker(m, at: p, size: pt(m == .point ? 3 : 6), canvas) }
                canvas.composite(line.color, clip: clip)
            }
        }
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
        for t in a.texts where px(t.x).isFinite && py(t.y).isFinite {
            canvas.text(t.text, x: px(t.x), y: py(t.y), size: t.size, dpi: dpi, color: t.color)
        }
        for n in a.annotations where px(n.x).isFinite && py(n.y).isFinite {
            let m = canvas.measure(n.text, size: n.size, dpi: dpi)
            if n.arrow, px(n.targetX).isFinite, py(n.targetY).isFinite {
                // From the text's nearest edge to the target, with a filled head at the target.
                let tx = px(n.targetX), ty = py(n.targetY)
                let sx = min(max(tx, px(n.x)), px(n.x) + m.width), sy = ty < py(n.y) - m.ascent ? py(n.y) - m.ascent - pt(2) : py(n.y) + pt(3)
                let dx = tx - sx, dy = ty - sy, len = (dx * dx + dy * dy).squareRoot()
                if len > pt(4) {
                    let ux = dx / len, uy = dy / len, head = pt(8), halfWidth = pt(3)
                    let bx = tx - ux * head, by = ty - uy * head
                    canvas.addSegment(sx, sy, bx, by, width: pt(1))
                    canvas.addPolygon([(tx, ty), (bx - uy * halfWidth, by + ux * halfWidth), (bx + uy * halfWidth, by - ux * halfWidth)])
                    canvas.composite(n.color)
                }
            }
            canvas.text(n.text, x: px(n.x), y: py(n.y), size: n.size, dpi: dpi, color: n.color)
        }

        if a.hasOnlyNonFiniteData {
            canvas.text("no finite values to plot (all nan or inf)", x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2, size: 10, dpi: dpi,
                        color: Color(r: 0x80, g: 0x80, b: 0x80), hAlign: 0.5, vCenter: true)
        }
        if a.isTwin {
            drawTwinAxis(a, b, yt, py: py, canvas)
        } else if a.axisOn {
            drawAxisFurniture(a, b, xt, yt, px: px, py: py, canvas)
        } else if let t = a.title {
            drawTitle(t, b, canvas)
        }
        if a.legendLocation != nil {
            var data = a.lines.flatMap { l in zip(l.x, l.y).map { (px($0), py($1)) } }
            data += a.scatters.flatMap { s in zip(s.x, s.y).map { (px($0), py($1)) } }
            data += a.rects.map { (px(($0.x0 + $0.x1) / 2), py($0.y1)) }
            drawLegend(a, b, canvas, data: data)
        }
    }

    /// Spines, ticks, tick labels (rotated when asked), axis labels and the title.
    func drawAxisFurniture(_ a: Axes, _ b: Box, _ xt: [Double], _ yt: [Double], px: (Double) -> Double, py: (Double) -> Double, _ canvas: GDCanvas) {
        let spine = pt(0.8)
        canvas.addSegment(b.left, b.top, b.right, b.top, width: spine)
        canvas.addSegment(b.left, b.bottom, b.right, b.bottom, width: spine)
        canvas.addSegment(b.left, b.top, b.left, b.bottom, width: spine)
        canvas.addSegment(b.right, b.top, b.right, b.bottom, width: spine)
        let tickLength = pt(3.5)
        for t in xt where px(t).isFinite { canvas.addSegment(px(t), b.bottom, px(t), b.bottom + tickLength, width: spine) }
        for t in yt where py(t).isFinite { canvas.addSegment(b.left, py(t), b.left - tickLength, py(t), width: spine) }
        canvas.composite(.black)

        let fontSize = 10.0
        let labelTop = b.bottom + tickLength + pt(3.5)
        let capHeight = canvas.measure("0", size: fontSize, dpi: dpi).ascent
        var xLabelBottom = labelTop
        if !a.hideXTickLabels {
            let xLabels = a.tickLabels(xt, scale: a.xscale, fixed: a.xticks)
            for (t, label) in zip(xt, xLabels) where px(t).isFinite {
                if a.xTickRotation != 0 {
                    let extent = rotatedLabel(label, x: px(t), top: labelTop, degrees: a.xTickRotation, canvas)
                    xLabelBottom = max(xLabelBottom, labelTop + extent)
                } else {
                    _ = tickLabel(label, x: px(t), baseline: labelTop + capHeight, hAlign: 0.5, canvas)
                    xLabelBottom = max(xLabelBottom, labelTop + capHeight + pt(3))
                }
            }
        }
        var yLabelLeft = b.left - tickLength - pt(3.5)
        if !a.hideYTickLabels {
            for (t, label) in zip(yt, a.tickLabels(yt, scale: a.yscale, fixed: a.yticks)) where py(t).isFinite {
                let w = tickLabel(label, x: b.left - tickLength - pt(3.5), baseline: py(t) + capHeight / 2, hAlign: 1, canvas)
                yLabelLeft = min(yLabelLeft, b.left - tickLength - pt(3.5) - w)
            }
        }
        if let t = a.xlabel {
            let m = canvas.measure(t, size: fontSize, dpi: dpi)
            canvas.text(t, x: (b.left + b.right) / 2, y: xLabelBottom + pt(4) + m.ascent, size: fontSize, dpi: dpi, hAlign: 0.5)
        }
        if let t = a.ylabel {
            let m = canvas.measure(t, size: fontSize, dpi: dpi)
            canvas.text(t, x: yLabelLeft - pt(4) - m.descent, y: (b.top + b.bottom) / 2, size: fontSize, dpi: dpi, hAlign: 0.5, vertical: true)
        }
        if let t = a.title { drawTitle(t, b, canvas) }
    }

    /// A title wider than the figure wraps onto more lines, growing upwards.
    func drawTitle(_ t: String, _ b: Box, _ canvas: GDCanvas) {
        let lines = wrap(t, width: Double(canvas.width) - pt(12), size: 12, canvas)
        let lineHeight = pt(12) * 1.2
        for (k, line) in lines.reversed().enumerated() {
            canvas.text(line, x: (b.left + b.right) / 2, y: b.top - pt(6) - Double(k) * lineHeight, size: 12, dpi: dpi, hAlign: 0.5)
        }
    }

    /// The right-hand y axis of a `twinx()` axes: ticks, labels and the axis label on the right.
    func drawTwinAxis(_ a: Axes, _ b: Box, _ yt: [Double], py: (Double) -> Double, _ canvas: GDCanvas) {
        let spine = pt(0.8), tickLength = pt(3.5), fontSize = 10.0
        for t in yt where py(t).isFinite { canvas.addSegment(b.right, py(t), b.right + tickLength, py(t), width: spine) }
        canvas.composite(.black)
        let capHeight = canvas.measure("0", size: fontSize, dpi: dpi).ascent
        var right = b.right + tickLength + pt(3.5)
        for (t, label) in zip(yt, a.tickLabels(yt, scale: a.yscale, fixed: a.yticks)) where py(t).isFinite {
            let w = tickLabel(label, x: b.right + tickLength + pt(3.5), baseline: py(t) + capHeight / 2, hAlign: 0, canvas)
            right = max(right, b.right + tickLength + pt(3.5) + w)
        }
        if let t = a.ylabel {
            let m = canvas.measure(t, size: fontSize, dpi: dpi)
            // Reading bottom to top, as matplotlib's right-hand label does.
            canvas.text(t, x: right + pt(4) + m.ascent, y: (b.top + b.bottom) / 2, size: fontSize, dpi: dpi, hAlign: 0.5, vertical: true)
        }
    }

    /// A tick label turned `degrees` counter-clockwise, its end at the tick and its top at `top`
    /// (matplotlib's rotated tick labels, right-aligned). Returns how far down it reaches.
    func rotatedLabel(_ label: String, x: Double, top: Double, degrees: Double, _ canvas: GDCanvas) -> Double {
        let m = canvas.measure(label, size: 10, dpi: dpi)
        let angle = degrees * Double.pi / 180
        let (c, s) = (cos(angle), sin(angle))
        // The baseline's start and end relative to its start, and the ascent's direction (screen y is down).
        let endX = m.width * c, endY = -m.width * s
        let upX = -m.ascent * s, upY = -m.ascent * c
        let xs = [0, endX, upX, endX + upX], ys = [0, endY, upY, endY + upY]
        // Put the right end of the text under the tick, the top of its box at `top`.
        let originX = x - (xs.max() ?? 0) + (degrees >= 90 ? m.width * c / 2 : 0)
        let originY = top - (ys.min() ?? 0)
        canvas.text(label, x: originX, y: originY, size: 10, dpi: dpi, angle: angle)
        return (ys.max() ?? 0) - (ys.min() ?? 0)
    }

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

    /// Greedy word wrap to `width` pixels.
    func wrap(_ text: String, width: Double, size: Double, _ canvas: GDCanvas) -> [String] {
        guard canvas.measure(text, size: size, dpi: dpi).width > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty && canvas.measure(candidate, size: size, dpi: dpi).width > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Draws a tick label; "10^k" becomes 10 with a raised, smaller exponent. Returns its width.
    func tickLabel(_ label: String, x: Double, baseline: Double, hAlign: Double, _ canvas: GDCanvas) -> Double {
        let size = 10.0
        if let range = label.range(of: "10^"), label.hasSuffix(label[range.upperBound...]) {
            // "10^k" or "m×10^k": the base in text size, the exponent raised and smaller.
            let exponent = String(label[range.upperBound...])
            let baseText = String(label[..<range.upperBound].dropLast())
            let base = canvas.measure(baseText, size: size, dpi: dpi), sup = canvas.measure(exponent, size: size * 0.7, dpi: dpi)
            let width = base.width + sup.width + pt(1)
            let left = x - width * hAlign
            canvas.text(baseText, x: left, y: baseline, size: size, dpi: dpi)
            canvas.text(exponent, x: left + base.width + pt(1), y: baseline - base.ascent * 0.55, size: size * 0.7, dpi: dpi)
            return width
        }
        let m = canvas.measure(label, size: size, dpi: dpi)
        canvas.text(label, x: x, y: baseline, size: size, dpi: dpi, hAlign: hAlign)
        return m.width
    }

    /// Strokes a polyline, breaking it at non-finite points, with an optional dash pattern.
    func strokePolyline(_ allPoints: [(Double, Double)], width: Double, pattern: [Double]?, _ canvas: GDCanvas) {
        // Like matplotlib's path simplification: vertices closer than a quarter pixel to the last
        // kept one add nothing visible (a 4000-point curve on a 1000-pixel axis).
        var points: [(Double, Double)] = []
        points.reserveCapacity(allPoints.count)
        for (i, p) in allPoints.enumerated() {
            if let last = points.last, i < allPoints.count - 1, last.0.isFinite, last.1.isFinite, p.0.isFinite, p.1.isFinite,
               abs(p.0 - last.0) < 0.25, abs(p.1 - last.1) < 0.25 { continue }
            points.append(p)
        }
        var dashIndex = 0
        var dashLeft = (pattern?.first ?? 0) * width
        var on = true
        for i in 1..<max(points.count, 1) {
            let (ax, ay) = points[i - 1], (bx, by) = points[i]
            guard ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite else { continue }
            guard let pattern else {
                canvas.addSegment(ax, ay, bx, by, width: width)
                continue
            }
            var segLen = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
            var sx = ax, sy = ay
            let ux = segLen > 0 ? (bx - ax) / segLen : 0, uy = segLen > 0 ? (by - ay) / segLen : 0
            while segLen > 0 {
                let step = min(dashLeft, segLen)
                let ex = sx + ux * step, ey = sy + uy * step
                if on { canvas.addSegment(sx, sy, ex, ey, width: width) }
                sx = ex; sy = ey
                segLen -= step
                dashLeft -= step
                if dashLeft <= 1e-9 {
                    dashIndex = (dashIndex + 1) % pattern.count
                    dashLeft = pattern[dashIndex] * width
                    on.toggle()
                }
            }
        }
    }

    func addMarker(_ m: Marker, at p: (Double, Double), size: Double, _ canvas: GDCanvas) {
        let r = size / 2
        let (x, y) = p
        switch m {
        case .circle, .point: canvas.addDisc(x, y, radius: r)
        case .square: canvas.addPolygon([(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)])
        case .diamond: canvas.addPolygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
        case .triangle: canvas.addPolygon([(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)])
        case .cross:
            canvas.addSegment(x - r, y - r, x + r, y + r, width: pt(1))
            canvas.addSegment(x - r, y + r, x + r, y - r, width: pt(1))
        case .plus:
            canvas.addSegment(x - r, y, x + r, y, width: pt(1))
            canvas.addSegment(x, y - r, x, y + r, width: pt(1))
        case .star:
            var pts: [(Double, Double)] = []
            for k in 0..<10 {
                let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
                let rr = k % 2 == 0 ? r : r * 0.4
                pts.append((x + rr * cos(angle), y + rr * sin(angle)))
            }
            canvas.addPolygon(pts)
        }
    }

    /// matplotlib's location codes in the order 'best' tries them.
    static let locations = ["upper right", "upper left", "lower left", "lower right", "right",
                            "center left", "center right", "lower center", "upper center", "center"]

    func drawLegend(_ a: Axes, _ b: Box, _ canvas: GDCanvas, data: [(Double, Double)]) {
        let entries = a.legendEntries
        guard !entries.isEmpty else { return }
        let fontSize = 10.0
        let em = pt(fontSize)
        let measures = entries.map { canvas.measure($0.label, size: fontSize, dpi: dpi) }
        let rowHeight = em
        let handle = 2 * em, gap = 0.8 * em, pad = 0.4 * em, spacing = 0.5 * em, margin = 0.5 * em
        let width = pad * 2 + handle + gap + (measures.map(\.width).max() ?? 0)
        let height = pad * 2 + Double(entries.count) * rowHeight + Double(entries.count - 1) * spacing
        let loc = chooseLocation(a.legendLocation ?? "best", width: width, height: height, box: b, margin: margin, data: data)
        let (x, y) = FigureRenderer.origin(loc, width: width, height: height, box: b, margin: margin)
        canvas.addPolygon(roundedRect(x, y, width, height, radius: 0.2 * em))
        canvas.composite(Color(r: 255, g: 255, b: 255, a: 0.8))
        let outline = roundedRect(x, y, width, height, radius: 0.2 * em)
        for i in 0..<outline.count {
            let p = outline[i], q = outline[(i + 1) % outline.count]
            canvas.addSegment(p.0, p.1, q.0, q.1, width: pt(0.8))
        }
        canvas.composite(Color(r: 0xcc, g: 0xcc, b: 0xcc))
        for (k, entry) in entries.enumerated() {
            let rowTop = y + pad + Double(k) * (rowHeight + spacing)
            let cy = rowTop + rowHeight / 2
            if entry.patch {
                canvas.fillRect(x + pad, cy - 0.35 * em, x + pad + handle, cy + 0.35 * em, entry.color)
            }
            if entry.style != .none {
                strokePolyline([(x + pad, cy), (x + pad + handle, cy)], width: pt(entry.width), pattern: entry.style.pattern, canvas)
                canvas.composite(entry.color)
            }
            if let m = entry.marker {
                addMarker(m, at: (x + pad + handle / 2, cy), size: pt(6), canvas)
                canvas.composite(entry.color)
            }
            canvas.text(entry.label, x: x + pad + handle + gap, y: cy, size: fontSize, dpi: dpi, vCenter: true)
        }
    }

    /// The top-left corner of a legend box of this size at a named location inside the axes.
    static func origin(_ loc: String, width: Double, height: Double, box b: Box, margin: Double) -> (Double, Double) {
        let left = b.left + margin, right = b.right - margin - width
        let top = b.top + margin, bottom = b.bottom - margin - height
        let cx = (b.left + b.right - width) / 2, cy = (b.top + b.bottom - height) / 2
        switch loc {
        case "upper left": return (left, top)
        case "lower left": return (left, bottom)
        case "lower right": return (right, bottom)
        case "right", "center right": return (right, cy)
        case "center left": return (left, cy)
        case "lower center": return (cx, bottom)
        case "upper center": return (cx, top)
        case "center": return (cx, cy)
        default: return (right, top)
        }
    }

    /// 'best': the first of matplotlib's locations that covers the fewest data points.
    func chooseLocation(_ requested: String, width: Double, height: Double, box b: Box, margin: Double, data: [(Double, Double)]) -> String {
        guard requested == "best" else { return requested }
        var best = "upper right", bestCount = Int.max
        for candidate in FigureRenderer.locations {
            let (x, y) = FigureRenderer.origin(candidate, width: width, height: height, box: b, margin: margin)
            let count = data.filter { $0.0 >= x && $0.0 <= x + width && $0.1 >= y && $0.1 <= y + height }.count
            if count < bestCount { bestCount = count; best = candidate }
        }
        return best
    }

    func roundedRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, radius r: Double) -> [(Double, Double)] {
        var pts: [(Double, Double)] = []
        let corners = [(x + w - r, y + r, -Double.pi / 2), (x + w - r, y + h - r, 0.0), (x + r, y + h - r, Double.pi / 2), (x + r, y + r, Double.pi)]
        for (cx, cy, start) in corners {
            for k in 0...4 {
                let t = start + Double(k) * Double.pi / 8
                pts.append((cx + r * cos(t), cy + r * sin(t)))
            }
        }
        return pts
    }
}
