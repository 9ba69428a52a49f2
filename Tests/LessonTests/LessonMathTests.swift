import XCTest
@testable import Lesson

/// Math is found before cmark reads the lesson: formulas come back as math nodes, untouched by
/// emphasis, with where their TeX starts, and every line keeps its number.
final class LessonMathTests: XCTestCase {
    private func blocks(_ source: String) -> [Prose.Block] {
        LessonParser.parse(file: "m.md", source: source).segments.flatMap { segment -> [Prose.Block] in
            if case .prose(let p) = segment { return p.blocks } else { return [] }
        }
    }

    private func formula(_ tex: String, display: Bool = false, _ line: Int, _ column: Int, _ source: String? = nil) -> MathFormula {
        MathFormula(tex: tex, display: display, line: line, column: column, source: source ?? (display ? "$$\(tex)$$" : "$\(tex)$"))
    }

    func testInlineMathIsAMathNodeAndItsUnderscoresAndStarsAreNotEmphasis() {
        let lesson = LessonParser.parse(file: "m.md", source: "Take $a_b*c_d*$ and *this*.\n")
        XCTAssertEqual(blocks(lesson.source), [
            .paragraph([.text("Take "), .math(formula("a_b*c_d*", 1, 7)), .text(" and "), .emphasis([.text("this")]), .text(".")]),
        ])
        XCTAssertEqual(lesson.math, [formula("a_b*c_d*", 1, 7)])
    }

    func testTwoFormulasWithUnderscoresBetweenThemStayApart() {
        // Without hiding the math, cmark would read `_i$ and $y_` as emphasis.
        XCTAssertEqual(blocks("Let $x_i$ and $y_j$ be.\n"), [
            .paragraph([.text("Let "), .math(formula("x_i", 1, 6)), .text(" and "), .math(formula("y_j", 1, 16)), .text(" be.")]),
        ])
    }

    func testDisplayMathAloneIsABlockAndInTextStaysInline() {
        XCTAssertEqual(blocks("$$\\sum_i x_i$$\n"), [.math(formula("\\sum_i x_i", display: true, 1, 3))])
        XCTAssertEqual(blocks("so $$x$$ holds\n"), [
            .paragraph([.text("so")]), .math(formula("x", display: true, 1, 6)), .paragraph([.text("holds")]),
        ])
        // Inside emphasis it cannot leave the paragraph.
        XCTAssertEqual(blocks("*so $$x$$*\n"), [.paragraph([.emphasis([.text("so "), .math(formula("x", display: true, 1, 7))])])])
    }

    func testAMultiLineFormulaKeepsTheLinesOfEverythingAfterIt() {
        let source = """
        # Title

        Text before
        $$
        a_1 = b*c
        \\\\ x*y
        $$
        text after $z$.

        ```experiment id=after
        print(1)
        ```

        ## Next
        """
        let lesson = LessonParser.parse(file: "m.md", source: source)
        XCTAssertEqual(lesson.experiments.map(\.fenceLine), [10])
        XCTAssertEqual(lesson.experiments.first?.codeLine, 11)
        XCTAssertEqual(lesson.experiments.first?.code, "print(1)\n")
        let display = formula("\na_1 = b*c\n\\\\ x*y\n", display: true, 4, 3)
        XCTAssertEqual(lesson.math, [display, formula("z", 8, 13)])
        guard case .prose(let first) = lesson.segments[0], case .prose(let last) = lesson.segments[2] else {
            return XCTFail("\(lesson.segments)")
        }
        XCTAssertEqual(first.blocks, [
            .heading(level: 1, [.text("Title")]),
            .paragraph([.text("Text before")]),
            .math(display),
            .paragraph([.text("text after "), .math(formula("z", 8, 13)), .text(".")]),
        ])
        XCTAssertEqual(last.line, 14)
    }

    func testAFormulaOverTwoLinesInAListItemStaysInTheItem() {
        XCTAssertEqual(blocks("- one $a +\n  b$ end\n- two\n"), [
            .list(ordered: false, start: 0, tight: true, items: [
                [.paragraph([.text("one "), .math(formula("a +\n  b", 1, 8)), .text(" end")])],
                [.paragraph([.text("two")])],
            ]),
        ])
    }

    func testTheLocationOfAnOffsetFollowsLineBreaksInTheFormula() {
        let f = formula("\na_1 = b*c\n\\foo", display: true, 4, 3)
        XCTAssertEqual(f.location(ofOffset: 0).line, 4)
        XCTAssertEqual(f.location(ofOffset: 0).column, 3)
        XCTAssertEqual(f.location(ofOffset: 3).line, 5)
        XCTAssertEqual(f.location(ofOffset: 3).column, 3)
        XCTAssertEqual(f.location(ofOffset: 11).line, 6)
        XCTAssertEqual(f.location(ofOffset: 11).column, 1)
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(LessonParser.parse(file: "m.md", source: "Função é $f(x)$\n").math, [formula("f(x)", 1, 11)])
    }

    func testMathInCodeStaysCodeAndAnEscapedDollarIsADollar() {
        XCTAssertEqual(blocks("Use `$x_1$` and \\$5, not $y$.\n"), [
            .paragraph([.text("Use "), .code("$x_1$"), .text(" and $5, not "), .math(formula("y", 1, 27)), .text(".")]),
        ])
        let lesson = LessonParser.parse(file: "m.md", source: "```python\nprice = '$a$ and $b$' + '\\~~'\n```\n")
        guard case .code(let code) = lesson.segments[0] else { return XCTFail() }
        XCTAssertEqual(code.code, "price = '$a$ and $b$' + '\\~~'\n")
        XCTAssertTrue(lesson.math.isEmpty)
    }

    func testMathThatCmarkDoesNotReadAsTextIsPutBackAsWritten() {
        // The math finder does not know fences inside a block quote, nor link destinations;
        // what it hid there comes back unchanged and is not math.
        XCTAssertEqual(blocks("> ```\n> cost $a$ and $b$\n> ```\n"), [.blockQuote([.codeBlock(info: "", code: "cost $a$ and $b$\n")])])
        XCTAssertEqual(blocks("[x]($a$)\n"), [.paragraph([.link(destination: "$a$", title: "", [.text("x")])])])
        XCTAssertTrue(LessonParser.parse(file: "m.md", source: "[x]($a$)\n").math.isEmpty)
    }

    func testAMathFenceIsDisplayMath() {
        let lesson = LessonParser.parse(file: "m.md", source: "Text\n\n```math\nE = mc^2\n```\n\nMore\n")
        XCTAssertEqual(lesson.segments.count, 1, "\(lesson.segments)")
        let f = MathFormula(tex: "E = mc^2\n", display: true, line: 4, column: 1, source: "E = mc^2\n")
        XCTAssertEqual(blocks(lesson.source), [.paragraph([.text("Text")]), .math(f), .paragraph([.text("More")])])
        XCTAssertEqual(lesson.math, [f])
    }

    func testATitleWithMathReadsItsTeX() {
        XCTAssertEqual(LessonParser.parse(file: "m.md", source: "# The $L_2$ penalty\n").title, "The $L_2$ penalty")
    }

    func testPlaceholderCharactersAlreadyInTheLessonStayText() {
        let odd = "a \u{F0000}7\u{F0001} b \u{F0002}c\n"
        XCTAssertEqual(blocks(odd), [.paragraph([.text("a \u{F0000}7\u{F0001} b c")])])
    }
}
