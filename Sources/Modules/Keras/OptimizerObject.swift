import Engine
import Script

/// A Keras optimizer instance as the language sees it: its learning rate as Keras' variable, its
/// step count, and `get_config()` read off the optimizer's engine configuration in Keras 3's shape.
final class OptimizerObject: ScriptObject {
    let optimizer: Optimizer
    let name: String
    init(_ o: Optimizer, name: String) { optimizer = o; self.name = name }
    var typeName: String { name }
    func repr() -> String { "<keras.optimizers.\(name)>" }

    static let methods = MethodTable<OptimizerObject>([
        Method("get_config", "") { o, _, _ in try o.config() },
    ])

    var attributeNames: [String] { Self.methods.names + ["learning_rate", "lr", "iterations"] }
    func attribute(_ attr: String) throws -> Value? {
        if let method = Self.methods.bound(attr, to: self) { return method }
        switch attr {
        case "learning_rate", "lr": return .object(LearningRateVariable(optimizer))
        case "iterations": return .int(optimizer.iterations)
        default: return nil
        }
    }
    func setAttribute(_ attr: String, _ value: Value) throws -> Bool {
        guard attr == "learning_rate" || attr == "lr" else { return false }
        optimizer.learningRate = try value.double(attr)
        return true
    }

    /// Keras 3's keys: the name, the learning rate (the rate a schedule has reached), the options
    /// every optimizer shares, then the optimizer's own settings in its signature's order.
    func config() throws -> Value {
        guard let kind = optimizer as? any KerasOptimizer else { throw ScriptError.notImplemented("\(name): get_config is not supported yet") }
        let o = optimizer.options
        func number(_ d: Double?) -> Value { d.map { .float($0) } ?? .none }
        // Keras keeps the rate as a float32 variable, and names an optimizer after its class in snake case.
        var pairs: [(Value, Value)] = [
            (.string("name"), .string(KerasMetrics.snakeCase(name))),
            (.string("learning_rate"), .float(Double(Float(optimizer.currentLearningRate)))),
            (.string("weight_decay"), number(o.weightDecay)), (.string("clipnorm"), number(o.clipnorm)),
            (.string("global_clipnorm"), number(o.globalClipnorm)), (.string("clipvalue"), number(o.clipvalue)),
            (.string("use_ema"), .bool(false)), (.string("ema_momentum"), .float(0.99)), (.string("ema_overwrite_frequency"), .none),
            (.string("loss_scale_factor"), .none), (.string("gradient_accumulation_steps"), .none),
        ]
        let own = kind.configuration.values
        for p in Signature(name, type(of: kind).kerasSignature).parameters {
            guard let v = own[p.name] else { continue }
            pairs.append((.string(p.name), try KerasConfigs.value(v)))
        }
        return .dict(try DictStorage(pairs))
    }
}
