import Tensor

/// Keras' `Reshape(target_shape)`: the same values per sample under a new shape;
/// one axis may be -1, inferred from the others. Data is stored row-major per
/// sample, so values pass through untouched.
public final class Reshape: Layer {
    public let name: String
    public var typeName: String { "Reshape" }
    /// The shape as given, possibly with one -1.
    public let targetShape: [Int]
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    public init(targetShape: [Int], name: String? = nil) throws {
        let text = "(" + targetShape.map(String.init).joined(separator: ", ") + (targetShape.count == 1 ? ",)" : ")")
        guard targetShape.filter({ $0 == -1 }).count <= 1 else {
            throw EngineError("There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=\(text).")
        }
        guard targetShape.allSatisfy({ $0 == -1 || ($0 > 0 && $0 <= Int(Int32.max)) }) else {
            throw EngineError("Reshape expects a target_shape of positive integers (and at most one -1). Received: target_shape=\(text)")
        }
        self.targetShape = targetShape
        self.name = name ?? AutoName.next("reshape")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        let total = try EngineLimits.checkActivations(inputShape, layer: name)
        let inputText = "(" + inputShape.map(String.init).joined(separator: ", ") + (inputShape.count == 1 ? ",)" : ")")
        let targetText = "(" + targetShape.map(String.init).joined(separator: ", ") + (targetShape.count == 1 ? ",)" : ")")
        var known = 1
        for d in targetShape where d != -1 {
            let (product, overflow) = known.multipliedReportingOverflow(by: d)
            known = overflow ? Int.max : product
        }
        var shape = targetShape
        if let unknown = shape.firstIndex(of: -1) {
            guard total % known == 0 else {
                throw EngineError("The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. Received: input_shape=\(inputText), target_shape=\(targetText)")
            }
            shape[unknown] = total / known
        } else if known != total {
            throw EngineError("The total size of the tensor must be unchanged. Received: input_shape=\(inputText), target_shape=\(targetText)")
        }
        outputShape = shape
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {}

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        input
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        needsInputGradient ? gradOutput : nil
    }
}

extension Reshape: KerasLayer {
    public static let kerasNames = ["Reshape"]
    public static let kerasSignature = "target_shape"

    public convenience init(configuration c: KerasConfiguration) throws {
        try self.init(targetShape: try c.ints("target_shape"), name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["target_shape": ConfigValue(ints: targetShape)]) }
}
