/// Compares two PNG figures pixel by pixel, the way `lectern check` and the golden-image tests
/// do: a pixel differs when any channel differs by more than `tolerance` (out of 255), and the
/// figures match when no more than `allowedFraction` of the pixels differ. Anti-aliasing noise
/// passes; a moved line or a changed label does not.
public struct PNGComparison: Sendable {
    public var tolerance: Int
    public var allowedFraction: Double

    public init(tolerance: Int = 24, allowedFraction: Double = 0.0005) {
        self.tolerance = tolerance
        self.allowedFraction = allowedFraction
    }

    public struct Result: Sendable {
        /// Pixels that differ beyond the tolerance (all of them when the sizes differ).
        public var differing: Int
        public var total: Int
        public var sameSize: Bool
        /// The expected figure faded to grey with the differing pixels in red; nil when the
        /// figures match or cannot be decoded.
        public var diffPNG: [UInt8]?
        public var matches: Bool
    }

    /// nil when either side is not a readable PNG.
    public func compare(expected: [UInt8], actual: [UInt8]) -> Result? {
        guard let a = GDCanvas(png: expected), let b = GDCanvas(png: actual) else { return nil }
        guard a.width == b.width, a.height == b.height else {
            return Result(differing: a.width * a.height, total: a.width * a.height, sameSize: false, diffPNG: nil, matches: false)
        }
        var differing = 0
        var marks: [Bool] = Array(repeating: false, count: a.width * a.height)
        for y in 0..<a.height {
            for x in 0..<a.width {
                let p = a.pixel(x, y), q = b.pixel(x, y)
                if abs(Int(p.r) - Int(q.r)) > tolerance || abs(Int(p.g) - Int(q.g)) > tolerance || abs(Int(p.b) - Int(q.b)) > tolerance {
                    differing += 1
                    marks[y * a.width + x] = true
                }
            }
        }
        let total = a.width * a.height
        let matches = Double(differing) <= allowedFraction * Double(total)
        var diff: [UInt8]?
        if !matches, let canvas = try? GDCanvas(width: a.width, height: a.height) {
            for y in 0..<a.height {
                for x in 0..<a.width {
                    if marks[y * a.width + x] {
                        canvas.setPixel(x, y, r: 230, g: 0, b: 0)
                    } else {
                        let p = a.pixel(x, y)
                        let mean: Int = (Int(p.r) + Int(p.g) + Int(p.b)) / 3
                        let grey = UInt8(200 + mean * 55 / 255)
                        canvas.setPixel(x, y, r: grey, g: grey, b: grey)
                    }
                }
            }
            diff = try? canvas.png()
        }
        return Result(differing: differing, total: total, sameSize: true, diffPNG: diff, matches: matches)
    }
}
