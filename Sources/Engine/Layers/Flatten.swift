import Tensor

/// Keras' `Flatten`: each sample's axes become one. Data is already stored
/// row-major per sample, so only the shape changes; values pass through.
public final class Flatten: Layer {
    public let name: String
    public var typeName: String { "Flatten" }
    public let declaredInputShape: [Int]?
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    public init(inputShape: [Int]? = nil, name: String? = nil) {
        declaredInputShape = inputShape
        self.name = name ?? AutoName.next("flatten")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        outputShape = [inputShape.reduce(1, *)]
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

extension Flatten: KerasLayer {
    public static let kerasNames = ["Flatten"]
    public static let kerasSignature = "data_format=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        if let format = try c.optionalString("data_format"), format != "channels_last" {
            throw EngineError.notImplemented("Flatten: data_format='\(format)' is not supported yet")
        }
        self.init(inputShape: nil, name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["data_format": .string("channels_last")]) }
}
