import Tensor

/// Keras' `ReLU` layer, the rectifier with its three options: values above `threshold` pass (up
/// to `maxValue` when given), values below it become `negativeSlope · (x − threshold)`. The
/// arithmetic follows Keras 3's own steps in float32 (a leaky rectifier when only the slope is
/// set; relu6 for a cap of 6; the mask `x > threshold`; a clip to [0, max]; the slope times
/// relu(threshold − x) taken off), so values and gradients agree with Keras at every boundary.
public final class ReLU: PointwiseLayer, Layer {
    public var typeName: String { "ReLU" }
    public let maxValue: Float?
    public let negativeSlope: Float
    public let threshold: Float

    public init(maxValue: Float? = nil, negativeSlope: Float = 0, threshold: Float = 0, inputShape: [Int]? = nil, name: String? = nil) throws {
        if let maxValue, !(maxValue >= 0) {
            throw EngineError("max_value of a ReLU layer cannot be a negative value. Received: max_value=\(maxValue)")
        }
        guard negativeSlope >= 0, negativeSlope.isFinite else {
            throw EngineError("negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope=\(negativeSlope)")
        }
        guard threshold >= 0, threshold.isFinite else {
            throw EngineError("threshold of a ReLU layer cannot be a negative value. Received: threshold=\(threshold)")
        }
        self.maxValue = maxValue
        self.negativeSlope = negativeSlope
        self.threshold = threshold
        super.init(named: name ?? AutoName.next("re_lu"), inputShape: inputShape)
    }

    /// Keras computes a plain leaky rectifier when only the slope is set.
    private var isLeaky: Bool { negativeSlope != 0 && maxValue == nil && threshold == 0 }
    /// The clip to [0, cap] that follows the positive part (none when relu6 already capped it).
    private var clipCap: Float? { threshold == 0 && maxValue == 6 ? nil : maxValue }

    /// The positive part before the cap, and whether it passes the gradient.
    private func positive(_ x: Float) -> (value: Float, slope: Float) {
        if threshold != 0 { return x > threshold ? (x, 1) : (0, 0) }
        if maxValue == 6 { return (min(max(x, 0), 6), x > 0 && x < 6 ? 1 : 0) }
        return x > 0 ? (x, 1) : (0, 0)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        lastInput = input
        let y = output.pointer, slope = negativeSlope, cap = clipCap, leaky = isLeaky
        for i in 0..<(batch * width) {
            let x = input[i]
            if leaky { y[i] = x > 0 ? x : slope * x; continue }
            var v = positive(x).value
            if let cap { v = min(max(v, 0), cap) }
            if slope != 0 { v -= slope * max(-x + threshold, 0) }
            y[i] = v
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient, let input = lastInput else { return nil }
        let dx = dInput.pointer, slope = negativeSlope, cap = clipCap, leaky = isLeaky
        for i in 0..<(batch * width) {
            let x = input[i], g = gradOutput[i]
            if leaky { dx[i] = x > 0 ? g : slope * g; continue }
            let (v, passes) = positive(x)
            var d = passes
            // The clip passes the gradient where the value lies within [0, cap].
            if let cap, !(v >= 0 && v <= cap) { d = 0 }
            if slope != 0, -x + threshold > 0 { d += slope }
            dx[i] = d * g
        }
        return dInput.readOnly
    }
}

extension ReLU: KerasLayer {
    public static let kerasNames = ["ReLU"]
    public static let kerasSignature = "max_value=None, negative_slope=0.0, threshold=0.0"

    public convenience init(configuration c: KerasConfiguration) throws {
        let cap = c["max_value"] == .none ? nil : Float(try c.double("max_value"))
        try self.init(maxValue: cap, negativeSlope: Float(try c.double("negative_slope")), threshold: Float(try c.double("threshold")),
                      name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["max_value": maxValue.map { ConfigValue($0) } ?? .none, "negative_slope": ConfigValue(negativeSlope),
                    "threshold": ConfigValue(threshold)])
    }
}
