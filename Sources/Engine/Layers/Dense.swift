import Tensor

/// A fully connected layer: outputs = activation(inputs · kernel + bias).
///
/// The kernel is [inputDim, units]; Keras' defaults apply (glorot_uniform
/// kernel, zero bias, no activation). Inputs with more than one axis per
/// sample are transformed along their last axis, as in Keras.
public final class Dense: Layer {
    public let name: String
    public var typeName: String { "Dense" }
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    public let declaredInputShape: [Int]?
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?
    public let biasRegularizer: Regularizer?
    public let kernelConstraint: Constraint?
    public let biasConstraint: Constraint?
    /// A penalty on the layer's outputs, added to the loss as Keras 3 adds it: the
    /// regularizer applied to the whole batch of outputs (not divided by its size).
    public let activityRegularizer: Regularizer?
    /// The activity penalty of the last forward batch (0 without a regularizer).
    public var activityPenalty: Double { stage.penalty }

    public private(set) var isBuilt = false
    public private(set) var inputDim = 0
    public private(set) var outputShape: [Int] = []
    /// Rows of `inputDim` values per sample (1 for flat inputs).
    private var rowsPerSample = 1
    public private(set) var parameters: [Parameter] = []
    public private(set) var kernel: Parameter?
    public private(set) var bias: Parameter?

    /// The activation and activity penalty after the product, with its buffers.
    private let stage: ActivationStage
    private let dInput = FloatBuffer()
    private var lastInput: UnsafePointer<Float>?

    public convenience init(
        units: Int, activation: String? = nil, inputDim: Int? = nil, useBias: Bool = true,
        kernelInitializer: String = "glorot_uniform", biasInitializer: String = "zeros",
        kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
        kernelConstraint: Constraint? = nil, biasConstraint: Constraint? = nil,
        activityRegularizer: Regularizer? = nil, name: String? = nil
    ) throws {
        try self.init(units: units, activation: activation, inputDim: inputDim, useBias: useBias,
                      kernel: try Initializer.named(kernelInitializer), bias: try Initializer.named(biasInitializer),
                      kernelRegularizer: kernelRegularizer, biasRegularizer: biasRegularizer,
                      kernelConstraint: kernelConstraint, biasConstraint: biasConstraint,
                      activityRegularizer: activityRegularizer, name: name)
    }

    /// The same with initializer values (`RandomUniform(0, 1)` objects rather than names).
    public init(
        units: Int, activation: String? = nil, inputDim: Int? = nil, useBias: Bool = true,
        kernel: Initializer, bias: Initializer,
        kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
        kernelConstraint: Constraint? = nil, biasConstraint: Constraint? = nil,
        activityRegularizer: Regularizer? = nil, name: String? = nil
    ) throws {
        guard units > 0 else {
            throw EngineError("Dense expects a positive integer for units. Received: units=\(units)")
        }
        if let inputDim, inputDim <= 0 {
            throw EngineError("Dense expects a positive integer for input_dim. Received: input_dim=\(inputDim)")
        }
        self.units = units
        self.activation = try Activation.named(activation)
        self.useBias = useBias
        self.declaredInputShape = inputDim.map { [$0] }
        self.kernelInitializer = kernel
        self.biasInitializer = bias
        self.kernelRegularizer = kernelRegularizer
        self.biasRegularizer = biasRegularizer
        self.kernelConstraint = kernelConstraint
        self.biasConstraint = biasConstraint
        self.activityRegularizer = activityRegularizer
        stage = ActivationStage(self.activation, regularizer: activityRegularizer)
        self.name = name ?? AutoName.next("dense")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        guard let last = inputShape.last, last > 0 else {
            throw EngineError("Dense expects an input with a positive last dimension. Received: input_shape=\(ShapeText.batched(inputShape))")
        }
        try EngineLimits.checkWeights([last, units], layer: "Dense")
        inputDim = last
        rowsPerSample = inputShape.dropLast().reduce(1, *)
        outputShape = inputShape.dropLast() + [units]
        let kernel = Parameter(
            name: "kernel", shape: [inputDim, units],
            values: kernelInitializer.values(shape: [inputDim, units], random: &random),
            regularizer: kernelRegularizer, constraint: kernelConstraint)
        var parameters = [kernel]
        self.kernel = kernel
        if useBias {
            let bias = Parameter(
                name: "bias", shape: [units],
                values: biasInitializer.values(shape: [units], random: &random),
                regularizer: biasRegularizer, constraint: biasConstraint)
            parameters.append(bias)
            self.bias = bias
        }
        self.parameters = parameters
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        let rows = batchCapacity * rowsPerSample
        stage.reserve(rows: rows, cols: units)
        dInput.reserve(rows * inputDim)
    }

    public func forward(_ input: UnsafePointer<Float>, batch samples: Int, training: Bool) -> UnsafePointer<Float> {
        guard let kernel else { return input }
        lastInput = input
        let batch = samples * rowsPerSample
        // Start z from the bias (or zero), then add inputs · kernel on top with beta = 1.
        let z = stage.z
        if let bias {
            for row in 0..<batch { (z.pointer + row * units).update(from: bias.value.pointer, count: units) }
        }
        BLAS.sgemm(
            transA: false, transB: false, m: batch, n: units, k: inputDim,
            alpha: 1, a: input, lda: inputDim, b: kernel.value.readOnly, ldb: units,
            beta: bias == nil ? 0 : 1, c: z.pointer, ldc: units)
        return stage.forward(rows: batch, cols: units)
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch samples: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard let kernel, let input = lastInput else { return nil }
        let batch = samples * rowsPerSample
        let dzPointer = stage.backward(gradOutput, rows: batch, cols: units)
        // dL/dkernel = inputᵀ · dz
        BLAS.sgemm(
            transA: true, transB: false, m: inputDim, n: units, k: batch,
            alpha: 1, a: input, lda: inputDim, b: dzPointer, ldb: units,
            beta: 0, c: kernel.gradient.pointer, ldc: units)
        // dL/dbias = dz summed over the batch
        if let bias {
            let g = bias.gradient.pointer
            g.update(repeating: 0, count: units)
            for row in 0..<batch {
                let r = dzPointer + row * units
                for j in 0..<units { g[j] += r[j] }
            }
        }
        guard needsInputGradient else { return nil }
        // dL/dinput = dz · kernelᵀ
        BLAS.sgemm(
            transA: false, transB: true, m: batch, n: inputDim, k: units,
            alpha: 1, a: dzPointer, lda: units, b: kernel.value.readOnly, ldb: units,
            beta: 0, c: dInput.pointer, ldc: inputDim)
        return dInput.readOnly
    }
}

extension Dense: KerasLayer {
    public static let kerasNames = ["Dense"]
    public static let kerasSignature = """
        units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros',
        kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
        bias_constraint=None, !lora_rank=None, !lora_alpha=None, !quantization_config=None
        """

    public convenience init(configuration c: KerasConfiguration) throws {
        if let shape = c.inputShape, shape.count != 1 {
            throw EngineError("Dense expects input_shape with one dimension. Received: input_shape=\(shape)")
        }
        try self.init(units: try c.int("units"), activation: try c.optionalString("activation"), inputDim: c.inputShape?.first,
                      useBias: try c.bool("use_bias"), kernel: try c.initializer("kernel_initializer"),
                      bias: try c.initializer("bias_initializer"), kernelRegularizer: try c.regularizer("kernel_regularizer"),
                      biasRegularizer: try c.regularizer("bias_regularizer"), kernelConstraint: try c.constraint("kernel_constraint"),
                      biasConstraint: try c.constraint("bias_constraint"), activityRegularizer: try c.regularizer("activity_regularizer"),
                      name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["units": .int(units), "activation": .string(activation.rawValue), "use_bias": .bool(useBias),
                    "kernel_initializer": .initializer(kernelInitializer), "bias_initializer": .initializer(biasInitializer),
                    "kernel_regularizer": ConfigValue(kernelRegularizer), "bias_regularizer": ConfigValue(biasRegularizer),
                    "activity_regularizer": ConfigValue(activityRegularizer), "kernel_constraint": ConfigValue(kernelConstraint),
                    "bias_constraint": ConfigValue(biasConstraint)])
    }
}
