import XCTest
@testable import Lesson

final class FrontMatterTests: XCTestCase {
    static let lesson = """
    ---
    title: Stopping early
    description: Stop when the validation loss stops improving.
    order: 3
    defaults: {timeout: 300, atol: 0.002}
    ---
    # The heading

    Some prose with $x^2$ in it.

    ```experiment id=fit
    x = 1
    ```

    ```experiment id=quick timeout=5 atol=0
    y = 2
    ```
    """

    /// The same lesson with its front matter lines left blank: every line keeps its number.
    static var withoutFrontMatter: String {
        lesson.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset < 6 ? "" : String($0.element) }.joined(separator: "\n")
    }

    func testFrontMatterGivesTitleDescriptionOrderAndDefaults() {
        let lesson = LessonParser.parse(file: "stop.md", source: Self.lesson)
        XCTAssertEqual(lesson.diagnostics.map(\.description), [])
        XCTAssertEqual(lesson.title, "Stopping early", "the front matter's title wins over the first heading")
        XCTAssertEqual(lesson.description, "Stop when the validation loss stops improving.")
        XCTAssertEqual(lesson.frontMatter.order, 3)
        XCTAssertEqual(lesson.frontMatter.draft, false)
        XCTAssertEqual(lesson.frontMatter.lineCount, 6)
        XCTAssertEqual(lesson.source, Self.lesson, "the lesson keeps its text as written")
        let blocks = lesson.experiments
        XCTAssertEqual(blocks.map(\.options.timeout), [300, 5], "a block's own option wins over the default")
        XCTAssertEqual(blocks.map(\.options.atol), [0.002, 0])
    }

    func testFrontMatterLinesAreNotProseAndLaterLinesKeepTheirNumbers() {
        let with = LessonParser.parse(file: "stop.md", source: Self.lesson)
        let without = LessonParser.parse(file: "stop.md", source: Self.withoutFrontMatter)
        XCTAssertEqual(with.experiments.map(\.fenceLine), [11, 15])
        XCTAssertEqual(with.experiments.map(\.fenceLine), without.experiments.map(\.fenceLine))
        XCTAssertEqual(with.experiments.map(\.codeLine), without.experiments.map(\.codeLine))
        XCTAssertEqual(with.math.map { [$0.line, $0.column] }, [[9, 18]])
        XCTAssertEqual(with.math, without.math)
        // Nothing of the YAML is prose: the first prose is the heading.
        guard case .prose(let prose) = with.segments.first else { return XCTFail("\(with.segments)") }
        XCTAssertEqual(prose.line, 7)
        guard case .heading(1, let text)? = prose.blocks.first else { return XCTFail("\(prose.blocks)") }
        XCTAssertEqual(Prose.Inline.plainText(text), "The heading")
    }

    func testAnOptionErrorAfterFrontMatterIsAtTheLessonsOwnLine() {
        let lesson = LessonParser.parse(file: "e.md", source: "---\ntitle: T\n---\n\n```experiment timout=3\nx = 1\n```\n")
        XCTAssertEqual(lesson.diagnostics.map(\.description).first?.hasPrefix("e.md:5:15: error: unknown experiment option 'timout'"), true,
                       "\(lesson.diagnostics)")
    }

    func testUnknownKeysAndBadValuesAreDiagnosticsAtTheirLines() {
        let source = """
        ---
        titel: Typo
        order: soon
        draft: maybe
        defaults:
          timeout: -4
          id: same
        ---
        # T
        """
        let lesson = LessonParser.parse(file: "bad.md", source: source)
        let found = lesson.diagnostics.map(\.description)
        XCTAssertEqual(found.count, 5, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("bad.md:2:1: error: unknown key 'titel' in the front matter; did you mean 'title'?"), "\(found)")
        XCTAssertTrue(found[1].hasPrefix("bad.md:3:8: error: order expects a number. Received: soon"), "\(found)")
        XCTAssertTrue(found[2].hasPrefix("bad.md:4:8: error: draft expects true or false. Received: maybe"), "\(found)")
        XCTAssertTrue(found[3].hasPrefix("bad.md:6:12: error: defaults: experiment timeout expects a positive number"), "\(found)")
        XCTAssertTrue(found[4].hasPrefix("bad.md:7:3: error: unknown key 'id' in defaults"), "\(found)")
        XCTAssertEqual(lesson.title, "T")
    }

    func testYAMLThatDoesNotParseIsADiagnosticAtItsLine() {
        let lesson = LessonParser.parse(file: "y.md", source: "---\ntitle: A\ndescription: [unclosed\n---\n# T\n")
        XCTAssertEqual(lesson.diagnostics.count, 1, "\(lesson.diagnostics)")
        XCTAssertTrue(lesson.diagnostics[0].description.contains("the front matter is not valid YAML"), "\(lesson.diagnostics)")
        XCTAssertTrue((3...4).contains(lesson.diagnostics[0].line), "\(lesson.diagnostics)")
    }

    func testADashLineNeverClosedIsAThematicBreakNotFrontMatter() {
        let lesson = LessonParser.parse(file: "t.md", source: "---\n\nJust prose.\n")
        XCTAssertEqual(lesson.frontMatter.lineCount, 0)
        XCTAssertTrue(lesson.diagnostics.isEmpty)
        guard case .prose(let prose) = lesson.segments.first else { return XCTFail() }
        XCTAssertEqual(prose.blocks.first, .thematicBreak)
    }

    func testDraftIsRead() {
        let lesson = LessonParser.parse(file: "d.md", source: "---\ndraft: true\n---\n# D\n")
        XCTAssertTrue(lesson.frontMatter.draft)
        XCTAssertEqual(lesson.title, "D")
    }

    // MARK: Figures

    func testCaptionAndLabelFromOptionsOrQuartoCommentLines() {
        let source = """
        # Figures

        See @fig-loss and @fig-acc, but not `@fig-code` or me@fig-mail.org.

        ```experiment id=loss caption="Loss per epoch" label=fig-loss
        print(1)
        ```

        ```experiment id=acc
        #| label: fig-acc
        #| fig-cap: "Accuracy: train and test"
        print(2)
        ```
        """
        let lesson = LessonParser.parse(file: "f.md", source: source)
        XCTAssertEqual(lesson.diagnostics.map(\.description), [])
        let blocks = lesson.experiments
        XCTAssertEqual(blocks.map(\.options.caption), ["Loss per epoch", "Accuracy: train and test"])
        XCTAssertEqual(blocks.map(\.options.label), ["fig-loss", "fig-acc"])
        XCTAssertEqual(blocks[1].code, "#| label: fig-acc\n#| fig-cap: \"Accuracy: train and test\"\nprint(2)\n", "the code runs as written")
        XCTAssertEqual(blocks[1].optionLineCount, 2)
        XCTAssertEqual(blocks[1].shownCode, "print(2)\n")
        XCTAssertEqual(lesson.figureReferences, [FigureReference(label: "fig-loss", line: 3, column: 5),
                                                 FigureReference(label: "fig-acc", line: 3, column: 19)])
    }

    func testBadLabelsAndUnknownCommentOptionsAreDiagnostics() {
        let source = "```experiment label=loss\nx = 1\n```\n\n```experiment id=b\n#| fig-alt: no\nx = 2\n```\n\n```experiment id=fig-b caption=\"B\" label=fig-b\n```\n"
        let found = LessonParser.parse(file: "l.md", source: source).diagnostics.map(\.description)
        XCTAssertEqual(found.count, 3, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("l.md:1:15: error: experiment label names a figure"), "\(found)")
        XCTAssertTrue(found[1].hasPrefix("l.md:6:4: error: unknown key 'fig-alt' in the block's #| options"), "\(found)")
        XCTAssertTrue(found[2].contains("figure label 'fig-b' is also an experiment id"), "\(found)")
    }
}
