import XCTest
@testable import Lesson

/// Finding `$...$` and `$$...$$` in Markdown by Pandoc's tex_math_dollars rules.
final class MathSpansTests: XCTestCase {
    /// (tex, display, the whole span as written) for each span found.
    private func found(_ markdown: String) -> [(String, Bool, String)] {
        MathSpans.find(in: markdown).map { ($0.tex, $0.display, String(markdown[$0.range])) }
    }

    private func assertSpans(
        _ markdown: String, _ expected: [(String, Bool)], file: StaticString = #filePath, line: UInt = #line
    ) {
        let spans = found(markdown)
        XCTAssertEqual(spans.map(\.0), expected.map(\.0), "tex", file: file, line: line)
        XCTAssertEqual(spans.map(\.1), expected.map(\.1), "display", file: file, line: line)
        for (tex, display, whole) in spans {
            let delimiter = display ? "$$" : "$"
            XCTAssertEqual(whole, delimiter + tex + delimiter, "range", file: file, line: line)
        }
    }

    func testInlineAndDisplayInOrder() {
        assertSpans("Let $x$ be and $$y = 2$$ then $z_i$.", [("x", false), ("y = 2", true), ("z_i", false)])
    }

    func testTexStartAndRange() {
        let markdown = "Seja $x^2$ aqui."
        let spans = MathSpans.find(in: markdown)
        XCTAssertEqual(spans.count, 1)
        XCTAssertEqual(spans[0].texStart, markdown.firstIndex(of: "x"))
        XCTAssertEqual(spans[0].range.lowerBound, markdown.firstIndex(of: "$"))
        XCTAssertEqual(markdown[spans[0].range.upperBound...], " aqui.")
        XCTAssertEqual(spans[0].tex, "x^2")
    }

    func testPricesAreNotMath() {
        assertSpans("It costs $5 and $10 today.", [])
        assertSpans("From $20,000 to $30,000.", [])
        // The closing $ must not be followed by a digit.
        assertSpans("$x$5", [])
    }

    func testSpacesNextToTheDelimiters() {
        assertSpans("a $ x$ b", [])
        assertSpans("a $x $ b", [])
        // A failed opening leaves the next $ free to open.
        assertSpans("a $ b $c$", [("c", false)])
    }

    func testEscapedDollars() {
        assertSpans(#"costs \$5 and $a$"#, [("a", false)])
        assertSpans(#"\$x\$"#, [])
        // Inside math a backslash escapes the dollar, which does not close.
        assertSpans(#"$a\$b$"#, [(#"a\$b"#, false)])
        // An escaped backslash leaves the dollar after it a delimiter.
        assertSpans(#"\\$x$"#, [("x", false)])
    }

    func testTextInsideMathMayHoldDollars() {
        assertSpans(#"$\text{a $ b}$"#, [(#"\text{a $ b}"#, false)])
    }

    func testCodeSpansHoldNoMath() {
        assertSpans("Use `$x$` here and $y$.", [("y", false)])
        assertSpans("Use `` a`$b$`c `` and $z$.", [("z", false)])
        // A backtick run with no closing run of the same length is literal.
        assertSpans("A ` tick and $x$.", [("x", false)])
        assertSpans("``$a$` and $b$", [("a", false), ("b", false)])
    }

    func testFencedCodeBlocksHoldNoMath() {
        assertSpans("```python\nprice = '$x$'\n```\nThen $y$.", [("y", false)])
        assertSpans("~~~~\n$$a$$\n~~~\nstill code $b$\n~~~~\n$c$", [("c", false)])
        assertSpans("  ```\n  $x$\n  ```\n$y$", [("y", false)])
        // An unclosed fence runs to the end of the document.
        assertSpans("$a$\n```\n$b$\n", [("a", false)])
    }

    func testIndentedCodeBlocksHoldNoMath() {
        assertSpans("Text.\n\n    $x$ = 1\n\n$y$", [("y", false)])
        // An indented line continuing a paragraph is not code.
        assertSpans("Text\n    $x$", [("x", false)])
        // Inside a list item the code indent counts from the item's content.
        assertSpans("- item\n\n    $x$ continues the item", [("x", false)])
        assertSpans("- item\n\n      $x$ is code", [])
    }

    func testDisplayMathSpansLines() {
        let markdown = "Before\n$$\n\\begin{aligned} a &= b \\\\\n c &= d \\end{aligned}\n$$\nafter $e$"
        assertSpans(markdown, [("\n\\begin{aligned} a &= b \\\\\n c &= d \\end{aligned}\n", true), ("e", false)])
    }

    func testNoMathAcrossBlankLines() {
        assertSpans("$$a\n\nb$$", [])
        assertSpans("$a\n\nb$", [])
        // One line break is fine inline.
        assertSpans("$a\nb$", [("a\nb", false)])
    }

    func testEmptyAndUnclosed() {
        assertSpans("$$", [])
        assertSpans("a $x", [])
        assertSpans("$$x", [])
    }
}
