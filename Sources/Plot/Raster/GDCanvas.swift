import CGD
import Foundation

/// The one type that touches libgd: a white truecolor canvas with coverage-based drawing (libgd
/// anti-aliases only 1-pixel lines, so wide lines and markers are rasterised here), FreeType text,
/// and PNG encoding. No gd pointer leaves it.
final class GDCanvas {
    let width: Int
    let height: Int
    private let image: gdImagePtr
    /// Coverage of the shape being drawn, composited once per shape so overlapping segments of
    /// one line do not darken their joins.
    private var mask: [Float]
    private var touched: [Int] = []
    static let fontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    private static let setup: Bool = { gdFontCacheSetup() == 0 }()

    struct CanvasError: Error, CustomStringConvertible {
        var description: String
    }

    init(width: Int, height: Int) throws {
        _ = GDCanvas.setup
        guard width > 0, height > 0, width <= 20000, height <= 20000, let im = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            throw CanvasError(description: "cannot create a \(width)x\(height) image")
        }
        image = im
        self.width = width
        self.height = height
        mask = [Float](repeating: 0, count: width * height)
        gdImageAlphaBlending(im, 0)
        gdImageFilledRectangle(im, 0, 0, Int32(width - 1), Int32(height - 1), lectern_gdTrueColor(255, 255, 255))
    }

    deinit { gdImageDestroy(image) }

    // MARK: Coverage drawing

    @inline(__always)
    private func cover(_ x: Int, _ y: Int, _ c: Float) {
        guard x >= 0, y >= 0, x < width, y < height, c > 0 else { return }
        let i = y * width + x
        if mask[i] == 0 { touched.append(i) }
        if c > mask[i] { mask[i] = min(c, 1) }
    }

    /// Adds a segment of the given width (in pixels) to the mask, with round caps.
    func addSegment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width w: Double) {
        let r = max(w / 2, 0.5)
        let minX = Int((min(x0, x1) - r - 1).rounded(.down)), maxX = Int((max(x0, x1) + r + 1).rounded(.up))
        let minY = Int((min(y0, y1) - r - 1).rounded(.down)), maxY = Int((max(y0, y1) + r + 1).rounded(.up))
        let dx = x1 - x0, dy = y1 - y0
        let len2 = dx * dx + dy * dy
        // Thin lines keep their darkness spread over the pixels they touch.
        let strength = w < 1 ? Float(w) : 1
        for py in max(minY, 0)...min(maxY, height - 1) where minY <= maxY && maxY >= 0 && minY < height {
            let cy = Double(py) + 0.5
            for px in max(minX, 0)...max(min(maxX, width - 1), max(minX, 0)) where px < width {
                let cx = Double(px) + 0.5
                var t = len2 > 0 ? ((cx - x0) * dx + (cy - y0) * dy) / len2 : 0
                t = min(max(t, 0), 1)
                let ex = x0 + t * dx - cx, ey = y0 + t * dy - cy
                let d = (ex * ex + ey * ey).squareRoot()
                let c = Float(min(max(r + 0.5 - d, 0), 1)) * strength
                if c > 0 { cover(px, py, c) }
            }
        }
    }

    /// Adds a filled polygon (any simple polygon) with 4×4 supersampled coverage.
    func addPolygon(_ points: [(Double, Double)]) {
        guard points.count >= 3 else { return }
        let minX = max(0, Int(points.map(\.0).min() ?? 0) - 1), maxX = min(width - 1, Int(points.map(\.0).max() ?? 0) + 1)
        let minY = max(0, Int(points.map(\.1).min() ?? 0) - 1), maxY = min(height - 1, Int(points.map(\.1).max() ?? 0) + 1)
        guard minX <= maxX, minY <= maxY else { return }
        for py in minY...maxY {
            for px in minX...maxX {
                var inside = 0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let x = Double(px) + (Double(sx) + 0.5) / 4, y = Double(py) + (Double(sy) + 0.5) / 4
                        var odd = false
                        var j = points.count - 1
                        for i in 0..<points.count {
                            let (xi, yi) = points[i], (xj, yj) = points[j]
                            if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { odd.toggle() }
                            j = i
                        }
                        if odd { inside += 1 }
                    }
                }
                if inside > 0 { cover(px, py, Float(inside) / 16) }
            }
        }
    }

    /// Adds a filled disc.
    func addDisc(_ cx: Double, _ cy: Double, radius r: Double) {
        let minX = Int(cx - r - 1), maxX = Int(cx + r + 1), minY = Int(cy - r - 1), maxY = Int(cy + r + 1)
        guard maxX >= 0, maxY >= 0, minX < width, minY < height else { return }
        for py in max(minY, 0)...min(maxY, height - 1) {
            for px in max(minX, 0)...min(maxX, width - 1) {
                let dx = Double(px) + 0.5 - cx, dy = Double(py) + 0.5 - cy
                let d = (dx * dx + dy * dy).squareRoot()
                cover(px, py, Float(min(max(r + 0.5 - d, 0), 1)))
            }
        }
    }

    /// Blends the mask onto the image in `color`, then clears it.
    func composite(_ color: Color, clip: (Int, Int, Int, Int)? = nil) {
        let alpha = Float(color.a)
        let r = Float(color.r), g = Float(color.g), b = Float(color.b)
        for i in touched {
            let c = mask[i] * alpha
            mask[i] = 0
            let x = i % width, y = i / width
            if let (x0, y0, x1, y1) = clip, x < x0 || x > x1 || y < y0 || y > y1 { continue }
            guard let row = image.pointee.tpixels[y] else { continue }
            let old = row[x]
            let or = Float((old >> 16) & 0xff), og = Float((old >> 8) & 0xff), ob = Float(old & 0xff)
            let nr = Int32((or + (r - or) * c).rounded()), ng = Int32((og + (g - og) * c).rounded()), nb = Int32((ob + (b - ob) * c).rounded())
            row[x] = (nr << 16) | (ng << 8) | nb
        }
        touched.removeAll(keepingCapacity: true)
    }

    func fillRect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: Color) {
        addPolygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        composite(color)
    }

    // MARK: Text

    /// The text's ink box (width, ascent above the baseline, descent below) at `size` points.
    func measure(_ text: String, size: Double, dpi: Double) -> (width: Double, ascent: Double, descent: Double) {
        var brect = [Int32](repeating: 0, count: 8)
        _ = drawFT(nil, &brect, 0, size, 0, 0, 0, text, dpi)
        let w = Double(brect[2] - brect[0])
        return (w, Double(-brect[7]), Double(brect[1]))
    }

    /// Draws `text` with its anchor at (x, y): `hAlign` 0 left, 0.5 centre, 1 right; the baseline
    /// at y, or the text's vertical centre when `vCenter`. `vertical` rotates it a quarter turn.
    func text(_ text: String, x: Double, y: Double, size: Double, dpi: Double, color: Color = .black,
              hAlign: Double = 0, vCenter: Bool = false, vertical: Bool = false) {
        guard !text.isEmpty else { return }
        let m = measure(text, size: size, dpi: dpi)
        var brect = [Int32](repeating: 0, count: 8)
        let fg = lectern_gdTrueColor(Int32(color.r), Int32(color.g), Int32(color.b))
        gdImageAlphaBlending(image, 1)
        if vertical {
            let px = x + (vCenter ? (m.ascent - m.descent) / 2 : 0)
            let py = y + m.width * hAlign
            _ = drawFT(image, &brect, fg, size, Double.pi / 2, Int32(px.rounded()), Int32(py.rounded()), text, dpi)
        } else {
            let px = x - m.width * hAlign
            let py = y + (vCenter ? (m.ascent - m.descent) / 2 : 0)
            _ = drawFT(image, &brect, fg, size, 0, Int32(px.rounded()), Int32(py.rounded()), text, dpi)
        }
        gdImageAlphaBlending(image, 0)
    }

    private func drawFT(_ im: gdImagePtr?, _ brect: inout [Int32], _ fg: Int32, _ size: Double, _ angle: Double,
                        _ x: Int32, _ y: Int32, _ text: String, _ dpi: Double) -> String? {
        var extra = gdFTStringExtra()
        extra.flags = Int32(gdFTEX_RESOLUTION)
        extra.hdpi = Int32(dpi.rounded())
        extra.vdpi = Int32(dpi.rounded())
        let err = brect.withUnsafeMutableBufferPointer { b in
            GDCanvas.fontPath.withCString { font in
                text.withCString { t in
                    gdImageStringFTEx(im, b.baseAddress, fg, UnsafeMutablePointer(mutating: font), size, angle, x, y,
                                      UnsafeMutablePointer(mutating: t), &extra)
                }
            }
        }
        return err.map { String(cString: $0) }
    }

    // MARK: Output

    func png() throws -> [UInt8] {
        var size: Int32 = 0
        guard let ptr = gdImagePngPtr(image, &size) else { throw CanvasError(description: "PNG encoding failed") }
        defer { gdFree(ptr) }
        return Array(UnsafeRawBufferPointer(start: ptr, count: Int(size)))
    }
}
