import Tensor

/// Keras' `BatchNormalization` over the last axis.
///
/// Training: each feature is standardized with the batch's mean and (biased)
/// variance, then scaled by gamma and shifted by beta; the moving statistics
/// move toward the batch's by `1 − momentum`. Inference uses the moving
/// statistics instead. Keras' defaults: momentum 0.99, epsilon 0.001.
public final class BatchNormalization: Layer {
    public let name: String
    public var typeName: String { "BatchNormalization" }
    public let momentum: Double
    public let epsilon: Double
    public let center: Bool
    public let scale: Bool
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public private(set) var parameters: [Parameter] = []
    public private(set) var nonTrainableParameters: [Parameter] = []

    private var features = 0
    private var width = 0
    private var gamma: Parameter?
    private var beta: Parameter?
    private var movingMean: Parameter?
    private var movingVariance: Parameter?

    // Per-batch buffers: normalized inputs, outputs, dInput; per-feature statistics.
    private let normalized = FloatBuffer()
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()
    private let batchMean = FloatBuffer()
    private let inverseStd = FloatBuffer()
    private let sumGradient = FloatBuffer()
    private let sumGradientNormalized = FloatBuffer()
    private var lastWasTraining = false

    /// The normalized axis as given (Keras' `axis`, counting the batch axis): -1 or the last one.
    public let axis: Int

    public init(axis: Int = -1, momentum: Double = 0.99, epsilon: Double = 1e-3, center: Bool = true, scale: Bool = true,
                name: String? = nil) throws {
        guard momentum >= 0 && momentum <= 1 else {
            throw EngineError("BatchNormalization expects momentum between 0 and 1. Received: momentum=\(momentum)")
        }
        guard epsilon > 0 else {
            throw EngineError("BatchNormalization expects a positive epsilon. Received: epsilon=\(epsilon)")
        }
        self.axis = axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.name = name ?? AutoName.next("batch_normalization")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        guard let last = inputShape.last, last > 0 else {
            throw EngineError("BatchNormalization expects an input with a positive last dimension. Received: input_shape=\(ShapeText.batched(inputShape))")
        }
        // Only the last (channel) axis is normalized here; Keras counts the batch axis as 0.
        guard axis == -1 || axis == inputShape.count else {
            throw EngineError("BatchNormalization: axis=\(axis) normalizes an axis other than the last of an input of shape \(ShapeText.batched(inputShape)); only the last axis (-1) is supported")
        }
        features = last
        width = inputShape.reduce(1, *)
        outputShape = inputShape
        let ones = [Float](repeating: 1, count: features), zeros = [Float](repeating: 0, count: features)
        var trainable: [Parameter] = []
        if scale {
            let gamma = Parameter(name: "gamma", shape: [features], values: ones)
            self.gamma = gamma
            trainable.append(gamma)
        }
        if center {
            let beta = Parameter(name: "beta", shape: [features], values: zeros)
            self.beta = beta
            trainable.append(beta)
        }
        let movingMean = Parameter(name: "moving_mean", shape: [features], values: zeros)
        let movingVariance = Parameter(name: "moving_variance", shape: [features], values: ones)
        self.movingMean = movingMean
        self.movingVariance = movingVariance
        parameters = trainable
        nonTrainableParameters = [movingMean, movingVariance]
        for buffer in [batchMean, inverseStd, sumGradient, sumGradientNormalized] { buffer.reserve(features) }
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        for buffer in [normalized, output, dInput] { buffer.reserve(batchCapacity * width) }
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        guard let movingMean, let movingVariance else { return input }
        lastWasTraining = training
        let rows = batch * width / features
        let mean = batchMean.pointer, invStd = inverseStd.pointer
        let eps = Float(epsilon)
        if training {
            // Batch statistics per feature, then nudge the moving averages toward them.
            mean.update(repeating: 0, count: features)
            invStd.update(repeating: 0, count: features)
            for r in 0..<rows {
                for f in 0..<features { mean[f] += input[r * features + f] }
            }
            for f in 0..<features { mean[f] /= Float(rows) }
            for r in 0..<rows {
                for f in 0..<features {
                    let d = input[r * features + f] - mean[f]
                    invStd[f] += d * d
                }
            }
            let keep = Float(momentum)
            for f in 0..<features {
                let variance = invStd[f] / Float(rows)
                movingMean.value.pointer[f] = movingMean.value.pointer[f] * keep + mean[f] * (1 - keep)
                movingVariance.value.pointer[f] = movingVariance.value.pointer[f] * keep + variance * (1 - keep)
                invStd[f] = 1 / (variance + eps).squareRoot()
            }
        } else {
            for f in 0..<features {
                mean[f] = movingMean.value.pointer[f]
                invStd[f] = 1 / (movingVariance.value.pointer[f] + eps).squareRoot()
            }
        }
        let xHat = normalized.pointer, y = output.pointer
        for r in 0..<rows {
            for f in 0..<features {
                let i = r * features + f
                xHat[i] = (input[i] - mean[f]) * invStd[f]
                y[i] = xHat[i] * (gamma?.value.pointer[f] ?? 1) + (beta?.value.pointer[f] ?? 0)
            }
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        let rows = batch * width / features
        let xHat = normalized.readOnly
        let sumDy = sumGradient.pointer, sumDyXHat = sumGradientNormalized.pointer
        sumDy.update(repeating: 0, count: features)
        sumDyXHat.update(repeating: 0, count: features)
        for r in 0..<rows {
            for f in 0..<features {
                let i = r * features + f
                sumDy[f] += gradOutput[i]
                sumDyXHat[f] += gradOutput[i] * xHat[i]
            }
        }
        // dL/dgamma = Σ dy · x̂ and dL/dbeta = Σ dy, per feature.
        if let gamma { gamma.gradient.pointer.update(from: sumDyXHat, count: features) }
        if let beta { beta.gradient.pointer.update(from: sumDy, count: features) }
        guard needsInputGradient else { return nil }
        let dx = dInput.pointer, invStd = inverseStd.readOnly
        if lastWasTraining {
            // The mean and variance depend on every input of the batch, hence the two correction terms.
            let n = Float(rows)
            for r in 0..<rows {
                for f in 0..<features {
                    let i = r * features + f
                    let g = gamma?.value.pointer[f] ?? 1
                    dx[i] = g * invStd[f] / n * (n * gradOutput[i] - sumDy[f] - xHat[i] * sumDyXHat[f])
                }
            }
        } else {
            for r in 0..<rows {
                for f in 0..<features {
                    let i = r * features + f
                    dx[i] = gradOutput[i] * (gamma?.value.pointer[f] ?? 1) * invStd[f]
                }
            }
        }
        return dInput.readOnly
    }
}

extension BatchNormalization: KerasLayer {
    public static let kerasNames = ["BatchNormalization"]
    public static let kerasSignature = """
        axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, !beta_initializer='zeros',
        !gamma_initializer='ones', !moving_mean_initializer='zeros', !moving_variance_initializer='ones',
        !beta_regularizer=None, !gamma_regularizer=None, !beta_constraint=None, !gamma_constraint=None,
        !renorm=False, !renorm_clipping=None, !renorm_momentum=0.99, !synchronized=False
        """

    public convenience init(configuration c: KerasConfiguration) throws {
        try self.init(axis: try c.int("axis"), momentum: try c.double("momentum"), epsilon: try c.double("epsilon"),
                      center: try c.bool("center"), scale: try c.bool("scale"), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["axis": .int(axis), "momentum": .double(momentum), "epsilon": .double(epsilon),
                    "center": .bool(center), "scale": .bool(scale)])
    }
}
