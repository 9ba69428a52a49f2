import Engine
import Script

/// `keras.optimizers`: each optimizer declared once, as its Keras 3 signature and how to build
/// it. Arguments bind by Python's rules before the body runs; an unknown keyword is Keras'
/// `ValueError: Argument(s) not recognized`, and one Keras has that Lectern does not implement
/// (`use_ema`, ...) is a `NotImplementedError` naming it. Keras 2's `lr` reads as `learning_rate`
/// and its legacy `decay` (lr / (1 + decay · iterations)) still works.
enum KerasOptimizers {
    /// Builds the optimizer from its own arguments; the shared ones are set afterwards.
    typealias Entry = Declared<Optimizer>

    /// What every Keras 3 optimizer takes after its own arguments, then Keras 2's legacy `decay`.
    static let shared = """
        clipnorm=None, clipvalue=None, global_clipnorm=None, !use_ema=False, !ema_momentum=0.99,
        !ema_overwrite_frequency=None, !loss_scale_factor=None, !gradient_accumulation_steps=None, name=None, *, decay=0.0
        """

    static func entry(_ name: String, _ own: String, withWeightDecay: Bool = true,
                      _ make: @escaping @Sendable (BoundArguments) throws -> Optimizer) -> Entry {
        let declaration = own + (withWeightDecay ? ", weight_decay=None, " : ", ") + shared
        return Entry(signature: Signature(name, declaration, rejection: .kerasOptimizer, aliases: ["lr": "learning_rate"]), make: make)
    }

    static let entries: [Entry] = [
        entry("SGD", "learning_rate=0.01, momentum=0.0, nesterov=False") { a in
            SGD(learningRate: 0.01, momentum: try a["momentum"].double("momentum"), nesterov: try a["nesterov"].bool("nesterov"))
        },
        entry("Adam", "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False") { a in
            Adam(beta1: try a["beta_1"].double("beta_1"), beta2: try a["beta_2"].double("beta_2"),
                 epsilon: try a["epsilon"].double("epsilon"), amsgrad: try a["amsgrad"].bool("amsgrad"))
        },
        // AdamW's decay comes second and is on by default.
        entry("AdamW", "learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False",
              withWeightDecay: false) { a in
            AdamW(weightDecay: 0, beta1: try a["beta_1"].double("beta_1"), beta2: try a["beta_2"].double("beta_2"),
                  epsilon: try a["epsilon"].double("epsilon"), amsgrad: try a["amsgrad"].bool("amsgrad"))
        },
        entry("RMSprop", "learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False") { a in
            RMSprop(rho: try a["rho"].double("rho"), momentum: try a["momentum"].double("momentum"),
                    epsilon: try a["epsilon"].double("epsilon"), centered: try a["centered"].bool("centered"))
        },
        entry("Adagrad", "learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-07") { a in
            Adagrad(initialAccumulatorValue: try a["initial_accumulator_value"].double("initial_accumulator_value"),
                    epsilon: try a["epsilon"].double("epsilon"))
        },
        entry("Adamax", "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07") { a in
            Adamax(beta1: try a["beta_1"].double("beta_1"), beta2: try a["beta_2"].double("beta_2"), epsilon: try a["epsilon"].double("epsilon"))
        },
        entry("Nadam", "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07") { a in
            Nadam(beta1: try a["beta_1"].double("beta_1"), beta2: try a["beta_2"].double("beta_2"), epsilon: try a["epsilon"].double("epsilon"))
        },
        entry("Adadelta", "learning_rate=0.001, rho=0.95, epsilon=1e-07") { a in
            Adadelta(rho: try a["rho"].double("rho"), epsilon: try a["epsilon"].double("epsilon"))
        },
    ]

    /// The optimizer an entry's signature describes, with the shared arguments applied.
    static func build(_ entry: Entry, _ a: BoundArguments) throws -> Value {
        let optimizer = try engineCall { try entry.make(a) }
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
        return .object(OptimizerObject(optimizer, name: entry.signature.name))
    }

    static func module() -> ModuleObject {
        let members: [(String, Value)] = entries.map { entry in
            (entry.signature.name, .object(BuiltinFunction(entry.signature) { a, _ in try build(entry, a) }))
        }
        return Modules.module("keras.optimizers", members + [("schedules", .object(KerasModule.schedules()))])
    }
}
