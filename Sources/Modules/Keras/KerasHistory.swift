import Engine
import Script

/// Keras' `History`: `history.history['val_accuracy']` is a list of floats.
final class HistoryObject: ScriptObject {
    let history: History
    init(_ h: History) { history = h }
    var typeName: String { "History" }
    func repr() -> String { "<keras.callbacks.History>" }
    var attributeNames: [String] { ["history", "epoch"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "history":
            return .object(HistoryDict(history))
        case "epoch":
            // The epochs run, from `initial_epoch` on; by count where the loop kept no indices.
            let n = history.keys.first.flatMap { history.values[$0]?.count } ?? 0
            let epochs = history.epochs.count == n ? history.epochs : Array(0..<n)
            return .list(ListStorage(epochs.map { .int($0) }))
        default: return nil
        }
    }
}

/// `history.history`: a dict of per-epoch lists that also answers the other spelling of a key
/// ('acc' for 'accuracy', 'mean_squared_error' for 'mse', and back), as scripts written for
/// either Keras do.
final class HistoryDict: ScriptObject {
    let storage: DictStorage
    init(_ h: History) {
        storage = DictStorage()
        for key in h.keys {
            try? storage.set(.string(key), .list(ListStorage((h.values[key] ?? []).map { .float($0) })))
        }
    }
    var typeName: String { "dict" }
    /// Metric names Keras 2.2 logged in full where later versions log the short form.
    static let longNames = ["mse": "mean_squared_error", "mae": "mean_absolute_error",
                            "mape": "mean_absolute_percentage_error", "msle": "mean_squared_logarithmic_error"]

    static func alternate(_ key: String) -> String? {
        // Keras 2 logged the rate as 'lr', Keras 3 as 'learning_rate'; both read the same series.
        if key == "lr" { return "learning_rate" }
        if key == "learning_rate" { return "lr" }
        if key.hasSuffix("accuracy") { return String(key.dropLast(8)) + "acc" }
        if key.hasSuffix("acc") { return String(key.dropLast(3)) + "accuracy" }
        let prefix = key.hasPrefix("val_") ? "val_" : ""
        let name = String(key.dropFirst(prefix.count))
        if let long = longNames[name] { return prefix + long }
        if let short = longNames.first(where: { $0.value == name })?.key { return prefix + short }
        return nil
    }
    func getItem(_ key: Value) throws -> Value? {
        if let v = try storage.get(key) { return v }
        if case .string(let k) = key, let alt = HistoryDict.alternate(k), let v = try storage.get(.string(alt)) { return v }
        let known = storage.keys.compactMap { if case .string(let s) = $0 { return "'" + s + "'" } else { return nil } }
        throw ScriptError.key("\(key.shortDescription); the history has \(known.joined(separator: ", "))")
    }
    func iterate() throws -> [Value]? { storage.keys }
    func length() throws -> Int? { storage.count }
    func repr() -> String {
        "{" + zip(storage.keys, storage.values).map { k, v in
            let items = (try? v.sequence("")) ?? []
            return k.shortDescription + ": [" + items.map { if case .float(let d) = $0 { return FloatDigits.pythonRepr(d) } else { return "" } }.joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "}"
    }
    /// The dict methods a lesson reads the history with, declared as CPython declares dict's.
    static let methods = MethodTable<HistoryDict>([
        Method("keys", "") { h, _, _ in .list(ListStorage(h.storage.keys)) },
        Method("values", "") { h, _, _ in .list(ListStorage(h.storage.values)) },
        Method("items", "") { h, _, _ in .list(ListStorage(zip(h.storage.keys, h.storage.values).map { .tuple([$0, $1]) })) },
        Method("get", "key, default=None, /") { h, a, _ in (try? h.getItem(a["key"])) ?? a["default"] },
    ])
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
}
