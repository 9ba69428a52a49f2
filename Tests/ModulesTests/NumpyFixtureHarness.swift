import XCTest
import Modules
import Script

/// One lesson snippet and what real NumPy gave for its last line: arrays (a tuple gives
/// several) or the exception it raised.
struct NumpyFixtureCase {
    enum Expected {
        case array(dtype: String, shape: [Int], values: [Double])
        case error(kind: String, message: String)
    }

    let source: String
    let expected: [Expected]

    init(_ source: String, _ expected: [Expected]) {
        self.source = source
        self.expected = expected
    }
}

/// Runs fixture snippets through Lectern's interpreter and compares each result with NumPy's:
/// dtype, shape and values (equal, or within `tolerance` absolutely and relatively).
enum NumpyFixtureHarness {
    static func check(_ cases: [NumpyFixtureCase], tolerance: Double, file: StaticString = #filePath, line: UInt = #line) {
        for c in cases {
            let session = LessonSession(seed: 0)
            let interpreter = Interpreter(modules: session.registry)
            let got: [NumpyFixtureCase.Expected]
            do {
                let value = try interpreter.run("import numpy as np\n" + c.source, file: "t.md", firstLine: 0)
                got = describe(value ?? .none)
            } catch let error as ScriptError {
                got = [.error(kind: error.kind, message: error.message)]
            } catch {
                got = [.error(kind: "Swift", message: "\(error)")]
            }
            if let problem = difference(got, c.expected, tolerance: tolerance) {
                XCTFail("\(c.source)\n  \(problem)", file: file, line: line)
            }
        }
    }

    static func describe(_ v: Value) -> [NumpyFixtureCase.Expected] {
        switch v {
        case .tuple(let items): return items.flatMap(describe)
        case .list(let l): return describe(.tuple(l.items))
        case .bool(let b): return [.array(dtype: "bool", shape: [], values: [b ? 1 : 0])]
        case .int(let i): return [.array(dtype: "int", shape: [], values: [Double(i)])]
        case .float(let d): return [.array(dtype: "float", shape: [], values: [d])]
        case .object(let a as NDArray): return [.array(dtype: a.dtype.rawValue, shape: a.shape, values: a.storage)]
        case .object(let o):
            // linalg's named tuples (EighResult, SVDResult, ...) compare as their fields.
            guard let items = try? o.iterate() else { return [.error(kind: "Unexpected", message: "\(v)")] }
            return items.flatMap(describe)
        default: return [.error(kind: "Unexpected", message: "\(v)")]
        }
    }

    private static func difference(_ got: [NumpyFixtureCase.Expected], _ expected: [NumpyFixtureCase.Expected], tolerance: Double) -> String? {
        guard got.count == expected.count else { return "got \(got.count) results, NumPy \(expected.count): \(got)" }
        for (g, e) in zip(got, expected) {
            switch (g, e) {
            case let (.error(gk, gm), .error(ek, em)):
                if gk != ek || gm != em { return "raised \(gk): \(gm)\n  NumPy raised \(ek): \(em)" }
            case let (.array(gd, gs, gv), .array(ed, es, ev)):
                // Lectern's arrays have no int32 (lstsq's rank): NumPy's int32 is compared as int64.
                if gd != (ed == "int32" ? "int64" : ed) || gs != es { return "gave \(gd) \(gs), NumPy \(ed) \(es)" }
                for (i, (x, y)) in zip(gv, ev).enumerated() {
                    let same = x == y || (x.isNaN && y.isNaN) || abs(x - y) <= tolerance * (1 + abs(y))
                    if !same { return "element \(i): \(x), NumPy \(y)" }
                }
            default:
                return "gave \(g), NumPy \(e)"
            }
        }
        return nil
    }
}
