/// Keras' `LearningRateScheduler`: before each epoch, sets the learning rate
/// to `schedule(epoch, currentRate)` (epochs counted from 0), and logs the rate
/// used as "learning_rate".
public final class LearningRateScheduler: Callback {
    public let schedule: (Int, Double) throws -> Double
    public let verbose: Int
    /// The first error the schedule threw, if any; training stops at that epoch.
    public private(set) var error: (any Error)?

    public init(verbose: Int = 0, schedule: @escaping (Int, Double) throws -> Double) {
        self.schedule = schedule
        self.verbose = verbose
    }

    public func epochWillBegin(_ epoch: Int, model: Sequential, log: (String) -> Void) {
        guard let optimizer = model.optimizer, error == nil else { return }
        do {
            let rate = try schedule(epoch, Double(Float(optimizer.learningRate)))
            guard rate.isFinite else {
                error = EngineError("The output of the schedule function should be a finite float. Received: \(rate)")
                return
            }
            optimizer.learningRate = rate
            if verbose > 0 { log("Epoch \(epoch + 1): LearningRateScheduler setting learning rate to \(rate).") }
        } catch {
            self.error = error
        }
    }

    public func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        if let optimizer = model.optimizer { logs["learning_rate"] = Double(Float(optimizer.currentLearningRate)) }
        return error != nil
    }
}
