/// Keras' `ReduceLROnPlateau`: multiplies the learning rate by `factor` once
/// the monitored quantity has not improved by more than `minDelta` for
/// `patience` epochs, then waits `cooldown` epochs before counting again.
/// Adds the epoch's learning rate to the logs as "learning_rate", as Keras does.
public final class ReduceLROnPlateau: Callback {
    public let monitor: String
    public let factor: Double
    public let patience: Int
    public let verbose: Int
    public let minDelta: Double
    public let cooldown: Int
    public let minLR: Double
    private let mode: EarlyStopping.Mode
    private var maximizing = false
    private var best = Double.infinity
    private var wait = 0
    private var cooldownCounter = 0

    public init(
        monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, verbose: Int = 0,
        mode: String = "auto", minDelta: Double = 1e-4, cooldown: Int = 0, minLR: Double = 0
    ) throws {
        guard factor < 1 else {
            throw EngineError("ReduceLROnPlateau does not support a factor >= 1.0. Received: factor=\(factor)")
        }
        guard let parsedMode = EarlyStopping.Mode(rawValue: mode) else {
            throw NameRegistry.unknown("mode", mode, known: ["auto", "min", "max"])
        }
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.verbose = verbose
        self.mode = parsedMode
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLR = minLR
    }

    public func trainingWillBegin(model: Sequential) {
        // Keras' rule for "auto": quantities with "acc" in their name are maximized.
        maximizing = mode == .max || (mode == .auto && monitor.contains("acc"))
        best = maximizing ? -.infinity : .infinity
        wait = 0
        cooldownCounter = 0
    }

    public func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        guard let optimizer = model.optimizer else { return false }
        // Keras keeps the rate in float32 and logs that value.
        logs["learning_rate"] = Double(Float(optimizer.currentLearningRate))
        guard let current = logs[monitor] else { return false }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        let improved = maximizing ? current > best + minDelta : current < best - minDelta
        if improved {
            best = current
            wait = 0
        } else if cooldownCounter == 0 {
            wait += 1
            if wait >= patience {
                let old = Double(Float(optimizer.learningRate))
                if old > Double(Float(minLR)) {
                    let new = max(old * factor, minLR)
                    optimizer.learningRate = new
                    if verbose > 0 { log("Epoch \(epoch + 1): ReduceLROnPlateau reducing learning rate to \(new).") }
                    cooldownCounter = cooldown
                    wait = 0
                }
            }
        }
        return false
    }
}
