import Foundation
import Lesson
import Engine
import Modules
import Script

/// The result of running one lesson: its record, the PNG files its figures became, and whether
/// anything failed.
public struct LessonRun: Sendable {
    public var lesson: Lesson
    public var record: LessonRecord
    /// Figure PNGs keyed by their path relative to the output folder (`lesson/block-1-1.png`).
    public var figures: [(path: String, png: [UInt8])]
    /// Problems that make the lesson fail: option diagnostics and block errors, one line each.
    public var problems: [String]
    /// Where the time went.
    public var timing = Timing()

    public var failed: Bool { !problems.isEmpty }
}

/// Wall time of a lesson's run: running the blocks' code (engine included), the part of it spent
/// inside the engine (fit, evaluate, predict), and drawing and encoding the figures.
public struct Timing: Sendable {
    public var code: Duration = .zero
    public var engine: Duration = .zero
    public var figures: Duration = .zero

    /// The engine's share of the code's time, 0...1.
    public var engineShare: Double {
        let total = code.inSeconds
        return total > 0 ? engine.inSeconds / total : 0
    }
}

/// Executes a lesson's experiment blocks in order in one shared session, capturing each block's
/// printed text, final value, figures and errors.
public enum NotebookRunner {
    /// The memory limit of a lesson; any one array or list larger than it is a MemoryError (see
    /// `Limits`). The whole process is held to it from outside by `lectern`'s supervisor.
    public static func setMemoryLimit(mebibytes: Int) {
        Limits.setMemoryLimit(mebibytes: mebibytes)
        EngineLimits.maxBytes = Limits.memoryLimitMiB << 20
    }

    /// Runs `lesson`. `parameters` override its `params` block; `scratch` is where its files go
    /// (a fresh temporary folder, removed afterwards, when nil); `courseFolder` is the lesson's
    /// folder, whose files it may read (none when nil); `observer` hears each step.
    public static func run(_ lesson: Lesson, seed: UInt64 = 0, parameters: [String: String] = [:],
                           scratch: URL? = nil, courseFolder: URL? = nil, observer: (any RunObserver)? = nil) -> LessonRun {
        // A thread with a large stack of known size, so deep recursion is a RecursionError.
        StackGuard.run { runOnThisThread(lesson, seed: seed, parameters: parameters, scratch: scratch, courseFolder: courseFolder, observer: observer) }
    }

    static func runOnThisThread(_ lesson: Lesson, seed: UInt64, parameters: [String: String],
                                scratch: URL?, courseFolder: URL?, observer: (any RunObserver)?) -> LessonRun {
        let keys = BlockKeys.compute(lesson, seed: seed, parameters: parameters)
        let recordParameters = parameters.isEmpty ? nil : parameters
        func record(_ blocks: [BlockRecord]) -> LessonRecord {
            LessonRecord(lesson: lesson.file, title: lesson.title, parameters: recordParameters, blocks: blocks)
        }
        var blocks: [BlockRecord] = []
        var figures: [(String, [UInt8])] = []
        let diagnostics = lesson.diagnostics + Parameters.problems(parameters, in: lesson)
        var problems = diagnostics.map(\.description)

        // Options are checked before anything runs: a lesson with bad options runs no block. The
        // blocks get no key, so the lesson runs once its options are fixed, even when the fix
        // leaves every key as it was (a front matter or an `echo=` corrected).
        if !diagnostics.isEmpty {
            for (index, block) in lesson.experiments.enumerated() {
                let mine = diagnostics.filter { $0.line == block.fenceLine }
                let text = mine.isEmpty
                    ? "not run: the lesson has errors in its front matter or experiment options (listed at the top of the page)"
                    : mine.map(\.description).joined(separator: "\n")
                let b = BlockRecord(id: block.id, line: block.fenceLine, key: nil, outputs: [OutputRecord(kind: .error, text: text)])
                blocks.append(b)
                observer?.blockDidRun(index: index, record: b, figures: [])
            }
            return LessonRun(lesson: lesson, record: record(blocks), figures: [], problems: problems)
        }

        let session = LessonSession(seed: seed)
        // Files the lesson writes (savefig, checkpoints) live in a scratch folder removed afterwards.
        let ownScratch = scratch == nil
        let scratchDir = scratch ?? FileManager.default.temporaryDirectory.appendingPathComponent("lectern-\(lesson.stem)-\(UUID().uuidString)")
        session.scratchDirectory = scratchDir
        defer { if ownScratch { try? FileManager.default.removeItem(at: scratchDir) } }
        session.epochObserver = observer.map { o in { o.epochEnded($0, of: $1) } }
        session.courseFolder = courseFolder
        // The files each block reads, hashed as read, so the record can tell when they change.
        var inputs: [String: String] = [:]
        session.fileRead = { path, bytes in inputs[path] = bytes.map { SHA256.hex($0) } ?? BlockRecord.absentInput }
        var readsClock = false
        session.clockRead = { readsClock = true }
        let interpreter = Interpreter(modules: session.registry)
        var timing = Timing()
        let clock = ContinuousClock()
        let count = lesson.experiments.count
        for (index, block) in lesson.experiments.enumerated() {
            observer?.blockWillRun(index: index, count: count, block: block)
            inputs = [:]
            readsClock = false
            var outputs: [OutputRecord] = []
            var pending = ""
            interpreter.output = { text in
                pending += text
                observer?.textWritten(text)
            }
            func flushText() {
                if !pending.isEmpty { outputs.append(OutputRecord(kind: .text, text: pending)) }
                pending = ""
            }
            let deadline = ContinuousClock.now + .milliseconds(Int64(block.options.timeout * 1000))
            interpreter.deadline = deadline
            interpreter.resetPrinted()
            Limits.deadline = deadline
            let codeStart = clock.now
            var raised = false
            do {
                var value = try interpreter.run(block.code, file: lesson.file, firstLine: block.codeLine, column: block.codeColumn)
                if block.options.params, !parameters.isEmpty {
                    value = nil
                    _ = try interpreter.run(Parameters.assignments(parameters), file: "--param", firstLine: 1, column: 1)
                }
                flushText()
                if let value { outputs.append(OutputRecord(kind: .value, text: try interpreter.checkedRepr(value))) }
            } catch let e as ScriptError {
                flushText()
                raised = true
                outputs.append(OutputRecord(kind: .error, text: e.description))
                if !block.options.expectsError { problems.append(e.headline) }
            } catch {
                flushText()
                raised = true
                let text = "\(lesson.file):\(block.codeLine):\(block.codeColumn): error: \(error)"
                outputs.append(OutputRecord(kind: .error, text: text))
                if !block.options.expectsError { problems.append(text) }
            }
            if block.options.expectsError && !raised {
                let text = "\(lesson.file):\(block.fenceLine):1: error: block '\(block.id)' has error=expected but raised no error"
                outputs.append(OutputRecord(kind: .error, text: text))
                problems.append(text)
            }
            interpreter.deadline = nil
            Limits.deadline = nil
            timing.code += clock.now - codeStart
            let figureStart = clock.now
            var blockFigures: [(path: String, png: [UInt8])] = []
            for (n, figure) in session.takeFigures().enumerated() {
                let path = "\(lesson.stem)/\(block.id)-\(n + 1).png"
                do {
                    let png = try figure.renderPNG(scale: 2, deadline: deadline)
                    let size = figure.pixelSize
                    outputs.append(OutputRecord(kind: .figure, text: figure.describe(), file: path,
                                                width: size.width, height: size.height, sha256: SHA256.hex(png)))
                    blockFigures.append((path, png))
                } catch {
                    let text = "\(lesson.file):\(block.fenceLine):1: error: " + ("\(error)".hasPrefix("TimeoutError") ? "\(error)" : "figure could not be drawn: \(error)")
                    outputs.append(OutputRecord(kind: .error, text: text))
                    problems.append(text)
                }
            }
            figures += blockFigures.map { ($0.path, $0.png) }
            timing.figures += clock.now - figureStart
            let b = BlockRecord(id: block.id, line: block.fenceLine, key: keys[index],
                                errorExpected: block.options.expectsError && raised ? true : nil,
                                inputs: inputs.isEmpty ? nil : inputs, readsClock: readsClock ? true : nil, outputs: outputs)
            blocks.append(b)
            observer?.blockDidRun(index: index, record: b, figures: blockFigures)
        }
        timing.engine = session.engineTime
        return LessonRun(lesson: lesson, record: record(blocks), figures: figures, problems: problems, timing: timing)
    }
}
