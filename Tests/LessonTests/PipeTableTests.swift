import XCTest
@testable import Lesson

/// GitHub-style pipe tables read from paragraphs that cmark parsed, and `~~strikethrough~~`.
final class PipeTableTests: XCTestCase {
    private func blocks(_ source: String) -> [Prose.Block] {
        LessonParser.parse(file: "t.md", source: source).segments.flatMap { segment -> [Prose.Block] in
            if case .prose(let p) = segment { return p.blocks } else { return [] }
        }
    }

    private func table(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Prose.Table? {
        let found = blocks(source).compactMap { if case .table(let t) = $0 { t } else { nil } }
        XCTAssertEqual(found.count, 1, "\(blocks(source))", file: file, line: line)
        return found.first
    }

    func testHeaderDelimiterAndBodyRowsWithAlignments() {
        let t = table("""
        | Layer | Units | Rate | Note |
        |-------|:------|:----:|-----:|
        | Dense | 64 | 0.5 | first |
        | Dropout | | 0.2 | |
        """)
        XCTAssertEqual(t?.alignments, [.none, .left, .center, .right])
        XCTAssertEqual(t?.header, [[.text("Layer")], [.text("Units")], [.text("Rate")], [.text("Note")]])
        XCTAssertEqual(t?.rows, [
            [[.text("Dense")], [.text("64")], [.text("0.5")], [.text("first")]],
            [[.text("Dropout")], [], [.text("0.2")], []],
        ])
    }

    func testCellsHoldInlineMarkdownAndMath() {
        let t = table("""
        a | b
        --|--
        `x|y` and *em* | $a_b*c*$ [l](https://e.org)
        """)
        let math = MathFormula(tex: "a_b*c*", display: false, line: 3, column: 20, source: "$a_b*c*$")
        // As on GitHub, a pipe splits cells even inside a code span unless escaped.
        XCTAssertEqual(t?.rows, [[
            [.text("`x")],
            [.text("y` and "), .emphasis([.text("em")])],
        ]])
        let u = table("a | b\n--|--\n`x\\|y` and *em* | $a_b*c*$ [l](https://e.org)\n")
        XCTAssertEqual(u?.rows, [[
            [.code("x|y"), .text(" and "), .emphasis([.text("em")])],
            [.math(math), .text(" "), .link(destination: "https://e.org", title: "", [.text("l")])],
        ]])
    }

    func testAnEscapedPipeIsAPipeInTheCell() {
        XCTAssertEqual(table("| a | b |\n|---|---|\n| x \\| y | z |\n")?.rows, [[[.text("x | y")], [.text("z")]]])
    }

    func testAPipeInsideMathDoesNotSplitTheCell() {
        let t = table("| norm | value |\n|---|---|\n| $|x|$ | 1 |\n")
        XCTAssertEqual(t?.rows.first?.count, 2)
        XCTAssertEqual(t?.rows.first?.first, [.math(MathFormula(tex: "|x|", display: false, line: 3, column: 4, source: "$|x|$"))])
    }

    func testCellsThatLookLikeBlocksStayText() {
        XCTAssertEqual(table("| h | i |\n|---|---|\n| # no | 1. no |\n| > q | - r |\n")?.rows, [
            [[.text("# no")], [.text("1. no")]],
            [[.text("> q")], [.text("- r")]],
        ])
    }

    func testRowsArePaddedOrCutToTheHeader() {
        XCTAssertEqual(table("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\nplain\n")?.rows, [
            [[.text("1")], []],
            [[.text("1")], [.text("2")]],
            [[.text("plain")], []],
        ])
    }

    func testATableWithoutBodyRows() {
        let t = table("| a | b |\n| - | - |\n")
        XCTAssertEqual(t?.header.count, 2)
        XCTAssertEqual(t?.rows, [])
    }

    func testLinesBeforeTheHeaderStayAParagraph() {
        let b = blocks("Results:\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertEqual(b.count, 2, "\(b)")
        XCTAssertEqual(b.first, .paragraph([.text("Results:")]))
    }

    func testParagraphsWithPipesThatAreNotTablesAreLeftAlone() {
        XCTAssertEqual(blocks("a | b\nc | d\n"), [.paragraph([.text("a | b"), .softBreak, .text("c | d")])])
        // A delimiter row whose cell count differs from the header's.
        XCTAssertEqual(blocks("| a | b |\n|---|\n"), [.paragraph([.text("| a | b |"), .softBreak, .text("|---|")])])
        // Not a delimiter row.
        XCTAssertEqual(blocks("| a | b |\n|-x-|---|\n").count, 1)
        if case .table = blocks("| a | b |\n|-x-|---|\n")[0] { XCTFail("not a table") }
    }

    func testATableInsideAListItemAndABlockQuote() {
        let inList = blocks("- item\n\n  | a | b |\n  |---|--:|\n  | 1 | 2 |\n")
        guard case .list(_, _, _, let items) = inList.first, case .table(let t)? = items.first?.last else {
            return XCTFail("\(inList)")
        }
        XCTAssertEqual(t.alignments, [.none, .right])
        XCTAssertEqual(t.rows, [[[.text("1")], [.text("2")]]])
        let quoted = blocks("> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
        guard case .blockQuote(let inner) = quoted.first, case .table(let q)? = inner.first else { return XCTFail("\(quoted)") }
        XCTAssertEqual(q.rows, [[[.text("1")], [.text("2")]]])
    }

    func testStrikethrough() {
        XCTAssertEqual(blocks("a ~~gone *too*~~ b\n"), [
            .paragraph([.text("a "), .strikethrough([.text("gone "), .emphasis([.text("too")])]), .text(" b")]),
        ])
        XCTAssertEqual(blocks("~~$x$~~\n"), [.paragraph([.strikethrough([.math(MathFormula(tex: "x", display: false, line: 1, column: 4, source: "$x$"))])])])
        // Not strikethrough: a space inside the delimiters, a single or a triple tilde, code.
        XCTAssertEqual(blocks("a ~~ b ~~ c\n"), [.paragraph([.text("a ~~ b ~~ c")])])
        XCTAssertEqual(blocks("~a~ and ~~~b~~~\n"), [.paragraph([.text("~a~ and ~~~b~~~")])])
        XCTAssertEqual(blocks("`~~a~~` ~~b\n"), [.paragraph([.code("~~a~~"), .text(" ~~b")])])
        XCTAssertEqual(blocks("\\~~a~~ and ~~b\\~~\n"), [.paragraph([.text("~~a~~ and ~~b~~")])])
        XCTAssertEqual(blocks("`\\~~x` [\\~](/\\~u)\n"), [.paragraph([.code("\\~~x"), .text(" "), .link(destination: "/~u", title: "", [.text("~")])])])
        XCTAssertEqual(blocks("\\\\~~a~~\n"), [.paragraph([.text("\\"), .strikethrough([.text("a")])])])
        XCTAssertEqual(blocks("~~a\nb~~\n"), [.paragraph([.strikethrough([.text("a"), .softBreak, .text("b")])])])
    }

    func testStrikethroughInACell() {
        XCTAssertEqual(table("| a |\n|---|\n| ~~old~~ new |\n")?.rows, [[[.strikethrough([.text("old")]), .text(" new")]]])
    }
}
