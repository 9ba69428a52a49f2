import XCTest
import Check
import Lesson
import Notebook

final class RecordCheckTests: XCTestCase {
    let settings = CheckSettings(sanitizers: try! Sanitizers())

    func record(_ text: String, id: String = "fit") -> LessonRecord {
        LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: id, line: 12, outputs: [OutputRecord(kind: .text, text: text)])])
    }

    func lesson(_ info: String, id: String = "fit") -> Lesson {
        LessonParser.parse(file: "l.md", source: "# L\n\n```experiment id=\(id) \(info)\nprint(1)\n```\n")
    }

    func drifts(_ r: [BlockCheck]) -> [Drift] { r.flatMap(\.drifts) }

    func testAnEditedNumberIsADriftWithADiffThatMarksTheNumber() {
        let result = RecordCheck.compare(expected: record("Train: 1.000\nTest: 0.914\nDone\n"), actual: record("Train: 1.000\nTest: 0.929\nDone\n"), settings: settings)
        XCTAssertEqual(result.map(\.status), [.failed])
        let text = drifts(result)[0].description
        XCTAssertTrue(text.hasPrefix("l.md:12: block 'fit': output 1 (text) drifted"), text)
        XCTAssertTrue(text.contains("-Test: 0.914\n  +Test: 0.929\n  ?      ^^^^^"), text)
        XCTAssertTrue(text.contains(" Train: 1.000"), "context lines are shown: \(text)")
    }

    func testABlockThatReadTheClockIsComparedWithItsDecimalsMasked() {
        func timed(_ text: String, clock: Bool) -> LessonRecord {
            LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "fit", line: 12, readsClock: clock ? true : nil,
                                                              outputs: [OutputRecord(kind: .text, text: text)])])
        }
        let old = "Training took 0.53 seconds over 50 epochs\n", new = "Training took 1.20 seconds over 50 epochs\n"
        XCTAssertEqual(RecordCheck.compare(expected: timed(old, clock: true), actual: timed(new, clock: true), settings: settings).map(\.status), [.passed])
        XCTAssertEqual(RecordCheck.compare(expected: timed(old, clock: false), actual: timed(new, clock: false), settings: settings).map(\.status), [.failed])
        // Whole numbers are still compared.
        let fewer = "Training took 0.53 seconds over 40 epochs\n"
        XCTAssertEqual(RecordCheck.compare(expected: timed(old, clock: true), actual: timed(fewer, clock: true), settings: settings).map(\.status), [.failed])
    }

    func testAbsoluteToleranceFromTheBlockOrTheCommandLine() {
        let old = record("accuracy 0.991\n"), new = record("accuracy 0.992\n")
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, settings: settings).map(\.status), [.failed])
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, lesson: lesson("atol=0.002"), settings: settings).map(\.status), [.passed])
        var loose = settings
        loose.atol = 0.002
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, settings: loose).map(\.status), [.passed])
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: record("accuracy 0.994\n"), settings: loose).map(\.status), [.failed])
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, lesson: lesson("rtol=0.01"), settings: settings).map(\.status), [.passed])
    }

    func testBuiltInSanitizersIgnoreTimingsAddressesDatesAndScratchPaths() {
        let old = record("32/32 - 0s 2ms/step - loss: 0.5\n<Model at 0x7f3a2b1c9d40> ETA: 3s\nsaved /tmp/lectern-work-123-0-1a2b3c4d/scratch/m.keras on 2026-11-29 10:00:01\n")
        let new = record("32/32 - 1s 14ms/step - loss: 0.5\n<Model at 0x55d1e2f3a4b0> ETA: 12s\nsaved /var/tmp/lectern-work-99-3-ffee0011/scratch/m.keras on 2027-01-02 23:59:59\n")
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, settings: settings).map(\.status), [.passed])
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: record("32/32 - 0s 2ms/step - loss: 0.6\n"), settings: settings).map(\.status), [.failed])
    }

    func testBlockAndCourseSanitizersWithReplacement() throws {
        let old = record("took 120 rounds\n"), new = record("took 95 rounds\n")
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, settings: settings).map(\.status), [.failed])
        let l = lesson(#"sanitize="took \d+ rounds" replace="took N rounds""#)
        XCTAssertEqual(l.diagnostics.map(\.message), [])
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, lesson: l, settings: settings).map(\.status), [.passed])
        let course = CheckSettings(sanitizers: try Sanitizers(extra: [Sanitizer(pattern: #"\d+ rounds"#)]))
        XCTAssertEqual(RecordCheck.compare(expected: old, actual: new, settings: course).map(\.status), [.passed])
    }

    func testCheckFalseSkipsTheBlock() {
        let result = RecordCheck.compare(expected: record("12.3 s"), actual: record("9.9 s"), lesson: lesson("check=false"), settings: settings)
        XCTAssertEqual(result.map(\.status), [.skipped])
    }

    func testAnExpectedErrorComparesTheExceptionTypeAndMessage() {
        func err(_ text: String, expected: Bool = true) -> LessonRecord {
            LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "fit", line: 12, errorExpected: expected, outputs: [OutputRecord(kind: .error, text: text)])])
        }
        let l = lesson("error=expected")
        let a = err("Traceback (most recent call last):\n  l.md:3: in f\nl.md:14:5: error: ValueError: bad shape\n    x\n    ^")
        let moved = err("l.md:20:1: error: ValueError: bad shape\n    y\n    ^")
        XCTAssertEqual(RecordCheck.compare(expected: a, actual: moved, lesson: l, settings: settings).map(\.status), [.passed])
        let other = err("l.md:20:1: error: TypeError: bad shape")
        XCTAssertEqual(RecordCheck.compare(expected: a, actual: other, lesson: l, settings: settings).map(\.status), [.failed])
        // The block stopped raising: its record now holds text where an error was.
        let fine = record("1\n")
        XCTAssertEqual(RecordCheck.compare(expected: a, actual: fine, lesson: l, settings: settings).map(\.status), [.failed])
        XCTAssertFalse(a.failed, "an expected error does not fail the lesson")
        XCTAssertTrue(err("l.md:1:1: error: ValueError: x", expected: false).failed)
    }

    func testNewMissingAndChangedKindOutputsAreDrifts() {
        let a = LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "x", line: 1, outputs: [OutputRecord(kind: .text, text: "1")]),
                                                       BlockRecord(id: "gone", line: 9, outputs: [])])
        let b = LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "x", line: 1, outputs: [OutputRecord(kind: .error, text: "1")]),
                                                       BlockRecord(id: "y", line: 5, outputs: [])])
        let result = RecordCheck.compare(expected: a, actual: b, settings: settings)
        XCTAssertEqual(result.map(\.id), ["x", "y", "gone"])
        XCTAssertEqual(result.map(\.status), [.failed, .failed, .failed])
        XCTAssertTrue(result[0].drifts[0].detail.contains("it was text, now error"))
        XCTAssertTrue(result[1].drifts[0].detail.contains("it is new"))
        XCTAssertTrue(result[2].drifts[0].detail.contains("it is gone"))
    }

    func testAFigureWhoseDataChangedIsADriftEvenWithoutItsPNG() {
        func fig(_ hash: String, _ text: String = "line 'train' 10 points") -> LessonRecord {
            LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "f", line: 3, outputs: [
                OutputRecord(kind: .figure, text: text, file: "l/f-1.png", width: 640, height: 480, sha256: hash)])])
        }
        XCTAssertEqual(RecordCheck.compare(expected: fig("aa"), actual: fig("aa"), settings: settings).map(\.status), [.passed])
        XCTAssertEqual(RecordCheck.compare(expected: fig("aa"), actual: fig("bb"), settings: settings).map(\.status), [.failed])
        let moved = RecordCheck.compare(expected: fig("aa", "line y [0.5, 0.9]"), actual: fig("aa", "line y [0.5, 0.8]"), settings: settings)
        XCTAssertTrue(drifts(moved)[0].detail.contains("?"), "the description's number is marked")
    }

    func testQuotedOptionValuesAreOneOption() {
        let l = LessonParser.parse(file: "l.md", source: "```experiment id=a sanitize=\"a b' c\" check=false\nprint(1)\n```\n")
        XCTAssertEqual(l.diagnostics.map(\.message), [])
        XCTAssertEqual(l.experiments[0].options.sanitizers.map(\.pattern), ["a b' c"])
        XCTAssertFalse(l.experiments[0].options.check)
        let bad = LessonParser.parse(file: "l.md", source: "```experiment sanitize=\"(unclosed\n1\n```\n")
        XCTAssertTrue(bad.diagnostics.first?.message.contains("no closing quote") ?? false, "\(bad.diagnostics)")
    }
}
