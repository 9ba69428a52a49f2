import Engine
import Script

/// The core `keras.layers` declared once, as their Keras 3 signatures plus the keywords every
/// Keras layer takes (`name`, `trainable`, `dtype`, and Keras 2's `input_shape`, `input_dim`,
/// `batch_input_shape`, which declare the model's input): an unknown keyword is Keras'
/// `ValueError: Unrecognized keyword arguments`, one Lectern lacks a `NotImplementedError`.
enum KerasCoreLayers {
    typealias Entry = Declared<any Layer>

    static let base = "*, name=None, trainable=True, dtype=None, input_shape=None, input_dim=None, batch_input_shape=None"

    static func entry(_ name: String, _ own: String, _ make: @escaping @Sendable (BoundArguments) throws -> any Layer) -> Entry {
        Entry(signature: Signature(name, own.isEmpty ? base : own + ", " + base, rejection: .kerasLayer), make: make)
    }

    static let entries: [Entry] = [
        entry("Dropout", "rate, !noise_shape=None, !seed=None") { a in
            try Dropout(rate: try a["rate"].double("rate"), name: try a.optional("name")?.string("name"))
        },
        entry("GaussianNoise", "stddev, !seed=None") { a in
            try GaussianNoise(stddev: try a["stddev"].double("stddev"), name: try a.optional("name")?.string("name"))
        },
        entry("BatchNormalization", """
            axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, !beta_initializer='zeros',
            !gamma_initializer='ones', !moving_mean_initializer='zeros', !moving_variance_initializer='ones',
            !beta_regularizer=None, !gamma_regularizer=None, !beta_constraint=None, !gamma_constraint=None,
            !renorm=False, !renorm_clipping=None, !renorm_momentum=0.99, !synchronized=False
            """) { a in
            try BatchNormalization(axis: try a["axis"].int("axis"), momentum: try a["momentum"].double("momentum"),
                                   epsilon: try a["epsilon"].double("epsilon"), center: try a["center"].bool("center"),
                                   scale: try a["scale"].bool("scale"), name: try a.optional("name")?.string("name"))
        },
        entry("Activation", "activation") { a in
            try ActivationLayer(try KerasArguments.activation(a["activation"]) ?? "linear", name: try a.optional("name")?.string("name"))
        },
        // Keras 3 names the slope negative_slope, Keras 2 alpha; both default to 0.3.
        entry("LeakyReLU", "negative_slope=0.3, *, alpha=None") { a in
            let slope = try a.optional("alpha")?.double("alpha") ?? a["negative_slope"].double("negative_slope")
            return try LeakyReLU(negativeSlope: Float(slope), name: try a.optional("name")?.string("name"))
        },
        entry("Flatten", "data_format=None") { a in
            if let format = try a.optional("data_format")?.string("data_format"), format != "channels_last" {
                throw ScriptError.notImplemented("Flatten: data_format='\(format)' is not supported yet")
            }
            return Flatten(inputShape: nil, name: try a.optional("name")?.string("name"))
        },
    ]

    /// The shape a layer's keywords give the model's input, if any.
    static func declaredInput(_ a: BoundArguments) throws -> [Int]? {
        if let v = a.optional("input_shape") { return try v.sequence("input_shape").map { try $0.int("input_shape") } }
        if let v = a.optional("input_dim") { return [try v.int("input_dim")] }
        if let v = a.optional("batch_input_shape") {
            return try v.sequence("batch_input_shape").dropFirst().map { try $0.int("batch_input_shape") }
        }
        return nil
    }

    static func members() -> [(String, Value)] {
        entries.map { entry in
            let name = entry.signature.name
            return (name, .object(BuiltinFunction(entry.signature) { a, _ in
                if let dtype = try a.optional("dtype")?.string("dtype"), dtype != "float32" {
                    throw ScriptError.notImplemented("\(name): dtype='\(dtype)' is not supported yet (layers compute in float32)")
                }
                let make = { try engineCall { try entry.make(a) } }
                let object = LayerObject(try make(), kind: name, rebuild: make)
                object.inputShape = try declaredInput(a)
                object.trainable = try a["trainable"].bool("trainable")
                return .object(object)
            }))
        }
    }
}
