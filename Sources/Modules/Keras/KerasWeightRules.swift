import Engine
import Script

/// `keras.regularizers` and `keras.constraints`, each declared once as its Keras 3 signature
/// (Keras 2's `l1(l=...)` / `l2(l=...)` read as today's names).
enum KerasWeightRules {
    typealias Entry<Made> = Declared<Made>

    static let regularizers: [Entry<Regularizer>] = {
        func l1(_ name: String) -> Entry<Regularizer> {
            Entry(signature: Signature(name, "l1=0.01", aliases: ["l": "l1"])) { a in Regularizer(l1: try a["l1"].double("l1")) }
        }
        func l2(_ name: String) -> Entry<Regularizer> {
            Entry(signature: Signature(name, "l2=0.01", aliases: ["l": "l2"])) { a in Regularizer(l2: try a["l2"].double("l2")) }
        }
        func both(_ name: String) -> Entry<Regularizer> {
            Entry(signature: Signature(name, "l1=0.0, l2=0.0")) { a in Regularizer(l1: try a["l1"].double("l1"), l2: try a["l2"].double("l2")) }
        }
        return [l1("l1"), l1("L1"), l2("l2"), l2("L2"), both("l1_l2"), both("L1L2")]
    }()

    /// Dense kernels are [inputs, units]: axis 0 constrains each unit's incoming weights (Keras'
    /// default), axis 1 (or -1) each input's outgoing weights.
    static func alongAxis(_ base: Constraint, _ a: BoundArguments, _ name: String) throws -> Constraint {
        switch try a["axis"].int("axis") {
        case 0: return base
        case 1, -1: return .alongRows(base)
        case let other: throw ScriptError.value("\(name) axis=\(other) is out of range for a Dense kernel (axes 0 and 1)")
        }
    }

    static let constraints: [Entry<Constraint>] = ["max_norm", "MaxNorm"].map { name in
        Entry(signature: Signature(name, "max_value=2, axis=0")) { a in
            try alongAxis(.maxNorm(maxValue: try a["max_value"].double("max_value")), a, name)
        }
    } + ["unit_norm", "UnitNorm"].map { name in
        Entry(signature: Signature(name, "axis=0")) { a in try alongAxis(.unitNorm, a, name) }
    } + ["non_neg", "NonNeg"].map { name in
        Entry(signature: Signature(name, "")) { _ in .nonNeg }
    } + ["min_max_norm", "MinMaxNorm"].map { name in
        Entry(signature: Signature(name, "min_value=0.0, max_value=1.0, rate=1.0, axis=0")) { a in
            try alongAxis(.minMaxNorm(minValue: try a["min_value"].double("min_value"), maxValue: try a["max_value"].double("max_value"),
                                      rate: try a["rate"].double("rate")), a, name)
        }
    }

    static func members<Made>(_ entries: [Entry<Made>], _ wrap: @escaping (Made) -> any ScriptObject) -> [(String, Value)] {
        entries.map { entry in
            let constructor = BuiltinFunction(entry.signature) { a, _ in .object(wrap(try engineCall { try entry.make(a) })) }
            KerasConfigs.addFromConfig(to: constructor)
            return (entry.signature.name, .object(constructor))
        }
    }
}
