import Tensor

/// Keras' `ZeroPadding2D` on channels-last images: rows of zeros above and
/// below, columns of zeros left and right. Backward crops the gradient back.
public final class ZeroPadding2D: Layer {
    public let name: String
    public var typeName: String { "ZeroPadding2D" }
    /// Rows added above and below, columns added left and right.
    public let top: Int, bottom: Int, left: Int, right: Int
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var inputShape: [Int] = []
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()

    /// `padding` as Keras reads it: [n] (all four sides), [rows, columns] (symmetric) or
    /// [top, bottom, left, right].
    public init(padding: [Int] = [1, 1], name: String? = nil) throws {
        let sides: [Int]
        switch padding.count {
        case 1: sides = Array(repeating: padding[0], count: 4)
        case 2: sides = [padding[0], padding[0], padding[1], padding[1]]
        case 4: sides = padding
        default: throw EngineError("`padding` should have two elements. Received: padding=\(padding).")
        }
        guard sides.allSatisfy({ $0 >= 0 && $0 <= Int(Int32.max) }) else {
            throw EngineError("`padding` should be non-negative integers. Received: padding=\(padding).")
        }
        (top, bottom, left, right) = (sides[0], sides[1], sides[2], sides[3])
        self.name = name ?? AutoName.next("zero_padding2d")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        try EngineLimits.expectImage(inputShape, layer: name)
        let shape = [inputShape[0] + top + bottom, inputShape[1] + left + right, inputShape[2]]
        _ = try EngineLimits.checkActivations(shape, layer: name)
        self.inputShape = inputShape
        outputShape = shape
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        output.reserve(batchCapacity * outputShape.reduce(1, *))
        dInput.reserve(batchCapacity * inputShape.reduce(1, *))
    }

    /// Calls `body(input row offset, output row offset, values per row)` for every input row.
    @inline(__always)
    private func forEachRow(batch: Int, _ body: (Int, Int, Int) -> Void) {
        let (height, width, channels) = (inputShape[0], inputShape[1], inputShape[2])
        let paddedWidth = outputShape[1]
        let inputCount = height * width * channels, outputCount = outputShape.reduce(1, *)
        for sample in 0..<batch {
            for y in 0..<height {
                body(sample * inputCount + y * width * channels,
                     sample * outputCount + ((y + top) * paddedWidth + left) * channels,
                     width * channels)
            }
        }
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        let out = output.pointer
        out.update(repeating: 0, count: batch * outputShape.reduce(1, *))
        forEachRow(batch: batch) { from, to, count in (out + to).update(from: input + from, count: count) }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        let d = dInput.pointer
        forEachRow(batch: batch) { to, from, count in (d + to).update(from: gradOutput + from, count: count) }
        return dInput.readOnly
    }
}

extension ZeroPadding2D: KerasLayer {
    public static let kerasNames = ["ZeroPadding2D"]
    public static let kerasSignature = "padding=(1, 1), data_format=None"

    /// `padding`: n, (rows, columns) or ((top, bottom), (left, right)).
    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        let described = KerasConfiguration.describe(c["padding"])
        var sides: [Int]
        switch c["padding"] {
        case .list(let items) where items.count == 2 && items.allSatisfy({ if case .list = $0 { true } else { false } }):
            sides = []
            for case .list(let pair) in items {
                for case .int(let n) in pair { sides.append(n) }
            }
            guard sides.count == 4 else {
                throw EngineError("`padding` should have two elements, each a pair of integers. Received: padding=\(described).")
            }
        case .list(let items) where items.count != 2:
            throw EngineError("`padding` should have two elements. Received: padding=\(described).")
        default:
            sides = try c.ints("padding")
        }
        try self.init(padding: sides, name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["padding": .list([ConfigValue(ints: [top, bottom]), ConfigValue(ints: [left, right])]),
                    "data_format": .string("channels_last")])
    }
}
