/// Code that runs at fixed points of `fit`, as Keras' callbacks.
public protocol Callback: AnyObject {
    func trainingWillBegin(model: Sequential)
    /// Called after each epoch's logs are known; returning true stops training.
    func epochDidEnd(_ epoch: Int, keys: [String], values: [Double], model: Sequential) -> Bool
    /// Called once training ends; `log` prints as `fit`'s own log does.
    func trainingDidEnd(model: Sequential, log: (String) -> Void)
}

extension Callback {
    public func trainingWillBegin(model: Sequential) {}
    public func trainingDidEnd(model: Sequential, log: (String) -> Void) {}
}
