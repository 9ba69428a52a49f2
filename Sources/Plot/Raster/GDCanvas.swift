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
    private let mask: UnsafeMutablePointer<Float>
    private var touched: [Int] = []
    /// When drawing must stop (the block's time limit); shapes after it are skipped and `png()`
    /// throws, so a figure of 20 million points cannot outlive its block.
    var deadline: ContinuousClock.Instant?
    private var shapes = 0
    private(set) var expired = false

    /// Looks at the clock every 4096 shapes; true once the deadline has passed.
    @inline(__always)
    private func pastDeadline() -> Bool {
        if expired { return true }
        shapes &+= 1
        if shapes & 4095 == 0, let d = deadline, ContinuousClock.now > d { expired = true }
        return expired
    }
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
        mask = UnsafeMutablePointer<Float>.allocate(capacity: width * height)
        mask.initialize(repeating: 0, count: width * height)
        gdImageAlphaBlending(im, 0)
        gdImageFilledRectangle(im, 0, 0, Int32(width - 1), Int32(height - 1), lectern_gdTrueColor(255, 255, 255))
    }

    /// Decodes a PNG (for comparing figures); nil when the bytes are not a PNG gd can read.
    init?(png bytes: [UInt8]) {
        _ = GDCanvas.setup
        var copy = bytes
        guard bytes.count < Int(Int32.max),
              let decoded = copy.withUnsafeMutableBytes({ gdImageCreateFromPngPtr(Int32($0.count), $0.baseAddress) }) else { return nil }
        let w = Int(lectern_gdImageSX(decoded)), h = Int(lectern_gdImageSY(decoded))
        guard w > 0, h > 0, w <= 20000, h <= 20000, let im = gdImageCreateTrueColor(Int32(w), Int32(h)) else {
            gdImageDestroy(decoded)
            return nil
        }
        gdImageAlphaBlending(im, 0)
        gdImageCopy(im, decoded, 0, 0, 0, 0, Int32(w), Int32(h))
        gdImageDestroy(decoded)
        image = im
        width = w
        height = h
        mask = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        mask.initialize(to: 0)
    }

    /// One pixel's red, green and blue.
    func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let c = lectern_gdImageGetTrueColorPixel(image, Int32(x), Int32(y))
        return (UInt8(truncatingIfNeeded: lectern_gdTrueColorGetRed(c)), UInt8(truncatingIfNeeded: lectern_gdTrueColorGetGreen(c)),
                UInt8(truncatingIfNeeded: lectern_gdTrueColorGetBlue(c)))
    }

    deinit {
        gdImageDestroy(image)
        mask.deallocate()
    }

    // MARK: Coverage drawing

    @inline(__always)
    private func cover(_ x: Int, _ y: Int, _ c: Float, additive: Bool = false) {
        guard x >= 0, y >= 0, x < width, y < height, c > 0 else { return }
        let i = y * width + x
        if mask[i] == 0 { touched.append(i) }
        // Strokes take the maximum (overlapping segments don't darken joins); fills add up, so
        // two shapes sharing an edge (histogram bins) leave no seam.
        mask[i] = additive ? min(mask[i] + c, 1) : max(mask[i], min(c, 1))
    }

    /// Adds a segment of the given width (in pixels) to the mask, with round caps. Coverage is the
    /// pixel centre's distance to the segment against the half-width, ±half a pixel.
    func addSegment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width w: Double) {
        if pastDeadline() { return }
        let r = max(w / 2, 0.5)
        let minX = max(0, Int(pixel: (min(x0, x1) - r - 1).rounded(.down))), maxX = min(width - 1, Int(pixel: (max(x0, x1) + r + 1).rounded(.up)))
        let minY = max(0, Int(pixel: (min(y0, y1) - r - 1).rounded(.down))), maxY = min(height - 1, Int(pixel: (max(y0, y1) + r + 1).rounded(.up)))
        guard minX <= maxX, minY <= maxY else { return }
        let dx = x1 - x0, dy = y1 - y0
        let len2 = dx * dx + dy * dy
        let inverseLength = len2 > 0 ? 1 / len2 : 0
        // Thin lines keep their darkness spread over the pixels they touch.
        let strength: Float = w < 1 ? Float(w) : 1
        let outer2 = (r + 0.5) * (r + 0.5)
        let inner = max(0, r - 0.5), inner2 = inner * inner
        for py in minY...maxY {
            let cy = Double(py) + 0.5 - y0
            for px in minX...maxX {
                let cx = Double(px) + 0.5 - x0
                let t = min(max((cx * dx + cy * dy) * inverseLength, 0), 1)
                let ex = t * dx - cx, ey = t * dy - cy
                let d2 = ex * ex + ey * ey
                if d2 >= outer2 { continue }
                let c: Float = d2 <= inner2 ? strength : Float(min(max(r + 0.5 - d2.squareRoot(), 0), 1)) * strength
                cover(px, py, c)
            }
        }
    }

    /// Adds a filled polygon (even-odd rule) with coverage from 4 sub-scanlines per pixel row,
    /// each span's ends covered fractionally.
    func addPolygon(_ points: [(Double, Double)]) {
        if pastDeadline() { return }
        guard points.count >= 3 else { return }
        let ys = points.map(\.1)
        guard let minYValue = ys.min(), let maxYValue = ys.max(), minYValue.isFinite, maxYValue.isFinite else { return }
        let minY = max(0, Int(pixel: minYValue.rounded(.down))), maxY = min(height - 1, Int(pixel: maxYValue.rounded(.up)))
        guard minY <= maxY else { return }
        var row = [Float](repeating: 0, count: width)
        var crossings: [Double] = []
        for py in minY...maxY {
            var lo = width, hi = -1
            for sub in 0..<4 {
                let y = Double(py) + (Double(sub) + 0.5) / 4
                crossings.removeAll(keepingCapacity: true)
                var j = points.count - 1
                for i in 0..<points.count {
                    let (xi, yi) = points[i], (xj, yj) = points[j]
                    if (yi > y) != (yj > y) { crossings.append(xi + (xj - xi) * (y - yi) / (yj - yi)) }
                    j = i
                }
                crossings.sort()
                var k = 0
                while k + 1 < crossings.count {
                    let a = max(0, crossings[k]), b = min(Double(width), crossings[k + 1])
                    k += 2
                    guard b > a else { continue }
                    let first = Int(a), last = min(width - 1, Int(b))
                    lo = min(lo, first); hi = max(hi, last)
                    if first == last {
                        row[first] += Float(b - a) / 4
                        continue
                    }
                    row[first] += Float(Double(first + 1) - a) / 4
                    if first + 1 < last { for x in (first + 1)..<last { row[x] += 0.25 } }
                    if last < width { row[last] += Float(b - Double(last)) / 4 }
                }
            }
            guard lo <= hi else { continue }
            for x in lo...hi where row[x] > 0 {
                cover(x, py, min(row[x], 1), additive: true)
                row[x] = 0
            }
        }
    }

    /// Adds a filled disc.
    func addDisc(_ cx: Double, _ cy: Double, radius r: Double) {
        if pastDeadline() { return }
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

    /// Fills the pixels whose centres lie in [x0, x1) × [y0, y1), without anti-aliasing, so
    /// that cells sharing an edge (a mesh, a colorbar's gradient) tile with no seam between them.
    func fillCells(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: Color, clip: (Int, Int, Int, Int)? = nil) {
        let (lx, hx) = (min(x0, x1), max(x0, x1)), (ly, hy) = (min(y0, y1), max(y0, y1))
        guard lx.isFinite, hx.isFinite, ly.isFinite, hy.isFinite else { return }
        var left = Int(pixel: (lx - 0.5).rounded(.up)), right = Int(pixel: (hx - 0.5).rounded(.up)) - 1
        var top = Int(pixel: (ly - 0.5).rounded(.up)), bottom = Int(pixel: (hy - 0.5).rounded(.up)) - 1
        left = max(left, clip?.0 ?? 0, 0); top = max(top, clip?.1 ?? 0, 0)
        right = min(right, clip?.2 ?? (width - 1), width - 1); bottom = min(bottom, clip?.3 ?? (height - 1), height - 1)
        guard left <= right, top <= bottom else { return }
        let a = Float(color.a), r = Float(color.r), g = Float(color.g), b = Float(color.b)
        for y in top...bottom {
            guard let row = image.pointee.tpixels[y] else { continue }
            for x in left...right {
                let old = row[x]
                let or = Float((old >> 16) & 0xff), og = Float((old >> 8) & 0xff), ob = Float(old & 0xff)
                row[x] = (Int32((or + (r - or) * a).rounded()) << 16) | (Int32((og + (g - og) * a).rounded()) << 8) | Int32((ob + (b - ob) * a).rounded())
            }
        }
    }

    func fillRect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: Color) {
        addPolygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        composite(color)
    }

    // MARK: Text

    /// The text's ink box (width, ascent above the baseline, descent below) at `size` points.
    func measure(_ text: String, size: Double, dpi: Double) -> (width: Double, ascent: Double, descent: Double) {
        let key = MeasureKey(text: text, size: size, dpi: dpi)
        if let known = measured[key] { return known }
        var brect = [Int32](repeating: 0, count: 8)
        _ = drawFT(nil, &brect, 0, size, 0, 0, 0, text, dpi)
        let w = Double(brect[2] - brect[0])
        let m = (w, Double(-brect[7]), Double(brect[1]))
        measured[key] = m
        return m
    }

    private struct MeasureKey: Hashable {
        var text: String
        var size: Double
        var dpi: Double
    }

    /// FreeType runs the font's hinting program on every call; labels repeat, so sizes are kept.
    private var measured: [MeasureKey: (width: Double, ascent: Double, descent: Double)] = [:]

    /// Draws `text` with its anchor at (x, y): `hAlign` 0 left, 0.5 centre, 1 right; the baseline
    /// at y, or the text's vertical centre when `vCenter`. `vertical` rotates it a quarter turn.
    func text(_ text: String, x: Double, y: Double, size: Double, dpi: Double, color: Color = .black,
              hAlign: Double = 0, vCenter: Bool = false, vertical: Bool = false, angle: Double = 0) {
        guard !text.isEmpty else { return }
        let m = measure(text, size: size, dpi: dpi)
        var brect = [Int32](repeating: 0, count: 8)
        let fg = lectern_gdTrueColor(Int32(color.r), Int32(color.g), Int32(color.b))
        gdImageAlphaBlending(image, 1)
        if angle != 0 {
            // Any angle (radians, counter-clockwise): (x, y) is the start of the baseline.
            _ = drawFT(image, &brect, fg, size, angle, Int32(x.rounded()), Int32(y.rounded()), text, dpi)
        } else if vertical {
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

    /// Sets one pixel, opaque (used to build diff images for golden-image tests).
    func setPixel(_ x: Int, _ y: Int, r: UInt8, g: UInt8, b: UInt8) {
        guard x >= 0, y >= 0, x < width, y < height, let row = image.pointee.tpixels[y] else { return }
        row[x] = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }

    func png() throws -> [UInt8] {
        if expired { throw CanvasError(description: "TimeoutError: the block ran past its time limit while its figure was drawn") }
        var size: Int32 = 0
        guard let ptr = gdImagePngPtrEx(image, &size, 1) else { throw CanvasError(description: "PNG encoding failed") }
        defer { gdFree(ptr) }
        return Array(UnsafeRawBufferPointer(start: ptr, count: Int(size)))
    }
}

extension Int {
    /// A pixel index from a coordinate that lesson data decides: NaN is 0, and anything beyond
    /// a billion pixels stops there (such a point is far off the canvas either way), so a
    /// conversion can never trap.
    init(pixel d: Double) {
        if d.isNaN { self = 0 } else { self = Int(Swift.max(-1e9, Swift.min(1e9, d))) }
    }
}
