import Tensor

/// Keras' `LeakyReLU` layer: x for x > 0, `negativeSlope * x` otherwise.
/// Keras 2 calls the slope `alpha`, Keras 3 `negative_slope`; both default to 0.3
/// (the `leaky_relu` activation function's own default is 0.2).
public final class LeakyReLU: PointwiseLayer, Layer {
    public var typeName: String { "LeakyReLU" }
    public let negativeSlope: Float

    public init(negativeSlope: Float = 0.3, inputShape: [Int]? = nil, name: String? = nil) throws {
        guard negativeSlope >= 0, negativeSlope.isFinite else {
            throw EngineError("The negative_slope value of a Leaky ReLU layer cannot be None or negative; received: negative_slope=\(negativeSlope)")
        }
        self.negativeSlope = negativeSlope
        super.init(named: name ?? AutoName.next("leaky_re_lu"), inputShape: inputShape)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        lastInput = input
        let a = output.pointer, slope = negativeSlope
        for i in 0..<(batch * width) {
            let z = input[i]
            a[i] = z > 0 ? z : slope * z
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient, let z = lastInput else { return nil }
        let dz = dInput.pointer, slope = negativeSlope
        for i in 0..<(batch * width) {
            dz[i] = z[i] > 0 ? gradOutput[i] : slope * gradOutput[i]
        }
        return dInput.readOnly
    }
}

extension LeakyReLU: KerasLayer {
    public static let kerasNames = ["LeakyReLU"]
    /// Keras 3 names the slope negative_slope, Keras 2 alpha; both default to 0.3.
    public static let kerasSignature = "negative_slope=0.3, *, alpha=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        let slope = try c["alpha"] == .none ? c.double("negative_slope") : c.double("alpha")
        try self.init(negativeSlope: Float(slope), name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["negative_slope": ConfigValue(negativeSlope)]) }
}
