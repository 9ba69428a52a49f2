/// Everything needed to rebuild one image layer (convolution, pooling, padding,
/// reshaping, spatial dropout) without its weights; `LayerConfig.image` holds it
/// in a saved model.
public enum ImageLayerConfig: Codable, Equatable, Sendable {
    case conv2D(name: String, filters: Int, kernelSize: GridSize, strides: GridSize, padding: WindowPadding, dilationRate: GridSize,
                activation: Activation, useBias: Bool, kernelInitializer: Initializer, biasInitializer: Initializer,
                kernelRegularizer: Regularizer?, biasRegularizer: Regularizer?,
                kernelConstraint: Constraint?, biasConstraint: Constraint?, activityRegularizer: Regularizer?)
    case maxPooling2D(name: String, poolSize: GridSize, strides: GridSize, padding: WindowPadding)
    case averagePooling2D(name: String, poolSize: GridSize, strides: GridSize, padding: WindowPadding)
    case globalAveragePooling2D(name: String, keepDims: Bool)
    case globalMaxPooling2D(name: String, keepDims: Bool)
    case zeroPadding2D(name: String, top: Int, bottom: Int, left: Int, right: Int)
    case reshape(name: String, targetShape: [Int])
    case spatialDropout2D(name: String, rate: Double)

    /// The configuration of `layer`, or nil when it is not an image layer.
    public init?(_ layer: any Layer) {
        switch layer {
        case let l as Conv2D:
            self = .conv2D(name: l.name, filters: l.filters, kernelSize: l.kernelSize, strides: l.strides, padding: l.padding,
                           dilationRate: l.dilationRate, activation: l.activation, useBias: l.useBias,
                           kernelInitializer: l.kernelInitializer, biasInitializer: l.biasInitializer,
                           kernelRegularizer: l.kernelRegularizer, biasRegularizer: l.biasRegularizer,
                           kernelConstraint: l.kernelConstraint, biasConstraint: l.biasConstraint, activityRegularizer: l.activityRegularizer)
        case let l as MaxPooling2D: self = .maxPooling2D(name: l.name, poolSize: l.poolSize, strides: l.strides, padding: l.padding)
        case let l as AveragePooling2D: self = .averagePooling2D(name: l.name, poolSize: l.poolSize, strides: l.strides, padding: l.padding)
        case let l as GlobalAveragePooling2D: self = .globalAveragePooling2D(name: l.name, keepDims: l.keepDims)
        case let l as GlobalMaxPooling2D: self = .globalMaxPooling2D(name: l.name, keepDims: l.keepDims)
        case let l as ZeroPadding2D: self = .zeroPadding2D(name: l.name, top: l.top, bottom: l.bottom, left: l.left, right: l.right)
        case let l as Reshape: self = .reshape(name: l.name, targetShape: l.targetShape)
        case let l as SpatialDropout2D: self = .spatialDropout2D(name: l.name, rate: l.rate)
        default: return nil
        }
    }

    public func makeLayer() throws -> any Layer {
        func pair(_ size: GridSize) -> [Int] { [size.height, size.width] }
        switch self {
        case let .conv2D(name, filters, kernelSize, strides, padding, dilationRate, activation, useBias, kernelInit, biasInit,
                         kernelReg, biasReg, kernelCon, biasCon, activityReg):
            return try Conv2D(filters: filters, kernelSize: pair(kernelSize), strides: pair(strides), padding: padding,
                              dilationRate: pair(dilationRate), activation: activation.rawValue, useBias: useBias,
                              kernelInitializer: kernelInit, biasInitializer: biasInit,
                              kernelRegularizer: kernelReg, biasRegularizer: biasReg,
                              kernelConstraint: kernelCon, biasConstraint: biasCon, activityRegularizer: activityReg, name: name)
        case let .maxPooling2D(name, poolSize, strides, padding):
            return try MaxPooling2D(poolSize: pair(poolSize), strides: pair(strides), padding: padding, name: name)
        case let .averagePooling2D(name, poolSize, strides, padding):
            return try AveragePooling2D(poolSize: pair(poolSize), strides: pair(strides), padding: padding, name: name)
        case let .globalAveragePooling2D(name, keepDims): return GlobalAveragePooling2D(keepDims: keepDims, name: name)
        case let .globalMaxPooling2D(name, keepDims): return GlobalMaxPooling2D(keepDims: keepDims, name: name)
        case let .zeroPadding2D(name, top, bottom, left, right): return try ZeroPadding2D(padding: [top, bottom, left, right], name: name)
        case let .reshape(name, targetShape): return try Reshape(targetShape: targetShape, name: name)
        case let .spatialDropout2D(name, rate): return try SpatialDropout2D(rate: rate, name: name)
        }
    }
}
