import XCTest
@testable import Script

/// Runs snippets the way a notebook does and returns what they printed.
class ScriptTestCase: XCTestCase {
    var interpreter: Interpreter!
    var printed = ""

    override func setUp() {
        super.setUp()
        interpreter = Interpreter(modules: ModuleRegistry())
        printed = ""
        interpreter.output = { [unowned self] in self.printed += $0 }
    }

    @discardableResult
    func run(_ source: String, line: Int = 1, column: Int = 1) throws -> Value? {
        try interpreter.run(source, file: "lesson.md", firstLine: line, column: column)
    }

    func output(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        printed = ""
        do { try run(source) } catch { XCTFail("\(error)", file: file, line: line) }
        return printed
    }

    func error(_ source: String, line: Int = 1, column: Int = 1) -> ScriptError? {
        do {
            try run(source, line: line, column: column)
            return nil
        } catch let e as ScriptError {
            return e
        } catch {
            return nil
        }
    }

    func repr(_ source: String) throws -> String {
        guard let v = try run(source) else { return "None" }
        return interpreter.repr(v)
    }
}
