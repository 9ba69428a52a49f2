import XCTest
@testable import Plot

final class FigureModelTests: XCTestCase {
    func testAutoLimitsAddFivePercentMargins() {
        let a = Figure().currentAxes
        a.plot(x: nil, y: (0..<4000).map { Double($0) / 4000 })
        let l = a.computedLimits()
        XCTAssertEqual(l.x.0, -199.95, accuracy: 1e-9)
        XCTAssertEqual(l.x.1, 4198.95, accuracy: 1e-9)
        XCTAssertEqual(l.y.0, -0.0499875, accuracy: 1e-9)
    }

    func testNiceTicksForTypicalRanges() {
        XCTAssertEqual(Ticks.positions(-199.95, 4198.95, maxTicks: 9), [0, 1000, 2000, 3000, 4000])
        XCTAssertEqual(Ticks.positions(0.715, 1.01357, maxTicks: 9), [0.75, 0.8, 0.85, 0.9, 0.95, 1.0])
        XCTAssertEqual(Ticks.positions(-1.2, 2.3, maxTicks: 9), [-1.0, -0.5, 0, 0.5, 1.0, 1.5, 2.0])
        XCTAssertEqual(Ticks.labels([0, 1000, 2000]), ["0", "1000", "2000"])
        XCTAssertEqual(Ticks.labels([0.75, 0.8, 0.85]), ["0.75", "0.80", "0.85"])
        XCTAssertEqual(Ticks.labels([-0.5, 0, 0.5]), ["\u{2212}0.5", "0.0", "0.5"])
    }

    func testConstantDataStillGetsARange() {
        XCTAssertEqual(Ticks.autoLimits([3, 3]).0, 2.835, accuracy: 1e-12)
        XCTAssertEqual(Ticks.autoLimits([]).1, 1)
    }

    func testSeriesTakeTheDefaultColourCycleInOrder() {
        let a = Figure().currentAxes
        a.plot(x: nil, y: [1, 2])
        a.plot(x: nil, y: [2, 1])
        a.plot(x: nil, y: [0, 0], color: Color.parse("k"))
        XCTAssertEqual(a.lines.map { $0.color.hexString }, ["#1f77b4", "#ff7f0e", "#000000"])
        XCTAssertEqual(Color.parse("C1")?.hexString, "#ff7f0e")
        XCTAssertEqual(Color.parse("tab:green")?.hexString, "#2ca02c")
        XCTAssertNil(Color.parse("notacolour"))
    }

    func testSubplotReturnsTheSameAxesForTheSameSlot() {
        let f = Figure()
        let a = f.axes(rows: 2, cols: 1, index: 1)
        let b = f.axes(rows: 2, cols: 1, index: 2)
        XCTAssertTrue(f.axes(rows: 2, cols: 1, index: 1) === a)
        XCTAssertFalse(a === b)
        XCTAssertEqual(f.allAxes.count, 2)
    }

    func testTheDescriptionNamesWhatIsPlotted() {
        let f = Figure()
        f.currentAxes.plot(x: nil, y: [0.5, .nan, 1], label: "train")
        f.currentAxes.title = "Accuracy"
        let d = f.describe()
        XCTAssertTrue(d.contains("title 'Accuracy'"), d)
        XCTAssertTrue(d.contains("line 'train' #1f77b4 3 points y [0.5, 1]"), d)
        XCTAssertTrue(d.contains("(1 non-finite)"), d)
    }
}

final class LayoutTests: XCTestCase {
    func testStackedSubplotsLeaveRoomForTickLabelsAndTheNextTitle() {
        let f = Figure()
        let top = f.axes(rows: 2, cols: 1, index: 1), bottom = f.axes(rows: 2, cols: 1, index: 2)
        top.plot(x: nil, y: [0, 1])
        bottom.plot(x: nil, y: [1, 0])
        top.title = "Loss"
        bottom.title = "Accuracy"
        let r = FigureRenderer(figure: f, scale: 1)
        let a = r.box(for: top, width: 640, height: 480), b = r.box(for: bottom, width: 640, height: 480)
        // Ticks and padding (7 pt), one line of 10 pt labels, the title's 6 pt pad and 12 pt line.
        let needed = r.pt(7) + r.pt(10) * 1.3 + r.pt(6) + r.pt(12) * 1.3
        XCTAssertGreaterThanOrEqual(b.top - a.bottom, needed)
        XCTAssertEqual(a.left, 80, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(b.bottom, 0.89 * 480 + 1e-9)
    }

    func testSideBySideSubplotsLeaveRoomForTheRightPanelsTickLabels() {
        let f = Figure()
        let left = f.axes(rows: 1, cols: 2, index: 1), right = f.axes(rows: 1, cols: 2, index: 2)
        left.plot(x: nil, y: [0, 100000])
        right.plot(x: nil, y: [0, 123456])
        right.ylabel = "a long label"
        let r = FigureRenderer(figure: f, scale: 1)
        let a = r.box(for: left, width: 640, height: 480), b = r.box(for: right, width: 640, height: 480)
        XCTAssertGreaterThan(b.left - a.right, r.pt(10) * 0.62 * 6)
    }
}
