import Engine
import Script

/// `layer.get_config()` and `layer.from_config(config)`, read off the layer's engine
/// configuration (the one description a layer class gives of itself), in Keras 3's shapes.
extension LayerObject {
    func config() throws -> Value {
        guard let l = layer as? any KerasLayer else { throw ScriptError.notImplemented("\(kind): get_config is not supported yet") }
        let c = l.configuration
        var pairs: [(Value, Value)] = [(.string("name"), .string(layer.name)), (.string("trainable"), .bool(trainable)),
                                       (.string("dtype"), .string("float32"))]
        for p in Signature(kind, type(of: l).kerasSignature).parameters {
            guard let v = c.values[p.name] else { continue }
            pairs.append((.string(p.name), try KerasConfigs.value(v)))
        }
        return .dict(try DictStorage(pairs))
    }

    /// A new layer of the same class from a configuration such as `get_config()` returns.
    func fromConfig(_ config: Value, _ context: CallContext) throws -> Value {
        guard let kind = type(of: layer) as? any KerasLayer.Type else {
            throw ScriptError.notImplemented("\(kind): from_config is not supported yet")
        }
        return try KerasConfigs.build(.object(KerasLayers.constructor(kind)), from: config, context)
    }
}
