import Engine
import Script

/// `keras.initializers`: each class declared once as its Keras 3 signature (`seed` seeds a direct
/// call such as `GlorotNormal(seed=1)((3, 4))`; in a layer the model's seed decides the draw),
/// the function spellings, `get`, and the `Initializer` base class for lessons to subclass.
enum KerasInitializers {
    typealias Entry = Declared<Initializer>

    static func named(_ name: String, _ key: String) -> Entry {
        Entry(signature: Signature(name, "seed=None, !input_axes=None, !output_axes=None")) { _ in try Initializer.named(key) }
    }

    static let entries: [Entry] = [
        Entry(signature: Signature("RandomUniform", "minval=-0.05, maxval=0.05, seed=None")) { a in
            .randomUniform(minval: try a["minval"].double("minval"), maxval: try a["maxval"].double("maxval"))
        },
        Entry(signature: Signature("RandomNormal", "mean=0.0, stddev=0.05, seed=None")) { a in
            .randomNormal(mean: try a["mean"].double("mean"), stddev: try a["stddev"].double("stddev"))
        },
        Entry(signature: Signature("TruncatedNormal", "mean=0.0, stddev=0.05, seed=None")) { a in
            .truncatedNormal(mean: try a["mean"].double("mean"), stddev: try a["stddev"].double("stddev"))
        },
        Entry(signature: Signature("Constant", "value=0.0")) { a in .constant(try a["value"].double("value")) },
        Entry(signature: Signature("Zeros", "")) { _ in .zeros },
        Entry(signature: Signature("Ones", "")) { _ in .ones },
        named("GlorotUniform", "glorot_uniform"), named("GlorotNormal", "glorot_normal"),
        named("HeUniform", "he_uniform"), named("HeNormal", "he_normal"),
        named("LecunUniform", "lecun_uniform"), named("LecunNormal", "lecun_normal"),
        Entry(signature: Signature("Orthogonal", "gain=1.0, seed=None")) { a in .orthogonal(gain: try a["gain"].double("gain")) },
        Entry(signature: Signature("VarianceScaling", """
            scale=1.0, mode='fan_in', distribution='truncated_normal', seed=None, !input_axes=None, !output_axes=None
            """)) { a in
            let modeName = try a["mode"].string("mode"), distName = try a["distribution"].string("distribution")
            guard let mode = Initializer.FanMode(rawValue: modeName) else {
                throw ScriptError.value("Invalid `mode` argument: \(modeName). Expected one of fan_in, fan_out, fan_avg")
            }
            let dist = distName == "normal" ? Initializer.Distribution.truncatedNormal : Initializer.Distribution(rawValue: distName)
            guard let dist else { throw ScriptError.value("Invalid `distribution` argument: \(distName)") }
            return .varianceScaling(scale: try a["scale"].double("scale"), mode: mode, distribution: dist)
        },
    ]

    /// Keras' function spellings (`keras.initializers.lecun_normal()`) are the classes under a
    /// second name, so they share the class's signature.
    static let lowercase = [
        ("glorot_uniform", "GlorotUniform"), ("glorot_normal", "GlorotNormal"), ("he_uniform", "HeUniform"),
        ("he_normal", "HeNormal"), ("lecun_uniform", "LecunUniform"), ("lecun_normal", "LecunNormal"),
        ("zeros", "Zeros"), ("ones", "Ones"), ("random_uniform", "RandomUniform"), ("random_normal", "RandomNormal"),
        ("truncated_normal", "TruncatedNormal"), ("orthogonal", "Orthogonal"), ("constant", "Constant"),
    ]

    static func make(_ entry: Entry) -> Value {
        let constructor = BuiltinFunction(entry.signature) { a, _ in
            let seed = entry.signature.parameter("seed") == nil ? nil : try a.optional("seed")?.int("seed")
            return .object(InitializerObject(try engineCall { try entry.make(a) }, name: entry.signature.name, seed: seed))
        }
        KerasConfigs.addFromConfig(to: constructor)
        return .object(constructor)
    }

    static func module() -> ModuleObject {
        let classes = entries.map { ($0.signature.name, make($0)) }
        let functions: [(String, Value)] = lowercase.compactMap { lower, upper in
            entries.first { $0.signature.name == upper }.map { (lower, make($0)) }
        }
        let get = declared("get", "identifier") { a, _ in
            switch a["identifier"] {
            case .none: return .none
            case .object(let o as InitializerObject): return .object(o)
            case .string(let key): return .object(InitializerObject(try engineCall { try Initializer.named(key) }, name: key))
            case let other: throw ScriptError.value("Could not interpret initializer identifier: \(other.shortDescription)")
            }
        }
        return Modules.module("keras.initializers", functions + [get] + [
            // The base class lesson code subclasses (`class MyInit(tf.keras.initializers.Initializer)`),
            // defining `__call__(self, shape, dtype=None)`.
            ("Initializer", .object(ClassObject(hostClass: "Initializer", members: [
                "get_config": .object(BuiltinFunction("get_config") { _, _ in .dict(DictStorage()) }),
            ]))),
        ] + classes)
    }
}
