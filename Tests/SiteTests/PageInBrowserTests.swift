import XCTest
import Foundation
import Lesson
import Notebook
@testable import Site

/// The page is the thing under test: these render a lesson, write it with its figure, and load it
/// in headless Chromium.
final class PageInBrowserTests: XCTestCase {
    static let lessonSource = """
    # Browser check

    Prose with `code` and a [link](https://example.org).

    ```experiment id=out
    print('<b>not bold</b> & more')
    import matplotlib.pyplot as plt
    plt.plot([0, 1, 2, 3], [0, 1, 0, 1], linewidth=8)
    plt.show()
    ```

    ```experiment id=broken
    1 / 0
    ```
    """

    func renderSite() throws -> (URL, LessonRun) {
        let run = NotebookRunner.run(LessonParser.parse(file: "browser.md", source: Self.lessonSource))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("browser"), withIntermediateDirectories: true)
        for (path, png) in run.figures { try Data(png).write(to: dir.appendingPathComponent(path)) }
        try PageRenderer.page(run).write(to: dir.appendingPathComponent("browser.html"), atomically: true, encoding: .utf8)
        try PageRenderer.stylesheet.write(to: dir.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
        return (dir, run)
    }

    func chromium(_ args: [String]) throws -> Data {
        try HeadlessChromium.run(args, extraFlags: ["--allow-file-access-from-files"])
    }

    func testOutputTextIsEscapedAndErrorsAreShownInTheDOM() throws {
        let (dir, run) = try renderSite()
        XCTAssertTrue(run.failed)
        let dom = String(decoding: try chromium(["--dump-dom", dir.appendingPathComponent("browser.html").absoluteString]), as: UTF8.self)
        XCTAssertTrue(dom.contains("&lt;b&gt;not bold&lt;/b&gt; &amp; more"), dom)
        XCTAssertFalse(dom.contains("<b>not bold</b>"), dom)
        XCTAssertTrue(dom.contains("class=\"output error\""), dom)
        XCTAssertTrue(dom.contains("ZeroDivisionError"), dom)
        XCTAssertTrue(dom.contains("browser.md:13:1"), dom)
        XCTAssertTrue(dom.contains("<img src=\"browser/out-1.png\" width=\"640\" height=\"480\""), dom)
    }

    func testTheFigureIsDisplayedInTheScreenshot() throws {
        let (dir, _) = try renderSite()
        let shot = dir.appendingPathComponent("shot.png")
        _ = try chromium(["--screenshot=\(shot.path)", "--window-size=1000,1400", dir.appendingPathComponent("browser.html").absoluteString])
        let data = try Data(contentsOf: shot)
        // The plotted line is matplotlib's first colour, #1f77b4; count pixels near it.
        let pixels = try PNGPixels(data)
        var blue = 0
        for y in 0..<pixels.height {
            for x in 0..<pixels.width {
                let (r, g, b) = pixels.rgb(x, y)
                if abs(r - 0x1f) < 20 && abs(g - 0x77) < 20 && abs(b - 0xb4) < 20 { blue += 1 }
            }
        }
        XCTAssertGreaterThan(blue, 500, "the figure's line does not show in the page")
    }

    // MARK: Math and tables

    static let mathLessonSource = #"""
    # Math and tables

    The ridge penalty adds $\lambda \sum_i w_i^2$ to the loss, so a weight $w_j$ with
    $|w_j| > 1$ costs more than it does under $L_1$. Prices like \$5 stay text, and so does
    `$x$` in code. See [the data](#the-data) and the note[^ridge].

    :::{tip}
    Scale the inputs before you compare $\lambda$ values.
    :::

    [^ridge]: Also called weight decay when the optimizer applies it.

    $$
    \begin{aligned}
    \mathcal{L}(w) &= \frac{1}{n} \sum_{i=1}^{n} \left(y_i - \hat{y}_i\right)^2 + \lambda \lVert w \rVert_2^2 \\
    \nabla_w \mathcal{L} &= -\frac{2}{n} X^\top (y - Xw) + 2 \lambda w
    \end{aligned}
    $$

    ```math
    \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}
    ```

    ## The data

    | Penalty | Term | Effect on $w$ | Keras |
    |:--------|:----:|--------------:|-------|
    | L2 | $\lambda \lVert w \rVert_2^2$ | shrinks | `l2(0.01)` |
    | L1 | $\lambda \lVert w \rVert_1$ | zeroes some | `l1(0.01)` |
    | none | $0$ | ~~nothing~~ | `None` \| default |

    ## The data

    A second heading with the same text gets its own id.
    """#

    /// Writes the math lesson's page with a script that checks it from inside the browser and
    /// puts its findings in the DOM, where `--dump-dom` shows them.
    func renderMathPage() throws -> URL {
        let lesson = LessonParser.parse(file: "math.md", source: Self.mathLessonSource)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-math-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = PageRenderer.render(lesson: lesson, record: LessonRecord(lesson: lesson.file, blocks: []))
        XCTAssertEqual(page.problems.map(\.description), [])
        try page.html.write(to: dir.appendingPathComponent("math.html"), atomically: true, encoding: .utf8)
        try PageRenderer.stylesheet.write(to: dir.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
        let probe = """
        <script>
        // The text a reader sees, code aside (code may show dollars).
        const prose = document.querySelector('main').cloneNode(true);
        prose.querySelectorAll('code, pre').forEach(c => c.remove());
        const maths = [...document.querySelectorAll('math')];
        const report = {
          math: maths.length,
          mathML: maths.filter(m => m instanceof MathMLElement && m.getBoundingClientRect().width > 0).length,
          display: document.querySelectorAll('math[display=block]').length,
          displayInParagraph: [...document.querySelectorAll('math[display=block]')].filter(m => m.closest('p')).length,
          rawTeX: (prose.textContent.match(/[$\\\\]/g) || []).join(''),
          rows: [...document.querySelectorAll('table tbody tr')].map(r => r.children.length),
          headerCells: document.querySelectorAll('table thead th').length,
          aligned: [...document.querySelectorAll('table thead th')].map(c => getComputedStyle(c).textAlign),
          del: document.querySelectorAll('td del').length,
          ids: [...document.querySelectorAll('h1, h2')].map(h => h.id),
          overflow: document.documentElement.scrollWidth > window.innerWidth,
          notes: document.querySelectorAll('.footnotes li').length,
          admonitions: document.querySelectorAll('.admonition').length,
          deadLinks: [...document.querySelectorAll('main a[href^="#"]')].map(a => a.hash)
            .filter(h => !document.getElementById(decodeURIComponent(h.slice(1)))),
        };
        document.body.setAttribute('data-report', JSON.stringify(report));
        </script>
        """
        let html = try String(contentsOf: dir.appendingPathComponent("math.html"), encoding: .utf8)
        try html.replacingOccurrences(of: "</body>", with: probe + "</body>")
            .write(to: dir.appendingPathComponent("probe.html"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The report the probe script left in the page at a window `width` pixels wide.
    func report(_ dir: URL, width: Int) throws -> [String: Any] {
        let dom = String(decoding: try chromium(["--window-size=\(width),900", "--dump-dom", dir.appendingPathComponent("probe.html").absoluteString]), as: UTF8.self)
        guard let start = dom.range(of: "data-report=\""), let end = dom[start.upperBound...].firstIndex(of: "\"") else {
            XCTFail("no report in the page: \(dom.prefix(2000))")
            return [:]
        }
        let json = String(dom[start.upperBound..<end])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    func testEveryFormulaIsMathMLAndTheTableHasItsRows() throws {
        let dir = try renderMathPage()
        for width in [1280, 390] {
            let r = try report(dir, width: width)
            // Five inline formulas in the prose (one in a note), four in the table, two display ones.
            XCTAssertEqual(r["math"] as? Int, 11, "\(r)")
            XCTAssertEqual(r["mathML"] as? Int, 11, "every formula is laid out as MathML: \(r)")
            XCTAssertEqual(r["notes"] as? Int, 1, "\(r)")
            XCTAssertEqual(r["admonitions"] as? Int, 1, "\(r)")
            XCTAssertEqual(r["deadLinks"] as? [String], [], "every in-page link (headings, footnotes) lands: \(r)")
            XCTAssertEqual(r["display"] as? Int, 2, "\(r)")
            XCTAssertEqual(r["displayInParagraph"] as? Int, 0, "\(r)")
            XCTAssertEqual(r["rawTeX"] as? String, "$", "only the escaped dollar of the prices is left: \(r)")
            XCTAssertEqual(r["rows"] as? [Int], [4, 4, 4], "\(r)")
            XCTAssertEqual(r["headerCells"] as? Int, 4, "\(r)")
            XCTAssertEqual(r["aligned"] as? [String], ["left", "center", "right", "start"], "\(r)")
            XCTAssertEqual(r["del"] as? Int, 1, "\(r)")
            XCTAssertEqual(r["ids"] as? [String], ["math-and-tables", "the-data", "the-data-1"], "\(r)")
            XCTAssertEqual(r["overflow"] as? Bool, false, "the page does not scroll sideways at \(width) px: \(r)")
        }
    }

    /// Screenshots for a person to look at: /tmp/lectern-math-1280.png and /tmp/lectern-math-390.png.
    func testMathPageScreenshots() throws {
        let dir = try renderMathPage()
        for (width, height) in [(1280, 1000), (390, 1300)] {
            let shot = URL(fileURLWithPath: "/tmp/lectern-math-\(width).png")
            try? FileManager.default.removeItem(at: shot)
            _ = try chromium(["--screenshot=\(shot.path)", "--window-size=\(width),\(height)", dir.appendingPathComponent("math.html").absoluteString])
            let pixels = try PNGPixels(try Data(contentsOf: shot))
            XCTAssertEqual(pixels.width, width)
        }
    }
}
