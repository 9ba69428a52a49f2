import Foundation
import XCTest
@testable import Runner

/// The output folder is never half-built, never written through a link, and held by one render.
final class OutputFolderTests: XCTestCase {
    func testKillingRenderAtRandomMomentsLeavesNothingTheNextRenderDoesNotRepair() throws {
        let dir = try LecternProcess.scratch("kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 1...3 {
            try LecternProcess.write(RenderTests.lesson("Lesson \(i)"), to: dir.appendingPathComponent("course/0\(i).md"))
        }
        let start = ContinuousClock.now
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "clean", "-j", "1"], in: dir).status, 0)
        let cleanTime = ContinuousClock.now - start
        let clean = LecternProcess.snapshot(dir.appendingPathComponent("clean"))
        var generator = SystemRandomNumberGenerator()
        let window = Double(cleanTime.components.attoseconds) / 1e18 + Double(cleanTime.components.seconds)
        for round in 0..<20 {
            let process = try LecternProcess.start(["render", "course", "-o", "out", "-j", "1", "--force"], in: dir)
            usleep(UInt32(Double.random(in: 0...window, using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let repaired = try LecternProcess.run(["render", "course", "-o", "out", "-j", "1"], in: dir)
            XCTAssertEqual(repaired.status, 0, "round \(round): \(repaired.stderr)")
            let out = LecternProcess.snapshot(dir.appendingPathComponent("out"))
            XCTAssertEqual(Set(out.keys), Set(clean.keys), "round \(round)")
            XCTAssertTrue(out == clean, "round \(round): the output equals a clean render's")
            XCTAssertFalse(out.keys.contains { $0.contains(".tmp-") }, "round \(round)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path)
        XCTAssertEqual(leftovers, [], "work folders of killed renders are removed by the next render")
    }

    func testAuthorsFilesAndLinksInTheOutputFolderAreNeverTouched() throws {
        let dir = try LecternProcess.scratch("links")
        defer { try? FileManager.default.removeItem(at: dir) }
        try LecternProcess.write(RenderTests.lesson("Plots"), to: dir.appendingPathComponent("course/nb.md"))
        // The author's own picture in a folder named like the lesson's figure folder.
        let own = dir.appendingPathComponent("out/nb/diagram.png")
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: own)
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "out"], in: dir).status, 0)
        // The lesson stops drawing: its old figure goes, the author's picture stays.
        try LecternProcess.write(RenderTests.lesson("Plots", figure: false), to: dir.appendingPathComponent("course/nb.md"))
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "out"], in: dir).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: own.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/nb/plot-1.png").path))

        // A figure folder that is a link to elsewhere is refused, and nothing is written there.
        let elsewhere = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try LecternProcess.write(RenderTests.lesson("Linked"), to: dir.appendingPathComponent("course/linked.md"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("out/linked"), withDestinationURL: elsewhere)
        let r = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("symbolic link"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    func testASecondRenderWaitsForTheLock() throws {
        let dir = try LecternProcess.scratch("lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        try LecternProcess.write(RenderTests.lesson("One", figure: false), to: dir.appendingPathComponent("course/one.md"))
        let folder = try OutputFolder(dir.appendingPathComponent("out"), wait: { _ in })
        let done = expectation(description: "render finished")
        let result = Box<LecternProcess.Result?>(nil)
        Thread {
            result.value = try? LecternProcess.run(["render", "course", "-o", "out"], in: dir)
            done.fulfill()
        }.start()
        sleep(1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/one.html").path), "it waits")
        folder.unlock()
        wait(for: [done], timeout: 60)
        XCTAssertEqual(result.value?.status, 0)
        XCTAssertTrue(result.value?.stderr.contains("waiting: another lectern is writing into") ?? false, result.value?.stderr ?? "")
    }

    func testShardsAreBalancedAndTheSameOnEveryCall() {
        let stems = (1...9).map { "l\($0)" }
        let times = Dictionary(uniqueKeysWithValues: zip(stems, [9.0, 1, 1, 1, 1, 1, 1, 1, 1]))
        let a = Shards.select(stems, times: times, shard: 1, of: 2)
        let b = Shards.select(stems, times: times, shard: 2, of: 2)
        XCTAssertEqual(a, ["l1"])
        XCTAssertEqual(b.count, 8)
        XCTAssertEqual(Shards.select(stems, times: times, shard: 1, of: 2), a)
        XCTAssertNil(Shards.parse("3/2"))
        XCTAssertNil(Shards.parse("0/2"))
        XCTAssertEqual(Shards.parse("2/4").map { [$0.0, $0.1] }, [2, 4])
    }

    func testLinesAreSplitAcrossBuffersAndOverlongOnesRefused() {
        var splitter = LineSplitter(maxLine: 10)
        var lines: [String] = []
        for chunk in ["ab", "c\nde", "\n\nxyz"] {
            Array(chunk.utf8).withUnsafeBytes { splitter.feed($0) { lines.append(String(decoding: $0, as: UTF8.self)) } }
        }
        XCTAssertEqual(lines, ["abc", "de", ""])
        Array("0123456789abc".utf8).withUnsafeBytes { splitter.feed($0) { _ in } }
        XCTAssertTrue(splitter.overflowed)
    }
}
