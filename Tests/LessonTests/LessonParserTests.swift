import XCTest
@testable import Lesson

final class LessonParserTests: XCTestCase {
    let source = """
    # Moons

    Some *prose* here.

    ```experiment id=data timeout=5
    x = 1
    print(x)
    ```

    ```python
    not_run = True
    ```

    More prose.

    ```experiment
    y = 2
    ```

    """

    func testExperimentBlocksAreFoundWithOptionsAndSourceLines() {
        let lesson = LessonParser.parse(file: "moons.md", source: source)
        XCTAssertEqual(lesson.title, "Moons")
        XCTAssertTrue(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        let blocks = lesson.experiments
        XCTAssertEqual(blocks.count, 2)
        XCTAssertEqual(blocks[0].id, "data")
        XCTAssertEqual(blocks[0].options.timeout, 5)
        XCTAssertEqual(blocks[0].code, "x = 1\nprint(x)\n")
        XCTAssertEqual(blocks[0].fenceLine, 5)
        XCTAssertEqual(blocks[0].codeLine, 6)
        XCTAssertEqual(blocks[0].codeColumn, 1)
        XCTAssertEqual(blocks[1].id, "block-2")
        XCTAssertEqual(blocks[1].fenceLine, 16)
    }

    func testOtherFencedBlocksAreShownNotRun() {
        let lesson = LessonParser.parse(file: "moons.md", source: source)
        let code = lesson.segments.compactMap { if case .code(let c) = $0 { return c } else { return nil } }
        XCTAssertEqual(code.count, 1)
        XCTAssertEqual(code[0].language, "python")
        XCTAssertEqual(code[0].line, 10)
    }

    func testProseIsParsedByCmarkIntoATree() {
        let lesson = LessonParser.parse(file: "moons.md", source: source)
        guard case .prose(let prose) = lesson.segments[0] else { return XCTFail("expected prose first") }
        XCTAssertEqual(prose.line, 1)
        XCTAssertEqual(prose.blocks, [
            .heading(level: 1, [.text("Moons")]),
            .paragraph([.text("Some "), .emphasis([.text("prose")]), .text(" here.")]),
        ])
    }

    func testRawHTMLInProseIsKeptOnlyAsAMarkThatItWasThere() {
        let lesson = LessonParser.parse(file: "x.md", source: "Hi <script>alert(1)</script>\n\n<div>\nblock\n</div>\n")
        guard case .prose(let prose) = lesson.segments[0] else { return XCTFail() }
        XCTAssertEqual(prose.blocks, [.paragraph([.text("Hi "), .html, .text("alert(1)"), .html]), .html])
    }

    func testUnknownOptionIsADiagnosticWithLineColumnAndSuggestion() {
        let lesson = LessonParser.parse(file: "bad.md", source: "Text\n\n```experiment id=a timout=3\nx = 1\n```\n")
        XCTAssertEqual(lesson.diagnostics.count, 1)
        let d = lesson.diagnostics[0]
        XCTAssertEqual(d.line, 3)
        XCTAssertEqual(d.column, 20)
        XCTAssertTrue(d.description.hasPrefix("bad.md:3:20: error: unknown experiment option 'timout'"), d.description)
        XCTAssertTrue(d.description.contains("did you mean 'timeout'?"), d.description)
    }

    func testBadOptionValuesAndDuplicateIDsAreDiagnostics() {
        let src = "```experiment id=a timeout=-1\n```\n\n```experiment id=a echo=maybe\n```\n"
        let lesson = LessonParser.parse(file: "b.md", source: src)
        let messages = lesson.diagnostics.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("timeout expects a positive number") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("echo expects true or false") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("duplicate experiment id 'a'") }, "\(messages)")
    }

    func testIndentedFenceGivesTheCodeColumn() {
        let lesson = LessonParser.parse(file: "i.md", source: "  ```experiment\n  x = 1\n  ```\n")
        XCTAssertEqual(lesson.experiments.first?.codeColumn, 3)
        XCTAssertEqual(lesson.experiments.first?.code, "x = 1\n")
    }

    func testAnInfoStringThatOnlyStartsWithTheWordIsNotAnExperiment() {
        let lesson = LessonParser.parse(file: "e.md", source: "```experiments\nx\n```\n")
        XCTAssertTrue(lesson.experiments.isEmpty)
    }
}
