import Engine
import Script

/// Keras' configurations, both ways: a lesson's argument as the engine's `KerasConfiguration`
/// holds it, an engine value as `get_config()` shows it (weight rules as Keras 3's
/// `{'module': ..., 'class_name': ..., 'config': {...}}` dictionaries), and `from_config`.
enum KerasConfigs {
    /// Literals as they are; tuples and lists as lists; a NumPy scalar as its number.
    static func literal(_ v: Value, argument: String, owner: String) throws -> ConfigValue {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .tuple(let items): return .list(try items.map { try literal($0, argument: argument, owner: owner) })
        case .list(let l): return .list(try l.items.map { try literal($0, argument: argument, owner: owner) })
        default:
            if let d = try? v.double(argument) { return .double(d) }
            throw ScriptError.type("\(owner): \(argument) cannot be \(v.shortDescription)")
        }
    }

    /// Gives a class's constructor Keras' `Class.from_config(config)`: the configuration's entries
    /// passed as keywords, weight rules rebuilt from their descriptions.
    static func addFromConfig(to constructor: BuiltinFunction) {
        constructor.members["from_config"] = .object(BuiltinFunction(Signature("from_config", "config, !custom_objects=None")) { a, context in
            try build(.object(constructor), from: a["config"], context)
        })
    }

    static func build(_ constructor: Value, from config: Value, _ context: CallContext) throws -> Value {
        guard case .dict(let d) = config else { throw ScriptError.type("from_config() expects a dict. Received: \(config.shortDescription)") }
        var keywords: [(name: String, value: Value)] = []
        for (key, value) in zip(d.keys, d.values) {
            guard case .string(let name) = key else { throw ScriptError.type("from_config() expects string keys") }
            keywords.append((name, try rule(value, context)))
        }
        return try context.call(constructor, Arguments([], keywords: keywords))
    }

    /// A `{'module': 'keras.initializers', 'class_name': 'HeNormal', 'config': {...}}` dictionary as
    /// the object it describes; any other value as it is.
    static func rule(_ value: Value, _ context: CallContext) throws -> Value {
        guard case .dict(let d) = value, case .string(let className)? = try d.get(.string("class_name")) else { return value }
        // The family the description names, or each in turn; built only when looked in.
        let families: [(path: String, make: () -> ModuleObject)] = [
            ("keras.initializers", KerasModule.initializers), ("keras.regularizers", KerasModule.regularizers),
            ("keras.constraints", KerasModule.constraints),
        ]
        var named: String?
        if case .string(let path)? = try d.get(.string("module")), families.contains(where: { $0.path == path }) { named = path }
        guard let constructor = families.lazy.filter({ named == nil || $0.path == named })
            .compactMap({ $0.make().members[className] }).first else {
            throw ScriptError.value("Could not locate class '\(className)'.")
        }
        var keywords: [(name: String, value: Value)] = []
        if case .dict(let inner)? = try d.get(.string("config")) {
            for (key, v) in zip(inner.keys, inner.values) {
                guard case .string(let name) = key else { continue }
                keywords.append((name, v))
            }
        }
        return try context.call(constructor, Arguments([], keywords: keywords))
    }

    static func value(_ v: ConfigValue) throws -> Value {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .list(let items): return .tuple(try items.map(value))
        case .initializer(let i):
            let (name, config) = initializerConfig(i)
            return try described("keras.initializers", name, config)
        case .regularizer(let r):
            let (name, config) = regularizerConfig(r)
            return try described("keras.regularizers", name, config)
        case .constraint(let c):
            let (name, config) = constraintConfig(c, axis: 0)
            return try described("keras.constraints", name, config)
        }
    }

    /// Keyword → value pairs as a Python dict.
    static func dict(_ pairs: [(String, Value)]) throws -> Value {
        .dict(try DictStorage(pairs.map { (.string($0.0), $0.1) }))
    }

    static func described(_ module: String, _ name: String, _ config: [(String, Value)]) throws -> Value {
        .dict(try DictStorage([(.string("module"), .string(module)), (.string("class_name"), .string(name)),
                               (.string("config"), try dict(config)),
                               (.string("registered_name"), .none)]))
    }

    static func regularizerConfig(_ r: Regularizer) -> (String, [(String, Value)]) {
        let name = r.l1 == 0 ? "L2" : r.l2 == 0 ? "L1" : "L1L2"
        var config: [(String, Value)] = []
        if name != "L2" { config.append(("l1", .float(r.l1))) }
        if name != "L1" { config.append(("l2", .float(r.l2))) }
        return (name, config)
    }

    static func initializerConfig(_ i: Initializer) -> (String, [(String, Value)]) {
        switch i {
        case .zeros: return ("Zeros", [])
        case .ones: return ("Ones", [])
        case .constant(let v): return ("Constant", [("value", .float(v))])
        case .randomUniform(let low, let high): return ("RandomUniform", [("minval", .float(low)), ("maxval", .float(high)), ("seed", .none)])
        case .randomNormal(let mean, let sd): return ("RandomNormal", [("mean", .float(mean)), ("stddev", .float(sd)), ("seed", .none)])
        case .truncatedNormal(let mean, let sd): return ("TruncatedNormal", [("mean", .float(mean)), ("stddev", .float(sd)), ("seed", .none)])
        case .orthogonal(let gain): return ("Orthogonal", [("gain", .float(gain)), ("seed", .none)])
        case .varianceScaling(let scale, let mode, let distribution):
            // Keras names the common settings after their authors.
            switch (scale, mode, distribution) {
            case (1, .fanAvg, .uniform): return ("GlorotUniform", [("seed", .none)])
            case (1, .fanAvg, .truncatedNormal): return ("GlorotNormal", [("seed", .none)])
            case (2, .fanIn, .uniform): return ("HeUniform", [("seed", .none)])
            case (2, .fanIn, .truncatedNormal): return ("HeNormal", [("seed", .none)])
            case (1, .fanIn, .uniform): return ("LecunUniform", [("seed", .none)])
            case (1, .fanIn, .truncatedNormal): return ("LecunNormal", [("seed", .none)])
            default:
                return ("VarianceScaling", [("scale", .float(scale)), ("mode", .string(mode.rawValue)),
                                            ("distribution", .string(distribution.rawValue)), ("seed", .none)])
            }
        }
    }

    static func constraintConfig(_ c: Constraint, axis: Int) -> (String, [(String, Value)]) {
        switch c {
        case .maxNorm(let m): return ("MaxNorm", [("max_value", .float(m)), ("axis", .int(axis))])
        case .nonNeg: return ("NonNeg", [])
        case .unitNorm: return ("UnitNorm", [("axis", .int(axis))])
        case .minMaxNorm(let low, let high, let rate):
            return ("MinMaxNorm", [("min_value", .float(low)), ("max_value", .float(high)), ("rate", .float(rate)), ("axis", .int(axis))])
        case .alongRows(let inner): return constraintConfig(inner, axis: 1)
        }
    }
}
