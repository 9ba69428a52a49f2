import Foundation

/// The built-in types called as functions (`int(x)`, `list(x)`, ...), `isinstance` and `type`.
extension Interpreter {
    func installTypeBuiltins() {
        // int(x=0, /) and int(x, /, base=10): CPython publishes no signature for either.
        define("int", "x=<no value>, /, base=<no value>") { [unowned self] a in
            guard a.given("x") else {
                if a.given("base") { throw ScriptError.type("int() missing string argument") }
                return .int(0)
            }
            let v = a["x"]
            if a.given("base") {
                guard case .string(let text) = v else { throw ScriptError.type("int() can't convert non-string with explicit base") }
                return .int(try IntConversion.parse(text, base: self.integer(a["base"])))
            }
            switch v {
            case .int(let i): return .int(i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .int(try IntConversion.truncating(d))
            case .string(let text): return .int(try IntConversion.parse(text, base: 10))
            case .object(let o):
                if let d = try o.toFloat() { return .int(try IntConversion.truncating(d)) }
            default: break
            }
            throw ScriptError.type("int() argument must be a string, a bytes-like object or a real number, not '\(self.typeName(v))'")
        }
        define("float", "x=0, /") { [unowned self] a in
            guard case .string(let str) = a["x"] else { return .float(try self.floatValue(a["x"], "float")) }
            let t = str.trimmingCharacters(in: .whitespaces).lowercased()
            switch t {
            case "nan", "+nan", "-nan": return .float(.nan)
            case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
            case "-inf", "-infinity": return .float(-.infinity)
            default:
                guard let d = Double(t.replacingOccurrences(of: "_", with: "")) else {
                    throw ScriptError.value("could not convert string to float: \(Interpreter.quote(str))")
                }
                return .float(d)
            }
        }
        define("str", "object=''") { [unowned self] a in .string(try self.checkedStr(a["object"])) }
        define("repr", "obj, /") { [unowned self] a in .string(try self.checkedRepr(a["obj"])) }
        // CPython's bool takes its one argument by position only; its published signature says otherwise.
        define("bool", "x=False, /") { [unowned self] a in .bool(try self.isTrue(a["x"])) }
        define("list", "iterable=(), /") { [unowned self] a in .list(ListStorage(try self.iterate(a["iterable"]))) }
        define("tuple", "iterable=(), /") { [unowned self] a in .tuple(try self.iterate(a["iterable"])) }
        define("set", "iterable=(), /") { [unowned self] a in .object(try SetObject(try self.iterate(a["iterable"]), interpreter: self)) }
        define("dict", "iterable=<no value>, /, **kwargs") { [unowned self] a in
            let d = DictStorage()
            if a.given("iterable") { try self.merge(a["iterable"], into: d) }
            for (k, v) in a.extraKeywords { try d.set(.string(k), v) }
            return .dict(d)
        }
        define("isinstance", "obj, class_or_tuple, /") { [unowned self] a in
            let types: [Value]
            if case .tuple(let t) = a["class_or_tuple"] { types = t } else { types = [a["class_or_tuple"]] }
            for t in types where try self.isInstance(a["obj"], t) { return .bool(true) }
            return .bool(false)
        }
        define("type", "object") { [unowned self] a in
            if case .object(let inst as Instance) = a["object"] { return .object(inst.cls) }
            return .object(TypeObject(name: self.typeName(a["object"])))
        }
    }

    func isInstance(_ v: Value, _ t: Value) throws -> Bool {
        switch t {
        case .object(let c as ClassObject):
            if case .object(let inst as Instance) = v { return inst.cls.isSubclass(of: c) }
            return c.name == "object"
        case .object(let f as BuiltinFunction):
            guard let name = typeConstructors[ObjectIdentifier(f)] else { break }
            switch (name, v) {
            case ("int", .int), ("int", .bool), ("float", .float), ("str", .string), ("bool", .bool),
                 ("list", .list), ("dict", .dict), ("tuple", .tuple): return true
            case ("set", .object(let o)): return o is SetObject
            default: return false
            }
        case .object(let o as TypeObject):
            return o.name == typeName(v)
        case .object(let o):
            // Host classes: compare by the name their instances report.
            if case .object(let inst) = v { return inst.typeName == o.typeName || inst.typeName == (o as? BuiltinFunction)?.name }
            return false
        default: break
        }
        throw ScriptError.type("isinstance() arg 2 must be a type or tuple of types")
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .string(let s): return s.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o):
            if let n = try o.length() { return n }
            throw ScriptError.type("object of type '\(o.typeName)' has no len()")
        default: throw ScriptError.type("object of type '\(typeName(v))' has no len()")
        }
    }

    func sortValues(_ items: inout [Value], key: Value?, reverse: Bool) throws {
        let keys = try items.map { v in try key.map { try self.call($0, Arguments([v])) } ?? v }
        var order = Array(items.indices)
        var failure: Error?
        // A stable merge sort: Swift's sort is not guaranteed stable and Python's is.
        order = try mergeSort(order) { a, b in
            do {
                let c = try self.compareValues(keys[a], keys[b])
                return reverse ? c > 0 : c < 0
            } catch { failure = error; return false }
        }
        if let failure { throw failure }
        items = order.map { items[$0] }
    }

    private func mergeSort(_ a: [Int], _ less: (Int, Int) throws -> Bool) throws -> [Int] {
        if a.count <= 1 { return a }
        let mid = a.count / 2
        let l = try mergeSort(Array(a[..<mid]), less), r = try mergeSort(Array(a[mid...]), less)
        var out: [Int] = []
        out.reserveCapacity(a.count)
        var i = 0, j = 0
        while i < l.count && j < r.count {
            if try less(r[j], l[i]) { out.append(r[j]); j += 1 } else { out.append(l[i]); i += 1 }
        }
        out += l[i...]
        out += r[j...]
        return out
    }
}
