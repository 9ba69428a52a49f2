import Engine
import Script

/// Keras' `Callback` base class, for lessons to subclass (`class MyCallback(Callback):`).
/// Its default methods do nothing; a lesson overrides the ones it needs.
enum CallbackBase {
    static let hooks = ["on_train_begin", "on_train_end", "on_epoch_begin", "on_epoch_end",
                        "on_batch_begin", "on_batch_end", "on_train_batch_begin", "on_train_batch_end"]

    static func make() -> ClassObject {
        var members: [String: Value] = [:]
        for hook in hooks { members[hook] = .object(BuiltinFunction(hook) { _, _ in .none }) }
        members["set_model"] = .object(BuiltinFunction("set_model") { _, _ in .none })
        return ClassObject(hostClass: "Callback", members: members)
    }
}

/// Runs a lesson's Callback subclass from the training loop: sets `self.model`, and calls
/// `on_train_begin(logs)`, `on_epoch_begin(epoch, logs)`, `on_epoch_end(epoch, logs)` and
/// `on_train_end(logs)` with Keras' logs dict, and after every batch `on_train_batch_end(batch,
/// logs)` / `on_batch_end(batch, logs)` when the class defines them (logs hold the epoch's mean
/// loss so far, as Keras 3's do). An error inside stops training and is re-raised after `fit`
/// returns.
final class ScriptCallback: Callback, BatchObserver {
    let instance: Instance
    unowned let owner: ModelObject
    let context: CallContext
    private(set) var error: (any Error)?

    init(_ instance: Instance, owner: ModelObject, context: CallContext) {
        self.instance = instance
        self.owner = owner
        self.context = context
    }

    private func invoke(_ hook: String, _ args: [Value]) -> Bool {
        guard error == nil else { return true }
        do {
            guard let method = try instance.attribute(hook) else { return false }
            _ = try context.call(method, Arguments(args))
        } catch {
            self.error = error
            return true
        }
        return owner.stopTraining
    }

    func trainingWillBegin(model: Sequential) {
        owner.stopTraining = false
        _ = try? instance.setAttribute("model", .object(owner))
        _ = invoke("on_train_begin", [.dict(DictStorage())])
    }

    func epochWillBegin(_ epoch: Int, model: Sequential, log: (String) -> Void) {
        _ = invoke("on_epoch_begin", [.int(epoch), .dict(DictStorage())])
    }

    func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        let d = DictStorage()
        for (k, v) in zip(logs.keys, logs.values) { try? d.set(.string(k), .float(v)) }
        return invoke("on_epoch_end", [.int(epoch), .dict(d)])
    }

    func trainingDidEnd(model: Sequential, log: (String) -> Void) {
        _ = invoke("on_train_end", [.dict(DictStorage())])
    }

    /// The batch hooks the lesson's class defines itself (the base class's do nothing), found once.
    private lazy var batchHooks: [String] = ["on_train_batch_end", "on_batch_end"].filter { hook in
        guard case .object(let method)? = try? instance.attribute(hook) else { return false }
        return !(method is BuiltinFunction)
    }

    func batchDidEnd(_ batch: Int, loss: Double, log: (String) -> Void) -> Bool {
        guard !batchHooks.isEmpty else { return false }
        var stop = false
        for hook in batchHooks {
            let logs = DictStorage()
            try? logs.set(.string("loss"), .float(loss))
            if invoke(hook, [.int(batch), .dict(logs)]) { stop = true }
        }
        return stop
    }
}

/// Ends training when the block's time limit passes, so `epochs=10**9` or one very long epoch is
/// an error, not a hang: the limit is checked after every batch. Also reports each finished epoch
/// to the session's progress observer (the live progress line of `lectern render`).
final class DeadlineCallback: Callback, BatchObserver {
    let context: CallContext
    let epochs: Int
    let progress: ((Int, Int) -> Void)?
    private(set) var error: (any Error)?
    init(_ context: CallContext, epochs: Int, progress: ((Int, Int) -> Void)?) {
        self.context = context
        self.epochs = epochs
        self.progress = progress
    }

    func batchDidEnd(_ batch: Int, loss: Double, log: (String) -> Void) -> Bool {
        expired()
    }

    func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        progress?(epoch + 1, epochs)
        return expired()
    }

    private func expired() -> Bool {
        guard error == nil else { return true }
        do {
            try context.checkDeadline()
            return false
        } catch {
            self.error = error
            return true
        }
    }
}
