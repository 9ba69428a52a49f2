import XCTest
import Modules
import Script
@testable import Plot

/// `markersize`, line `alpha`, `legend(fontsize=)`, `errorbar(capsize=)` and `title(pad=)`, each
/// passed through pyplot and measured on the PNG it draws. The figures are 6.4 × 4.8 in at
/// 100 dpi, rendered at scale 2, so one point is 200/72 pixels.
final class PlotKeywordDrawingTests: XCTestCase {
    static let pixelsPerPoint = 200.0 / 72

    /// The figures a lesson leaves, run in a session of its own.
    private func figures(_ source: String) throws -> [Figure] {
        let lesson = LessonSession(seed: 0)
        let python = Interpreter(modules: lesson.registry)
        _ = try python.run("import numpy as np\nimport matplotlib.pyplot as plt\n" + source, file: "keywords.md", firstLine: 1)
        return lesson.takeFigures()
    }

    /// The first figure the lesson draws, decoded.
    private func drawn(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Drawing {
        let figure = try XCTUnwrap(try figures(source).first, "the lesson drew no figure", file: file, line: line)
        return try XCTUnwrap(GDCanvas(png: try figure.renderPNG(scale: 2)).map(Drawing.init), file: file, line: line)
    }

    private func errorMessage(_ source: String) -> String {
        do { _ = try figures(source) } catch { return "\(error)" }
        return "no error"
    }

    /// Axes without furniture over the unit square, so only what the test draws leaves ink.
    static let bare = "plt.axis('off')\nplt.xlim(0, 1)\nplt.ylim(0, 1)\n"

    func testMarkerSizeSetsTheMarkersDiameterInPoints() throws {
        var widths: [Double: Int] = [:]
        for size in [6.0, 20.0] {
            let d = try drawn(Self.bare + "plt.plot([0.5], [0.5], 'o', markersize=\(size))")
            widths[size] = try XCTUnwrap(d.inkBox()).width
            XCTAssertEqual(Double(widths[size] ?? 0), size * Self.pixelsPerPoint, accuracy: 2.5, "markersize=\(size)")
        }
        XCTAssertGreaterThan(widths[20] ?? 0, 3 * (widths[6] ?? 0))
        // Without markersize the marker is matplotlib's 6 pt; `ms` is its short spelling; '.' is half.
        let plain = try drawn(Self.bare + "plt.plot([0.5], [0.5], 'o')")
        XCTAssertEqual(try XCTUnwrap(plain.inkBox()).width, widths[6])
        let ax = try XCTUnwrap(try figures("plt.plot([1, 2], 'r.-', ms=9)").first?.allAxes.first)
        XCTAssertEqual(ax.lines.first?.markerSize, 9)
        let dot = try drawn(Self.bare + "plt.plot([0.5], [0.5], '.', ms=20)")
        XCTAssertEqual(Double(try XCTUnwrap(dot.inkBox()).width), 10 * Self.pixelsPerPoint, accuracy: 2.5)
    }

    func testAlphaBlendsTheLineAndItsMarkersWithWhatIsBeneath() throws {
        let d = try drawn(Self.bare + """
        plt.fill_between([0, 1], 0.3, 0.7, color='blue')
        plt.plot([0, 1], [0.5, 0.5], color='red', linewidth=20, alpha=0.5)
        plt.plot([0, 1], [0.9, 0.9], color='red', linewidth=20, alpha=0.5)
        plt.plot([0.5], [0.1], 'o', color='red', markersize=30, alpha=0.5)
        """)
        let x = d.width / 2
        // Half red over the blue band, half red over white: each channel halfway between the two.
        assertColor(d.at(x, d.row(ofFraction: 0.5)), (128, 0, 128))
        assertColor(d.at(x, d.row(ofFraction: 0.9)), (255, 128, 128))
        assertColor(d.at(x, d.row(ofFraction: 0.1)), (255, 128, 128))
        // Every line-drawing call takes it: the log forms, step, errorbar, axhline.
        let ax = try XCTUnwrap(try figures("""
        plt.semilogx([1, 10], [1, 2], alpha=0.5)
        plt.step([1, 2], [1, 2], alpha=0.25)
        plt.errorbar([1, 2], [1, 2], yerr=0.1, alpha=0.75)
        plt.axhline(1, alpha=0.4)
        """).first?.allAxes.first)
        XCTAssertEqual(ax.lines.map(\.color.a), [0.5, 0.25, 0.75, 0.75, 0.75])
        XCTAssertEqual(ax.referenceLines.first?.color.a, 0.4)
        XCTAssertTrue(errorMessage("plt.plot([1, 2], alpha=1.5)").contains("ValueError: alpha (1.5) is outside 0-1 range"))
    }

    func testLegendFontSizeScalesTheLegendBox() throws {
        // The line lies above the y limits, so the legend is all the ink there is.
        func legendBox(_ size: String) throws -> (width: Int, height: Int) {
            let d = try drawn(Self.bare + "plt.plot([0, 1], [5, 5], label='accuracy')\nplt.legend(loc='center', fontsize=\(size))")
            return try XCTUnwrap(d.inkBox())
        }
        let small = try legendBox("8"), large = try legendBox("16"), plain = try legendBox("'medium'")
        XCTAssertGreaterThan(Double(large.height), 1.8 * Double(small.height))
        XCTAssertGreaterThan(Double(large.width), 1.8 * Double(small.width))
        XCTAssertTrue(small.height < plain.height && plain.height < large.height, "\(small) \(plain) \(large)")
        let sizes = try ["'xx-small'", "'small'", "'large'", "'xx-large'", "12", "None"].map { size -> Double in
            try XCTUnwrap(try figures("plt.plot([1, 2], label='a')\nplt.legend(fontsize=\(size))").first?.allAxes.first).legendFontSize
        }
        for (size, expected) in zip(sizes, [5.79, 8.33, 12, 17.28, 12, 10]) { XCTAssertEqual(size, expected, accuracy: 1e-9) }
        XCTAssertTrue(errorMessage("plt.plot([1], label='a')\nplt.legend(fontsize='huge')").contains("ValueError: Size is invalid"))
    }

    func testCapSizeDrawsCapsAcrossBothEndsOfEachBar() throws {
        func ends(capsize: String) throws -> (top: Cap, bottom: Cap) {
            let d = try drawn(Self.bare + "plt.errorbar([0.5], [0.5], yerr=0.25, color='red'\(capsize))")
            return (d.cap(near: d.row(ofFraction: 0.75)), d.cap(near: d.row(ofFraction: 0.25)))
        }
        let capped = try ends(capsize: ", capsize=4"), plain = try ends(capsize: ""), zero = try ends(capsize: ", capsize=0")
        for cap in [capped.top, capped.bottom] {
            // 2·capsize points across, in the bar's colour.
            XCTAssertEqual(Double(cap.width), 8 * Self.pixelsPerPoint, accuracy: 2.5)
            assertColor(cap.colorNearItsEnd, (255, 0, 0))
        }
        for cap in [plain.top, plain.bottom, zero.top, zero.bottom] {
            // No caps: only the 1.5 pt bar's own end.
            XCTAssertLessThanOrEqual(Double(cap.width), 1.5 * Self.pixelsPerPoint + 2)
        }
    }

    func testTitlePadIsTheGapBetweenTheAxesAndTheTitle() throws {
        func titleTop(_ call: String) throws -> Int {
            let d = try drawn("plt.plot([0, 1], [0, 1])\nplt.axis('off')\n" + call)
            return try XCTUnwrap(d.inkTop())
        }
        let flush = try titleTop("plt.title('Loss', pad=0)"), raised = try titleTop("plt.title('Loss', pad=20)")
        XCTAssertEqual(Double(flush - raised), 20 * Self.pixelsPerPoint, accuracy: 1.5)
        XCTAssertEqual(try titleTop("plt.title('Loss')"), try titleTop("plt.title('Loss', pad=6)"))
        // A pad taller than the top margin moves the axes down instead of the title off the figure.
        let far = try titleTop("fig, ax = plt.subplots()\nax.set_title('Loss', pad=80)")
        XCTAssertGreaterThan(far, 5)
        // Each title call sets its pad, matplotlib's 6 pt unless given.
        let ax = try XCTUnwrap(try figures("fig, ax = plt.subplots()\nax.set_title('a', pad=12)").first?.allAxes.first)
        XCTAssertEqual(ax.titlePad, 12)
        let reset = try XCTUnwrap(try figures("plt.title('a', pad=12)\nplt.title('b')").first?.allAxes.first)
        XCTAssertEqual(reset.titlePad, 6)
    }

    func testKeywordsStillNotDrawnAreRefusedByName() {
        for (source, expected) in [
            ("plt.errorbar([1], [1], yerr=1, capthick=2)", "errorbar: capthick is not supported yet"),
            ("plt.plot([1, 2], markeredgewidth=2)", "plot: markeredgewidth is not supported yet"),
            ("plt.legend(title_fontsize=8)", "legend: title_fontsize is not supported yet"),
            ("plt.step([1, 2], [1, 2], markersize=4)", "step: markersize is not supported yet"),
        ] {
            let message = errorMessage(source)
            XCTAssertTrue(message.contains("NotImplementedError") && message.contains(expected), "\(source) → \(message)")
        }
    }

    private func assertColor(_ c: (r: UInt8, g: UInt8, b: UInt8), _ expected: (Int, Int, Int),
                             file: StaticString = #filePath, line: UInt = #line) {
        let got = (Int(c.r), Int(c.g), Int(c.b))
        XCTAssertTrue(abs(got.0 - expected.0) <= 2 && abs(got.1 - expected.1) <= 2 && abs(got.2 - expected.2) <= 2,
                      "pixel \(got), expected \(expected)", file: file, line: line)
    }
}

/// An error bar's end: how wide its ink is across the bar, and the colour just inside the cap's end.
private struct Cap {
    var width: Int
    var colorNearItsEnd: (r: UInt8, g: UInt8, b: UInt8)
}

/// A rendered figure's pixels, with what the tests measure on them.
private struct Drawing {
    let canvas: GDCanvas
    var width: Int { canvas.width }
    var height: Int { canvas.height }

    func at(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) { canvas.pixel(x, y) }

    func inked(_ x: Int, _ y: Int) -> Bool {
        let p = canvas.pixel(x, y)
        return Int(p.r) + Int(p.g) + Int(p.b) < 3 * 250
    }

    /// The row of a y value on axes over 0...1 in matplotlib's default subplot box (top 0.88, bottom 0.11).
    func row(ofFraction y: Double) -> Int {
        let top = 0.12 * Double(height), bottom = 0.89 * Double(height)
        return Int((bottom - y * (bottom - top)).rounded(.down))
    }

    /// The size of the box around every inked pixel; nil when nothing is drawn.
    func inkBox() -> (width: Int, height: Int)? {
        var xs: [Int] = [], ys: [Int] = []
        for y in 0..<height { for x in 0..<width where inked(x, y) { xs.append(x); ys.append(y) } }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        return (x1 - x0 + 1, y1 - y0 + 1)
    }

    /// The first row with ink.
    func inkTop() -> Int? { (0..<height).first { y in (0..<width).contains { inked($0, y) } } }

    /// The widest run of ink in the rows around `row` (a bar end with or without its cap), and the
    /// most strongly coloured pixel 3 in from its left end among the rows about that wide.
    func cap(near row: Int) -> Cap {
        let runs = (max(0, row - 8)...min(height - 1, row + 8)).compactMap { y -> (y: Int, left: Int, width: Int)? in
            let xs = (0..<width).filter { inked($0, y) }
            guard let l = xs.min(), let r = xs.max() else { return nil }
            return (y, l, r - l + 1)
        }
        let widest = runs.map(\.width).max() ?? 0
        let colors = runs.filter { $0.width >= widest - 1 }.map { at($0.left + 3, $0.y) }
        let strongest = colors.min { Int($0.g) + Int($0.b) < Int($1.g) + Int($1.b) } ?? (255, 255, 255)
        return Cap(width: widest, colorNearItsEnd: strongest)
    }
}
