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
        // A title takes its pad and a 12 pt line above its axes; the top margin grows when the first
        // row's would not fit in matplotlib's 12%, so a large pad keeps the title on the figure.
        func titleNeed(_ axes: [Axes]) -> Double {
            axes.filter { $0.title != nil }.map { pt($0.titlePad) + pt(12) * 1.3 }.max() ?? 0
        }
        let left = 0.125 * W, right = 0.9 * W
        let top = max((1 - 0.88) * H, titleNeed(siblings.filter { ($0.index - 1) / $0.cols == 0 }) + pt(4))
        // The bottom margin grows when the lowest row's labels would not fit in matplotlib's 11%.
        let belowNeed = pt(3.5 + 3.5) + max(textLine, bottomDrop + pt(3)) + (lastRow.contains { $0.xlabel != nil } ? textLine + pt(4) : 0) + pt(4)
        let bottom = bottomDrop > 0 ? min((1 - 0.11) * H, H - belowNeed) : (1 - 0.11) * H
        // Below a row: ticks, tick labels, an x label; above the next: its title.
        let vNeed = pt(3.5 + 3.5) + labelDrop + (siblings.contains { $0.xlabel != nil } ? textLine + pt(4) : 0)
            + titleNeed(siblings) + pt(4)
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
        drawSeries(a, in: b, px: px, py: py, clip: clip, canvas)

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
            drawTitle(t, pad: a.titlePad, b, canvas)
        }
        if a.legendLocation != nil {
            var data = a.lines.flatMap { l in zip(l.x, l.y).map { (px($0), py($1)) } }
            data += a.scatters.flatMap { s in zip(s.x, s.y).map { (px($0), py($1)) } }
            data += a.rects.map { (px(($0.x0 + $0.x1) / 2), py($0.y1)) }
            drawLegend(a, b, canvas, data: data)
        }
    }
}
