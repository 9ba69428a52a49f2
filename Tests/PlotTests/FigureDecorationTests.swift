import Foundation
import XCTest
@testable import Plot

/// Colorbars, twin and shared axes, steps, annotations, axis modes, rotated tick labels, log axes
/// spanning less than a decade, and the colormap table: the model first, then golden images.
final class FigureDecorationTests: XCTestCase {
    func testLogAxesWithinADecadeGetLabelledSubdivisions() {
        let a = Figure().currentAxes
        a.plot(x: [1, 2, 3, 4], y: [0.7, 0.4, 0.25, 0.17])
        a.yscale = .log
        let ticks = a.ticks().y
        XCTAssertEqual(ticks.map { ($0 * 10).rounded() / 10 }, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        XCTAssertEqual(a.tickLabels(ticks, scale: .log, fixed: nil).first, "2\u{00D7}10^\u{2212}1")
        XCTAssertEqual(Ticks.logLabel(0.01), "10^\u{2212}2")
        XCTAssertEqual(Ticks.logLabel(300), "3\u{00D7}10^2")
        // Over many decades only the powers of ten are ticked.
        XCTAssertEqual(Ticks.logSubdivisions(1, 1e6, maxTicks: 9).count, 7 * 3 - 2)
    }

    func testSharedAxesPoolTheirLimits() {
        let f = Figure()
        let top = f.axes(rows: 2, cols: 1, index: 1), bottom = f.axes(rows: 2, cols: 1, index: 2)
        top.plot(x: [0, 1], y: [0, 1])
        bottom.plot(x: [5, 10], y: [100, 200])
        Axes.share([top, bottom], x: true)
        XCTAssertEqual(top.computedLimits().x.0, bottom.computedLimits().x.0)
        XCTAssertEqual(top.computedLimits().x.1, bottom.computedLimits().x.1)
        XCTAssertLessThan(top.computedLimits().x.0, 0)
        XCTAssertGreaterThan(top.computedLimits().x.1, 10)
        XCTAssertLessThan(top.computedLimits().y.1, 2, "y is not shared")
    }

    func testTwinAxesShareXAndKeepTheirOwnY() {
        let a = Figure().currentAxes
        a.plot(x: [1, 2, 3], y: [10, 20, 30])
        let t = a.twinx()
        t.plot(x: [1, 2, 5], y: [0.1, 0.5, 0.9])
        XCTAssertTrue(t.isTwin)
        XCTAssertTrue(a.twinx() === t, "one twin per axes")
        XCTAssertEqual(a.computedLimits().x.1, t.computedLimits().x.1)
        XCTAssertGreaterThan(a.computedLimits().x.1, 5)
        XCTAssertLessThan(t.computedLimits().y.1, 1)
        XCTAssertTrue(a.describe().contains("twin axes"), a.describe())
    }

    func testStepsFollowMatplotlibsWherePositions() throws {
        let a = Figure().currentAxes
        try a.step(x: [0, 1, 2], y: [5, 6, 7], where: "pre")
        try a.step(x: [0, 1, 2], y: [5, 6, 7], where: "post")
        try a.step(x: [0, 1, 2], y: [5, 6, 7], where: "mid")
        XCTAssertEqual(a.lines[0].x, [0, 0, 1, 1, 2]); XCTAssertEqual(a.lines[0].y, [5, 6, 6, 7, 7])
        XCTAssertEqual(a.lines[1].x, [0, 1, 1, 2, 2]); XCTAssertEqual(a.lines[1].y, [5, 5, 6, 6, 7])
        XCTAssertEqual(a.lines[2].x, [0, 0.5, 0.5, 1.5, 1.5, 2]); XCTAssertEqual(a.lines[2].y, [5, 5, 6, 6, 7, 7])
        XCTAssertThrowsError(try a.step(x: [0], y: [1], where: "after"))
    }

    func testColorbarsNeedAMappingAndEqualAspectWidensOneAxis() {
        let a = Figure().currentAxes
        XCTAssertFalse(a.addColorbar(), "nothing colour-mapped yet")
        a.mesh(xEdges: [0, 1, 2], yEdges: [0, 1], values: [3, 7], colormap: "plasma")
        XCTAssertTrue(a.addColorbar(label: "value"))
        XCTAssertEqual(a.colorbar?.mappable, Mappable(colormap: "plasma", low: 3, high: 7))
        a.equalAspect = true
        let l = a.equalAspectLimits(((0, 2), (0, 1)), width: 400, height: 400)
        XCTAssertEqual(l.x.1 - l.x.0, l.y.1 - l.y.0, accuracy: 1e-12)
        a.yInverted = true
        XCTAssertGreaterThan(a.computedLimits().y.0, a.computedLimits().y.1)
    }

    func testScatterMarkersReachTheLegend() {
        let a = Figure().currentAxes
        a.scatter(x: [1, 2], y: [3, 4], colors: nil, label: "crosses", marker: .cross)
        a.scatter(x: [1, 2], y: [4, 3], colors: nil, label: "discs")
        XCTAssertEqual(a.legendEntries.map(\.marker), [.cross, .circle])
    }

    func testColormapsByNameReversedAndListed() {
        XCTAssertTrue(Colormap.isKnown("plasma_r"))
        XCTAssertFalse(Colormap.isKnown("plasmaa"))
        XCTAssertEqual(Colormap.color(0, name: "viridis_r"), Colormap.color(1, name: "viridis"))
        XCTAssertEqual(Colormap.color(0.25, name: "tab10").hexString, "#2ca02c")
        XCTAssertEqual(Colormap.color(1, name: "Greys").hexString, "#000000")
        XCTAssertEqual(Colormap.color(0, name: "Greys").hexString, "#ffffff")
    }

    // MARK: Golden images (looked at before committing)

    func testColorbarGolden() throws {
        let f = Figure()
        let a = f.currentAxes
        let n = 30
        let edges = (0...n).map { -3 + 6 * Double($0) / Double(n) }
        var values: [Double] = []
        for i in 0..<n { for j in 0..<n { values.append(exp(-(edges[i] * edges[i] + edges[j] * edges[j]) / 4)) } }
        a.mesh(xEdges: edges, yEdges: edges, values: values, colormap: "magma")
        _ = a.addColorbar(label: "density")
        a.title = "A colorbar"
        try Golden.assertMatches(f, "colorbar")
    }

    func testTwinStepAnnotateGolden() throws {
        let f = Figure()
        let a = f.currentAxes
        try a.step(x: [0, 1, 2, 3, 4, 5], y: [0.9, 0.7, 0.5, 0.45, 0.4, 0.38], where: "post", label: "loss")
        a.ylabel = "loss"
        a.xlabel = "epoch"
        a.annotate("plateau", xy: (4, 0.4), xytext: (2.5, 0.75), arrow: true)
        let t = a.twinx()
        t.plot(x: [0, 1, 2, 3, 4, 5], y: [0.5, 0.62, 0.75, 0.8, 0.83, 0.84], color: Color.cycle[1], marker: .circle)
        t.ylabel = "accuracy"
        a.title = "Two y axes"
        try Golden.assertMatches(f, "twin-step-annotate")
    }

    func testSharedAndRotatedGolden() throws {
        let f = Figure(width: 8, height: 5)
        let axes = (1...4).map { f.axes(rows: 2, cols: 2, index: $0) }
        Axes.share(axes, x: true)
        Axes.share(axes, x: false)
        for (i, a) in axes.enumerated() {
            a.bar(x: [0, 1, 2], heights: [Double(i + 1), Double(3 - i), 2], width: 0.6)
            a.title = "panel \(i + 1)"
            if i < 2 { a.hideXTickLabels = true } else { a.xticks = ([0, 1, 2], ["relu layer", "tanh layer", "sigmoid"]); a.xTickRotation = 30 }
            if i % 2 == 1 { a.hideYTickLabels = true }
        }
        try Golden.assertMatches(f, "shared-rotated")
    }
}
