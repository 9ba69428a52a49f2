/// Keras' `TerminateOnNaN`: stops training as soon as an epoch's loss is NaN or infinite.
public final class TerminateOnNaN: Callback {
    public init() {}

    public func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        guard let loss = logs["loss"], !loss.isFinite else { return false }
        log("Epoch \(epoch + 1): Invalid loss, terminating training")
        return true
    }
}
