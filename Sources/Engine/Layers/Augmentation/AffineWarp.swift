import Foundation
import Tensor

/// How points outside an image are read, as Keras' `fill_mode`.
public enum ImageFillMode: String, Codable, Sendable, CaseIterable {
    /// (d c b a | a b c d | d c b a): mirrored about the edge of the last pixel.
    case reflect
    /// (a b c d | a b c d | a b c d)
    case wrap
    /// (k k k k | a b c d | k k k k) with k = `fill_value`.
    case constant
    /// (a a a a | a b c d | d d d d)
    case nearest
}

/// How a point between pixels is read, as Keras' `interpolation`.
public enum ImageInterpolation: String, Codable, Sendable, CaseIterable {
    case bilinear, nearest
}

/// A map from each OUTPUT pixel (x, y) (column, row) to the input point it reads:
/// ((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k) with k = c0 x + c1 y + 1, the eight
/// numbers of Keras' `affine_transform` in the same order.
public struct ProjectiveTransform: Equatable, Sendable {
    public var a0: Float, a1: Float, a2: Float, b0: Float, b1: Float, b2: Float, c0: Float, c1: Float

    public init(a0: Float, a1: Float, a2: Float, b0: Float, b1: Float, b2: Float, c0: Float = 0, c1: Float = 0) {
        (self.a0, self.a1, self.a2, self.b0, self.b1, self.b2, self.c0, self.c1) = (a0, a1, a2, b0, b1, b2, c0, c1)
    }

    public static let identity = ProjectiveTransform(a0: 1, a1: 0, a2: 0, b0: 0, b1: 1, b2: 0)

    /// Shifts the image content right by `dx` and down by `dy` pixels.
    public static func translation(dx: Double, dy: Double) -> ProjectiveTransform {
        ProjectiveTransform(a0: 1, a1: 0, a2: Float(-dx), b0: 0, b1: 1, b2: Float(-dy))
    }

    /// Rotates the content by `degrees` (counter-clockwise as displayed, y pointing down)
    /// about the image's centre ((width - 1) / 2, (height - 1) / 2).
    public static func rotation(degrees: Double, height: Int, width: Int) -> ProjectiveTransform {
        let angle = Float(degrees) * (Float.pi / 180)
        let cx = 0.5 * Float(width - 1), cy = 0.5 * Float(height - 1)
        let c = Foundation.cos(angle), s = Foundation.sin(angle)
        let a0 = c, a1 = -s, b0 = s, b1 = c
        return ProjectiveTransform(a0: a0, a1: a1, a2: cx - cx * a0 - cy * a1, b0: b0, b1: b1, b2: cy - cx * b0 - cy * b1)
    }

    /// Reads the point (x zx, y zy) about the centre: zoom factors below 1 enlarge the content
    /// (zoom in), above 1 shrink it (zoom out), as Keras' `RandomZoom` uses them.
    public static func zoom(x zx: Double, y zy: Double, height: Int, width: Int) -> ProjectiveTransform {
        let fx = Float(zx), fy = Float(zy)
        return ProjectiveTransform(a0: fx, a1: 0, a2: (Float(width) - 1) / 2 * (1 - fx),
                                   b0: 0, b1: fy, b2: (Float(height) - 1) / 2 * (1 - fy))
    }
}

/// Resamples images through per-sample projective transforms, with Keras' fill modes and
/// interpolations, and passes gradients back along the same reads (the transposed resampling).
/// Owned by one layer; its buffers are sized by `reserve`.
public final class AffineWarp {
    public let image: ImageShape
    let fillMode: ImageFillMode
    let interpolation: ImageInterpolation
    let fillValue: Float
    /// The transform each sample of the last forward batch used.
    public var transforms: [ProjectiveTransform] = []
    let output = FloatBuffer()
    let dInput = FloatBuffer()

    public init(image: ImageShape, fillMode: ImageFillMode, interpolation: ImageInterpolation, fillValue: Float) {
        self.image = image
        self.fillMode = fillMode
        self.interpolation = interpolation
        self.fillValue = fillValue
    }

    public func reserve(batchCapacity: Int) {
        output.reserve(batchCapacity * image.count)
        dInput.reserve(batchCapacity * image.count)
        transforms.reserveCapacity(batchCapacity)
    }

    /// Brings a coordinate that falls outside [0, length - 1] back inside as the fill mode
    /// reads it (constant mode leaves it, to be read as the fill value).
    @inline(__always)
    func mapped(_ coordinate: Float, length: Int) -> Float {
        let last = Float(length - 1)
        var c = coordinate
        switch fillMode {
        case .constant:
            return c
        case .nearest:
            break
        case .reflect:
            guard length > 1 else { return 0 }
            let period = Float(2 * length)
            if c < 0 {
                c += period * Float(Int(-c / period))
                c = c < -Float(length) ? c + period : -c - 1
            } else if c > last {
                c -= period * Float(Int(c / period))
                if c >= Float(length) { c = period - c - 1 }
            }
        case .wrap:
            guard length > 1 else { return 0 }
            let span = Float(length - 1)
            if c < 0 {
                c += Float(length) * Float(Int(-c / span) + 1)
            } else if c > last {
                c -= Float(length) * Float(Int(c / span))
            }
        }
        return Swift.min(Swift.max(c, 0), last)
    }

    /// The input pixels one output pixel reads (flat pixel indices, -1 for the fill value:
    /// top-left, top-right, bottom-left, bottom-right; only the first for nearest) and the
    /// bilinear weights along x and y (left, right, top, bottom).
    @inline(__always)
    func taps(x outX: Int, y outY: Int, _ t: ProjectiveTransform) -> (index: (Int, Int, Int, Int), weight: (Float, Float, Float, Float)) {
        let fx = Float(outX), fy = Float(outY)
        let k = t.c0 * fx + t.c1 * fy + 1
        guard k != 0 else { return ((-1, -1, -1, -1), (1, 0, 1, 0)) }
        let x = mapped((t.a0 * fx + t.a1 * fy + t.a2) / k, length: image.width)
        let y = mapped((t.b0 * fx + t.b1 * fy + t.b2) / k, length: image.height)
        func index(_ row: Float, _ column: Float) -> Int {
            guard row.isFinite, column.isFinite, row >= 0, column >= 0, row < Float(image.height), column < Float(image.width) else { return -1 }
            return Int(row) * image.width + Int(column)
        }
        switch interpolation {
        case .nearest:
            return ((index(y.rounded(), x.rounded()), -1, -1, -1), (1, 0, 1, 0))
        case .bilinear:
            let x0 = x.rounded(.down), y0 = y.rounded(.down)
            let x1 = x0 + 1, y1 = y0 + 1
            return ((index(y0, x0), index(y0, x1), index(y1, x0), index(y1, x1)), (x1 - x, x - x0, y1 - y, y - y0))
        }
    }

    /// Resamples `batch` images through `transforms` into `output`.
    public func forward(_ input: UnsafePointer<Float>, batch: Int) -> UnsafePointer<Float> {
        let channels = image.channels, size = image.count
        let out = output.pointer
        for sample in 0..<batch {
            let source = input + sample * size, target = out + sample * size
            let t = transforms[sample]
            for row in 0..<image.height {
                for column in 0..<image.width {
                    let (i, w) = taps(x: column, y: row, t)
                    let pixel = target + (row * image.width + column) * channels
                    for c in 0..<channels {
                        func read(_ index: Int) -> Float { index < 0 ? fillValue : source[index * channels + c] }
                        if interpolation == .nearest {
                            pixel[c] = read(i.0)
                        } else {
                            // Along the top row, along the bottom row, then between the rows.
                            let top = w.0 * read(i.0) + w.1 * read(i.1)
                            let bottom = w.0 * read(i.2) + w.1 * read(i.3)
                            pixel[c] = w.2 * top + w.3 * bottom
                        }
                    }
                }
            }
        }
        return output.readOnly
    }

    /// dLoss/dInput: each output pixel's gradient goes back to the pixels it read, by the same
    /// weights; reads of the fill value take none.
    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int) -> UnsafePointer<Float> {
        let channels = image.channels, size = image.count
        let d = dInput.pointer
        d.update(repeating: 0, count: batch * size)
        for sample in 0..<batch {
            let g = gradOutput + sample * size, target = d + sample * size
            let t = transforms[sample]
            for row in 0..<image.height {
                for column in 0..<image.width {
                    let (i, w) = taps(x: column, y: row, t)
                    let pixel = (row * image.width + column) * channels
                    func spread(_ index: Int, _ weight: Float) {
                        guard index >= 0, weight != 0 else { return }
                        for c in 0..<channels { target[index * channels + c] += weight * g[pixel + c] }
                    }
                    spread(i.0, w.2 * w.0)
                    spread(i.1, w.2 * w.1)
                    spread(i.2, w.3 * w.0)
                    spread(i.3, w.3 * w.1)
                }
            }
        }
        return dInput.readOnly
    }
}
