import XCTest
import Lesson
import Notebook

/// A record keeps the hash of every course file its lesson read, and of files it looked for and
/// did not find, so that a frozen record is used only while they are as they were.
final class CourseInputTests: XCTestCase {
    func testTheRecordIsFreshOnlyWhileTheFilesReadAreUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "abc".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let source = """
        # Inputs

        ```experiment
        print(open('a.txt').read())
        ```

        ```experiment
        try:
            open('later.txt')
        except FileNotFoundError:
            print('not yet')
        ```
        """
        let lesson = LessonParser.parse(file: "inputs.md", source: source)
        let run = NotebookRunner.run(lesson, courseFolder: folder)
        XCTAssertFalse(run.failed, run.problems.joined(separator: "\n"))
        XCTAssertEqual(run.record.blocks[0].inputs, ["a.txt": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"])
        XCTAssertEqual(run.record.blocks[1].inputs, ["later.txt": BlockRecord.absentInput])
        let keys = BlockKeys.compute(lesson, seed: 0)
        XCTAssertTrue(BlockKeys.matches(run.record, keys, folder: folder))
        XCTAssertFalse(BlockKeys.matches(run.record, keys, folder: nil))

        try "later".write(to: folder.appendingPathComponent("later.txt"), atomically: true, encoding: .utf8)
        XCTAssertFalse(BlockKeys.matches(run.record, keys, folder: folder), "a file that appeared")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("later.txt"))
        XCTAssertTrue(BlockKeys.matches(run.record, keys, folder: folder))
        try "abd".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        XCTAssertFalse(BlockKeys.matches(run.record, keys, folder: folder), "a file that changed")
    }

    func testARecordWithoutInputsEncodesAsBefore() throws {
        let record = LessonRecord(lesson: "x.md", blocks: [BlockRecord(id: "b", line: 1, key: "k", outputs: [])])
        XCTAssertFalse(String(decoding: try RecordCodec.encode(record), as: UTF8.self).contains("inputs"))
    }
}
