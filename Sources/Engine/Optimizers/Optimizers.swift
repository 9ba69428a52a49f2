/// An optimizer class as Keras knows it. Each optimizer file declares, next to the optimizer:
/// - `kerasName` and `kerasSignature`: its Keras 3 class name and its own parameters in Python's
///   notation, from `learning_rate` to `weight_decay` (the keywords every optimizer takes,
///   `clipnorm`, `name`, ..., are added by the binding);
/// - `init()` with Keras' defaults, and `init(configuration:)`, the one way it is built from a
///   lesson's arguments or a saved model (the learning rate and the shared options are set after);
/// - `configuration`: its own settings (what a saved model keeps).
/// Then one line in `OptimizerKinds.all` makes it importable by class and by string, and savable.
public protocol KerasOptimizer: Optimizer {
    static var kerasName: String { get }
    static var kerasSignature: String { get }
    init()
    init(configuration: KerasConfiguration) throws
    var configuration: KerasConfiguration { get }
}

/// Every optimizer class the engine offers, one line each.
public enum OptimizerKinds {
    public static var all: [any KerasOptimizer.Type] { [
        SGD.self,
        Adam.self,
        AdamW.self,
        RMSprop.self,
        Adagrad.self,
        Adadelta.self,
        Adamax.self,
        Nadam.self,
    ] }

    /// The class a name gives, in any case (`'adam'`, `'Adam'`).
    public static func named(_ name: String) -> (any KerasOptimizer.Type)? {
        all.first { $0.kerasName.lowercased() == name.lowercased() }
    }
}

/// Optimizers by Keras' string names (`compile(optimizer='adam')`), with Keras' default settings.
public enum Optimizers {
    public static func named(_ name: String) throws -> Optimizer {
        guard let kind = OptimizerKinds.named(name) else {
            throw NameRegistry.unknown("optimizer", name, known: OptimizerKinds.all.map { $0.kerasName.lowercased() })
        }
        return kind.init()
    }
}

extension KerasConfiguration {
    /// The moment settings Adam and its relatives share: beta_1, beta_2 and epsilon.
    public func moments() throws -> (beta1: Double, beta2: Double, epsilon: Double) {
        (try double("beta_1"), try double("beta_2"), try double("epsilon"))
    }

    static func moments(_ owner: String, _ beta1: Double, _ beta2: Double, _ epsilon: Double,
                        _ more: [String: ConfigValue] = [:]) -> KerasConfiguration {
        KerasConfiguration(owner, more.merging(["beta_1": .double(beta1), "beta_2": .double(beta2), "epsilon": .double(epsilon)]) { a, _ in a })
    }
}

/// An optimizer class whose own settings are exactly beta_1, beta_2 and epsilon (Adamax, Nadam):
/// its configuration comes with the kind.
protocol MomentOptimizerKind: KerasOptimizer {
    init(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double)
    var beta1: Double { get }
    var beta2: Double { get }
    var epsilon: Double { get }
}

extension MomentOptimizerKind {
    /// Keras' defaults.
    public init() {
        self.init(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
    }

    public init(configuration c: KerasConfiguration) throws {
        let (beta1, beta2, epsilon) = try c.moments()
        self.init(learningRate: 0.001, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    public var configuration: KerasConfiguration { .moments(Self.kerasName, beta1, beta2, epsilon) }
}
