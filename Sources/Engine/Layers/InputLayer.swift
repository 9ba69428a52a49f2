import Tensor

/// Keras' `Input(shape=...)` placed first in a `Sequential`: it only declares
/// the per-sample input shape. The model records the shape and does not keep
/// the layer, so it is absent from summaries, as in Keras.
public final class InputLayer: Layer {
    public let name: String
    public var typeName: String { "InputLayer" }
    public let declaredInputShape: [Int]?
    public var isBuilt: Bool { true }
    public var outputShape: [Int] { declaredInputShape ?? [] }
    public var parameters: [Parameter] { [] }

    public init(shape: [Int], name: String? = nil) throws {
        guard !shape.isEmpty, shape.allSatisfy({ $0 > 0 }) else {
            throw EngineError("Input expects a shape of positive integers. Received: shape=\(shape)")
        }
        declaredInputShape = shape
        self.name = name ?? AutoName.next("input_layer")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {}
    public func reserve(batchCapacity: Int) {}

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        input
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        needsInputGradient ? gradOutput : nil
    }
}

extension InputLayer: KerasLayer {
    public static let kerasNames = ["InputLayer"]
    /// Keras 3's shape, and Keras 2's input_shape.
    public static let kerasSignature = """
        shape=None, !batch_size=None, !dtype=None, !sparse=None, !ragged=None, batch_shape=None, !input_tensor=None,
        !optional=False, name=None, *, input_shape=None
        """

    public convenience init(configuration c: KerasConfiguration) throws {
        var shape = try c.optionalInts("shape") ?? c.optionalInts("input_shape")
        if shape == nil, let batchShape = try c.optionalInts("batch_shape") { shape = Array(batchShape.dropFirst()) }
        guard let shape else { throw EngineError("InputLayer expects shape=, a tuple of positive integers.") }
        try self.init(shape: shape, name: c.name)
    }

    public var configuration: KerasConfiguration {
        KerasConfiguration("InputLayer", name: name, ["shape": ConfigValue(ints: declaredInputShape ?? outputShape)])
    }
}
