import Foundation
import XCTest
import Lesson
@testable import Notebook

/// Runs a tutorial-style script from Fixtures/tutorials as one experiment block (once per test
/// run) and gives what it printed and how many figures it showed.
class TutorialScriptTestCase: XCTestCase {
    nonisolated(unsafe) static var runs: [String: LessonRun] = [:]

    func run(_ name: String) throws -> (text: String, figures: Int) {
        let result: LessonRun
        if let done = Self.runs[name] {
            result = done
        } else {
            let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "py", subdirectory: "Fixtures/tutorials"))
            let script = try String(contentsOf: url, encoding: .utf8)
            let lesson = LessonParser.parse(file: name + ".md", source: "# \(name)\n\n```experiment\n" + script + "\n```\n")
            result = NotebookRunner.run(lesson)
            Self.runs[name] = result
        }
        XCTAssertEqual(result.problems, [], name)
        let outputs = result.record.blocks.flatMap(\.outputs)
        return (outputs.filter { $0.kind == .text }.map(\.text).joined(), outputs.filter { $0.kind == .figure }.count)
    }

    func lines(_ text: String, matching pattern: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return text.split(separator: "\n").map(String.init).filter {
            regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
        }
    }
}
