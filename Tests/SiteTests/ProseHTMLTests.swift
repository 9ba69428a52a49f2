import XCTest
import Lesson
import Notebook
@testable import Site

/// Lesson prose on the page: math as MathML (or its error at the lesson's line and column),
/// tables, strikethrough, heading ids and the HTML cmark's safe mode would write.
final class ProseHTMLTests: XCTestCase {
    private func render(_ source: String, file: String = "lesson.md") -> PageRenderer.Page {
        let lesson = LessonParser.parse(file: file, source: source)
        return PageRenderer.render(lesson: lesson, record: LessonRecord(lesson: file, blocks: []))
    }

    /// The lesson's own part of the page, without the layout around it.
    private func body(_ source: String) -> String {
        let html = render(source).html
        guard let start = html.range(of: "<article class=\"lesson\">\n"), let end = html.range(of: "</article>") else { return html }
        return String(html[start.upperBound..<end.lowerBound])
    }

    func testGitHubAdmonitionsBecomeNotes() {
        let html = body("# A\n\n> [!WARNING]\n> Scale *before* you split.\n\n> [!TIP] Try it.\n\n> [!NOPE]\n> a quote\n")
        XCTAssertTrue(html.contains("<div class=\"admonition warning\" role=\"note\">\n<p class=\"admonition-title\">Warning</p>\n<p>Scale <em>before</em> you split.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<p class=\"admonition-title\">Tip</p>\n<p>Try it.</p>"), html)
        XCTAssertTrue(html.contains("<blockquote>"), "an unknown kind stays a quote: \(html)")
    }

    func testMySTFencesAreNotesTitledByTheirDirective() {
        let html = body("# A\n\n:::{danger}\nDo not *leak*.\n:::\n\n:::{admonition} Why & how\nBecause.\n:::\n")
        XCTAssertTrue(html.contains("<div class=\"admonition caution\" role=\"note\">\n<p class=\"admonition-title\">Danger</p>\n<p>Do not <em>leak</em>.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<p class=\"admonition-title\">Why &amp; how</p>\n<p>Because.</p>"), html)
    }

    func testFootnotesLinkBothWaysAndCloseThePage() {
        let html = body("# A\n\nOne[^x], two[^y], one again[^x].\n\n[^x]: The *first* note.\n[^y]: The second,\n\n    in two paragraphs.\n")
        XCTAssertTrue(html.contains("One<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\" aria-label=\"Footnote 1\">1</a></sup>"), html)
        XCTAssertTrue(html.contains("again<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\""), html)
        XCTAssertTrue(html.contains("<li id=\"fn-1\">\n<p>The <em>first</em> note. <a href=\"#fnref-1\" class=\"footnote-back\""), html)
        XCTAssertTrue(html.contains("<a href=\"#fnref-1-2\" class=\"footnote-back\""), "a way back to each reference: \(html)")
        XCTAssertTrue(html.contains("<p>in two paragraphs. <a href=\"#fnref-2\""), html)
        XCTAssertTrue(html.hasSuffix("</ol>\n</section>\n"), "the notes close the page: \(html)")
    }

    func testBareWebAddressesBecomeLinksAsOnGitHub() {
        let html = body("# A\n\nSee https://keras.io/api/layers/. Or (www.example.org/a_(b)) and [a link](https://x.org) to https://x.org?\n")
        XCTAssertTrue(html.contains("See <a href=\"https://keras.io/api/layers/\">https://keras.io/api/layers/</a>."), html)
        XCTAssertTrue(html.contains("(<a href=\"http://www.example.org/a_(b)\">www.example.org/a_(b)</a>)"), html)
        XCTAssertTrue(html.contains("<a href=\"https://x.org\">a link</a>"), html)
        XCTAssertTrue(html.contains("to <a href=\"https://x.org\">https://x.org</a>?"), html)
    }

    func testInlineMathBecomesMathMLAndEmphasisInsideItDoesNot() {
        let html = body("Take $a_b*c_d*$ now.\n")
        XCTAssertEqual(html, "<p>Take <math><msub><mi>a</mi><mi>b</mi></msub><mo>∗</mo><msub><mi>c</mi><mi>d</mi></msub><mo>∗</mo></math> now.</p>\n")
    }

    func testPunctuationTouchingInlineMathStaysOnItsLine() {
        XCTAssertEqual(body("Under $L_1$. Or ($a$,$b$) and $c$\n"), """
        <p>Under <span class="nowrap"><math><msub><mi>L</mi><mn>1</mn></msub></math>.</span> \
        Or <span class="nowrap">(<math><mi>a</mi></math>,<math><mi>b</mi></math>)</span> and <math><mi>c</mi></math></p>

        """)
    }

    func testDisplayMathIsABlockOutsideParagraphs() {
        let html = body("Before\n$$\nx^2\n$$\nafter.\n")
        XCTAssertEqual(html, """
        <p>Before</p>
        <div class="math-display"><math display="block"><msup><mi>x</mi><mn>2</mn></msup></math></div>
        <p>after.</p>

        """)
        XCTAssertEqual(body("*a $$x$$*\n"), "<p><em>a <span class=\"math-display\"><math display=\"block\"><mi>x</mi></math></span></em></p>\n")
        XCTAssertEqual(body("```math\n\\alpha\n```\n"), "<div class=\"math-display\"><math display=\"block\"><mi>α</mi></math></div>\n")
    }

    func testAnEscapedDollarAndMathInCodeStayText() {
        XCTAssertEqual(body("Costs \\$5, `$x$` is code.\n"), "<p>Costs $5, <code>$x$</code> is code.</p>\n")
    }

    func testABadFormulaIsReportedAtTheLessonsLineAndColumnAndShownInItsPlace() {
        let page = render("# T\n\nSee $a + \\foo$ here.\n")
        XCTAssertEqual(page.problems.map(\.description), ["lesson.md:3:10: error: unknown TeX command '\\foo'"])
        XCTAssertTrue(page.html.contains("<span class=\"math-error\" role=\"alert\">lesson.md:3:10: error: unknown TeX command &#39;\\foo&#39;</span>"), page.html)
        XCTAssertFalse(page.html.contains("a + \\foo"), "the raw TeX is not on the page")
        XCTAssertTrue(page.html.contains("<div class=\"problems\">"), page.html)
    }

    func testAnErrorOnALaterLineOfADisplayFormula() {
        let source = "Intro\n\n$$\n\\begin{aligned}\n  a &= b \\\\\n  c &= \\oops\n\\end{aligned}\n$$\n"
        let page = render(source)
        XCTAssertEqual(page.problems.map(\.description), ["lesson.md:6:8: error: unknown TeX command '\\oops'"])
        XCTAssertTrue(page.html.contains("<div class=\"math-display math-error\" role=\"alert\">lesson.md:6:8: error:"), page.html)
        let lesson = LessonParser.parse(file: "lesson.md", source: source)
        XCTAssertEqual(MathHTML.diagnostics(for: lesson).map(\.description), page.problems.map(\.description))
    }

    func testAGoodLessonHasNoProblems() {
        XCTAssertEqual(render("$x$ and $$y$$\n").problems.count, 0)
        XCTAssertFalse(render("$x$\n").html.contains("class=\"problems\""))
    }

    func testATableWithAlignmentsAndInlineMarkdownInCells() {
        let html = body("""
        | Name | Formula | Value |
        |:-----|:-------:|------:|
        | `relu` | $\\max(0, x)$ | **1** |
        | a \\| b | ~~no~~ | |
        """)
        XCTAssertEqual(html, """
        <div class="table-wrap"><table>
        <thead>
        <tr>
        <th style="text-align:left">Name</th>
        <th style="text-align:center">Formula</th>
        <th style="text-align:right">Value</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align:left"><code>relu</code></td>
        <td style="text-align:center"><math><mi>max</mi><mo>\u{2061}</mo><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo stretchy="false">)</mo></math></td>
        <td style="text-align:right"><strong>1</strong></td>
        </tr>
        <tr>
        <td style="text-align:left">a | b</td>
        <td style="text-align:center"><del>no</del></td>
        <td style="text-align:right"></td>
        </tr>
        </tbody>
        </table></div>

        """)
    }

    func testRawHTMLInACellIsOmitted() {
        let html = body("| a |\n|---|\n| <b>x</b> |\n")
        XCTAssertTrue(html.contains("<td><!-- raw HTML omitted -->x<!-- raw HTML omitted --></td>"), html)
    }

    func testAParagraphWithPipesThatIsNotATableStaysAParagraph() {
        XCTAssertEqual(body("a | b\nc | d\n"), "<p>a | b\nc | d</p>\n")
    }

    func testHeadingsGetGitHubSlugsAndAnAnchor() {
        let html = body("# The data\n\n## The data\n\n## The data!\n\n### What's `np.mean`, *really*?\n\n## 1.5 Über-Größe\n\n[see](#the-data)\n")
        XCTAssertEqual(html, """
        <h1 id="the-data">The data <a class="anchor" href="#the-data" aria-label="Link to this section">#</a></h1>
        <h2 id="the-data-1">The data <a class="anchor" href="#the-data-1" aria-label="Link to this section">#</a></h2>
        <h2 id="the-data-2">The data! <a class="anchor" href="#the-data-2" aria-label="Link to this section">#</a></h2>
        <h3 id="whats-npmean-really">What&#39;s <code>np.mean</code>, <em>really</em>? <a class="anchor" href="#whats-npmean-really" aria-label="Link to this section">#</a></h3>
        <h2 id="15-über-größe">1.5 Über-Größe <a class="anchor" href="#15-über-größe" aria-label="Link to this section">#</a></h2>
        <p><a href="#the-data">see</a></p>

        """)
    }

    func testSlugs() {
        XCTAssertEqual(Slug.simple("Hello, World!"), "hello-world")
        XCTAssertEqual(Slug.simple("a  b"), "a--b")
        XCTAssertEqual(Slug.simple("snake_case & kebab-case"), "snake_case--kebab-case")
        XCTAssertEqual(Slug.simple("The $L_2$ penalty"), "the-l_2-penalty")
        var s = PageSlugs(taken: ["out"])
        XCTAssertEqual(["Out", "Out", "x", "x", "x-1", "!!!"].map { s.id(for: $0) }, ["out-1", "out-2", "x", "x-1", "x-1-1", "section"])
    }

    func testAHeadingNeverTakesAnExperimentsID() {
        let html = body("## Out\n\n```experiment id=out\nx = 1\n```\n")
        XCTAssertTrue(html.contains("<h2 id=\"out-1\">"), html)
        XCTAssertTrue(html.contains("<section class=\"experiment\" id=\"out\">"), html)
    }

    func testLinksAndImagesAreSafeAndEscaped() {
        XCTAssertEqual(body("[a](javascript:alert(1)) [b](https://x.org/a b?q=1&r='2' \"T\") ![c *d*](data:image/png;base64,AA)\n"),
                       // Not a link (the space), so the address in it is linked bare, as GitHub does.
                       "<p><a href=\"\">a</a> [b](<a href=\"https://x.org/a\">https://x.org/a</a> b?q=1&amp;r=&#39;2&#39; &quot;T&quot;) <img src=\"data:image/png;base64,AA\" alt=\"c d\" /></p>\n")
        XCTAssertEqual(body("[a](<javascript:alert(1)>) [b](<https://x.org/a b?q=1&r='2'> \"T\") [é](/ü)\n"),
                       "<p><a href=\"\">a</a> <a href=\"https://x.org/a%20b?q=1&amp;r=&#39;2&#39;\" title=\"T\">b</a> <a href=\"/%C3%BC\">é</a></p>\n")
    }

    func testListsQuotesBreaksAndRules() {
        XCTAssertEqual(body("- a\n- b\n  1. c\n\n---\n\n> q  \n> r\n\n3. x\n\n4. y\n"), """
        <ul>
        <li>a</li>
        <li>b
        <ol>
        <li>c</li>
        </ol>
        </li>
        </ul>
        <hr />
        <blockquote>
        <p>q<br />
        r</p>
        </blockquote>
        <ol start="3">
        <li>
        <p>x</p>
        </li>
        <li>
        <p>y</p>
        </li>
        </ol>

        """)
    }
}

/// Odd input gives a page, never a crash.
final class ProseRobustnessTests: XCTestCase {
    private func page(_ source: String) -> String {
        PageRenderer.page(lesson: LessonParser.parse(file: "odd.md", source: source), record: LessonRecord(lesson: "odd.md", blocks: []))
    }

    func testDeepNestingIsFlattenedNotOverflowingTheStack() {
        let quotes = page(String(repeating: "> ", count: 20_000) + "deep *text*\n")
        XCTAssertTrue(quotes.contains("deep text"), String(quotes.suffix(500)))
        let lists = page((0..<1_000).map { String(repeating: " ", count: $0 * 2) + "- item \($0)" }.joined(separator: "\n"))
        XCTAssertTrue(lists.contains("item 999"))
        let emphasis = page(String(repeating: "*a ", count: 20_000) + String(repeating: "a*", count: 20_000) + "\n")
        XCTAssertTrue(emphasis.contains("<em>"))
        let links = page(String(repeating: "[", count: 20_000) + "x" + String(repeating: "](u)", count: 20_000) + "\n")
        XCTAssertTrue(links.contains("x"))
    }

    func testUnclosedAndStrayDelimiters() {
        for source in ["$", "$$", "$$\n", "$x", "a $$ b", "~~", "~~a", "| a |\n|", "|\n|-|", "| a |\n| - |\n| $x$ |", "```math\n", "$$\\\\$$", "$\\$", "\u{F0000}99\u{F0001}", "\u{F0002}\n\u{F0002}"] {
            XCTAssertTrue(page(source).contains("</main>"), source)
        }
    }
}
