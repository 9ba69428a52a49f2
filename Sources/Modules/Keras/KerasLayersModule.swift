import Engine
import Script

/// `keras.layers`, read off the engine's `LayerKinds`: each layer class under each of its Keras
/// names, with its Keras 3 signature plus the keywords every Keras layer takes. A call binds its
/// arguments, turns them into the layer's `KerasConfiguration` and builds the layer from it, the
/// same way a saved model is rebuilt.
enum KerasLayers {
    /// The keywords every Keras layer takes: `name`, `trainable`, `dtype`, and Keras 2's
    /// `input_shape`, `input_dim`, `batch_input_shape`, which declare the model's input.
    static let base = ["name=None", "trainable=True", "dtype=None", "input_shape=None", "input_dim=None", "batch_input_shape=None"]

    static func module() -> ModuleObject {
        var members: [(String, Value)] = [("Input", .object(BuiltinFunction(inputSignature) { a, _ in try input(a) }))]
        for kind in LayerKinds.all {
            // An alias (MaxPool2D) is the same class as Keras' first name (MaxPooling2D).
            let constructor = constructor(kind)
            for name in kind.kerasNames { members.append((name, .object(constructor))) }
        }
        return Modules.module("keras.layers", members)
    }

    /// A layer class as a lesson calls it, with `from_config`.
    static func constructor(_ kind: any KerasLayer.Type) -> BuiltinFunction {
        let own = Signature(kind.kerasNames[0], kind.kerasSignature)
        let constructor = BuiltinFunction(signature(own, declared: kind.kerasSignature)) { a, _ in try layer(kind, own, a) }
        KerasConfigs.addFromConfig(to: constructor)
        return constructor
    }

    /// A layer class's own parameters, then those of the common keywords it does not declare itself.
    static func signature(_ own: Signature, declared declaration: String) -> Signature {
        let common = base.filter { item in own.parameter(String(item.prefix { $0 != "=" })) == nil }
        return Signature(own.name, declaration + ", *, " + common.joined(separator: ", "), rejection: .kerasLayer)
    }

    /// `SomeLayer(...)`: the bound arguments become the layer's configuration. A lesson-written
    /// initializer (a class or any callable taking a shape) runs once the weights' shapes are known;
    /// until then the weights start from zeros.
    static func layer(_ kind: any KerasLayer.Type, _ own: Signature, _ a: BoundArguments) throws -> Value {
        let name = own.name
        if let dtype = try a.optional("dtype")?.string("dtype"), dtype != "float32" {
            throw ScriptError.notImplemented("\(name): dtype='\(dtype)' is not supported yet (layers compute in float32)")
        }
        var values: [String: ConfigValue] = [:]
        var custom: [(index: Int, initializer: Value)] = []
        for p in a.signature.parameters where own.parameter(p.name) != nil && !p.unsupported
            && p.kind != .varPositional && p.kind != .varKeyword {
            let v = a[p.name]
            if p.name.hasSuffix("_initializer"), LayerObject.isCustomInitializer(v) {
                custom.append((p.name == "bias_initializer" ? 1 : 0, v))
                values[p.name] = .initializer(.zeros)
                continue
            }
            values[p.name] = try configValue(p, v, layer: name)
        }
        let inputShape = try declaredInput(a)
        let configuration = KerasConfiguration(name, name: try a.optional("name")?.string("name"), inputShape: inputShape, values)
        let make = { try engineCall { try kind.init(configuration: configuration) } }
        let built = try make()
        let object = LayerObject(built, kind: name, rebuild: make)
        // A layer that does not keep the input shape itself has the model start with an Input of it.
        object.inputShape = built.declaredInputShape == nil ? inputShape : nil
        object.customInitializers = custom
        object.trainable = try a["trainable"].bool("trainable")
        return .object(object)
    }

    /// One argument as the engine's configuration holds it: weight rules and activations by
    /// their engine values, literals as they are.
    static func configValue(_ p: Signature.Parameter, _ v: Value, layer: String) throws -> ConfigValue {
        let given: Value? = v.isNone ? nil : v
        if p.name == "activation" { return try KerasArguments.activation(given).map { .string($0) } ?? .none }
        if p.name.hasSuffix("_initializer") {
            guard case .string(let fallback)? = p.defaultValue else { return .none }
            return .initializer(try KerasArguments.initializer(given, default: fallback))
        }
        if p.name.hasSuffix("_regularizer") { return ConfigValue(try KerasArguments.regularizer(given)) }
        if p.name.hasSuffix("_constraint") { return ConfigValue(try KerasArguments.constraint(given)) }
        return try KerasConfigs.literal(v, argument: p.name, owner: layer)
    }

    /// The shape a layer's keywords give the model's input, if any.
    static func declaredInput(_ a: BoundArguments) throws -> [Int]? {
        if let v = a.optional("input_shape") { return try v.sequence("input_shape").map { try $0.int("input_shape") } }
        if a.signature.parameter("input_dim") != nil, let v = a.optional("input_dim") { return [try v.int("input_dim")] }
        if a.signature.parameter("batch_input_shape") != nil, let v = a.optional("batch_input_shape") {
            return try v.sequence("batch_input_shape").dropFirst().map { try $0.int("batch_input_shape") }
        }
        return nil
    }

    /// `keras.Input(shape=...)` / `keras.layers.Input`: the model's input, kept as an InputLayer.
    /// Lectern's models take any batch size and compute in float32.
    static let inputSignature = Signature("Input", """
        shape=None, !batch_size=None, dtype=None, !sparse=None, !ragged=None, batch_shape=None, name=None, !tensor=None, !optional=False
        """)

    static func input(_ a: BoundArguments) throws -> Value {
        if let dtype = try a.optional("dtype")?.string("dtype"), dtype != "float32" {
            throw ScriptError.notImplemented("Input: dtype='\(dtype)' is not supported yet; inputs are float32")
        }
        guard a.optional("shape") != nil || a.optional("batch_shape") != nil else { throw ScriptError.value("You must pass a `shape` argument.") }
        let values: [String: ConfigValue] = [
            "shape": try KerasConfigs.literal(a["shape"], argument: "shape", owner: "Input"),
            "batch_shape": try KerasConfigs.literal(a["batch_shape"], argument: "batch_shape", owner: "Input"),
        ]
        let configuration = KerasConfiguration("Input", name: try a.optional("name")?.string("name"), values)
        let make = { try engineCall { try InputLayer(configuration: configuration) as any Layer } }
        return .object(LayerObject(try make(), kind: "Input", rebuild: make))
    }
}

extension KerasModule {
    static func layers() -> ModuleObject { KerasLayers.module() }
}
