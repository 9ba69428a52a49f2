import Foundation
import Lesson
import Notebook
import Subprocess

extension ChildWatch {
    /// The validated result of the run: the blocks the child finished, an error under the block
    /// that was running when it stopped, and "not run" under the rest. Keys are the parent's own;
    /// blocks whose outcome came from outside get none, so the lesson runs again next time.
    func outcome(status: TerminationStatus?, launchError: String?, seconds: Double, figureFolder: URL) -> ChildOutcome {
        let lesson = job.lesson
        let keys = BlockKeys.compute(lesson, seed: job.seed, parameters: job.parameters)
        let seen = snapshot()
        var blocks = seen.blocks, garbage = seen.garbage
        let running = seen.running?.index, finished = seen.finished, stop = seen.stop
        var problems: [String] = []
        for i in blocks.indices {
            blocks[i].key = keys[i]
            if let bad = badFigure(blocks[i], in: figureFolder) {
                garbage = garbage ?? bad
                blocks.removeSubrange(i..<blocks.count)
                break
            }

        }
        let clean = launchError == nil && garbage == nil && stop == nil && finished != nil
            && status == .exited(0) && blocks.count == lesson.experiments.count
        if !clean {
            let message = Self.stopMessage(stop: stop, status: status, launchError: launchError, garbage: garbage, stderr: seen.stderrTail)
            let at = running ?? min(blocks.count, max(lesson.experiments.count - 1, 0))
            if at < lesson.experiments.count {
                let block = lesson.experiments[at]
                let text = "\(lesson.file):\(block.fenceLine):1: error: \(message)"
                if blocks.count > at { blocks.removeSubrange(at..<blocks.count) }
                blocks.append(BlockRecord(id: block.id, line: block.fenceLine, key: nil, outputs: [OutputRecord(kind: .error, text: text)]))
                for later in lesson.experiments[(at + 1)...] {
                    blocks.append(BlockRecord(id: later.id, line: later.fenceLine, key: nil, outputs: [
                        OutputRecord(kind: .error, text: "not run: the lesson stopped in block '\(block.id)'")]))
                }
            } else {
                problems.append("\(lesson.file): error: \(message)")
            }
        }
        let record = LessonRecord(lesson: lesson.file, title: lesson.title,
                                  parameters: job.parameters.isEmpty ? nil : job.parameters, blocks: blocks)
        problems = record.problems + problems
        return ChildOutcome(record: record, figureFolder: figureFolder, problems: problems, stopped: !clean,
                            seconds: seconds, peakMemoryMiB: seen.peakBytes >> 20, timing: clean ? finished : nil)
    }

    /// A figure the record names must sit under the lesson's own folder, exist as a regular file
    /// in the work folder and hash to the recorded SHA-256.
    private func badFigure(_ block: BlockRecord, in folder: URL) -> String? {
        for o in block.outputs where o.kind == .figure {
            guard let file = o.file, let sha = o.sha256 else { return "a figure of block '\(block.id)' without a file" }
            let parts = file.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == job.lesson.stem[...], parts[1].hasSuffix(".png"), !parts[1].hasPrefix(".") else {
                return "a figure path outside the lesson's folder: \(file)"
            }
            let url = folder.appendingPathComponent(file)
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  let data = FileManager.default.contents(atPath: url.path) else {
                return "figure \(file) is missing"
            }
            guard SHA256.hex([UInt8](data)) == sha else { return "figure \(file) does not match its record" }
        }
        return nil
    }

    static func stopMessage(stop: StopReason?, status: TerminationStatus?, launchError: String?, garbage: String?, stderr: [UInt8]) -> String {
        switch stop {
        case .memory(let limit):
            return "MemoryError: the lesson went over its \(limit) MiB memory limit and was stopped (lectern --memory-limit)"
        case .time(let block, let seconds):
            return "TimeoutError: block '\(block)' ran past its time limit of \(format(seconds)) s and was stopped (set a larger `timeout=` option on the block if it needs more)"
        case nil:
            break
        }
        if let launchError { return launchError }
        if let garbage { return "the lesson's process sent what Lectern cannot accept (\(garbage)), so its results were not used" }
        let detail = crashDetail(stderr)
        switch status {
        case .signaled(let signal)?:
            return "the lesson's process crashed (\(signalName(signal)))" + detail
        case .exited(let code)?:
            return "the lesson's process ended with status \(code) before the lesson finished" + detail
        default:
            return "the lesson's process ended before the lesson finished" + detail
        }
    }

    /// The runtime's own words about a crash ("Fatal error: ..."), if it said any.
    static func crashDetail(_ stderr: [UInt8]) -> String {
        let lines = String(decoding: stderr, as: UTF8.self).split(separator: "\n")
        let fatal = lines.filter { $0.contains("Fatal error") || $0.contains("error:") }.suffix(3)
        let chosen = fatal.isEmpty ? lines.suffix(2) : fatal
        guard !chosen.isEmpty else { return "" }
        return "\n" + chosen.map { "  " + $0.prefix(300) }.joined(separator: "\n")
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT",
                                      SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM"]
        return names[signal] ?? "signal \(signal)"
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
