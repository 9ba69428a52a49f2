import Tensor

/// Keras' `Conv2D` on channels-last images: each output pixel is the kernel's
/// dot product with the input window under it, plus a bias, through the activation.
///
/// The kernel is [kernelHeight, kernelWidth, inputChannels, filters], as in
/// Keras, which makes Keras' fans kh·kw·in (fan-in) and kh·kw·filters (fan-out).
/// Forward packs the windows into rows (`ImageColumns`) and multiplies them by
/// the kernel in one `sgemm`; backward uses the same rows for the kernel's
/// gradient, then overwrites them with the rows' gradients and scatters those
/// back onto the input. A 1×1 kernel with stride 1 skips the packing: the input
/// already is the row matrix.
public final class Conv2D: Layer {
    public let name: String
    public var typeName: String { "Conv2D" }
    public let filters: Int
    public let kernelSize: GridSize
    public let strides: GridSize
    public let padding: WindowPadding
    public let dilationRate: GridSize
    public let activation: Activation
    public let useBias: Bool
    public let declaredInputShape: [Int]? = nil
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?
    public let biasRegularizer: Regularizer?
    public let kernelConstraint: Constraint?
    public let biasConstraint: Constraint?
    /// A penalty on the layer's outputs, added to the loss as for `Dense`.
    public let activityRegularizer: Regularizer?
    public var activityPenalty: Double { stage.penalty }

    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public private(set) var parameters: [Parameter] = []
    public private(set) var kernel: Parameter?
    public private(set) var bias: Parameter?
    private var geometry: SpatialWindow?
    /// kh · kw · input channels: the length of one packed window (the product's k).
    private var windowLength = 0
    /// True for a 1×1 kernel with stride 1, where the input is used as the row matrix.
    private var isPointwise = false

    // Per-batch buffers. `columns` holds the packed windows after forward and their
    // gradients during backward.
    private let columns = FloatBuffer()
    /// The activation (along the channels) and activity penalty after the product.
    private let stage: ActivationStage
    private let dInput = FloatBuffer()
    private var lastInput: UnsafePointer<Float>?

    public init(
        filters: Int, kernelSize: [Int], strides: [Int] = [1, 1], padding: WindowPadding = .valid,
        dilationRate: [Int] = [1, 1], activation: String? = nil, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
        kernelConstraint: Constraint? = nil, biasConstraint: Constraint? = nil,
        activityRegularizer: Regularizer? = nil, name: String? = nil
    ) throws {
        guard filters > 0 && filters <= Int(Int32.max) else {
            throw EngineError("Invalid value for argument `filters`. Expected a strictly positive value. Received filters=\(filters).")
        }
        self.filters = filters
        self.kernelSize = try GridSize.positive(kernelSize, argument: "kernel_size")
        self.strides = try GridSize.positive(strides, argument: "strides")
        self.dilationRate = try GridSize.positive(dilationRate, argument: "dilation_rate")
        if max(self.strides.height, self.strides.width) > 1 && max(self.dilationRate.height, self.dilationRate.width) > 1 {
            throw EngineError("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=\(self.strides) and dilation_rate=\(self.dilationRate)")
        }
        self.padding = padding
        self.activation = try Activation.named(activation)
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
        self.biasRegularizer = biasRegularizer
        self.kernelConstraint = kernelConstraint
        self.biasConstraint = biasConstraint
        self.activityRegularizer = activityRegularizer
        stage = ActivationStage(self.activation, regularizer: activityRegularizer)
        self.name = name ?? AutoName.next("conv2d")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        try EngineLimits.expectImage(inputShape, layer: name)
        guard let geometry = SpatialWindow(input: inputShape, window: kernelSize, strides: strides, dilation: dilationRate, padding: padding) else {
            throw EngineError("Computed output size would be zero or negative. Received `inputs shape=\(ShapeText.batched(inputShape))`, `kernel shape=(\(kernelSize.height), \(kernelSize.width), \(inputShape[2]), \(filters))`, `dilation_rate=\(dilationRate)`, `strides=\(strides)`, `padding=\(padding.rawValue)`.")
        }
        let kernelShape = [kernelSize.height, kernelSize.width, inputShape[2], filters]
        try EngineLimits.checkWeights(kernelShape, layer: "Conv2D")
        windowLength = kernelSize.height * kernelSize.width * inputShape[2]
        // The packed windows and four output-sized buffers, per sample.
        _ = try EngineLimits.checkActivations([geometry.outputPositions, windowLength], layer: name)
        _ = try EngineLimits.checkActivations([geometry.outputHeight, geometry.outputWidth, filters], copies: 4, layer: name)
        self.geometry = geometry
        isPointwise = kernelSize == GridSize(1, 1) && strides == GridSize(1, 1)
        outputShape = [geometry.outputHeight, geometry.outputWidth, filters]
        let kernel = Parameter(name: "kernel", shape: kernelShape,
                               values: kernelInitializer.values(shape: kernelShape, random: &random),
                               regularizer: kernelRegularizer, constraint: kernelConstraint)
        self.kernel = kernel
        parameters = [kernel]
        if useBias {
            let bias = Parameter(name: "bias", shape: [filters], values: biasInitializer.values(shape: [filters], random: &random),
                                 regularizer: biasRegularizer, constraint: biasConstraint)
            self.bias = bias
            parameters.append(bias)
        }
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        guard let geometry else { return }
        let rows = batchCapacity * geometry.outputPositions
        if !isPointwise { columns.reserve(rows * windowLength) }
        stage.reserve(rows: rows, cols: filters)
        dInput.reserve(batchCapacity * geometry.inputCount)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        guard let kernel, let geometry else { return input }
        lastInput = input
        let rows = batch * geometry.outputPositions
        let packed: UnsafePointer<Float>
        if isPointwise {
            packed = input
        } else {
            ImageColumns.pack(input, into: columns.pointer, batch: batch, geometry: geometry)
            packed = columns.readOnly
        }
        // Start from the bias (or zero), then add windows · kernel on top with beta = 1.
        let z = stage.z
        if let bias {
            for row in 0..<rows { (z.pointer + row * filters).update(from: bias.value.pointer, count: filters) }
        }
        BLAS.sgemm(transA: false, transB: false, m: rows, n: filters, k: windowLength,
                   alpha: 1, a: packed, lda: windowLength, b: kernel.value.readOnly, ldb: filters,
                   beta: bias == nil ? 0 : 1, c: z.pointer, ldc: filters)
        return stage.forward(rows: rows, cols: filters)
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard let kernel, let geometry, let input = lastInput else { return nil }
        let rows = batch * geometry.outputPositions
        let dzPointer = stage.backward(gradOutput, rows: rows, cols: filters)
        // dL/dkernel = windowsᵀ · dz
        let packed = isPointwise ? input : columns.readOnly
        BLAS.sgemm(transA: true, transB: false, m: windowLength, n: filters, k: rows,
                   alpha: 1, a: packed, lda: windowLength, b: dzPointer, ldb: filters,
                   beta: 0, c: kernel.gradient.pointer, ldc: filters)
        // dL/dbias = dz summed over every output position of every sample
        if let bias { Self.sumRows(dzPointer, rows: rows, columns: filters, into: bias.gradient.pointer) }
        guard needsInputGradient else { return nil }
        // dL/dwindows = dz · kernelᵀ, then each window's gradient goes back to its input cells.
        let target = isPointwise ? dInput.pointer : columns.pointer
        BLAS.sgemm(transA: false, transB: true, m: rows, n: windowLength, k: filters,
                   alpha: 1, a: dzPointer, lda: filters, b: kernel.value.readOnly, ldb: filters,
                   beta: 0, c: target, ldc: windowLength)
        if !isPointwise {
            ImageColumns.scatterAdd(columns.readOnly, into: dInput.pointer, batch: batch, geometry: geometry)
        }
        return dInput.readOnly
    }

    /// sums[j] = Σ over rows of matrix[row, j], eight columns at a time in SIMD registers.
    static func sumRows(_ matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
        var j = 0
        while j + 8 <= columns {
            var total = SIMD8<Float>(repeating: 0)
            for row in 0..<rows {
                total += UnsafeRawPointer(matrix + row * columns + j).loadUnaligned(as: SIMD8<Float>.self)
            }
            for lane in 0..<8 { sums[j + lane] = total[lane] }
            j += 8
        }
        while j < columns {
            var total: Float = 0
            for row in 0..<rows { total += matrix[row * columns + j] }
            sums[j] = total
            j += 1
        }
    }
}

extension Conv2D: KerasLayer {
    public static let kerasNames = ["Conv2D", "Convolution2D"]
    public static let kerasSignature = """
        filters, kernel_size, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1), groups=1,
        activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros',
        kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None
        """

    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        let groups = try c.int("groups")
        guard groups == 1 else { throw EngineError.notImplemented("Conv2D supports groups=1 only. Received: groups=\(groups)") }
        try self.init(filters: try c.int("filters"), kernelSize: try c.ints("kernel_size"), strides: try c.ints("strides"),
                      padding: try WindowPadding.named(try c.string("padding")), dilationRate: try c.ints("dilation_rate"),
                      activation: try c.optionalString("activation"), useBias: try c.bool("use_bias"),
                      kernelInitializer: try c.initializer("kernel_initializer"), biasInitializer: try c.initializer("bias_initializer"),
                      kernelRegularizer: try c.regularizer("kernel_regularizer"), biasRegularizer: try c.regularizer("bias_regularizer"),
                      kernelConstraint: try c.constraint("kernel_constraint"), biasConstraint: try c.constraint("bias_constraint"),
                      activityRegularizer: try c.regularizer("activity_regularizer"), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["filters": .int(filters), "kernel_size": ConfigValue(kernelSize), "strides": ConfigValue(strides),
                    "padding": .string(padding.rawValue), "data_format": .string("channels_last"),
                    "dilation_rate": ConfigValue(dilationRate), "groups": .int(1), "activation": .string(activation.rawValue),
                    "use_bias": .bool(useBias), "kernel_initializer": .initializer(kernelInitializer),
                    "bias_initializer": .initializer(biasInitializer), "kernel_regularizer": ConfigValue(kernelRegularizer),
                    "bias_regularizer": ConfigValue(biasRegularizer), "activity_regularizer": ConfigValue(activityRegularizer),
                    "kernel_constraint": ConfigValue(kernelConstraint), "bias_constraint": ConfigValue(biasConstraint)])
    }
}
