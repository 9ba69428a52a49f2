import Foundation

/// Axis text: spines, ticks, tick labels (plain, rotated, or with a raised exponent), axis labels, titles, wrapping.
extension FigureRenderer {
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
        if let t = a.title { drawTitle(t, pad: a.titlePad, b, canvas) }
    }

    /// The title's baseline `pad` points above the axes. A title wider than the figure wraps onto
    /// more lines, growing upwards.
    func drawTitle(_ t: String, pad: Double, _ b: Box, _ canvas: GDCanvas) {
        let lines = wrap(t, width: Double(canvas.width) - pt(12), size: 12, canvas)
        let lineHeight = pt(12) * 1.2
        for (k, line) in lines.reversed().enumerated() {
            canvas.text(line, x: (b.left + b.right) / 2, y: b.top - pt(pad) - Double(k) * lineHeight, size: 12, dpi: dpi, hAlign: 0.5)
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
}
