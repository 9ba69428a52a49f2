import Engine
import Script

/// `keras.optimizers`, read off the engine's `OptimizerKinds`: each optimizer class with its Keras 3
/// signature plus the keywords every optimizer takes. Arguments bind by Python's rules; an unknown
/// keyword is Keras' `ValueError: Argument(s) not recognized`, and one Keras has that Lectern does
/// not implement (`use_ema`, ...) is a `NotImplementedError` naming it. Keras 2's `lr` reads as
/// `learning_rate` and its legacy `decay` (lr / (1 + decay · iterations)) still works.
enum KerasOptimizers {
    /// What every Keras 3 optimizer takes after its own arguments, then Keras 2's legacy `decay`.
    static let shared = """
        clipnorm=None, clipvalue=None, global_clipnorm=None, !use_ema=False, !ema_momentum=0.99,
        !ema_overwrite_frequency=None, !loss_scale_factor=None, !gradient_accumulation_steps=None, name=None, *, decay=0.0
        """

    /// Set on every optimizer after it is built, not part of its own configuration: the shared
    /// keywords, and the learning rate and weight decay each optimizer declares in its own place.
    static let notConfiguration = Set(Signature("shared", shared).parameters.map(\.name) + ["learning_rate", "weight_decay"])

    static func signature(_ kind: any KerasOptimizer.Type) -> Signature {
        Signature(kind.kerasName, kind.kerasSignature + ", " + shared, rejection: .kerasOptimizer, aliases: ["lr": "learning_rate"])
    }

    /// The optimizer the bound arguments describe, with the shared arguments applied.
    static func build(_ kind: any KerasOptimizer.Type, _ a: BoundArguments) throws -> Value {
        var values: [String: ConfigValue] = [:]
        for p in a.signature.parameters where !notConfiguration.contains(p.name) && !p.unsupported {
            values[p.name] = try KerasConfigs.literal(a[p.name], argument: p.name, owner: kind.kerasName)
        }
        let optimizer = try engineCall { try kind.init(configuration: KerasConfiguration(kind.kerasName, values)) }
        switch a["learning_rate"] {
        case .object(let o as ScheduleObject): optimizer.schedule = o.schedule
        case let rate: optimizer.learningRate = try rate.double("learning_rate")
        }
        optimizer.options = try engineCall {
            try OptimizerOptions(clipnorm: try a.optional("clipnorm")?.double("clipnorm"),
                                 clipvalue: try a.optional("clipvalue")?.double("clipvalue"),
                                 globalClipnorm: try a.optional("global_clipnorm")?.double("global_clipnorm"),
                                 decay: try a["decay"].double("decay"),
                                 weightDecay: try a.optional("weight_decay")?.double("weight_decay"))
        }
        return .object(OptimizerObject(optimizer, name: kind.kerasName))
    }

    static func module() -> ModuleObject {
        let members: [(String, Value)] = OptimizerKinds.all.map { kind in
            let constructor = BuiltinFunction(signature(kind)) { a, _ in try build(kind, a) }
            KerasConfigs.addFromConfig(to: constructor)
            return (kind.kerasName, .object(constructor))
        }
        return Modules.module("keras.optimizers", members + [("schedules", .object(KerasModule.schedules()))])
    }
}
