import Engine
import Script

/// A Keras loss given as an object (`BinaryCrossentropy(from_logits=True)`) or as the
/// function (`keras.losses.binary_crossentropy`): usable in `compile` and callable on
/// `(y_true, y_pred)` to get the mean loss.
final class LossObject: ScriptObject {
    let lossName: String
    let settings: LossSettings
    let displayName: String

    init(_ lossName: String, settings: LossSettings, displayName: String) {
        self.lossName = lossName
        self.settings = settings
        self.displayName = displayName
    }

    var typeName: String { displayName }
    func repr() -> String { "<keras.losses.\(displayName)>" }
    var attributeNames: [String] { ["name", "from_logits", "label_smoothing"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .string(lossName)
        case "from_logits": return .bool(settings.fromLogits)
        case "label_smoothing": return .float(Double(settings.labelSmoothing))
        default: return nil
        }
    }

    /// The function form (`binary_crossentropy(y_true, y_pred)`) returns each sample's loss, as
    /// Keras' functions do; the class form returns their mean.
    private var isFunctionForm: Bool { displayName.first?.isLowercase ?? false }

    /// What a call takes: the class form Keras 3's `__call__(y_true, y_pred, sample_weight=None)`,
    /// the function form its own options (`binary_crossentropy(y_true, y_pred, from_logits=False, ...)`).
    var callSignature: Signature {
        guard isFunctionForm else { return Signature(displayName, "y_true, y_pred, !sample_weight=None") }
        switch lossName {
        case "binary_crossentropy", "categorical_crossentropy":
            return Signature(displayName, "y_true, y_pred, from_logits=False, label_smoothing=0.0, !axis=-1")
        case "sparse_categorical_crossentropy":
            return Signature(displayName, "y_true, y_pred, from_logits=False, !ignore_class=None, !axis=-1")
        case "huber": return Signature(displayName, "y_true, y_pred, !delta=1.0")
        default: return Signature(displayName, "y_true, y_pred")
        }
    }

    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let signature = callSignature
        let a = try signature.bind(args)
        var settings = self.settings
        if signature.parameter("from_logits") != nil { settings.fromLogits = try a["from_logits"].bool("from_logits") }
        if signature.parameter("label_smoothing") != nil { settings.labelSmoothing = Float(try a["label_smoothing"].double("label_smoothing")) }
        let truth = try NDArray.coerce(a["y_true"]), predicted = try NDArray.coerce(a["y_pred"])
        let loss = try engineCall { try Loss.named(lossName) }
        try engineCall { try settings.validate(for: loss) }
        let cols = predicted.shape.last ?? 1
        let rows = max(1, predicted.count / max(cols, 1))
        let targetColumns = loss.targetColumns(outputs: cols)
        guard truth.count == targetColumns * rows else {
            throw ScriptError.value("y_true and y_pred do not match: shapes \(NDArray.shapeText(truth.shape)) and \(NDArray.shapeText(predicted.shape))")
        }
        let p = predicted.storage.map(Float.init), t = truth.storage.map(Float.init)
        var perSample = [Double](repeating: 0, count: rows)
        p.withUnsafeBufferPointer { pp in
            t.withUnsafeBufferPointer { tp in
                for r in 0..<rows {
                    perSample[r] = Double(Float(loss.compute(predictions: pp.baseAddress! + r * cols, targets: tp.baseAddress! + r * targetColumns,
                                                             rows: 1, cols: cols, gradient: nil, settings: settings)))
                }
            }
        }
        if isFunctionForm {
            let shape = predicted.shape.count <= 1 ? [] : Array(predicted.shape.dropLast())
            return .object(NDArray(shape: shape, storage: shape.isEmpty ? [perSample[0]] : perSample, dtype: .float32))
        }
        return .object(NDArray(scalar: Double(Float(perSample.reduce(0, +) / Double(rows))), dtype: .float32))
    }
}

/// The loss classes of `keras.losses`, each declared once as its Keras 3 signature with the
/// engine loss it names (function forms such as `binary_crossentropy` take the defaults).
enum KerasLossClasses {
    static let shared = "!reduction='sum_over_batch_size', name=NAME, !dtype=None"

    static func declaration(_ own: String, name: String) -> String {
        (own.isEmpty ? "" : own + ", ") + shared.replacingOccurrences(of: "NAME", with: "'\(name)'")
    }

    static let crossentropy = "from_logits=False, label_smoothing=0.0, !axis=-1"
    /// (class, engine loss, the class's own parameters before the shared ones, Keras' default name).
    static let table: [(String, String, String, String)] = [
        ("BinaryCrossentropy", "binary_crossentropy", crossentropy, "binary_crossentropy"),
        ("CategoricalCrossentropy", "categorical_crossentropy", crossentropy, "categorical_crossentropy"),
        ("SparseCategoricalCrossentropy", "sparse_categorical_crossentropy", "from_logits=False, !ignore_class=None, !axis=-1",
         "sparse_categorical_crossentropy"),
        ("MeanSquaredError", "mean_squared_error", "", "mean_squared_error"),
        ("MeanAbsoluteError", "mean_absolute_error", "", "mean_absolute_error"),
        ("MeanAbsolutePercentageError", "mean_absolute_percentage_error", "", "mean_absolute_percentage_error"),
        ("MeanSquaredLogarithmicError", "mean_squared_logarithmic_error", "", "mean_squared_logarithmic_error"),
        ("Hinge", "hinge", "", "hinge"), ("SquaredHinge", "squared_hinge", "", "squared_hinge"),
        ("Huber", "huber", "!delta=1.0", "huber_loss"), ("LogCosh", "log_cosh", "", "log_cosh"),
        ("Poisson", "poisson", "", "poisson"), ("KLDivergence", "kl_divergence", "", "kl_divergence"),
    ]

    static let entries: [(signature: Signature, loss: String)] = table.map { cls, loss, own, name in
        (Signature(cls, declaration(own, name: name)), loss)
    }
}

extension KerasModule {
    static func losses() -> ModuleObject {
        // Class form with options, function form with defaults; both name an engine loss.
        var members: [(String, Value)] = KerasLossClasses.entries.map { signature, loss in
            (signature.name, .object(BuiltinFunction(signature) { a, _ in
                var settings = LossSettings()
                if signature.parameter("from_logits") != nil { settings.fromLogits = try a["from_logits"].bool("from_logits") }
                if signature.parameter("label_smoothing") != nil {
                    settings.labelSmoothing = Float(try a["label_smoothing"].double("label_smoothing"))
                }
                try engineCall { try settings.validate(for: try Loss.named(loss)) }
                return .object(LossObject(loss, settings: settings, displayName: signature.name))
            }))
        }
        let functionNames = ["binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy",
                             "mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
                             "mean_squared_logarithmic_error", "hinge", "squared_hinge", "huber", "log_cosh", "poisson",
                             "kl_divergence", "mse", "mae", "mape", "msle", "kld", "logcosh"]
        for name in functionNames {
            members.append((name, .object(LossObject(name, settings: LossSettings(), displayName: name))))
        }
        return module("keras.losses", members)
    }
}
