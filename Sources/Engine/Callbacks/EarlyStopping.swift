/// Keras' `EarlyStopping`: stops training once the monitored quantity has not
/// improved for `patience` epochs, optionally putting back the best weights.
///
/// An epoch improves on the best so far when it beats it by more than
/// `minDelta` in the monitored direction. With `restoreBestWeights`, the
/// weights of the best epoch are restored when training ends.
public final class EarlyStopping: Callback {
    public enum Mode: String, Sendable { case auto, min, max }

    public let monitor: String
    public let minDelta: Double
    public let patience: Int
    public let verbose: Int
    public let mode: Mode
    public let baseline: Double?
    public let restoreBestWeights: Bool
    public let startFromEpoch: Int

    /// Zero-based epoch at which training was stopped (0 if it was not).
    public private(set) var stoppedEpoch = 0
    /// Zero-based epoch with the best monitored value.
    public private(set) var bestEpoch = 0
    public private(set) var best = Double.infinity
    private var wait = 0
    private var bestWeights: [[Float]]?
    private var minimizing = true

    public init(
        monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, verbose: Int = 0,
        mode: String = "auto", baseline: Double? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0
    ) throws {
        guard let parsedMode = Mode(rawValue: mode) else {
            throw NameRegistry.unknown("mode", mode, known: ["auto", "min", "max"])
        }
        guard patience >= 0 else {
            throw EngineError("EarlyStopping expects a non-negative integer for patience. Received: patience=\(patience)")
        }
        self.monitor = monitor
        self.minDelta = abs(minDelta)
        self.patience = patience
        self.verbose = verbose
        self.mode = parsedMode
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
        self.startFromEpoch = startFromEpoch
    }

    public func trainingWillBegin(model: Sequential) {
        switch mode {
        case .min: minimizing = true
        case .max: minimizing = false
        case .auto:
            // Accuracy-like quantities grow as the model improves; losses and errors shrink.
            let name = monitor.lowercased()
            minimizing = !(name.hasSuffix("acc") || name.contains("accuracy") || name.hasSuffix("auc"))
        }
        wait = 0
        stoppedEpoch = 0
        bestEpoch = 0
        best = minimizing ? .infinity : -.infinity
        bestWeights = nil
    }

    public func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        guard let current = logs[monitor], epoch >= startFromEpoch else {
            return false
        }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = model.getWeights()
            bestEpoch = epoch
        }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = model.getWeights() }
            if baseline.map({ isImprovement(current, over: $0) }) ?? true { wait = 0 }
            return false
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            return true
        }
        return false
    }

    public func trainingDidEnd(model: Sequential, log: (String) -> Void) {
        // The line as the decks show it (Keras 2's zero-padded epoch): "Epoch 00403: early stopping".
        if stoppedEpoch > 0 && verbose > 0 { log("Epoch \(EarlyStopping.paddedEpoch(stoppedEpoch + 1)): early stopping") }
        if restoreBestWeights, let bestWeights {
            if verbose > 0 { log("Restoring model weights from the end of the best epoch: \(bestEpoch + 1).") }
            try? model.setWeights(bestWeights)
        }
    }

    private func isImprovement(_ value: Double, over reference: Double) -> Bool {
        minimizing ? value + minDelta < reference : value - minDelta > reference
    }

    /// Keras 2's `%05d` epoch numbers.
    public static func paddedEpoch(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
