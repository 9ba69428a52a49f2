import Engine
import Foundation
import Script
import Tensor

/// Keras' legacy `keras.preprocessing.image.ImageDataGenerator`: random rotations, shifts,
/// shears, zooms and flips of channels-last images, then `rescale`, drawn per image as batches
/// are taken from `flow(x, y)`. The resampling is bilinear (Keras' interpolation_order=1)
/// through the engine's affine warp, so values can differ slightly from SciPy's at the edges.
final class ImageDataGeneratorObject: ScriptObject {
    static let parameters = ["featurewise_center", "samplewise_center", "featurewise_std_normalization", "samplewise_std_normalization",
                             "zca_whitening", "zca_epsilon", "rotation_range", "width_shift_range", "height_shift_range",
                             "brightness_range", "shear_range", "zoom_range", "channel_shift_range", "fill_mode", "cval",
                             "horizontal_flip", "vertical_flip", "rescale", "preprocessing_function", "data_format",
                             "validation_split", "interpolation_order", "dtype"]

    var rotationRange = 0.0, widthShift = 0.0, heightShift = 0.0, shearRange = 0.0
    var zoom = (low: 1.0, high: 1.0)
    var horizontalFlip = false, verticalFlip = false
    var fillMode = ImageFillMode.nearest
    var cval = 0.0
    var rescale: Double?
    unowned let session: LessonSession

    init(_ args: Arguments, session: LessonSession) throws {
        self.session = session
        let s = try args.bind("ImageDataGenerator", Self.parameters)
        let unsupported: [(Int, Bool)] = [(0, false), (1, false), (2, false), (3, false), (4, false)]
        for (i, off) in unsupported where try s.value(i)?.bool(Self.parameters[i]) ?? off {
            throw ScriptError.notImplemented("ImageDataGenerator(\(Self.parameters[i])=True) is not supported")
        }
        for i in [9, 18] where s.value(i) != nil {
            throw ScriptError.notImplemented("ImageDataGenerator(\(Self.parameters[i])=...) is not supported")
        }
        if let v = try s.value(12)?.double("channel_shift_range"), v != 0 { throw ScriptError.notImplemented("ImageDataGenerator(channel_shift_range=...) is not supported") }
        if let v = try s.value(20)?.double("validation_split"), v != 0 { throw ScriptError.notImplemented("ImageDataGenerator(validation_split=...) is not supported") }
        if let v = try s.value(19)?.string("data_format"), v != "channels_last" { throw ScriptError.notImplemented("ImageDataGenerator works on channels-last images") }
        if let v = try s.value(21)?.int("interpolation_order"), v != 1 { throw ScriptError.notImplemented("ImageDataGenerator supports interpolation_order=1 (bilinear)") }
        rotationRange = try s.value(6)?.double("rotation_range") ?? 0
        widthShift = try s.value(7)?.double("width_shift_range") ?? 0
        heightShift = try s.value(8)?.double("height_shift_range") ?? 0
        shearRange = try s.value(10)?.double("shear_range") ?? 0
        switch s.value(11) {
        case .list?, .tuple?:
            let pair = try (s.value(11) ?? .none).sequence("zoom_range").map { try $0.double("zoom_range") }
            guard pair.count == 2 else { throw ScriptError.value("`zoom_range` should be a float or a tuple or list of two floats. Received: \(pair)") }
            zoom = (pair[0], pair[1])
        case let v?: let z = try v.double("zoom_range"); zoom = (1 - z, 1 + z)
        case nil: break
        }
        let mode = try s.value(13)?.string("fill_mode") ?? "nearest"
        guard let fill = ImageFillMode(rawValue: mode) else {
            throw ScriptError.value("fill_mode must be one of 'constant', 'nearest', 'reflect' or 'wrap'. Received: fill_mode='\(mode)'")
        }
        fillMode = fill
        cval = try s.value(14)?.double("cval") ?? 0
        horizontalFlip = try s.value(15)?.bool("horizontal_flip") ?? false
        verticalFlip = try s.value(16)?.bool("vertical_flip") ?? false
        rescale = try s.value(17)?.double("rescale")
        if let r = rescale, r == 0 { rescale = nil }
    }

    var typeName: String { "ImageDataGenerator" }
    func repr() -> String { "<keras.src.legacy.preprocessing.image.ImageDataGenerator object>" }
    var attributeNames: [String] { ["flow", "fit", "random_transform"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "fit":
            // Only the featurewise statistics need fitting, and those options are refused above.
            return .object(BuiltinFunction(name) { args, _ in
                _ = try args.bind("fit", ["x", "augment", "rounds", "seed"], required: 1)
                return .none
            })
        case "flow":
            return .object(BuiltinFunction(name) { args, _ in
                let s = try args.bind("flow", ["x", "y", "batch_size", "shuffle", "sample_weight", "seed", "save_to_dir", "save_prefix", "save_format", "ignore_class_split", "subset"], required: 1)
                for (i, argument) in [(4, "sample_weight"), (6, "save_to_dir"), (10, "subset")] where s.value(i) != nil {
                    throw ScriptError.notImplemented("flow(\(argument)=...) is not supported")
                }
                return .object(try ImageBatchIterator(generator: self, x: s[0] ?? .none, y: s.value(1), batchSize: try s.value(2)?.int("batch_size") ?? 32,
                                                      shuffle: try s.value(3)?.bool("shuffle") ?? true, seed: try s.value(5)?.int("seed")))
            })
        default: return nil
        }
    }

    /// The transform of one image (output pixel → input point), composed as Keras' legacy
    /// `apply_affine_transform` does in (row, column) coordinates about the image centre,
    /// then turned into the warp's (x = column, y = row) form; nil when it is the identity.
    func drawTransform(_ random: inout RandomGenerator, height: Int, width: Int) -> ProjectiveTransform? {
        func draw(_ range: Double) -> Double { range == 0 ? 0 : random.uniformDouble(low: -range, high: range) }
        let theta = draw(rotationRange) * .pi / 180
        // Fractions below 1 are of the image size; larger values are pixels.
        let tx = heightShift < 1 ? draw(heightShift) * Double(height) : draw(heightShift)
        let ty = widthShift < 1 ? draw(widthShift) * Double(width) : draw(widthShift)
        let shear = draw(shearRange) * .pi / 180
        let (zx, zy) = zoom.low == 1 && zoom.high == 1 ? (1.0, 1.0)
            : (random.uniformDouble(low: zoom.low, high: zoom.high), random.uniformDouble(low: zoom.low, high: zoom.high))
        guard theta != 0 || tx != 0 || ty != 0 || shear != 0 || zx != 1 || zy != 1 else { return nil }
        typealias M = [[Double]]
        func times(_ a: M, _ b: M) -> M {
            (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0) { $0 + a[i][$1] * b[$1][j] } } }
        }
        var m: M = [[cos(theta), -sin(theta), 0], [sin(theta), cos(theta), 0], [0, 0, 1]]
        m = times(m, [[1, 0, tx], [0, 1, ty], [0, 0, 1]])
        m = times(m, [[1, -sin(shear), 0], [0, cos(shear), 0], [0, 0, 1]])
        m = times(m, [[zx, 0, 0], [0, zy, 0], [0, 0, 1]])
        let ox = Double(height) / 2 - 0.5, oy = Double(width) / 2 - 0.5
        m = times(times([[1, 0, ox], [0, 1, oy], [0, 0, 1]], m), [[1, 0, -ox], [0, 1, -oy], [0, 0, 1]])
        // Row r' = m00 r + m01 c + m02 and column c' = m10 r + m11 c + m12, as x = column, y = row.
        return ProjectiveTransform(a0: Float(m[1][1]), a1: Float(m[1][0]), a2: Float(m[1][2]),
                                   b0: Float(m[0][1]), b1: Float(m[0][0]), b2: Float(m[0][2]))
    }
}

/// `keras.preprocessing` (also `tensorflow.keras.preprocessing`): the legacy `image` module
/// with `ImageDataGenerator`.
enum KerasPreprocessing {
    static func module(session: LessonSession) -> ModuleObject {
        let image = Modules.module("keras.preprocessing.image", [
            function("ImageDataGenerator") { args, _ in .object(try ImageDataGeneratorObject(args, session: session)) },
        ])
        return Modules.module("keras.preprocessing", [("image", .object(image))])
    }
}
