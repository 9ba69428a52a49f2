import Tensor

/// What Keras' windowed poolings share on channels-last images: the window (pool size,
/// strides defaulting to the pool size, 'valid' or 'same' padding as TensorFlow computes it),
/// the output shape and the buffers. Each kind is a subclass with its own reduction.
public class WindowPooling2D {
    public let name: String
    public let poolSize: GridSize
    public let strides: GridSize
    public let padding: WindowPadding
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    /// The Keras class name, for messages.
    let kind: String
    private(set) var geometry: SpatialWindow?
    let output = FloatBuffer()
    let dInput = FloatBuffer()

    init(kind: String, poolSize: [Int], strides: [Int]?, padding: WindowPadding, name: String) throws {
        self.kind = kind
        self.poolSize = try GridSize.positive(poolSize, argument: "pool_size")
        self.strides = try strides.map { try GridSize.positive($0, argument: "strides") } ?? self.poolSize
        self.padding = padding
        self.name = name
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        let g = try PoolingGeometry.make(inputShape, pool: poolSize, strides: strides, padding: padding, layer: name, typeName: kind)
        prepare(g)
        geometry = g
        outputShape = g.outputShape
        isBuilt = true
    }

    /// What a kind computes once from the window's geometry (nothing by default).
    func prepare(_ geometry: SpatialWindow) {}

    public func reserve(batchCapacity: Int) {
        guard let geometry else { return }
        output.reserve(batchCapacity * geometry.outputPositions * geometry.channels)
        dInput.reserve(batchCapacity * geometry.inputCount)
    }
}

/// A windowed pooling layer class: built from its window, strides and padding, so its
/// configuration is the same for every kind.
protocol WindowPoolingKind: KerasLayer {
    init(poolSize: [Int], strides: [Int]?, padding: WindowPadding, name: String?) throws
    var poolSize: GridSize { get }
    var strides: GridSize { get }
    var padding: WindowPadding { get }
}

extension WindowPoolingKind {
    public init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        try self.init(poolSize: try c.ints("pool_size"), strides: try c.optionalInts("strides"),
                      padding: try WindowPadding.named(try c.string("padding")), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["pool_size": ConfigValue(poolSize), "strides": ConfigValue(strides), "padding": .string(padding.rawValue),
                    "data_format": .string("channels_last")])
    }
}
