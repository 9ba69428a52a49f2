import Foundation
import Modules
import Script

/// What `source` prints when run as one block of a lesson: a fresh session seeded 0, files it
/// writes going to `scratch` when given.
func lessonOutput(_ source: String, file: String = "t.md", scratch: URL? = nil) throws -> String {
    let session = LessonSession(seed: 0)
    if let scratch { session.scratchDirectory = scratch }
    let interpreter = Interpreter(modules: session.registry)
    var out = ""
    interpreter.output = { out += $0 }
    _ = try interpreter.run(source, file: file, firstLine: 1)
    return out
}
