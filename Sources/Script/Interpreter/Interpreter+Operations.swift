import Foundation

/// Python's semantics for the built-in types, and dispatch to host objects for the rest.
extension Interpreter {
    func typeName(_ v: Value) -> String {
        switch v {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .object(let o): return o.typeName
        }
    }

    func isTrue(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .object(let o):
            if let t = try o.truth() { return t }
            if let n = try o.length() { return n > 0 }
            return true
        }
    }

    func iterate(_ v: Value) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .string(let s): return s.map { .string(String($0)) }
        case .dict(let d): return d.keys
        case .object(let o):
            if let items = try o.iterate() { return items }
            throw ScriptError.type("'\(o.typeName)' object is not iterable")
        default:
            throw ScriptError.type("'\(typeName(v))' object is not iterable")
        }
    }

    // MARK: Attributes

    func getAttribute(_ obj: Value, _ name: String) throws -> Value {
        if case .object(let o) = obj {
            if let v = try o.attribute(name) { return v }
            var message = "'\(o.typeName)' object has no attribute '\(name)'"
            if let m = o as? ModuleObject { message = "module '\(m.name)' has no attribute '\(name)'" }
            let hint = Suggest.closest(to: name, in: o.attributeNames).map { "; did you mean '\($0)'?" }
            throw exceptionError("AttributeError", message, hint: hint)
        }
        if let m = try builtinMethod(obj, name) { return m }
        let hint = Suggest.closest(to: name, in: methodNames(obj)).map { "; did you mean '\($0)'?" }
        throw exceptionError("AttributeError", "'\(typeName(obj))' object has no attribute '\(name)'", hint: hint)
    }

    func setAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        if case .object(let o) = obj, try o.setAttribute(name, value) { return }
        throw ScriptError.attribute("'\(typeName(obj))' object has no attribute '\(name)' that can be set")
    }

    // MARK: Subscripts

    func normalizeIndex(_ key: Value, _ count: Int, _ what: String) throws -> Int {
        let raw: Int
        switch key {
        case .int(let i): raw = i
        case .bool(let b): raw = b ? 1 : 0
        case .object(let o):
            guard let d = try? o.toFloat(), let exact = Int(exactly: d), let h = o.hashKey, case .number = h else {
                throw ScriptError.type("\(what) indices must be integers or slices, not \(typeName(key))")
            }
            raw = exact
        default: throw ScriptError.type("\(what) indices must be integers or slices, not \(typeName(key))")
        }
        let i = raw < 0 ? raw + count : raw
        guard i >= 0, i < count else { throw ScriptError.index("\(what) index out of range") }
        return i
    }

    func getItem(_ obj: Value, _ key: Value) throws -> Value {
        switch obj {
        case .list(let l):
            if case .object(let s as SliceObject) = key { return .list(ListStorage(try s.indices(count: l.items.count).map { l.items[$0] })) }
            return l.items[try normalizeIndex(key, l.items.count, "list")]
        case .tuple(let t):
            if case .object(let s as SliceObject) = key { return .tuple(try s.indices(count: t.count).map { t[$0] }) }
            return t[try normalizeIndex(key, t.count, "tuple")]
        case .string(let s):
            let chars = Array(s)
            if case .object(let sl as SliceObject) = key { return .string(String(try sl.indices(count: chars.count).map { chars[$0] })) }
            return .string(String(chars[try normalizeIndex(key, chars.count, "string")]))
        case .dict(let d):
            if let v = try d.get(key) { return v }
            throw keyError(key)
        case .object(let o):
            if let v = try o.getItem(key) { return v }
            throw ScriptError.type("'\(o.typeName)' object is not subscriptable")
        default:
            throw ScriptError.type("'\(typeName(obj))' object is not subscriptable")
        }
    }

    func setItem(_ obj: Value, _ key: Value, _ value: Value) throws {
        switch obj {
        case .list(let l):
            if case .object(let s as SliceObject) = key {
                let idx = try s.indices(count: l.items.count)
                let newItems = try iterate(value)
                if (try SliceObject.intValue(s.step) ?? 1) == 1 {
                    let startIndex = try SliceObject.intValue(s.start) ?? 0
                    let lo = idx.first ?? min(l.items.count, max(0, startIndex < 0 ? startIndex + l.items.count : startIndex))
                    l.items.replaceSubrange(lo..<(lo + idx.count), with: newItems)
                } else {
                    guard idx.count == newItems.count else {
                        throw ScriptError.value("attempt to assign sequence of size \(newItems.count) to extended slice of size \(idx.count)")
                    }
                    for (i, v) in zip(idx, newItems) { l.items[i] = v }
                }
                return
            }
            l.items[try normalizeIndex(key, l.items.count, "list")] = value
        case .dict(let d):
            try d.set(key, value)
        case .object(let o):
            if try o.setItem(key, value) { return }
            throw ScriptError.type("'\(o.typeName)' object does not support item assignment")
        default:
            throw ScriptError.type("'\(typeName(obj))' object does not support item assignment")
        }
    }

    // MARK: Arithmetic

    enum Number {
        case int(Int)
        case float(Double)
    }

    func number(_ v: Value) -> Number? {
        switch v {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        default: return nil
        }
    }

    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        // Host objects first (NumPy arrays with Python numbers, either side).
        if case .object(let o) = a, let r = try o.binary(op, b, reflected: false) { return r }
        if case .object(let o) = b, let r = try o.binary(op, a, reflected: true) { return r }
        if let x = number(a), let y = number(b) { return try arithmetic(op, x, y) }
        switch (op, a, b) {
        case (.add, .string(let x), .string(let y)):
            try Limits.check(elements: x.utf8.count + y.utf8.count, times: 1, bytesEach: 1)
            return .string(x + y)
        case (.add, .list(let x), .list(let y)):
            try Limits.check(elements: x.items.count + y.items.count, times: 1, bytesEach: Limits.listItemBytes)
            return .list(ListStorage(x.items + y.items))
        case (.add, .tuple(let x), .tuple(let y)):
            try Limits.check(elements: x.count + y.count, times: 1, bytesEach: Limits.listItemBytes)
            return .tuple(x + y)
        case (.multiply, .string(let s), _), (.multiply, _, .string(let s)):
            if let n = intOperand(op == .multiply && isString(a) ? b : a) {
                try Limits.check(elements: s.utf8.count, times: n, bytesEach: 1)
                return .string(String(repeating: s, count: max(0, n)))
            }
        case (.multiply, .list(let l), _), (.multiply, _, .list(let l)):
            if let n = intOperand(isList(a) ? b : a) {
                try Limits.check(elements: l.items.count, times: n, bytesEach: Limits.listItemBytes)
                return .list(ListStorage(Array(repeatElement(l.items, count: max(0, n)).joined())))
            }
        case (.multiply, .tuple(let t), _), (.multiply, _, .tuple(let t)):
            if let n = intOperand(isTuple(a) ? b : a) {
                try Limits.check(elements: t.count, times: n, bytesEach: Limits.listItemBytes)
                return .tuple(Array(repeatElement(t, count: max(0, n)).joined()))
            }
        case (.modulo, .string(let f), _):
            return .string(try percentFormat(f, b))
        case (.equal, _, _): return .bool(try equal(a, b))
        case (.notEqual, _, _): return .bool(!(try equal(a, b)))
        case (.bitOr, .dict(let x), .dict(let y)):
            let d = DictStorage()
            for (k, v) in zip(x.keys, x.values) { try d.set(k, v) }
            for (k, v) in zip(y.keys, y.values) { try d.set(k, v) }
            return .dict(d)
        default: break
        }
        if [.less, .lessEqual, .greater, .greaterEqual].contains(op) {
            return .bool(try order(op, a, b))
        }
        if op == .add, isString(a) || isList(a) || isTuple(a) {
            throw ScriptError.type("can only concatenate \(typeName(a)) (not \"\(typeName(b))\") to \(typeName(a))")
        }
        throw ScriptError.type("unsupported operand type(s) for \(op.rawValue): '\(typeName(a))' and '\(typeName(b))'")
    }

    private func isString(_ v: Value) -> Bool { if case .string = v { return true } else { return false } }
    private func isList(_ v: Value) -> Bool { if case .list = v { return true } else { return false } }
    private func isTuple(_ v: Value) -> Bool { if case .tuple = v { return true } else { return false } }
    private func intOperand(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    func arithmetic(_ op: BinaryOperator, _ x: Number, _ y: Number) throws -> Value {
        if case .int(let a) = x, case .int(let b) = y {
            switch op {
            case .add:
                let (r, o) = a.addingReportingOverflow(b)
                return o ? .float(Double(a) + Double(b)) : .int(r)
            case .subtract:
                let (r, o) = a.subtractingReportingOverflow(b)
                return o ? .float(Double(a) - Double(b)) : .int(r)
            case .multiply:
                let (r, o) = a.multipliedReportingOverflow(by: b)
                return o ? .float(Double(a) * Double(b)) : .int(r)
            case .divide:
                guard b != 0 else { throw ScriptError.zeroDivision("division by zero") }
                return .float(Double(a) / Double(b))
            case .floorDivide:
                guard b != 0 else { throw ScriptError.zeroDivision("integer division or modulo by zero") }
                if a == Int.min && b == -1 { return .float(-Double(a)) }
                var q = a / b
                if (a % b != 0) && ((a < 0) != (b < 0)) { q -= 1 }
                return .int(q)
            case .modulo:
                guard b != 0 else { throw ScriptError.zeroDivision("integer division or modulo by zero") }
                if b == -1 { return .int(0) }
                var m = a % b
                if m != 0 && ((m < 0) != (b < 0)) { m += b }
                return .int(m)
            case .power:
                if b < 0 { return .float(pow(Double(a), Double(b))) }
                var result = 1, base = a, e = b
                while e > 0 {
                    if e & 1 == 1 {
                        let (r, o) = result.multipliedReportingOverflow(by: base)
                        if o { return .float(pow(Double(a), Double(b))) }
                        result = r
                    }
                    e >>= 1
                    if e > 0 {
                        let (sq, o) = base.multipliedReportingOverflow(by: base)
                        if o { return .float(pow(Double(a), Double(b))) }
                        base = sq
                    }
                }
                return .int(result)
            case .bitAnd: return .int(a & b)
            case .bitOr: return .int(a | b)
            case .bitXor: return .int(a ^ b)
            case .leftShift:
                guard b >= 0 else { throw ScriptError.value("negative shift count") }
                return .int(b >= 64 ? 0 : a << b)
            case .rightShift:
                guard b >= 0 else { throw ScriptError.value("negative shift count") }
                return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            case .matmul: throw ScriptError.type("unsupported operand type(s) for @: 'int' and 'int'")
            }
        }
        let a: Double, b: Double
        switch x { case .int(let i): a = Double(i); case .float(let d): a = d }
        switch y { case .int(let i): b = Double(i); case .float(let d): b = d }
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .divide:
            guard b != 0 else { throw ScriptError.zeroDivision("float division by zero") }
            return .float(a / b)
        case .floorDivide:
            guard b != 0 else { throw ScriptError.zeroDivision("float floor division by zero") }
            return .float((a / b).rounded(.down))
        case .modulo:
            guard b != 0 else { throw ScriptError.zeroDivision("float modulo") }
            var m = fmod(a, b)
            if m != 0 && ((m < 0) != (b < 0)) { m += b }
            return .float(m)
        case .power:
            if a == 0 && b < 0 { throw ScriptError.zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() { throw ScriptError.value("complex results are not supported (negative number to a fractional power)") }
            return .float(pow(a, b))
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .bitAnd, .bitOr, .bitXor, .leftShift, .rightShift, .matmul:
            throw ScriptError.type("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        if case .object(let o) = v {
            if let r = try o.unary(op) { return r }
            throw ScriptError.type("bad operand type for unary \(op.rawValue): '\(o.typeName)'")
        }
        switch (op, number(v)) {
        case (.negate, .int(let i)?): return i == Int.min ? .float(-Double(i)) : .int(-i)
        case (.negate, .float(let d)?): return .float(-d)
        case (.plus, .int(let i)?): return .int(i)
        case (.plus, .float(let d)?): return .float(d)
        case (.invert, .int(let i)?): return .int(~i)
        default: throw ScriptError.type("bad operand type for unary \(op.rawValue): '\(typeName(v))'")
        }
    }
}
