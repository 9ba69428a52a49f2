import Script
import Foundation
import Notebook

/// What a course run shows while it goes. On a terminal: one line per running lesson (its block,
/// and inside `fit` the epoch and an estimate of the time left), redrawn in place, with a summary
/// line printed above them as each lesson ends. Elsewhere (CI logs, pipes, `--quiet`): only the
/// summary lines, in lesson order whatever order the lessons end in.
public final class ProgressBoard: @unchecked Sendable {
    private struct Running {
        var name: String
        var block = "starting"
        var epoch: (Int, Int)?
        var fitStart: ContinuousClock.Instant?
        var started = ContinuousClock.now
    }

    private let lock = NSLock()
    private let live: Bool
    private let names: [String]
    private let write: (String) -> Void
    private var running: [Int: Running] = [:]
    private var summaries: [Int: String] = [:]
    private var nextInOrder = 0
    private var drawn = 0
    private var lastDraw = ContinuousClock.now - .seconds(1)

    /// `names[i]` names lesson `i`; `live` redraws in place (a terminal); `write` prints.
    public init(names: [String], live: Bool, write: @escaping (String) -> Void) {
        self.names = names
        self.live = live
        self.write = write
    }

    /// Whether standard output is a terminal that can redraw lines.
    public static var standardOutputIsTerminal: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    public func started(_ index: Int) {
        lock.withLock {
            running[index] = Running(name: names[index])
            redraw(force: true)
        }
    }

    public func event(_ index: Int, _ event: ChildEvent) {
        guard live else { return }
        lock.withLock {
            guard var r = running[index] else { return }
            switch event {
            case .block(let i, let count, let id):
                r.block = "block \(i + 1)/\(count) '\(id)'"
                r.epoch = nil
                r.fitStart = nil
            case .epoch(let e, let total):
                if r.fitStart == nil || (r.epoch.map { e < $0.0 } ?? true) { r.fitStart = .now }
                r.epoch = (e, total)
            default:
                return
            }
            running[index] = r
            redraw(force: false)
        }
    }

    /// Lesson `index` ended; `line` is its summary.
    public func finished(_ index: Int, line: String) {
        lock.withLock {
            running[index] = nil
            summaries[index] = line
            if live {
                clearBoard()
                write(line + "\n")
                summaries[index] = nil
                redraw(force: true)
            } else {
                while let s = summaries[nextInOrder] {
                    write(s + "\n")
                    summaries[nextInOrder] = nil
                    nextInOrder += 1
                }
            }
        }
    }

    /// Marks a lesson that will not run (frozen, or not in this shard) so later ones still print.
    public func skipped(_ index: Int, line: String?) {
        if let line { finished(index, line: line) } else {
            lock.withLock {
                summaries[index] = nil
                if index == nextInOrder {
                    nextInOrder += 1
                    while let s = summaries[nextInOrder] {
                        write(s + "\n")
                        summaries[nextInOrder] = nil
                        nextInOrder += 1
                    }
                }
            }
        }
    }

    private func clearBoard() {
        guard live, drawn > 0 else { return }
        write("\u{1B}[\(drawn)A\r\u{1B}[J")
        drawn = 0
    }

    private func redraw(force: Bool) {
        guard live else { return }
        let now = ContinuousClock.now
        guard force || now - lastDraw >= .milliseconds(80) else { return }
        lastDraw = now
        var text = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        let lines = running.keys.sorted().map { line(running[$0]!, now: now) }
        for l in lines { text += "\r\u{1B}[2K" + l + "\n" }
        text += "\u{1B}[J"
        write(text)
        drawn = lines.count
    }

    private func line(_ r: Running, now: ContinuousClock.Instant) -> String {
        var s = "  ⏵ \(r.name): \(r.block)"
        if let (e, total) = r.epoch, let fitStart = r.fitStart, e > 0 {
            let elapsed = (now - fitStart).inSeconds
            let left = elapsed / Double(e) * Double(max(total - e, 0))
            s += ", epoch \(e)/\(total), ETA \(String(format: left < 10 ? "%.1f" : "%.0f", left)) s"
        }
        s += String(format: " (%.1f s)", (now - r.started).inSeconds)
        return s.count > 110 ? String(s.prefix(109)) + "…" : s
    }
}
