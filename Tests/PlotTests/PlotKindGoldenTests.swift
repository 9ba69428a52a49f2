import Foundation
import XCTest
@testable import Plot

/// One golden image per plot kind, drawn from fixed data.
final class PlotKindGoldenTests: XCTestCase {
    /// Deterministic pseudo-random values for test data.
    static func values(_ n: Int, seed: UInt64) -> [Double] {
        var s = seed
        return (0..<n).map { _ in
            s = s &* 6364136223846793005 &+ 1442695040888963407
            // Sum of uniforms: roughly normal.
            var total = 0.0
            var t = s
            for _ in 0..<4 { t = t &* 6364136223846793005 &+ 1; total += Double(t >> 11) / Double(1 << 53) }
            return total - 2
        }
    }

    func testScatterWithClassColours() throws {
        let f = Figure()
        let a = f.currentAxes
        let x = Self.values(60, seed: 1), y = Self.values(60, seed: 2)
        a.scatter(x: x, y: y, colors: x.indices.map { Colormap.color($0 % 2 == 0 ? 0 : 1, name: "coolwarm") })
        a.title = "Two classes"
        try Golden.assertMatches(f, "scatter")
    }

    func testHistogram() throws {
        let f = Figure()
        let a = f.currentAxes
        a.hist(Self.values(500, seed: 3), bins: 20, alpha: 0.7, label: "weights")
        a.hist(Self.values(500, seed: 4).map { $0 * 0.5 + 0.5 }, bins: 20, alpha: 0.7, label: "gradients")
        a.legend()
        try Golden.assertMatches(f, "hist")
    }

    func testBarsAndBoxplots() throws {
        let f = Figure()
        let left = f.axes(rows: 1, cols: 2, index: 1), right = f.axes(rows: 1, cols: 2, index: 2)
        left.bar(x: [0, 1, 2], heights: [0.81, 0.94, 0.9])
        left.xticks = ([0, 1, 2], ["none", "l2", "dropout"])
        left.title = "Test accuracy"
        right.boxplot([Self.values(30, seed: 5), Self.values(30, seed: 6).map { $0 + 1 }], labels: ["relu", "tanh"], showMeans: true)
        right.title = "Repeated runs"
        try Golden.assertMatches(f, "bars-boxplot")
    }

    func testErrorBarsFillAndReferenceLines() throws {
        let f = Figure()
        let a = f.currentAxes
        let x = (0..<8).map(Double.init)
        let y = x.map { 0.5 + 0.05 * $0 }
        a.fillBetween(x: x, y1: y.map { $0 - 0.05 }, y2: y.map { $0 + 0.05 }, alpha: 0.3)
        a.errorbar(x: x, y: y, yerr: [0.03], label: "mean ± std", marker: .circle)
        a.axhline(0.8, color: .black, style: .dashed, width: 1)
        a.text(x: 0.2, y: 0.82, "target")
        a.legend(location: "lower right")
        try Golden.assertMatches(f, "errorbar-fill")
    }

    func testMeshAndLogScale() throws {
        let f = Figure()
        let left = f.axes(rows: 1, cols: 2, index: 1), right = f.axes(rows: 1, cols: 2, index: 2)
        let n = 40
        let edges = (0...n).map { -2 + 4 * Double($0) / Double(n) }
        var values: [Double] = []
        for i in 0..<n { for j in 0..<n { values.append(sin(edges[j] * 2) + cos(edges[i] * 1.5) > 0.3 ? 1 : 0) } }
        left.mesh(xEdges: edges, yEdges: edges, values: values, colormap: "coolwarm", alpha: 0.4)
        left.title = "Decision regions"
        right.xscale = .log
        right.plot(x: [1e-4, 1e-3, 1e-2, 1e-1, 1], y: [0.5, 0.8, 0.9, 0.7, 0.5], marker: .circle)
        right.title = "Learning rate"
        try Golden.assertMatches(f, "mesh-log")
    }

    func testLongTitlesAndLabelsStayOnTheCanvasAsText() throws {
        let f = Figure()
        let a = f.currentAxes
        a.plot(x: nil, y: [1, 3, 2])
        a.title = "A rather long title that describes the experiment in some detail for the page"
        a.ylabel = "validation accuracy (mean of ten repeats)"
        a.xlabel = "number of hidden units in the first dense layer"
        try Golden.assertMatches(f, "long-labels")
    }
}
