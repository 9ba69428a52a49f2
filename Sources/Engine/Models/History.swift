/// What `fit` records per epoch, like Keras' `History`: `values["loss"][e]` is
/// epoch e's training loss. `keys` keeps Keras' order: loss, the metrics in
/// compile order, then the same with a "val_" prefix.
public final class History {
    public var keys: [String]
    public var values: [String: [Double]]
    /// Zero-based indices of the epochs run (shorter than asked when training stopped early).
    public var epochs: [Int] = []

    public init(keys: [String] = []) {
        self.keys = keys
        values = Dictionary(uniqueKeysWithValues: keys.map { ($0, []) })
    }

    /// Appends one epoch's values; a key not seen before is added at the end.
    func record(keys newKeys: [String], values newValues: [Double]) {
        for (key, value) in zip(newKeys, newValues) {
            if values[key] == nil { keys.append(key) }
            values[key, default: []].append(value)
        }
    }

    func record(_ logs: EpochLogs) {
        record(keys: logs.keys, values: logs.values)
    }

    /// The keys in the order Keras 3 itself stores them (sorted by name:
    /// accuracy, loss, val_accuracy, val_loss), for code that prints the dict.
    public var sortedKeys: [String] { keys.sorted() }

    /// Keras' `history.history` entry for `key`.
    public subscript(key: String) -> [Double]? { values[key] }
}
