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
