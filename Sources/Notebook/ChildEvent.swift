import Foundation
import Lesson

/// One line of the conversation from a lesson's child process to the `lectern` process that
/// supervises it: JSON, one event per line on the child's standard output.
public enum ChildEvent: Codable, Sendable, Equatable {
    /// Block `index` (0-based) of `count`, named `id`, starts.
    case block(index: Int, count: Int, id: String)
    /// Text the running block printed (only when the parent asked for it: `lectern run`).
    case text(String)
    /// An epoch of training ended inside the running block.
    case epoch(Int, of: Int)
    /// Block `index` finished; its figures are in the work folder under the paths the record names.
    case done(index: Int, record: BlockRecord)
    /// The lesson ended normally; where its time went, in seconds.
    case finished(code: Double, engine: Double, figures: Double)

    public func line() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }

    public static func parse(_ line: some Collection<UInt8>) -> ChildEvent? {
        try? JSONDecoder().decode(ChildEvent.self, from: Data(line))
    }
}

/// The child's side: reports a running lesson as events on standard output and writes its
/// figures into the work folder the parent gave it (never into the output folder).
public final class ChildReporter: RunObserver {
    let figureFolder: URL
    let streamText: Bool
    private var lastEpochReport = ContinuousClock.now - .seconds(1)

    public init(figureFolder: URL, streamText: Bool) {
        self.figureFolder = figureFolder
        self.streamText = streamText
    }

    public func send(_ event: ChildEvent) {
        FileHandle.standardOutput.write(event.line())
    }

    public func blockWillRun(index: Int, count: Int, block: ExperimentBlock) {
        send(.block(index: index, count: count, id: block.id))
    }

    public func textWritten(_ text: String) {
        if streamText { send(.text(text)) }
    }

    /// At most ten progress events a second, and always the last epoch.
    public func epochEnded(_ epoch: Int, of epochs: Int) {
        let now = ContinuousClock.now
        guard epoch == epochs || now - lastEpochReport >= .milliseconds(100) else { return }
        lastEpochReport = now
        send(.epoch(epoch, of: epochs))
    }

    public func blockDidRun(index: Int, record: BlockRecord, figures: [(path: String, png: [UInt8])]) {
        for (path, png) in figures {
            let url = figureFolder.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(png).write(to: url)
        }
        send(.done(index: index, record: record))
    }
}
