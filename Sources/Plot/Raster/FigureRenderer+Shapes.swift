import Foundation

/// Shapes added to the canvas' coverage mask: dashed polylines and markers.
extension FigureRenderer {
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
}
