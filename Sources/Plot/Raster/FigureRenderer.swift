import Foundation

/// Draws a `Figure` onto a `GDCanvas` in matplotlib's default style: subplot parameters
/// left 0.125, right 0.9, bottom 0.11, top 0.88, spacing 0.2; 10 pt DejaVu Sans tick labels,
/// 12 pt titles, 0.8 pt spines, outward 3.5 pt ticks, 1.5 pt lines.
struct FigureRenderer {
    let figure: Figure
    let scale: Double

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
        for axes in figure.allAxes {
            draw(axes, in: box(for: axes, width: Double(w), height: Double(h)), canvas)
        }
        if let s = figure.suptitle {
            canvas.text(s, x: Double(w) / 2, y: Double(h) * 0.02 + pt(12), size: 12, dpi: dpi, hAlign: 0.5)
        }
        return try canvas.png()
    }

    func box(for a: Axes, width W: Double, height H: Double) -> Box {
        let left = 0.125 * W, right = 0.9 * W, top = (1 - 0.88) * H, bottom = (1 - 0.11) * H
        let cols = Double(a.cols), rows = Double(a.rows)
        let aw = (right - left) / (cols + 0.2 * (cols - 1))
        let ah = (bottom - top) / (rows + 0.2 * (rows - 1))
        let row = Double((a.index - 1) / a.cols), col = Double((a.index - 1) % a.cols)
        let x0 = left + col * aw * 1.2, y0 = top + row * ah * 1.2
        return Box(left: x0, top: y0, right: x0 + aw, bottom: y0 + ah)
    }

    func draw(_ a: Axes, in b: Box, _ canvas: GDCanvas) {
        let limits = a.computedLimits()
        let (xt, yt) = a.ticks()
        let (x0, x1) = limits.x, (y0, y1) = limits.y
        func px(_ x: Double) -> Double { b.left + (x - x0) / (x1 - x0) * b.width }
        func py(_ y: Double) -> Double { b.bottom - (y - y0) / (y1 - y0) * b.height }
        let clip = (Int(b.left.rounded(.down)), Int(b.top.rounded(.down)), Int(b.right.rounded(.up)), Int(b.bottom.rounded(.up)))

        if a.grid {
            for t in xt { canvas.addSegment(px(t), b.top, px(t), b.bottom, width: pt(0.8)) }
            for t in yt { canvas.addSegment(b.left, py(t), b.right, py(t), width: pt(0.8)) }
            canvas.composite(Color(r: 0xb0, g: 0xb0, b: 0xb0), clip: clip)
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
                canvas.addDisc(px(x), py(y), radius: r)
                var c = s.colors[i % max(1, s.colors.count)]
                c.a *= s.alpha
                canvas.composite(c, clip: clip)
            }
        }

        // Spines and ticks.
        let spine = pt(0.8)
        canvas.addSegment(b.left, b.top, b.right, b.top, width: spine)
        canvas.addSegment(b.left, b.bottom, b.right, b.bottom, width: spine)
        canvas.addSegment(b.left, b.top, b.left, b.bottom, width: spine)
        canvas.addSegment(b.right, b.top, b.right, b.bottom, width: spine)
        let tickLength = pt(3.5)
        for t in xt { canvas.addSegment(px(t), b.bottom, px(t), b.bottom + tickLength, width: spine) }
        for t in yt { canvas.addSegment(b.left, py(t), b.left - tickLength, py(t), width: spine) }
        canvas.composite(.black)

        let fontSize = 10.0
        let labelTop = b.bottom + tickLength + pt(3.5)
        let xLabels = Ticks.labels(xt)
        var xLabelBottom = labelTop
        for (t, label) in zip(xt, xLabels) {
            let m = canvas.measure(label, size: fontSize, dpi: dpi)
            canvas.text(label, x: px(t), y: labelTop + m.ascent, size: fontSize, dpi: dpi, hAlign: 0.5)
            xLabelBottom = max(xLabelBottom, labelTop + m.ascent + m.descent)
        }
        var yLabelLeft = b.left - tickLength - pt(3.5)
        for (t, label) in zip(yt, Ticks.labels(yt)) {
            let m = canvas.measure(label, size: fontSize, dpi: dpi)
            canvas.text(label, x: b.left - tickLength - pt(3.5), y: py(t), size: fontSize, dpi: dpi, hAlign: 1, vCenter: true)
            yLabelLeft = min(yLabelLeft, b.left - tickLength - pt(3.5) - m.width)
        }
        if let t = a.xlabel {
            let m = canvas.measure(t, size: fontSize, dpi: dpi)
            canvas.text(t, x: (b.left + b.right) / 2, y: xLabelBottom + pt(4) + m.ascent, size: fontSize, dpi: dpi, hAlign: 0.5)
        }
        if let t = a.ylabel {
            let m = canvas.measure(t, size: fontSize, dpi: dpi)
            canvas.text(t, x: yLabelLeft - pt(4) - m.descent, y: (b.top + b.bottom) / 2, size: fontSize, dpi: dpi, hAlign: 0.5, vertical: true)
        }
        if let t = a.title {
            canvas.text(t, x: (b.left + b.right) / 2, y: b.top - pt(6), size: 12, dpi: dpi, hAlign: 0.5)
        }
        if a.legendLocation != nil { drawLegend(a, b, canvas, data: a.lines.flatMap { l in zip(l.x, l.y).map { (px($0), py($1)) } }) }
    }

    /// Strokes a polyline, breaking it at non-finite points, with an optional dash pattern.
    func strokePolyline(_ points: [(Double, Double)], width: Double, pattern: [Double]?, _ canvas: GDCanvas) {
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
