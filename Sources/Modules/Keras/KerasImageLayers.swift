import Engine
import Script
import Tensor

/// `keras.layers` for images (channels last): convolution, pooling, padding,
/// reshaping and spatial dropout, bound to the engine's layers with Keras 3's
/// signatures. `KerasModule.layers()` adds these entries to the module.
enum KerasImageLayers {
    static func entries() -> [(String, Value)] {
        let maxPooling = pooling("MaxPooling2D") { size, strides, padding, name in
            try MaxPooling2D(poolSize: size, strides: strides, padding: padding, name: name)
        }
        let averagePooling = pooling("AveragePooling2D") { size, strides, padding, name in
            try AveragePooling2D(poolSize: size, strides: strides, padding: padding, name: name)
        }
        let globalAverage = layer("GlobalAveragePooling2D") { args -> any Layer in
            let s = try args.bind("GlobalAveragePooling2D", ["data_format", "keepdims", "name"])
            try channelsLast(s.value(0))
            return GlobalAveragePooling2D(keepDims: try s.value(1)?.bool("keepdims") ?? false, name: try s.value(2)?.string("name"))
        }.1
        let globalMax = layer("GlobalMaxPooling2D") { args -> any Layer in
            let s = try args.bind("GlobalMaxPooling2D", ["data_format", "keepdims", "name"])
            try channelsLast(s.value(0))
            return GlobalMaxPooling2D(keepDims: try s.value(1)?.bool("keepdims") ?? false, name: try s.value(2)?.string("name"))
        }.1
        return [
            ("Conv2D", .object(BuiltinFunction("Conv2D") { args, _ in try conv2D(args) })),
            ("Convolution2D", .object(BuiltinFunction("Convolution2D") { args, _ in try conv2D(args) })),
            ("MaxPooling2D", maxPooling), ("MaxPool2D", maxPooling),
            ("AveragePooling2D", averagePooling), ("AvgPool2D", averagePooling),
            ("GlobalAveragePooling2D", globalAverage), ("GlobalAvgPool2D", globalAverage),
            ("GlobalMaxPooling2D", globalMax), ("GlobalMaxPool2D", globalMax),
            layer("ZeroPadding2D") { args in
                let s = try args.bind("ZeroPadding2D", ["padding", "data_format", "name"])
                try channelsLast(s.value(1))
                return try ZeroPadding2D(padding: try s.value(0).map(paddingSides) ?? [1, 1], name: try s.value(2)?.string("name"))
            },
            layer("Reshape") { args in
                let s = try args.bind("Reshape", ["target_shape", "name"], required: 1)
                let shape = try (s[0] ?? .none).sequence("target_shape").map { try $0.int("target_shape") }
                return try Reshape(targetShape: shape, name: try s.value(1)?.string("name"))
            },
            layer("SpatialDropout2D") { args in
                // `seed` is accepted as in Keras; the masks come from the model's seeded stream.
                let s = try args.bind("SpatialDropout2D", ["rate", "data_format", "seed", "name"], required: 1)
                try channelsLast(s.value(1))
                return try SpatialDropout2D(rate: try (s[0] ?? .none).double("rate"), name: try s.value(3)?.string("name"))
            },
        ]
    }

    static let conv2DParameters = ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups",
                                   "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
                                   "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint", "name"]

    /// `Conv2D(...)`. A lesson-written initializer (a class or any callable taking a shape) runs
    /// once the kernel's shape is known, as for `Dense`; until then the weights start from zeros.
    static func conv2D(_ args: Arguments) throws -> Value {
        var engineArgs = args
        var custom: [(index: Int, initializer: Value)] = []
        for (index, keyword) in [(0, "kernel_initializer"), (1, "bias_initializer")] {
            guard let v = args.keyword(keyword), LayerObject.isCustomInitializer(v) else { continue }
            custom.append((index, v))
            engineArgs.keywords.removeAll { $0.name == keyword }
            engineArgs.keywords.append((name: keyword, value: .string("zeros")))
        }
        let (arguments, inputShape) = try takeInputShape(engineArgs)
        let make = { try makeConv2D(arguments) }
        let object = LayerObject(try make(), kind: "Conv2D", rebuild: make)
        object.inputShape = inputShape
        object.customInitializers = custom
        return .object(object)
    }

    static func makeConv2D(_ args: Arguments) throws -> any Layer {
        let s = try args.bind("Conv2D", conv2DParameters, required: 2)
        try channelsLast(s.value(4))
        if let groups = try s.value(6)?.int("groups"), groups != 1 {
            throw ScriptError.notImplemented("Conv2D supports groups=1 only. Received: groups=\(groups)")
        }
        let padding = try engineCall { try WindowPadding.named(try s.value(3)?.string("padding") ?? "valid") }
        return try engineCall {
            try Conv2D(filters: try (s[0] ?? .none).int("filters"),
                       kernelSize: try pair(s[1] ?? .none, "kernel_size"),
                       strides: try s.value(2).map { try pair($0, "strides") } ?? [1, 1],
                       padding: padding,
                       dilationRate: try s.value(5).map { try pair($0, "dilation_rate") } ?? [1, 1],
                       activation: try KerasArguments.activation(s.value(7)),
                       useBias: try s.value(8)?.bool("use_bias") ?? true,
                       kernelInitializer: try KerasArguments.initializer(s.value(9), default: "glorot_uniform"),
                       biasInitializer: try KerasArguments.initializer(s.value(10), default: "zeros"),
                       kernelRegularizer: try KerasArguments.regularizer(s.value(11)),
                       biasRegularizer: try KerasArguments.regularizer(s.value(12)),
                       kernelConstraint: try KerasArguments.constraint(s.value(14)),
                       biasConstraint: try KerasArguments.constraint(s.value(15)),
                       activityRegularizer: try KerasArguments.regularizer(s.value(13)),
                       name: try s.value(16)?.string("name"))
        }
    }

    /// `MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid', data_format=None, name=None)`
    /// and the same for `AveragePooling2D` (whose pool_size Keras 3 requires; Keras 2 and
    /// tf.keras defaulted it to (2, 2), which is kept here).
    private static func pooling(_ kind: String, _ make: @escaping ([Int], [Int]?, WindowPadding, String?) throws -> any Layer) -> Value {
        layer(kind) { args in
            let s = try args.bind(kind, ["pool_size", "strides", "padding", "data_format", "name"])
            try channelsLast(s.value(3))
            let padding = try WindowPadding.named(try s.value(2)?.string("padding") ?? "valid")
            return try make(try s.value(0).map { try pair($0, "pool_size") } ?? [2, 2],
                            try s.value(1).map { try pair($0, "strides") }, padding, try s.value(4)?.string("name"))
        }.1
    }

    /// A layer constructor that, like every Keras layer, may also declare the model's input
    /// (`input_shape=(8, 8, 1)`).
    private static func layer(_ kind: String, _ body: @escaping (Arguments) throws -> any Layer) -> (String, Value) {
        function(kind) { args, _ in
            let (rest, inputShape) = try takeInputShape(args)
            let make = { try engineCall { try body(rest) } }
            let object = LayerObject(try make(), kind: kind, rebuild: make)
            object.inputShape = inputShape
            return .object(object)
        }
    }

    /// Removes `input_shape=` / `input_dim=` from the arguments and returns the shape they give.
    private static func takeInputShape(_ args: Arguments) throws -> (Arguments, [Int]?) {
        var rest = args
        var inputShape: [Int]?
        if let v = args.keyword("input_shape") { inputShape = try v.sequence("input_shape").map { try $0.int("input_shape") } }
        if let v = args.keyword("input_dim") { inputShape = [try v.int("input_dim")] }
        rest.keywords.removeAll { $0.name == "input_shape" || $0.name == "input_dim" }
        return (rest, inputShape)
    }

    /// `3` or `(3, 5)`: one or two integers; the layer checks how many and their values.
    private static func pair(_ v: Value, _ argument: String) throws -> [Int] {
        if case .int(let n) = v { return [n] }
        return try v.sequence(argument).map { try $0.int(argument) }
    }

    /// ZeroPadding2D's `padding`: n, (rows, columns) or ((top, bottom), (left, right)).
    private static func paddingSides(_ v: Value) throws -> [Int] {
        if case .int(let n) = v { return [n] }
        let items = try v.sequence("padding")
        guard items.count == 2 else {
            throw ScriptError.value("`padding` should have two elements. Received: padding=\(v.shortDescription).")
        }
        if case .int = items[0], case .int = items[1] { return try items.map { try $0.int("padding") } }
        let sides = try items.flatMap { try $0.sequence("padding").map { try $0.int("padding") } }
        guard sides.count == 4 else {
            throw ScriptError.value("`padding` should have two elements, each a pair of integers. Received: padding=\(v.shortDescription).")
        }
        return sides
    }

    /// The layers store images channels last; channels-first data would need transposes everywhere.
    private static func channelsLast(_ v: Value?) throws {
        guard let v else { return }
        let format = try v.string("data_format")
        switch format {
        case "channels_last": return
        case "channels_first": throw ScriptError.notImplemented("data_format='channels_first' is not supported; images are stored channels last (height, width, channels)")
        default: throw ScriptError.value("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=\(format)")
        }
    }
}
