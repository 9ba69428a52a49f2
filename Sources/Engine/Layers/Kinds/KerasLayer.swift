/// A layer class as Keras knows it. Each layer file declares, next to the layer:
/// - `kerasNames`: the names `keras.layers` exposes it under (`["MaxPooling2D", "MaxPool2D"]`);
/// - `kerasSignature`: its own parameters, in Python's notation, as Keras 3 declares them (the
///   keywords every layer takes, `name`, `trainable`, `dtype`, `input_shape`, ..., are added by the
///   binding); a `!` marks a parameter Keras has and the engine does not implement;
/// - `init(configuration:)`: the one way it is built, from a lesson's call or a saved model;
/// - `configuration`: what it was built with (Keras' `get_config()`; what a saved model keeps).
/// Then one line in `LayerKinds.all` makes it importable, savable and clonable.
public protocol KerasLayer: Layer {
    static var kerasNames: [String] { get }
    static var kerasSignature: String { get }
    init(configuration: KerasConfiguration) throws
    var configuration: KerasConfiguration { get }
}

extension KerasLayer {
    /// A configuration for this layer with its name and the input shape it declared.
    func configured(_ values: [String: ConfigValue]) -> KerasConfiguration {
        KerasConfiguration(Self.kerasNames[0], name: name, inputShape: declaredInputShape, values)
    }
}

/// Every layer class the engine offers, one line each.
public enum LayerKinds {
    public static var all: [any KerasLayer.Type] { [
        InputLayer.self,
        Dense.self,
        Dropout.self,
        GaussianNoise.self,
        BatchNormalization.self,
        ActivationLayer.self,
        LeakyReLU.self,
        ReLU.self,
        Flatten.self,
        Conv2D.self,
        MaxPooling2D.self,
        AveragePooling2D.self,
        GlobalAveragePooling2D.self,
        GlobalMaxPooling2D.self,
        ZeroPadding2D.self,
        Reshape.self,
        SpatialDropout2D.self,
        RandomFlip.self,
        RandomTranslation.self,
        RandomRotation.self,
        RandomZoom.self,
        RandomContrast.self,
    ] }

    /// The class a saved layer names.
    public static func named(_ name: String) -> (any KerasLayer.Type)? {
        all.first { $0.kerasNames.contains(name) }
    }
}

/// One layer of a saved model: its class and its configuration (its weights are kept apart).
public struct SavedLayer: Codable, Equatable, Sendable {
    public var className: String
    public var configuration: KerasConfiguration

    public init(_ layer: any Layer) throws {
        guard let layer = layer as? any KerasLayer else {
            throw EngineError("Layer \(layer.name) of type \(layer.typeName) cannot be saved.")
        }
        className = type(of: layer).kerasNames[0]
        configuration = layer.configuration
    }

    /// The layer this describes, built as a lesson's call would build it.
    public func makeLayer() throws -> any Layer {
        guard let kind = LayerKinds.named(className) else {
            throw EngineError("The saved model names an unknown layer class '\(className)'.")
        }
        return try kind.init(configuration: configuration)
    }
}
