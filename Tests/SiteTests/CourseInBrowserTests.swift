import XCTest
import Foundation
import Lesson
import Notebook
@testable import Site

/// A two-lesson course with every feature of the site (course file, front matter, parts, sidebar,
/// previous and next, contents, numbered figures and references, tables, math, long code and
/// output, search, copy buttons, a notebook link), run and written as `lectern render` writes it,
/// then loaded in headless Chromium at a desktop and a phone width.
final class CourseInBrowserTests: XCTestCase {
    static let courseFile = """
    title: Nets in the browser
    author: The Lectern tests
    description: Two short lessons that use every part of the page.
    parts:
      - title: Basics
        lessons: [01-curves.md]
      - title: Further
        lessons: [02-moons.md]
    """

    static let first = #"""
    ---
    title: Learning curves
    description: Accuracy per epoch, and why the test curve flattens.
    ---
    # Learning curves

    The training curve keeps climbing while the test curve flattens, as @fig-curves shows; compare
    it with the moons of the [next lesson](02-moons.html#the-data). A long identifier that must
    wrap: `model.layers[0].kernel_regularizer.l2_penalty_coefficient_for_the_first_dense_layer`.

    ## The curves

    ```experiment id=curves caption="Accuracy per epoch, train and test" label=fig-curves
    import matplotlib.pyplot as plt
    train = [0.60, 0.72, 0.81, 0.88, 0.93, 0.96]
    test = [0.58, 0.69, 0.75, 0.78, 0.79, 0.79]
    plt.plot(train, label='train')
    plt.plot(test, label='test')
    plt.title('Accuracy per epoch')
    plt.xlabel('epoch')
    plt.ylabel('accuracy')
    plt.legend()
    print('a long line of output that a phone cannot show at once, so it scrolls inside its own box: ' + ' '.join(str(i) for i in range(40)))
    ```

    ### The gap

    The gap is $\text{train} - \text{test}$, and its square is
    $$
    g^2 = \left(\frac{1}{n}\sum_{i=1}^{n} a_i - b_i\right)^2 .
    $$

    | epoch | train accuracy | test accuracy | gap | squared gap | note about this epoch |
    |------:|---------------:|--------------:|----:|------------:|-----------------------|
    | 1 | 0.600000 | 0.580000 | 0.020000 | 0.000400 | both curves start together |
    | 6 | 0.960000 | 0.790000 | 0.170000 | 0.028900 | the model memorises its training points |

    ## Summary

    Figure @fig-curves is the only figure here.
    """#

    static let second = #"""
    ---
    title: The moons
    description: Two interleaved half circles.
    order: 2
    ---
    # The moons

    Back to the [curves](01-curves.html#the-curves).

    ## The data

    ```experiment id=data
    #| label: fig-moons
    #| fig-cap: "The two moons, coloured by class"
    import numpy as np
    import matplotlib.pyplot as plt
    from sklearn.datasets import make_moons
    X, y = make_moons(n_samples=60, noise=0.2, random_state=1)
    plt.scatter(X[:, 0], X[:, 1], c=y)
    plt.title('Moons')
    plt.xlabel('x1')
    plt.ylabel('x2')
    plt.show()
    X.shape
    ```

    @fig-moons shows the data. A block without a caption draws a figure too:

    ```experiment id=hist
    plt.hist(X[:, 0], bins=10)
    plt.title('First feature')
    plt.show()
    ```

    ## Next steps

    That is all.
    """#

    /// Writes the site into a fresh folder; returns it.
    func buildSite() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lessons = [LessonParser.parse(file: "01-curves.md", source: Self.first), LessonParser.parse(file: "02-moons.md", source: Self.second)]
        let (course, problems) = CourseFile.parse(source: Self.courseFile)
        XCTAssertEqual(problems.map(\.description), [])
        let runs = lessons.map { NotebookRunner.run($0) }
        let outline = CourseOutline(course: course, lessons: runs.map { CourseOutline.Entry($0.lesson, failed: $0.failed) })
        // A notebook beside the second page, as `lectern export --ipynb` leaves it.
        try Data("{}".utf8).write(to: dir.appendingPathComponent("02-moons.ipynb"))
        for run in runs {
            XCTAssertFalse(run.failed, "\(run.record.problems)")
            XCTAssertEqual(run.lesson.diagnostics.map(\.description), [])
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(run.lesson.stem), withIntermediateDirectories: true)
            for (path, png) in run.figures { try Data(png).write(to: dir.appendingPathComponent(path)) }
            let notebook = run.lesson.stem == "02-moons" ? "02-moons.ipynb" : nil
            let page = PageRenderer.render(lesson: run.lesson, record: run.record, context: .init(course: outline, notebook: notebook))
            XCTAssertEqual(page.problems.map(\.description), [])
            try write(page.html, dir, "\(run.lesson.stem).html")
        }
        try write(PageRenderer.index(course: outline), dir, "index.html")
        try write(PageRenderer.stylesheet, dir, "style.css")
        try write(SearchIndex.script(lessons), dir, SearchIndex.indexFileName)
        try write(SearchIndex.searchScript, dir, SearchIndex.scriptFileName)
        // Each page again with a probe that reports what the reader gets, once everything loaded.
        for page in Self.pages {
            let html = try String(contentsOf: dir.appendingPathComponent(page), encoding: .utf8)
            try write(html.replacingOccurrences(of: "</body>", with: Self.probe + "</body>"), dir, "probe-" + page)
        }
        return dir
    }

    static let pages = ["index.html", "01-curves.html", "02-moons.html"]

    func write(_ text: String, _ dir: URL, _ name: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static let probe = """
    <script>
    window.addEventListener('load', function () {
      const byId = id => document.getElementById(id);
      const href = a => a.getAttribute('href');
      const report = {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        alts: [...document.querySelectorAll('img')].map(i => i.getAttribute('alt')),
        imagesShown: [...document.querySelectorAll('img')].filter(i => i.complete && i.naturalWidth > 0).length,
        links: [...document.querySelectorAll('a[href]')].map(href),
        missingHere: [...document.querySelectorAll('a[href^="#"]')].map(href).filter(h => !byId(decodeURIComponent(h.slice(1)))),
        toc: [...document.querySelectorAll('.toc a')].map(href),
        headings: [...document.querySelectorAll('main h2[id], main h3[id]')].map(h => '#' + h.id),
        headingAnchors: [...document.querySelectorAll('main h2 .anchor, main h3 .anchor')].map(href),
        current: [...document.querySelectorAll('[aria-current=page]')].map(href),
        prev: [...document.querySelectorAll('.pager a[rel=prev]')].map(href),
        next: [...document.querySelectorAll('.pager a[rel=next]')].map(href),
        copyButtons: document.querySelectorAll('.copy-button').length,
        codeBlocks: document.querySelectorAll('div.code > pre').length,
        searchLessons: Array.isArray(window.LECTERN_SEARCH) ? window.LECTERN_SEARCH.length : -1,
        labels: document.querySelectorAll('.experiment .label').length,
        figcaptions: [...document.querySelectorAll('figcaption')].map(c => c.textContent),
        xrefs: [...document.querySelectorAll('a.xref')].map(a => a.textContent + ' ' + href(a)),
      };
      parent.postMessage(JSON.stringify(report), '*');
    });
    </script>
    """

    func chromium(_ args: [String]) throws -> Data {
        try HeadlessChromium.run(args, extraFlags: ["--allow-file-access-from-files", "--virtual-time-budget=3000"])
    }

    /// What the probe saw of `page` in a viewport `width` CSS pixels wide. Headless Chromium's
    /// window is never narrower than 500 px, so the page is loaded into a frame of that width,
    /// whose viewport it is; the probe posts its report to the frame's parent.
    func report(_ dir: URL, page: String, width: Int) throws -> [String: Any] {
        let frame = """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe src="probe-\(page)" style="width:\(width)px;height:900px;border:0"></iframe>
        <script>window.addEventListener('message', function (e) { document.body.setAttribute('data-report', e.data); });</script>
        </body></html>
        """
        try write(frame, dir, "frame-\(width)-\(page)")
        let url = dir.appendingPathComponent("frame-\(width)-\(page)").absoluteString
        let dom = String(decoding: try chromium(["--window-size=\(width + 40),900", "--dump-dom", url]), as: UTF8.self)
        guard let start = dom.range(of: "data-report=\""), let end = dom[start.upperBound...].firstIndex(of: "\"") else {
            XCTFail("no report in \(page): \(dom.prefix(1500))")
            return [:]
        }
        let json = String(dom[start.upperBound..<end])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&nbsp;", with: "\u{a0}")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    func testEveryPageFitsItsWidthDescribesItsImagesAndEveryLinkLands() throws {
        let dir = try buildSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        for width in [1280, 390] {
            for page in Self.pages {
                let r = try report(dir, page: page, width: width)
                let at = "\(page) at \(width) px"
                let scrollWidth = r["scrollWidth"] as? Int ?? .max, innerWidth = r["innerWidth"] as? Int ?? 0
                XCTAssertLessThanOrEqual(scrollWidth, innerWidth, "the page does not scroll sideways: \(at)")
                XCTAssertEqual(innerWidth, width, at)

                let alts = r["alts"] as? [String?] ?? []
                for alt in alts {
                    let text = alt ?? ""
                    XCTAssertGreaterThan(text.count, 12, "\(at): alt \(text)")
                    XCTAssertFalse(text.contains(" dpi") || text.hasPrefix("figure "), "\(at): alt \(text)")
                    XCTAssertTrue(text.contains("plot") || text.contains("chart") || text.contains("map"), "\(at): alt says what is drawn: \(text)")
                }
                XCTAssertEqual(r["imagesShown"] as? Int, alts.count, "every image loads: \(at)")
                XCTAssertEqual(r["missingHere"] as? [String], [], "every #link names an id of the page: \(at)")
                try checkLinksLand(r["links"] as? [String] ?? [], from: dir, at: at)
                XCTAssertEqual(r["searchLessons"] as? Int, 2, "the search index is loaded: \(at)")
                XCTAssertEqual(r["labels"] as? Int, 0, "no author's label for readers: \(at)")
                XCTAssertEqual(r["copyButtons"] as? Int, r["codeBlocks"] as? Int, "each code block has its copy button: \(at)")
                XCTAssertEqual(r["current"] as? [String], page == "index.html" ? [] : [page], at)
                XCTAssertEqual(r["toc"] as? [String], page == "index.html" ? [] : r["headings"] as? [String], "contents = headings: \(at)")
                XCTAssertEqual(r["headingAnchors"] as? [String], r["headings"] as? [String], at)
                switch page {
                case "01-curves.html":
                    XCTAssertEqual(alts.count, 1, at)
                    XCTAssertEqual(r["prev"] as? [String], [], at)
                    XCTAssertEqual(r["next"] as? [String], ["02-moons.html"], at)
                    XCTAssertEqual(r["figcaptions"] as? [String], ["Figure\u{a0}1: Accuracy per epoch, train and test"], at)
                    XCTAssertEqual(r["xrefs"] as? [String], ["Figure\u{a0}1 #fig-curves", "Figure\u{a0}1 #fig-curves"], at)
                    XCTAssertEqual(r["toc"] as? [String], ["#the-curves", "#the-gap", "#summary"], at)
                case "02-moons.html":
                    XCTAssertEqual(alts.count, 2, at)
                    XCTAssertEqual(r["prev"] as? [String], ["01-curves.html"], at)
                    XCTAssertEqual(r["next"] as? [String], [], at)
                    XCTAssertEqual(r["figcaptions"] as? [String], ["Figure\u{a0}1: The two moons, coloured by class"], at)
                    XCTAssertTrue((r["links"] as? [String] ?? []).contains("02-moons.ipynb"), at)
                default:
                    XCTAssertEqual(alts.count, 0, at)
                }
            }
        }
    }

    /// Every relative link points at a file of the site, and its `#fragment` at an id in that file.
    func checkLinksLand(_ links: [String], from dir: URL, at: String) throws {
        for link in links where !link.hasPrefix("#") && !link.contains("://") {
            let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
            let file = dir.appendingPathComponent(parts[0].removingPercentEncoding ?? parts[0])
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(at): \(link) names no file of the site")
            if parts.count == 2, let html = try? String(contentsOf: file, encoding: .utf8) {
                XCTAssertTrue(html.contains("id=\"\(parts[1])\""), "\(at): \(link) names no id of \(parts[0])")
            }
        }
    }

    /// Screenshots for a person to look at: /tmp/lectern-course-1280.png, /tmp/lectern-course-390.png
    /// (the first lesson) and /tmp/lectern-course-index-390.png.
    func testCoursePageScreenshots() throws {
        let dir = try buildSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, page, width, height) in [("1280", "01-curves.html", 1280, 1700), ("390", "01-curves.html", 390, 3000),
                                            ("moons-390", "02-moons.html", 390, 2600), ("index-390", "index.html", 390, 900)] {
            let shot = URL(fileURLWithPath: "/tmp/lectern-course-\(name).png")
            try? FileManager.default.removeItem(at: shot)
            _ = try chromium(["--screenshot=\(shot.path)", "--window-size=\(width),\(height)", dir.appendingPathComponent(page).absoluteString])
            let pixels = try PNGPixels(try Data(contentsOf: shot))
            XCTAssertEqual(pixels.width, width)
        }
    }
}
