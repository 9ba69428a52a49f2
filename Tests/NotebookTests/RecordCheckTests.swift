import XCTest
import Check
import Notebook

final class RecordCheckTests: XCTestCase {
    func record(_ text: String) -> LessonRecord {
        LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "fit", line: 12, outputs: [OutputRecord(kind: .text, text: text)])])
    }

    func testAnEditedNumberIsADriftWithFileLineBlockExpectedAndActual() {
        let drifts = RecordCheck.compare(expected: record("Train: 1.000, Test: 0.914\n"), actual: record("Train: 1.000, Test: 0.929\n"))
        XCTAssertEqual(drifts.count, 1)
        let text = drifts[0].description
        XCTAssertTrue(text.hasPrefix("l.md:12: block 'fit'"), text)
        XCTAssertTrue(text.contains("expected: Train: 1.000, Test: 0.914"), text)
        XCTAssertTrue(text.contains("actual:   Train: 1.000, Test: 0.929"), text)
    }

    func testIdenticalRecordsHaveNoDrift() {
        XCTAssertTrue(RecordCheck.compare(expected: record("a 1.5 b"), actual: record("a 1.5 b")).isEmpty)
    }

    func testNumbersWithinToleranceMatchAndNanMatchesOnlyNan() {
        let c = Comparator()
        XCTAssertTrue(c.textsMatch("loss 0.30000000000000004", "loss 0.3"))
        XCTAssertFalse(c.textsMatch("loss 0.3", "loss 0.3001"))
        XCTAssertTrue(c.textsMatch("loss nan", "loss nan"))
        XCTAssertFalse(c.textsMatch("loss nan", "loss 0.5"))
        XCTAssertFalse(c.textsMatch("a 1 2", "a 1 2 3"))
        XCTAssertTrue(c.textsMatch("dense_2 1e-05", "dense_2 1.0e-5"))
    }

    func testNewMissingAndChangedKindOutputsAreDrifts() {
        let a = LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "x", line: 1, outputs: [OutputRecord(kind: .text, text: "1")])])
        let b = LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "x", line: 1, outputs: [OutputRecord(kind: .error, text: "1")]),
                                                       BlockRecord(id: "y", line: 5, outputs: [])])
        let drifts = RecordCheck.compare(expected: a, actual: b)
        XCTAssertEqual(drifts.count, 2)
        XCTAssertTrue(drifts[0].what.contains("changed kind"))
        XCTAssertTrue(drifts[1].what.contains("new"))
    }

    func testAChangedFigureHashIsADrift() {
        func fig(_ hash: String) -> LessonRecord {
            LessonRecord(lesson: "l.md", blocks: [BlockRecord(id: "f", line: 3, outputs: [
                OutputRecord(kind: .figure, text: "line 'train' 10 points", file: "l/f-1.png", width: 640, height: 480, sha256: hash)])])
        }
        XCTAssertEqual(RecordCheck.compare(expected: fig("aa"), actual: fig("bb")).count, 1)
        XCTAssertTrue(RecordCheck.compare(expected: fig("aa"), actual: fig("aa")).isEmpty)
    }
}
