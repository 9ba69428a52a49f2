import Foundation
import XCTest

/// A lesson that reads its course folder's files, rendered by the real binary: the child reads
/// them from the lesson's folder (not from its work folder), the record keeps their hashes, and
/// `render` runs the lesson again exactly when one of them changed.
final class CourseDataRenderTests: XCTestCase {
    static let lesson = """
    # Points

    ```experiment id=load
    import numpy as np
    X = np.loadtxt('data/points.csv', delimiter=',', skiprows=1)
    with open('data/points.csv') as f:
        header = f.readline().strip()
    print(header, X.shape, X.sum())
    ```

    ```experiment id=iris
    from sklearn.datasets import load_iris
    iris = load_iris()
    print(iris.data.shape, iris.target_names[iris.target[-1]])
    ```

    """

    func testEditingADataFileRunsTheLessonAgainAndNothingElseDoes() throws {
        let dir = try LecternProcess.scratch("course-data")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("course/data/points.csv")
        try FileManager.default.createDirectory(at: data.deletingLastPathComponent(), withIntermediateDirectories: true)
        try LecternProcess.write(Self.lesson, to: dir.appendingPathComponent("course/points.md"))
        try LecternProcess.write("x,y\n1,2\n3,4\n", to: data)

        let first = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("rendered points.md"), first.stdout)
        let record = try String(contentsOf: dir.appendingPathComponent("out/points.record.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("x,y (2, 2) 10.0"), record)
        XCTAssertTrue(record.contains("(150, 4) virginica"), record)
        // SHA-256 of "x,y\n1,2\n3,4\n".
        XCTAssertTrue(record.contains("\"data/points.csv\" : \"2a2b86e74ffd5e6a9b75e52a105cf9d02920837179f8e8961aa15411d380f7a3\""), record)

        let second = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("unchanged points.md"), "nothing runs: \(second.stdout)")
        XCTAssertFalse(second.stdout.contains("rendered "), second.stdout)

        try LecternProcess.write("x,y\n1,2\n3,40\n", to: data)
        let third = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertTrue(third.stdout.contains("rendered points.md"), third.stdout)
        let rerun = try String(contentsOf: dir.appendingPathComponent("out/points.record.json"), encoding: .utf8)
        XCTAssertTrue(rerun.contains("x,y (2, 2) 46.0"), rerun)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("out/points.html"), encoding: .utf8).contains("46.0"))

        // Removing the file runs it again too, and then the lesson fails with Python's error.
        try FileManager.default.removeItem(at: data)
        let fourth = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertNotEqual(fourth.status, 0)
        XCTAssertTrue(fourth.stdout.contains("rendered points.md"), fourth.stdout)
        XCTAssertTrue(fourth.stderr.contains("FileNotFoundError: [Errno 2] No such file or directory: 'data/points.csv'"), fourth.stderr)
    }
}
