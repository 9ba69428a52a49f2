/// Code that runs at fixed points of `fit`, as Keras' callbacks.
public protocol Callback: AnyObject {
    func trainingWillBegin(model: Sequential)
    func epochWillBegin(_ epoch: Int, model: Sequential, log: (String) -> Void)
    /// Called after each epoch's logs are known and printed, before History
    /// records them; a callback may add entries (as ReduceLROnPlateau adds
    /// "learning_rate"). Returning true stops training.
    func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool
    /// Called once training ends; `log` prints as `fit`'s own log does.
    func trainingDidEnd(model: Sequential, log: (String) -> Void)
}

extension Callback {
    public func trainingWillBegin(model: Sequential) {}
    public func epochWillBegin(_ epoch: Int, model: Sequential, log: (String) -> Void) {}
    public func trainingDidEnd(model: Sequential, log: (String) -> Void) {}
}

/// One epoch's named results (Keras' `logs` dict), in insertion order.
public struct EpochLogs: Sendable {
    public private(set) var keys: [String]
    public private(set) var values: [Double]

    public init(keys: [String], values: [Double]) {
        self.keys = keys
        self.values = values
    }

    /// The value for `key`; setting a new key appends it.
    public subscript(key: String) -> Double? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            guard let newValue else { return }
            if let index = keys.firstIndex(of: key) {
                values[index] = newValue
            } else {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}
