import Foundation
import XCTest
import Modules
import Script

/// Figures as Jupyter's inline backend shows them: every open figure at the end of a block, none
/// that `plt.close` closed; and `np.meshgrid` returning NumPy 2's tuple.
final class FigureCloseAndMeshgridTests: XCTestCase {
    func testClosingAFigureObjectKeepsItFromBeingShown() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        interpreter.output = { _ in }
        _ = try interpreter.run("""
        import matplotlib.pyplot as plt
        earlier = plt.figure()
        plt.plot([1, 2])
        """, file: "t.md", firstLine: 1)
        XCTAssertEqual(session.takeFigures().count, 1)
        _ = try interpreter.run("""
        fig = plt.figure()
        plt.plot([2, 1])
        plt.close(earlier)
        """, file: "t.md", firstLine: 1)
        XCTAssertEqual(session.takeFigures().count, 1, "closing a figure already shown leaves the current one")
        _ = try interpreter.run("""
        fig = plt.figure()
        plt.plot([1, 2])
        plt.close(fig)
        """, file: "t.md", firstLine: 1)
        XCTAssertEqual(session.takeFigures().count, 0)
        // Every figure a block leaves open is shown, in order, as Jupyter shows them; an empty one is not.
        _ = try interpreter.run("""
        plt.figure()
        a = plt.figure()
        plt.plot([1, 2])
        b, ax = plt.subplots()
        ax.plot([2, 1])
        """, file: "t.md", firstLine: 1)
        XCTAssertEqual(session.takeFigures().count, 2)
        _ = try interpreter.run("""
        plt.figure()
        plt.plot([1, 2])
        plt.figure()
        plt.plot([2, 1])
        plt.close('all')
        """, file: "t.md", firstLine: 1)
        XCTAssertEqual(session.takeFigures().count, 0)
    }

    func testMeshgridReturnsATuple() throws {
        XCTAssertEqual(try lessonOutput("""
        import numpy as np
        X, Y = np.meshgrid(np.arange(2), np.arange(3))
        g = np.meshgrid([1, 2], [3])
        print(type(g).__name__, len(g), X.shape, Y[2, 0])
        """), "tuple 2 (3, 2) 2\n")
    }
}
