import Foundation
import Lesson
import Notebook
import Plot

/// One output of a block that does not match its record, with where it is.
public struct Drift: Sendable, CustomStringConvertible {
    public var lesson: String
    public var line: Int
    public var block: String
    /// What drifted, e.g. "output 2 (text)".
    public var what: String
    /// A unified diff, or what changed in a figure.
    public var detail: String
    /// Files written for a drifted figure: the new PNG and the diff image.
    public var files: [String] = []

    public var description: String {
        "\(lesson):\(line): block '\(block)': \(what) drifted\n" + detail.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}

/// The outcome of checking one block.
public struct BlockCheck: Sendable {
    public enum Status: String, Sendable, Codable { case passed, failed, skipped }
    public var id: String
    public var line: Int
    public var status: Status
    public var drifts: [Drift]
}

/// How `check` compares: tolerances, sanitizers, figure comparison, and where a drifted figure's
/// new PNG and diff image are kept.
public struct CheckSettings: Sendable {
    public var rtol: Double
    public var atol: Double
    public var sanitizers: Sanitizers
    public var pixels = PNGComparison()

    public init(rtol: Double = 1e-6, atol: Double = 1e-9, sanitizers: Sanitizers) {
        self.rtol = rtol
        self.atol = atol
        self.sanitizers = sanitizers
    }
}

/// Where the figures of both runs are, and where to keep what drifted.
public struct FigureFiles: Sendable {
    /// The folder the record's figure paths are relative to (the output folder).
    public var recorded: URL
    /// The folder holding the new run's figures under the same paths.
    public var fresh: URL
    /// Where a drifted figure's new PNG and diff image go (`output/NAME.drift/`).
    public var keep: URL

    public init(recorded: URL, fresh: URL, keep: URL) {
        self.recorded = recorded
        self.fresh = fresh
        self.keep = keep
    }
}

/// Compares a fresh record with the recorded one, block by block.
public enum RecordCheck {
    public static func compare(expected: LessonRecord, actual: LessonRecord, lesson: Lesson? = nil,
                               settings: CheckSettings, figures: FigureFiles? = nil) -> [BlockCheck] {
        var results: [BlockCheck] = []
        let file = actual.lesson
        let expectedByID = Dictionary(expected.blocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let options = Dictionary((lesson?.experiments ?? []).map { ($0.id, $0.options) }, uniquingKeysWith: { a, _ in a })
        let actualIDs = Set(actual.blocks.map(\.id))
        for block in actual.blocks {
            let o = options[block.id] ?? BlockOptions()
            func drift(_ what: String, _ detail: String, files: [String] = []) -> Drift {
                Drift(lesson: file, line: block.line, block: block.id, what: what, detail: detail, files: files)
            }
            guard o.check else {
                results.append(BlockCheck(id: block.id, line: block.line, status: .skipped, drifts: []))
                continue
            }
            guard let old = expectedByID[block.id] else {
                results.append(BlockCheck(id: block.id, line: block.line, status: .failed,
                                          drifts: [drift("the block", "it is new: the record has no block '\(block.id)' (accept it with check --update)")]))
                continue
            }
            var sanitizers = settings.sanitizers
            if !o.sanitizers.isEmpty, let more = try? sanitizers.adding(o.sanitizers) { sanitizers = more }
            if old.readsClock == true || block.readsClock == true, let more = try? sanitizers.adding(Sanitizers.clockReadings) {
                sanitizers = more
            }
            let comparator = Comparator(absoluteTolerance: o.atol ?? settings.atol, relativeTolerance: o.rtol ?? settings.rtol)
            let expectsError = o.expectsError || old.errorExpected == true || block.errorExpected == true
            var drifts: [Drift] = []
            for i in 0..<max(old.outputs.count, block.outputs.count) {
                let e = i < old.outputs.count ? old.outputs[i] : nil
                let a = i < block.outputs.count ? block.outputs[i] : nil
                guard let e, let a else {
                    let present = (e ?? a)!
                    drifts.append(drift("output \(i + 1) (\(present.kind.rawValue))",
                                        e == nil ? "it is new:\n\(present.text)" : "it is missing; the record has:\n\(present.text)"))
                    continue
                }
                if e.kind != a.kind {
                    drifts.append(drift("output \(i + 1)", "it was \(e.kind.rawValue), now \(a.kind.rawValue):\n" +
                                        TextDiff.unified(expected: e.text, actual: a.text, comparator: comparator)))
                    continue
                }
                var left = sanitizers.apply(e.text), right = sanitizers.apply(a.text)
                if e.kind == .error && expectsError {
                    left = ErrorReport.message(left) ?? ErrorReport.headline(left)
                    right = ErrorReport.message(right) ?? ErrorReport.headline(right)
                }
                let textDrift = comparator.textsMatch(left, right) ? nil : TextDiff.unified(expected: left, actual: right, comparator: comparator)
                if e.kind == .figure, let d = figureDrift(e, a, figures: figures, settings: settings, stem: lesson?.stem) {
                    // What is plotted changed, or only the pixels: either way keep the new PNG and the diff.
                    drifts.append(drift("output \(i + 1) (figure)", [textDrift, d.detail].compactMap { $0 }.joined(separator: "\n"), files: d.files))
                } else if let textDrift {
                    drifts.append(drift("output \(i + 1) (\(e.kind.rawValue))", textDrift))
                }
            }
            results.append(BlockCheck(id: block.id, line: block.line, status: drifts.isEmpty ? .passed : .failed, drifts: drifts))
        }
        for old in expected.blocks where !actualIDs.contains(old.id) {
            results.append(BlockCheck(id: old.id, line: old.line, status: .failed, drifts: [
                Drift(lesson: file, line: old.line, block: old.id, what: "the block",
                      detail: "it is gone: recorded, but no longer in the lesson (accept with check --update)")]))
        }
        return results
    }

    /// Figures match when their PNGs are the same bytes, or their pixels agree within the
    /// perceptual threshold; otherwise the new PNG and a diff image are kept.
    static func figureDrift(_ e: OutputRecord, _ a: OutputRecord, figures: FigureFiles?, settings: CheckSettings, stem: String?)
        -> (detail: String, files: [String])? {
        if e.sha256 == a.sha256 && e.width == a.width && e.height == a.height { return nil }
        guard let figures, let oldFile = e.file, let newFile = a.file,
              let oldPNG = FileManager.default.contents(atPath: figures.recorded.appendingPathComponent(oldFile).path),
              let newPNG = FileManager.default.contents(atPath: figures.fresh.appendingPathComponent(newFile).path) else {
            return ("the PNG changed (sha256 \(e.sha256 ?? "none") → \(a.sha256 ?? "none")) and the recorded image is not there to compare", [])
        }
        let name = URL(fileURLWithPath: newFile).deletingPathExtension().lastPathComponent
        guard let result = settings.pixels.compare(expected: [UInt8](oldPNG), actual: [UInt8](newPNG)) else {
            return ("a PNG could not be read", [])
        }
        if result.matches { return nil }
        var files: [String] = []
        try? FileManager.default.createDirectory(at: figures.keep, withIntermediateDirectories: true)
        let newURL = figures.keep.appendingPathComponent("\(name).new.png")
        if (try? newPNG.write(to: newURL)) != nil { files.append(newURL.path) }
        if let diff = result.diffPNG {
            let diffURL = figures.keep.appendingPathComponent("\(name).diff.png")
            if (try? Data(diff).write(to: diffURL)) != nil { files.append(diffURL.path) }
        }
        let what = result.sameSize
            ? "\(result.differing) of \(result.total) pixels differ (\(String(format: "%.2f", 100 * Double(result.differing) / Double(result.total)))%)"
            : "the size changed from \(e.width ?? 0)×\(e.height ?? 0) to \(a.width ?? 0)×\(a.height ?? 0)"
        return (what + (files.isEmpty ? "" : "; kept: " + files.joined(separator: ", ")), files)
    }
}
