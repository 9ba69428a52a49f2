import Foundation

/// Python's built-in functions.
extension Interpreter {
    func installBuiltins() {
        func def(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
            builtins[name] = .object(BuiltinFunction(name) { args, _ in try body(args) })
        }
        def("print") { [unowned self] args in
            var sep = " ", end = "\n"
            for (k, v) in args.keywords {
                switch k {
                case "sep": if case .string(let s) = v { sep = s } else if case .none = v {} else { throw ScriptError.type("sep must be None or a string") }
                case "end": if case .string(let s) = v { end = s } else if case .none = v {} else { throw ScriptError.type("end must be None or a string") }
                case "flush", "file": break
                default: throw ScriptError.type("'\(k)' is an invalid keyword argument for print()")
                }
            }
            let text = try args.positional.map { try self.checkedStr($0) }.joined(separator: sep) + end
            self.printed += text.utf8.count
            if self.printed > Interpreter.printLimit {
                throw ScriptError(kind: "MemoryError", message: "the block printed more than \(Interpreter.printLimit >> 20) MiB; Lectern keeps at most that much of a block's output")
            }
            self.output(text)
            return .none
        }
        def("len") { [unowned self] args in
            let s = try args.bind("len", ["obj"], required: 1)
            return .int(try self.length(s[0] ?? .none))
        }
        def("range") { [unowned self] args in
            let n = try args.positional.map { v -> Int in
                switch v {
                case .int(let i): return i
                case .bool(let b): return b ? 1 : 0
                case .object(let o):
                    if let d = try o.toFloat(), let exact = Int(exactly: d), o.hashKey != nil { return exact }
                default: break
                }
                throw ScriptError.type("'\(self.typeName(v))' object cannot be interpreted as an integer")
            }
            var start = 0, stop = 0, step = 1
            switch n.count {
            case 1: stop = n[0]
            case 2: start = n[0]; stop = n[1]
            case 3: start = n[0]; stop = n[1]; step = n[2]
            default: throw ScriptError.type("range expected 1 to 3 arguments, got \(n.count)")
            }
            guard step != 0 else { throw ScriptError.value("range() arg 3 must not be zero") }
            return .object(RangeObject(start: start, stop: stop, step: step))
        }
        def("enumerate") { [unowned self] args in
            let s = try args.bind("enumerate", ["iterable", "start"], required: 1)
            var start = 0
            if case .int(let i)? = s.value(1) { start = i }
            let items = try self.iterate(s[0] ?? .none)
            return .list(ListStorage(items.enumerated().map { .tuple([.int($0.offset + start), $0.element]) }))
        }
        def("zip") { [unowned self] args in
            let lists = try args.positional.map { try self.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            return .list(ListStorage((0..<n).map { i in .tuple(lists.map { $0[i] }) }))
        }
        def("reversed") { [unowned self] args in
            let s = try args.bind("reversed", ["seq"], required: 1)
            return .list(ListStorage(try self.iterate(s[0] ?? .none).reversed()))
        }
        def("sorted") { [unowned self] args in
            let s = try args.bind("sorted", ["iterable", "key", "reverse"], required: 1)
            var items = try self.iterate(s[0] ?? .none)
            try self.sortValues(&items, key: s.value(1), reverse: try s.value(2).map { try self.isTrue($0) } ?? false)
            return .list(ListStorage(items))
        }
        for name in ["min", "max"] {
            def(name) { [unowned self] args in
                let items = args.positional.count == 1 ? try self.iterate(args.positional[0]) : args.positional
                let key = args.keyword("key")
                guard !items.isEmpty else {
                    if let d = args.keyword("default") { return d }
                    throw ScriptError.value("\(name)() arg is an empty sequence")
                }
                var best = items[0]
                var bestKey = try key.map { try self.call($0, Arguments([best])) } ?? best
                for v in items.dropFirst() {
                    let k = try key.map { try self.call($0, Arguments([v])) } ?? v
                    let c = try self.compareValues(k, bestKey)
                    if name == "min" ? c < 0 : c > 0 { best = v; bestKey = k }
                }
                return best
            }
        }
        def("sum") { [unowned self] args in
            let s = try args.bind("sum", ["iterable", "start"], required: 1)
            var total = s.value(1) ?? .int(0)
            for v in try self.iterate(s[0] ?? .none) { total = try self.binary(.add, total, v) }
            return total
        }
        def("abs") { [unowned self] args in
            let s = try args.bind("abs", ["x"], required: 1)
            let v = s[0] ?? .none
            switch v {
            case .int(let i): return .int(i == Int.min ? i : Swift.abs(i))
            case .float(let d): return .float(Swift.abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            default:
                let neg = try self.binary(.less, v, .int(0))
                return try self.isTrue(neg) ? try self.unary(.negate, v) : v
            }
        }
        def("round") { [unowned self] args in
            let s = try args.bind("round", ["number", "ndigits"], required: 1)
            let v = s[0] ?? .none
            let digits = s.value(1)
            if case .int(let i) = v, digits == nil { return .int(i) }
            let d = try self.floatValue(v, "round")
            guard let digits else {
                if !d.isFinite { _ = try IntConversion.truncating(d) }
                let r = d.rounded(.toNearestOrEven)
                guard abs(r) < 9.2e18 else { return .float(r) }
                return .int(Int(r))
            }
            guard case .int(let n) = digits else { throw ScriptError.type("ndigits must be an integer") }
            // Round the exact decimal text, as Python does, rather than multiply and divide.
            let text = String(format: "%.\(max(0, min(n, 300)))f", d)
            if n >= 0 { return .float(Double(text) ?? d) }
            let scale = pow(10.0, Double(-n))
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        }
        def("int") { [unowned self] args in
            let s = try args.bind("int", ["x", "base"])
            guard let v = s.value(0) else { return .int(0) }
            switch v {
            case .int(let i): return .int(i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d):
                return .int(try IntConversion.truncating(d))
            case .string(let str):
                let base = try s.value(1).map { v -> Int in if case .int(let b) = v { return b }; throw ScriptError.type("'\(self.typeName(v))' object cannot be interpreted as an integer") } ?? 10
                return .int(try IntConversion.parse(str, base: base))
            case .object(let o):
                if let d = try o.toFloat() { return .int(try IntConversion.truncating(d)) }
            default: break
            }
            throw ScriptError.type("int() argument must be a string or a number, not '\(self.typeName(v))'")
        }
        def("float") { [unowned self] args in
            let s = try args.bind("float", ["x"])
            guard let v = s.value(0) else { return .float(0) }
            if case .string(let str) = v {
                let t = str.trimmingCharacters(in: .whitespaces).lowercased()
                switch t {
                case "nan", "+nan", "-nan": return .float(.nan)
                case "inf", "+inf", "infinity": return .float(.infinity)
                case "-inf", "-infinity": return .float(-.infinity)
                default:
                    guard let d = Double(t.replacingOccurrences(of: "_", with: "")) else {
                        throw ScriptError.value("could not convert string to float: \(Interpreter.quote(str))")
                    }
                    return .float(d)
                }
            }
            return .float(try self.floatValue(v, "float"))
        }
        def("str") { [unowned self] args in
            let s = try args.bind("str", ["object"])
            return .string(try s.value(0).map { try self.checkedStr($0) } ?? "")
        }
        def("repr") { [unowned self] args in
            let s = try args.bind("repr", ["object"], required: 1)
            return .string(try self.checkedRepr(s[0] ?? .none))
        }
        def("bool") { [unowned self] args in
            let s = try args.bind("bool", ["x"])
            return .bool(try s.value(0).map { try self.isTrue($0) } ?? false)
        }
        def("list") { [unowned self] args in
            let s = try args.bind("list", ["iterable"])
            return .list(ListStorage(try s.value(0).map { try self.iterate($0) } ?? []))
        }
        def("tuple") { [unowned self] args in
            let s = try args.bind("tuple", ["iterable"])
            return .tuple(try s.value(0).map { try self.iterate($0) } ?? [])
        }
        def("set") { [unowned self] args in
            let s = try args.bind("set", ["iterable"])
            return .object(try SetObject(try s.value(0).map { try self.iterate($0) } ?? [], interpreter: self))
        }
        def("dict") { [unowned self] args in
            let d = DictStorage()
            if let first = args.positional.first {
                if case .dict(let other) = first {
                    for (k, v) in zip(other.keys, other.values) { try d.set(k, v) }
                } else {
                    for item in try self.iterate(first) {
                        let pair = try self.iterate(item)
                        guard pair.count == 2 else { throw ScriptError.value("dictionary update sequence element has length \(pair.count); 2 is required") }
                        try d.set(pair[0], pair[1])
                    }
                }
            }
            for (k, v) in args.keywords { try d.set(.string(k), v) }
            return .dict(d)
        }
        def("isinstance") { [unowned self] args in
            let s = try args.bind("isinstance", ["obj", "class_or_tuple"], required: 2)
            let obj = s[0] ?? .none
            let types: [Value]
            if case .tuple(let t)? = s[1] { types = t } else { types = [s[1] ?? .none] }
            for t in types where try self.isInstance(obj, t) { return .bool(true) }
            return .bool(false)
        }
        def("type") { [unowned self] args in
            let s = try args.bind("type", ["object"], required: 1)
            let v = s[0] ?? .none
            if case .object(let inst as Instance) = v { return .object(inst.cls) }
            return .object(TypeObject(name: self.typeName(v)))
        }
        def("map") { [unowned self] args in
            guard args.positional.count >= 2 else { throw ScriptError.type("map() must have at least two arguments.") }
            let lists = try args.positional.dropFirst().map { try self.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            return .list(ListStorage(try (0..<n).map { i in try self.call(args.positional[0], Arguments(lists.map { $0[i] })) }))
        }
        def("filter") { [unowned self] args in
            let s = try args.bind("filter", ["function", "iterable"], required: 2)
            let f = s[0] ?? .none
            return .list(ListStorage(try self.iterate(s[1] ?? .none).filter { v in
                if case .none = f { return try self.isTrue(v) }
                return try self.isTrue(try self.call(f, Arguments([v])))
            }))
        }
        def("any") { [unowned self] args in
            let s = try args.bind("any", ["iterable"], required: 1)
            for v in try self.iterate(s[0] ?? .none) where try self.isTrue(v) { return .bool(true) }
            return .bool(false)
        }
        def("all") { [unowned self] args in
            let s = try args.bind("all", ["iterable"], required: 1)
            for v in try self.iterate(s[0] ?? .none) where !(try self.isTrue(v)) { return .bool(false) }
            return .bool(true)
        }
        def("hasattr") { [unowned self] args in
            let s = try args.bind("hasattr", ["obj", "name"], required: 2)
            guard case .string(let n)? = s[1] else { throw ScriptError.type("attribute name must be string") }
            return .bool((try? self.getAttribute(s[0] ?? .none, n)) != nil)
        }
        def("getattr") { [unowned self] args in
            let s = try args.bind("getattr", ["obj", "name", "default"], required: 2)
            guard case .string(let n)? = s[1] else { throw ScriptError.type("attribute name must be string") }
            do { return try self.getAttribute(s[0] ?? .none, n) } catch let e as ScriptError where e.kind == "AttributeError" {
                if let d = s[2] { return d }
                throw e
            }
        }
        def("setattr") { [unowned self] args in
            let s = try args.bind("setattr", ["obj", "name", "value"], required: 3)
            guard case .string(let n)? = s[1] else { throw ScriptError.type("attribute name must be string") }
            try self.setAttribute(s[0] ?? .none, n, s[2] ?? .none)
            return .none
        }
        def("divmod") { [unowned self] args in
            let s = try args.bind("divmod", ["a", "b"], required: 2)
            return .tuple([try self.binary(.floorDivide, s[0] ?? .none, s[1] ?? .none), try self.binary(.modulo, s[0] ?? .none, s[1] ?? .none)])
        }
        def("pow") { [unowned self] args in
            let s = try args.bind("pow", ["base", "exp"], required: 2)
            return try self.binary(.power, s[0] ?? .none, s[1] ?? .none)
        }
        def("chr") { args in
            guard case .int(let i)? = args.positional.first, let u = Unicode.Scalar(i) else { throw ScriptError.value("chr() arg not in range") }
            return .string(String(Character(u)))
        }
        def("ord") { args in
            guard case .string(let s)? = args.positional.first, s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
                throw ScriptError.type("ord() expected a character")
            }
            return .int(Int(u.value))
        }
        def("format") { [unowned self] args in
            let s = try args.bind("format", ["value", "format_spec"], required: 1)
            var spec = ""
            if case .string(let t)? = s.value(1) { spec = t }
            return .string(try self.format(s[0] ?? .none, spec))
        }
        def("id") { args in
            if case .object(let o)? = args.positional.first { return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue))) }
            return .int(0)
        }
        def("iter") { [unowned self] args in
            let s = try args.bind("iter", ["object"], required: 1)
            return .object(IteratorObject(try self.iterate(s[0] ?? .none)))
        }
        def("next") { [unowned self] args in
            // Host objects and classes that are their own iterators (a file) answer `__next__`.
            if case .object(let o)? = args.positional.first, !(o is IteratorObject), let step = try o.attribute("__next__") {
                do { return try self.call(step, Arguments()) } catch let e as ScriptError where e.kind == "StopIteration" && args.positional.count > 1 {
                    return args.positional[1]
                }
            }
            guard case .object(let it as IteratorObject)? = args.positional.first else { throw ScriptError.type("object is not an iterator") }
            if let v = it.next() { return v }
            if args.positional.count > 1 { return args.positional[1] }
            throw ScriptError(kind: "StopIteration", message: "")
        }
        def("callable") { args in
            guard let v = args.positional.first, case .object(let o) = v else { return .bool(false) }
            return .bool(o is BuiltinFunction || o is Function || o is ClassObject || o is BoundMethod || o is TypeObject)
        }
        for name in ["open", "exec", "eval", "compile", "input", "__import__", "globals", "locals", "vars"] {
            def(name) { _ in
                throw ScriptError.notImplemented("\(name)() is not available in lessons")
            }
        }
        def("super") { [unowned self] args in
            guard let frame = self.frames.last, let cls = frame.function.definingClass, let receiver = frame.receiver else {
                throw ScriptError.runtime("super(): no arguments, and not inside a method")
            }
            return .object(SuperProxy(start: cls.base, receiver: receiver))
        }
        builtins["object"] = .object(ClassObject(name: "object", base: nil, members: [:], interpreter: self))
        for t in ["int", "float", "str", "bool", "list", "dict", "tuple", "set"] {
            if case .object(let f as BuiltinFunction)? = builtins[t] { typeConstructors[ObjectIdentifier(f)] = t }
        }
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
}
