import Tensor

/// Keras' `Activation` layer: applies an activation function on its own.
/// (Named `ActivationLayer` in Swift because `Activation` is the function enum.)
public final class ActivationLayer: Layer {
    public let name: String
    public var typeName: String { "Activation" }
    public let activation: Activation
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var width = 0
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()
    private var lastInput: UnsafePointer<Float>?

    public init(_ activation: String, name: String? = nil) throws {
        self.activation = try Activation.named(activation)
        self.name = name ?? AutoName.next("activation")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        outputShape = inputShape
        // Softmax normalizes over the last axis; the rest are independent rows.
        width = inputShape.last ?? 1
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        let size = batchCapacity * outputShape.reduce(1, *)
        output.reserve(size)
        dInput.reserve(size)
    }

    private func rowCount(_ batch: Int) -> Int {
        batch * outputShape.reduce(1, *) / max(1, width)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        lastInput = input
        activation.forward(input, output.pointer, rows: rowCount(batch), cols: width)
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient, let input = lastInput else { return nil }
        activation.backward(z: input, a: output.readOnly, da: gradOutput, dz: dInput.pointer, rows: rowCount(batch), cols: width)
        return dInput.readOnly
    }
}

extension ActivationLayer: KerasLayer {
    public static let kerasNames = ["Activation"]
    public static let kerasSignature = "activation"

    public convenience init(configuration c: KerasConfiguration) throws {
        try self.init(try c.optionalString("activation") ?? "linear", name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["activation": .string(activation.rawValue)]) }
}
