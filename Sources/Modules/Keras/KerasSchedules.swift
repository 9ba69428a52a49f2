import Engine
import Script

/// `keras.optimizers.schedules`: each learning-rate schedule declared once as its Keras 3
/// signature and the engine schedule it builds; `name` names the object.
enum KerasSchedules {
    typealias Entry = Declared<any LearningRateSchedule>

    static let entries: [Entry] = [
        Entry(signature: Signature("ExponentialDecay", """
            initial_learning_rate, decay_steps, decay_rate, staircase=False, name='ExponentialDecay'
            """)) { a in
            try ExponentialDecay(initialLearningRate: try a["initial_learning_rate"].double("initial_learning_rate"),
                                 decaySteps: try a["decay_steps"].int("decay_steps"), decayRate: try a["decay_rate"].double("decay_rate"),
                                 staircase: try a["staircase"].bool("staircase"))
        },
        Entry(signature: Signature("InverseTimeDecay", """
            initial_learning_rate, decay_steps, decay_rate, staircase=False, name='InverseTimeDecay'
            """)) { a in
            try InverseTimeDecay(initialLearningRate: try a["initial_learning_rate"].double("initial_learning_rate"),
                                 decaySteps: try a["decay_steps"].int("decay_steps"), decayRate: try a["decay_rate"].double("decay_rate"),
                                 staircase: try a["staircase"].bool("staircase"))
        },
        Entry(signature: Signature("PiecewiseConstantDecay", "boundaries, values, name='PiecewiseConstant'")) { a in
            try PiecewiseConstantDecay(boundaries: try a["boundaries"].sequence("boundaries").map { try $0.int("boundaries") },
                                       values: try a["values"].sequence("values").map { try $0.double("values") })
        },
        Entry(signature: Signature("PolynomialDecay", """
            initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False, name='PolynomialDecay'
            """)) { a in
            try PolynomialDecay(initialLearningRate: try a["initial_learning_rate"].double("initial_learning_rate"),
                                decaySteps: try a["decay_steps"].int("decay_steps"),
                                endLearningRate: try a["end_learning_rate"].double("end_learning_rate"),
                                power: try a["power"].double("power"), cycle: try a["cycle"].bool("cycle"))
        },
        Entry(signature: Signature("CosineDecay", """
            initial_learning_rate, decay_steps, alpha=0.0, name='CosineDecay', !warmup_target=None, !warmup_steps=0
            """)) { a in
            try CosineDecay(initialLearningRate: try a["initial_learning_rate"].double("initial_learning_rate"),
                            decaySteps: try a["decay_steps"].int("decay_steps"), alpha: try a["alpha"].double("alpha"))
        },
    ]

    static func module() -> ModuleObject {
        Modules.module("keras.optimizers.schedules", entries.map { entry in
            (entry.signature.name, .object(BuiltinFunction(entry.signature) { a, _ in
                let name = try a["name"].string("name")
                return .object(ScheduleObject(try engineCall { try entry.make(a) }, name: name))
            }))
        })
    }
}
