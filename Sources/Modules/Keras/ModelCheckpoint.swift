import Engine
import Foundation

/// Keras' `ModelCheckpoint`: after each epoch, saves the model (every epoch, or only when the
/// monitored value improves) to a path in the lesson's scratch folder, printing Keras' lines.
final class ModelCheckpoint: Callback {
    let path: String
    let monitor: String
    let verbose: Int
    let saveBestOnly: Bool
    let maximize: Bool
    unowned let session: LessonSession
    /// The language-side model being trained; set by `fit`.
    weak var owner: ModelObject?
    private var best: Double
    /// A save that failed (disk, path); fit reports it after training.
    private(set) var error: (any Error)?

    init(path: String, monitor: String, verbose: Int, saveBestOnly: Bool, maximize: Bool, session: LessonSession) {
        self.path = path
        self.monitor = monitor
        self.verbose = verbose
        self.saveBestOnly = saveBestOnly
        self.maximize = maximize
        self.session = session
        best = maximize ? -.infinity : .infinity
    }

    func trainingWillBegin(model: Sequential) {
        best = maximize ? -.infinity : .infinity
    }

    func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        let epochText = EarlyStopping.paddedEpoch(epoch + 1)
        guard saveBestOnly else {
            if verbose > 0 { log("\nEpoch \(epochText): saving model to \(path)") }
            save()
            return false
        }
        guard let current = logs[monitor] ?? logs[HistoryDict.alternate(monitor) ?? monitor] else {
            if verbose > 0 { log("Can save best model only with \(monitor) available, skipping.") }
            return false
        }
        if maximize ? current > best : current < best {
            if verbose > 0 {
                log("\nEpoch \(epochText): \(monitor) improved from \(Self.fixed5(best)) to \(Self.fixed5(current)), saving model to \(path)")
            }
            best = current
            save()
        } else if verbose > 0 {
            log("\nEpoch \(epochText): \(monitor) did not improve from \(Self.fixed5(best))")
        }
        return false
    }

    private func save() {
        do { try owner?.save(path) } catch { self.error = error }
    }

    /// Python's `%0.5f` (C's rounding of the exact value), with Python's spelling of infinities.
    static func fixed5(_ v: Double) -> String {
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v.isNaN { return "nan" }
        return String(format: "%.5f", v)
    }
}
