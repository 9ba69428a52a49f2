import Foundation
import XCTest
@testable import Runner

final class ProgressBoardTests: XCTestCase {
    final class Sink: @unchecked Sendable {
        var text = ""
        func write(_ s: String) { text += s }
    }

    func testOffATerminalSummariesComeInLessonOrder() {
        let sink = Sink()
        let board = ProgressBoard(names: ["a.md", "b.md", "c.md"], live: false, write: sink.write)
        board.started(0); board.started(1); board.started(2)
        board.finished(2, line: "c done")
        board.finished(1, line: "b done")
        XCTAssertEqual(sink.text, "", "nothing until the first lesson ends")
        board.finished(0, line: "a done")
        XCTAssertEqual(sink.text, "a done\nb done\nc done\n")
    }

    func testOnATerminalEachRunningLessonHasALineWithItsBlockEpochAndTimeLeft() {
        let sink = Sink()
        let board = ProgressBoard(names: ["moons.md", "other.md"], live: true, write: sink.write)
        board.started(0)
        board.started(1)
        board.event(0, .block(index: 1, count: 3, id: "fit"))
        usleep(100_000)
        board.event(0, .epoch(10, of: 100))
        usleep(100_000)
        board.event(0, .epoch(20, of: 100))
        XCTAssertTrue(sink.text.contains("moons.md: block 2/3 'fit', epoch 20/100, ETA "), sink.text)
        XCTAssertTrue(sink.text.contains("other.md: starting"))
        XCTAssertTrue(sink.text.contains("\u{1B}[2A"), "the board is redrawn in place")
        board.finished(0, line: "rendered moons.md")
        // The summary is printed where the board was, and the board redrawn below it.
        let tail = sink.text.components(separatedBy: "rendered moons.md\n").last ?? ""
        XCTAssertTrue(tail.contains("other.md") && !tail.contains("moons.md"), tail)
    }
}
