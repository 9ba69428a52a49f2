import Engine
import Script

extension KerasModule {
    static func layers() -> ModuleObject {
        func layer(_ name: String, _ body: @escaping (Arguments) throws -> any Layer) -> (String, Value) {
            function(name) { args, _ in
                // Any layer may declare the model's input, as in Keras: `GaussianNoise(0.01, input_shape=(2,))`.
                var rest = args
                var inputShape: [Int]?
                if let v = args.keyword("input_shape") { inputShape = try v.sequence("input_shape").map { try $0.int("input_shape") } }
                if let v = args.keyword("input_dim") { inputShape = [try v.int("input_dim")] }
                rest.keywords.removeAll { $0.name == "input_shape" || $0.name == "input_dim" }
                let make = { try engineCall { try body(rest) } }
                let object = LayerObject(try make(), kind: name, rebuild: make)
                object.inputShape = inputShape
                return .object(object)
            }
        }
        return module("keras.layers", [
            ("Dense", .object(BuiltinFunction(LayerObject.denseSignature) { a, _ in try LayerObject.dense(a) })),
            layer("Input") { args in
                let s = try args.bind("Input", ["shape", "batch_size", "name"], required: 1)
                return try InputLayer(shape: try (s[0] ?? .none).sequence("shape").map { try $0.int("shape") }, name: try s.value(2)?.string("name"))
            },
            layer("InputLayer") { args in
                let s = try args.bind("InputLayer", ["shape", "batch_size", "name", "input_shape"])
                guard let shape = s.value(0) ?? s.value(3) else { throw ScriptError.type("InputLayer needs shape=") }
                return try InputLayer(shape: try shape.sequence("shape").map { try $0.int("shape") }, name: try s.value(2)?.string("name"))
            },
        ] + KerasCoreLayers.members() + KerasImageLayers.entries() + KerasAugmentationLayers.members())
    }
}
