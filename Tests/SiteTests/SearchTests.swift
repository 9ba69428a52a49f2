import XCTest
import Foundation
import Lesson
@testable import Site

/// The search index built from two lessons, and the search box working on it in headless
/// Chromium from `file://`.
final class SearchTests: XCTestCase {
    static let intro = """
    # Getting started

    Welcome to *the* course. Weights &amp; biases are `numbers`.

    ```experiment
    x = 1
    ```

    ## Overfitting

    A model that **memorises** its training set overfits.
    See [the docs](https://example.org).

    ## Overfitting

    Second section with the same heading (regularization comes later).

    - one item
    - two items

    ## Café: über-naïve (test)?

    Accents here: régularisation.

    """

    static let dropout = """
    # Dropout and regularization

    Dropout drops units at random.

    ## Why it helps

    Each training step samples a different thinned network, so no unit can rely on any particular other unit; over many steps the network learns features that are useful on their own.
    It acts as regularization, averaging many thinned networks.

    ```python
    regularization_in_code = True
    ```

    """

    static var lessons: [Lesson] {
        [LessonParser.parse(file: "01-intro.md", source: intro), LessonParser.parse(file: "02-dropout.md", source: dropout)]
    }

    func testSectionsFollowTheHeadingsWithGitHubSlugsAndPlainText() {
        let entries = Self.lessons.map(SearchIndex.entry)
        XCTAssertEqual(entries[0].page, "01-intro.html")
        XCTAssertEqual(entries[0].title, "Getting started")
        XCTAssertEqual(entries[0].sections, [
            .init(heading: "Getting started", level: 1, slug: "getting-started", text: "Welcome to the course. Weights & biases are numbers."),
            .init(heading: "Overfitting", level: 2, slug: "overfitting", text: "A model that memorises its training set overfits. See the docs."),
            .init(heading: "Overfitting", level: 2, slug: "overfitting-1",
                  text: "Second section with the same heading (regularization comes later). one item two items"),
            .init(heading: "Café: über-naïve (test)?", level: 2, slug: "café-über-naïve-test", text: "Accents here: régularisation."),
        ])
        XCTAssertEqual(entries[1].sections, [
            .init(heading: "Dropout and regularization", level: 1, slug: "dropout-and-regularization", text: "Dropout drops units at random."),
            .init(heading: "Why it helps", level: 2, slug: "why-it-helps", 
                  text: "Each training step samples a different thinned network, so no unit can rely on any particular other unit; over many steps the network learns features that are useful on their own. It acts as regularization, averaging many thinned networks."),
        ])
    }

    func testProseBeforeTheFirstHeadingIsASectionWithoutAnchor() {
        let lesson = LessonParser.parse(file: "x.md", source: "Just prose, <b>bold</b> &lt;tag&gt; &#233;t&#xE9;.\n\n# Later\n")
        XCTAssertEqual(SearchIndex.entry(lesson).sections, [
            .init(heading: "", level: 0, slug: "", text: "Just prose, bold <tag> été."),
            .init(heading: "Later", level: 1, slug: "later", text: ""),
        ])
    }

    func testSlugsAreGitHubs() {
        var taken: [String: Int] = [:]
        XCTAssertEqual(Slug.make("Hello, World!", taken: &taken), "hello-world")
        XCTAssertEqual(Slug.make("Hello World", taken: &taken), "hello-world-1")
        XCTAssertEqual(Slug.make("hello-world-1", taken: &taken), "hello-world-1-1")
        XCTAssertEqual(Slug.make("Hello World", taken: &taken), "hello-world-2")
        XCTAssertEqual(Slug.make("snake_case and  two spaces", taken: &taken), "snake_case-and--two-spaces")
        XCTAssertEqual(Slug.make("L1 + L2 = L1L2 (élan)", taken: &taken), "l1--l2--l1l2-élan")
    }

    func testTheIndexScriptAssignsOneGlobalWithALessonPerLine() {
        let script = SearchIndex.script(Self.lessons)
        let lines = script.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertEqual(lines[1], "window.LECTERN_SEARCH = [")
        XCTAssertTrue(lines[2].hasPrefix("{\"page\":\"01-intro.html\",\"sections\":[{\"heading\":\"Getting started\",\"level\":1,"), String(lines[2]))
        XCTAssertTrue(lines[2].hasSuffix("}],\"title\":\"Getting started\"},"))
        XCTAssertEqual(lines[4], "];")
        XCTAssertFalse(script.contains("regularization_in_code"))
        XCTAssertEqual(script, SearchIndex.script(Self.lessons))
    }

    // MARK: - In the browser

    /// A page from `file://` with the box, the index and the script; `typing` runs after load.
    func writeSite(typing: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try SearchIndex.script(Self.lessons).write(to: dir.appendingPathComponent(SearchIndex.indexFileName), atomically: true, encoding: .utf8)
        try SearchIndex.searchScript.write(to: dir.appendingPathComponent(SearchIndex.scriptFileName), atomically: true, encoding: .utf8)
        let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>search</title>
        <style>body { font: 16px/1.5 sans-serif; margin: 1rem; width: 40rem; }
        \(SearchIndex.searchStyles)</style></head>
        <body>
        \(SearchIndex.searchBoxHTML())
        <pre id="report"></pre>
        <script>
        function type(text) {
          var input = document.querySelector('.lectern-search-input');
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return Array.prototype.map.call(document.querySelectorAll('.lectern-search-results a'), function (a) { return a.getAttribute('href'); });
        }
        function press(key) {
          document.querySelector('.lectern-search-input').dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true }));
        }
        window.addEventListener('load', function () {
        \(typing)
        });
        </script>
        </body></html>
        """
        try page.write(to: dir.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        for stem in ["01-intro", "02-dropout"] {
            try "<!DOCTYPE html><html><body><p id=\"arrived\">\(stem)</p></body></html>"
                .write(to: dir.appendingPathComponent("\(stem).html"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func chromium(_ args: [String]) throws -> Data {
        try HeadlessChromium.run(args, extraFlags: ["--virtual-time-budget=2000"])
    }

    func dom(typing: String) throws -> String {
        let dir = try writeSite(typing: typing)
        defer { try? FileManager.default.removeItem(at: dir) }
        return String(decoding: try chromium(["--dump-dom", dir.appendingPathComponent("page.html").absoluteString]), as: UTF8.self)
    }

    /// The hrefs of the result links in the dumped page, in order.
    func resultLinks(_ dom: String) -> [String] {
        guard let list = dom.range(of: "class=\"lectern-search-results\""),
              let end = dom.range(of: "</ol>", range: list.upperBound..<dom.endIndex) else { return [] }
        let html = dom[list.upperBound..<end.lowerBound]
        return html.components(separatedBy: "<a href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    func testTypingListsHeadingMatchesFirstThenProseInCourseOrder() throws {
        let dom = try dom(typing: "type('Regul');")
        XCTAssertEqual(resultLinks(dom), [
            "02-dropout.html#dropout-and-regularization",
            "02-dropout.html#why-it-helps",
            "01-intro.html#overfitting-1",
            "01-intro.html#caf%C3%A9-%C3%BCber-na%C3%AFve-test",
        ], dom)
        // The query is marked where it matched, in the heading and in the excerpt, accents kept.
        XCTAssertTrue(dom.contains("Dropout and <mark>regul</mark>arization"), dom)
        XCTAssertTrue(dom.contains("Accents here: <mark>régul</mark>arisation."), dom)
        XCTAssertTrue(dom.contains("Getting started › Café: über-naïve (test)?"), dom)
        // A long section shows a window around the first match.
        XCTAssertTrue(dom.contains("<span class=\"lectern-search-excerpt\">…particular other unit; over many steps the network learns features that are useful on their own. It acts as <mark>regul</mark>arization, averaging many thinned networks.</span>"), dom)
    }

    func testMatchingIgnoresCaseAndAccentsAndNeedsEveryWord() throws {
        let dom = try dom(typing: """
        var report = {
          cafe: type('CAFE uber'),
          words: type('drop random'),
          middle: type('egularization'),
          none: type('zzz'),
        };
        report.noneText = document.querySelector('.lectern-search-results').textContent;
        type('over');
        press('Escape');
        report.escaped = [document.querySelector('.lectern-search-input').value, document.querySelector('.lectern-search-results').children.length];
        document.getElementById('report').textContent = JSON.stringify(report);
        """)
        let start = try XCTUnwrap(dom.range(of: "<pre id=\"report\">"))
        let end = try XCTUnwrap(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        XCTAssertEqual(report["cafe"] as? [String], ["01-intro.html#caf%C3%A9-%C3%BCber-na%C3%AFve-test"])
        XCTAssertEqual(report["words"] as? [String], ["02-dropout.html#dropout-and-regularization"])
        XCTAssertEqual(report["middle"] as? [String], [], "matching is by word prefix")
        XCTAssertEqual(report["none"] as? [String], [])
        XCTAssertEqual(report["noneText"] as? String, "No matches.")
        XCTAssertEqual(report["escaped"] as? [AnyHashable], ["", 0])
    }

    func testEnterOpensTheFirstResult() throws {
        let dom = try dom(typing: "type('cafe'); press('Enter');")
        XCTAssertTrue(dom.contains("<p id=\"arrived\">01-intro</p>"), dom)
    }

    func testTheResultsShowInAScreenshot() throws {
        let dir = try writeSite(typing: "type('regul');")
        let shot = dir.appendingPathComponent("search.png")
        _ = try chromium(["--screenshot=\(shot.path)", "--window-size=800,600", dir.appendingPathComponent("page.html").absoluteString])
        let pixels = try PNGPixels(try Data(contentsOf: shot))
        // The highlight colour of <mark>, #fff3b0.
        var marked = 0
        for y in 0..<pixels.height {
            for x in 0..<pixels.width {
                let (r, g, b) = pixels.rgb(x, y)
                if r > 245 && abs(g - 0xf3) < 6 && abs(b - 0xb0) < 10 { marked += 1 }
            }
        }
        XCTAssertGreaterThan(marked, 200, "no highlighted query in \(shot.path)")
    }
}
