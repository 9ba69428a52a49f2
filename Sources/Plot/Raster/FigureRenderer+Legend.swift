import Foundation

/// The legend: its placement ('best' or a named location), framed box, handles and labels.
extension FigureRenderer {
    /// matplotlib's location codes in the order 'best' tries them.
    static let locations = ["upper right", "upper left", "lower left", "lower right", "right",
                            "center left", "center right", "lower center", "upper center", "center"]

    func drawLegend(_ a: Axes, _ b: Box, _ canvas: GDCanvas, data: [(Double, Double)]) {
        let entries = a.legendEntries
        guard !entries.isEmpty else { return }
        // matplotlib measures the legend's paddings, gaps and handle length in font sizes, so the
        // box grows and shrinks with `fontsize`.
        let fontSize = a.legendFontSize
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
                addMarker(m, at: (x + pad + handle / 2, cy), size: pt(m.width(markerSize: entry.markerSize)), canvas)
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
