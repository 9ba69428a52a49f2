import Foundation
import XCTest
import Modules
import Script

/// `plt.close(fig)` keeps that figure from being shown, as matplotlib's inline backend does, and
/// `np.meshgrid` returns NumPy 2's tuple.
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
