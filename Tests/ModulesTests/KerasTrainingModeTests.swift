import Foundation
import XCTest
import Modules
import Script

/// Training-mode calls (`model(x, training=True)`, `layer(x, training=...)`), model surgery
/// (`clone_model`, `pop`, layers reused in a new model), as lessons use them.
final class KerasTrainingModeTests: XCTestCase {
    func run(_ source: String) throws -> String {
        let session = LessonSession(seed: 0)
        session.scratchDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-training-mode-\(UUID().uuidString)")
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run(source, file: "t.md", firstLine: 1)
        return out
    }

    func testSmoke() throws {
        print(try run(ProcessInfo.processInfo.environment["SMOKE"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""))
    }
}
