import XCTest
@testable import Script

/// A host object of the kind the numpy and keras bindings provide.
final class Probe: ScriptObject {
    var lastKey: Value?
    var value = 2.0
    var typeName: String { "Probe" }
    var attributeNames: [String] { ["value", "scaled"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "value": return .float(value)
        case "scaled":
            return .object(BuiltinFunction(Signature("scaled", "factor, offset=None")) { s, _ in
                guard case .int(let f) = s["factor"] else { throw ScriptError.type("factor must be int") }
                var offset = 0.0
                if case .float(let o) = s["offset"] { offset = o }
                return .float(self.value * Double(f) + offset)
            })
        default: return nil
        }
    }

    func getItem(_ key: Value) throws -> Value? {
        lastKey = key
        return .string("item")
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .subtract, case .int(let i) = other else { return nil }
        return .float(reflected ? Double(i) - value : value - Double(i))
    }

    func repr() -> String { "Probe(\(value))" }
}

final class HostObjectTests: ScriptTestCase {
    func testHostAttributesCallsSubscriptsAndReflectedOperators() throws {
        let probe = Probe()
        interpreter.setGlobal("p", .object(probe))
        XCTAssertEqual(output("print(p.value, p.scaled(3, offset=0.5), p[:2, 1], 10 - p, p - 1)"), "2.0 6.5 item 8.0 1.0\n")
        guard case .tuple(let parts)? = probe.lastKey, parts.count == 2, case .object(let s as SliceObject) = parts[0] else {
            return XCTFail("expected a tuple of a slice and an int, got \(String(describing: probe.lastKey))")
        }
        XCTAssertNil(s.start)
        if case .int(2)? = s.stop {} else { XCTFail("slice stop should be 2") }
        XCTAssertEqual(try repr("p"), "Probe(2.0)")
    }

    func testHostErrorsGetTheLocationOfTheCall() throws {
        interpreter.setGlobal("p", .object(Probe()))
        let e = try XCTUnwrap(error("x = 1\ny = p.scaled('a')\n", line: 7))
        XCTAssertEqual(e.kind, "TypeError")
        XCTAssertEqual(e.location?.line, 8)
        let missing = try XCTUnwrap(error("p.valeu\n"))
        XCTAssertTrue(missing.message.contains("did you mean 'value'?"), missing.message)
        let unknownKeyword = try XCTUnwrap(error("p.scaled(1, ofset=2.0)\n"))
        XCTAssertTrue(unknownKeyword.message.contains("did you mean 'offset'?"), unknownKeyword.message)
    }
}
