import Tensor

/// What layers that map each value on its own share (`LeakyReLU`, `ReLU`): the output has the
/// input's shape, one buffer for the outputs and one for the input gradient, and the input is
/// kept for the backward pass. Each kind is a subclass with its own `forward` and `backward`.
public class PointwiseLayer {
    public let name: String
    public let declaredInputShape: [Int]?
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    /// Values per sample.
    private(set) var width = 1
    let output = FloatBuffer()
    let dInput = FloatBuffer()
    var lastInput: UnsafePointer<Float>?

    init(named name: String, inputShape: [Int]?) {
        self.name = name
        declaredInputShape = inputShape
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        outputShape = inputShape
        width = inputShape.reduce(1, *)
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        output.reserve(batchCapacity * width)
        dInput.reserve(batchCapacity * width)
    }
}
