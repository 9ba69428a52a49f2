import XCTest
import Modules
import Script
@testable import Plot

/// The pyplot calls behind colorbars, twin and shared axes, steps, annotations, axis modes,
/// rotated tick labels and colormap objects, checked on the figure model they build.
final class PyplotDecorationTests: XCTestCase {
    private func run(_ source: String) throws -> (out: String, figures: [Figure]) {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("import numpy as np\nimport matplotlib.pyplot as plt\n" + source, file: "t.md", firstLine: 1)
        return (out, session.takeFigures())
    }

    func testColorbarFollowsTheMappable() throws {
        let (_, figures) = try run("""
        sc = plt.scatter([1, 2, 3], [3, 1, 2], c=[0.0, 5.0, 10.0], cmap='plasma')
        cb = plt.colorbar(sc, label='value')
        plt.show()
        xx, yy = np.meshgrid(np.linspace(0, 1, 5), np.linspace(0, 2, 4))
        fig, ax = plt.subplots()
        cs = ax.contourf(xx, yy, xx + yy, levels=4, cmap=plt.cm.viridis_r)
        fig.colorbar(cs, ax=ax)
        plt.show()
        """)
        XCTAssertEqual(figures.count, 2)
        let first = figures[0].allAxes[0]
        XCTAssertEqual(first.colorbar, ColorbarSpec(mappable: Mappable(colormap: "plasma", low: 0, high: 10), label: "value"))
        let second = figures[1].allAxes[0]
        XCTAssertEqual(second.colorbar?.mappable.colormap, "viridis_r")
        // Filled contours come in bands: levels=4 over x + y in [0, 3] gives nice boundaries 0, 1, 2, 3,
        // and every cell takes the colour of its band's middle value.
        XCTAssertEqual(second.colorbar?.mappable.boundaries, [0, 1, 2, 3])
        XCTAssertThrowsError(try run("plt.plot([1, 2])\nplt.colorbar()")) { XCTAssertTrue("\($0)".contains("No mappable"), "\($0)") }
        XCTAssertThrowsError(try run("plt.scatter([1], [2], c=[1.0], cmap='viridus')")) { XCTAssertTrue("\($0)".contains("did you mean 'viridis'"), "\($0)") }
    }

    func testTwinSharedStepAnnotateAndAxisModes() throws {
        let (out, figures) = try run("""
        fig, ax = plt.subplots()
        ax.plot([0, 1, 2], [10, 20, 30])
        ax2 = ax.twinx()
        ax2.step([0, 1, 2], [0.1, 0.5, 0.9], where='post', label='acc')
        ax2.annotate('best', xy=(2, 0.9), xytext=(1, 0.7), arrowprops=dict(arrowstyle='->'))
        print(ax.get_xlim() == ax2.get_xlim())
        plt.show()
        fig, axes = plt.subplots(2, 2, sharex=True, sharey='row')
        axes[0, 0].plot([0, 100], [0, 1])
        axes[1, 1].plot([0, 1], [5, 6])
        print(axes[1, 0].get_xlim() == axes[0, 0].get_xlim(), axes[1, 0].get_ylim() == axes[1, 1].get_ylim(), axes[0, 0].get_ylim() == axes[1, 1].get_ylim())
        plt.show()
        plt.imshow(np.arange(6).reshape(2, 3), cmap='gray')
        plt.axis('off')
        plt.show()
        plt.bar([0, 1, 2], [3, 1, 2], width=1.0, align='edge')
        plt.xticks([0.5, 1.5, 2.5], ['a', 'b', 'c'], rotation=45)
        plt.legend(['bars'], loc=3)
        plt.gca().invert_yaxis()
        plt.show()
        print(plt.get_cmap('Greys')(1.0))
        """)
        XCTAssertEqual(out, "True\nTrue True False\n(0.0, 0.0, 0.0, 1.0)\n")
        XCTAssertEqual(figures.count, 4)
        let twin = try XCTUnwrap(figures[0].allAxes[0].twin)
        XCTAssertEqual(twin.lines.first?.x, [0, 1, 1, 2, 2])
        XCTAssertEqual(twin.annotations.count, 1)
        let grid = figures[1].allAxes
        XCTAssertTrue(grid[0].hideXTickLabels && !grid[2].hideXTickLabels, "only the bottom row shows x labels")
        XCTAssertTrue(grid[1].hideYTickLabels && !grid[0].hideYTickLabels, "sharey='row' hides the right column's y labels")
        XCTAssertFalse(figures[2].allAxes[0].axisOn)
        let bars = figures[3].allAxes[0]
        XCTAssertEqual(bars.rects.first?.x0, 0, "align='edge' puts the bar's left edge at x")
        XCTAssertEqual(bars.xTickRotation, 45)
        XCTAssertEqual(bars.legendLocation, "lower left")
        XCTAssertGreaterThan(bars.computedLimits().y.0, bars.computedLimits().y.1, "inverted")
        // Every new figure still renders.
        for f in figures { XCTAssertFalse(try f.renderPNG(scale: 1).isEmpty) }
    }

    func testMeshgridAndAllclose() throws {
        let (out, _) = try run("""
        X, Y = np.meshgrid([1, 2, 3], [10, 20])
        print(X.shape, X[1], Y[:, 0], np.allclose([1.0, 2.0], [1.0, 2.0 + 1e-9]), np.allclose([1.0], [1.1]), np.array_equal(X, X))
        """)
        XCTAssertEqual(out, "(2, 3) [1 2 3] [10 20] True False True\n")
    }
}
