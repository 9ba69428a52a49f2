import Engine
import Script

/// A Keras layer as the language sees it (`Dense(500, activation='relu')`).
final class LayerObject: ScriptObject {
    let layer: any Layer
    let kind: String

    init(_ layer: any Layer, kind: String) {
        self.layer = layer
        self.kind = kind
    }

    var typeName: String { kind }
    func repr() -> String { "<\(kind) name=\(layer.name)>" }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .string(layer.name)
        default: return nil
        }
    }

    var attributeNames: [String] { ["name"] }

    static let denseParameters = ["units", "activation", "use_bias", "input_dim", "input_shape", "name"]

    static func dense(_ args: Arguments) throws -> Value {
        let s = try args.bind("Dense", denseParameters, required: 1)
        let units = try (s[0] ?? .none).int("units")
        var inputDim = try s.value(3)?.int("input_dim")
        if let shape = s.value(4) {
            let dims = try shape.sequence("input_shape").map { try $0.int("input_shape") }
            guard dims.count == 1 else { throw ScriptError.value("Dense expects input_shape with one dimension. Received: input_shape=\(dims)") }
            inputDim = dims[0]
        }
        let layer = try engineCall {
            try Dense(units: units,
                      activation: try s.value(1).map { try activationName($0) },
                      inputDim: inputDim,
                      useBias: try s.value(2)?.bool("use_bias") ?? true,
                      name: try s.value(5)?.string("name"))
        }
        return .object(LayerObject(layer, kind: "Dense"))
    }

    static func activationName(_ v: Value) throws -> String {
        if case .string(let s) = v { return s }
        if case .object(let f as BuiltinFunction) = v { return f.name }
        throw ScriptError.type("activation expects a name such as 'relu'. Received: activation=\(v.shortDescription)")
    }
}

/// Runs engine code, turning its errors into the language's `ValueError`.
func engineCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as EngineError {
        throw ScriptError.value(String(describing: e))
    }
}
