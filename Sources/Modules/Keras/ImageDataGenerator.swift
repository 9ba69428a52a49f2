import Engine
import Foundation
import Script
import Tensor

/// Keras' legacy `keras.preprocessing.image.ImageDataGenerator`: random rotations, shifts,
/// shears, zooms and flips of channels-last images, then `rescale`, drawn per image as batches
/// are taken from `flow(x, y)`. The resampling is bilinear (Keras' interpolation_order=1)
/// through the engine's affine warp, so values can differ slightly from SciPy's at the edges.
final class ImageDataGeneratorObject: ScriptObject {
    /// Keras 2's signature; the statistics, ZCA, brightness, channel shifts and the validation
    /// subset are refused by name.
    static let signature = Signature("ImageDataGenerator", """
        !featurewise_center=False, !samplewise_center=False, !featurewise_std_normalization=False,
        !samplewise_std_normalization=False, !zca_whitening=False, !zca_epsilon=1e-06, rotation_range=0, width_shift_range=0.0,
        height_shift_range=0.0, !brightness_range=None, shear_range=0.0, zoom_range=0.0, !channel_shift_range=0.0,
        fill_mode='nearest', cval=0.0, horizontal_flip=False, vertical_flip=False, rescale=None, !preprocessing_function=None,
        data_format=None, !validation_split=0.0, !interpolation_order=1, !dtype=None
        """)

    var rotationRange = 0.0, widthShift = 0.0, heightShift = 0.0, shearRange = 0.0
    var zoom = (low: 1.0, high: 1.0)
    var horizontalFlip = false, verticalFlip = false
    var fillMode = ImageFillMode.nearest
    var cval = 0.0
    var rescale: Double?
    unowned let session: LessonSession

    init(_ a: BoundArguments, session: LessonSession) throws {
        self.session = session
        if let v = try a.optional("data_format")?.string("data_format"), v != "channels_last" {
            throw ScriptError.notImplemented("ImageDataGenerator works on channels-last images")
        }
        rotationRange = try a["rotation_range"].double("rotation_range")
        widthShift = try a["width_shift_range"].double("width_shift_range")
        heightShift = try a["height_shift_range"].double("height_shift_range")
        shearRange = try a["shear_range"].double("shear_range")
        switch a["zoom_range"] {
        case .list, .tuple:
            let pair = try a["zoom_range"].sequence("zoom_range").map { try $0.double("zoom_range") }
            guard pair.count == 2 else { throw ScriptError.value("`zoom_range` should be a float or a tuple or list of two floats. Received: \(pair)") }
            zoom = (pair[0], pair[1])
        case let v: let z = try v.double("zoom_range"); zoom = (1 - z, 1 + z)
        }
        let mode = try a["fill_mode"].string("fill_mode")
        guard let fill = ImageFillMode(rawValue: mode) else {
            throw ScriptError.value("fill_mode must be one of 'constant', 'nearest', 'reflect' or 'wrap'. Received: fill_mode='\(mode)'")
        }
        fillMode = fill
        cval = try a["cval"].double("cval")
        horizontalFlip = try a["horizontal_flip"].bool("horizontal_flip")
        verticalFlip = try a["vertical_flip"].bool("vertical_flip")
        rescale = try a.optional("rescale")?.double("rescale")
        if let r = rescale, r == 0 { rescale = nil }
    }

    var typeName: String { "ImageDataGenerator" }
    func repr() -> String { "<keras.src.legacy.preprocessing.image.ImageDataGenerator object>" }
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }

    static let methods = MethodTable<ImageDataGeneratorObject>([
        // Only the featurewise statistics need fitting, and those options are refused, so the
        // augmentation, rounds and seed of a fit have nothing to compute.
        Method("fit", "x, augment=False, rounds=1, seed=None") { _, a, _ in
            _ = try a["augment"].bool("augment")
            _ = try a["rounds"].int("rounds")
            return .none
        },
        Method("flow", """
            x, y=None, batch_size=32, shuffle=True, !sample_weight=None, seed=None, !save_to_dir=None, !save_prefix='',
            !save_format='png', !ignore_class_split=False, !subset=None
            """) { g, a, _ in
            .object(try ImageBatchIterator(generator: g, x: a["x"], y: a.optional("y"), batchSize: try a.optional("batch_size")?.int("batch_size") ?? 32,
                                           shuffle: try a.optional("shuffle")?.bool("shuffle") ?? true, seed: try a.optional("seed")?.int("seed")))
        },
    ])

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
            ("ImageDataGenerator", .object(BuiltinFunction(ImageDataGeneratorObject.signature) { a, _ in
                .object(try ImageDataGeneratorObject(a, session: session))
            })),
        ])
        return Modules.module("keras.preprocessing", [("image", .object(image))])
    }
}
