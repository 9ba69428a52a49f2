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
        guard let exe = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("headless Chromium is not installed (make test installs it)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
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
}
