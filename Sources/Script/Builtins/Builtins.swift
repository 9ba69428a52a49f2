import Foundation

/// Python's built-in functions, each with CPython's signature.
extension Interpreter {
    /// Installs `name` as a built-in function that binds its arguments to `parameters` first.
    func define(_ name: String, _ parameters: String, _ body: @escaping (BoundArguments) throws -> Value) {
        builtins[name] = .object(BuiltinFunction(Signature(name, parameters)) { a, _ in try body(a) })
    }

    /// The declared built-in functions' signatures, by name.
    var builtinSignatures: [String: Signature] {
        builtins.compactMapValues { v in
            if case .object(let f as BuiltinFunction) = v { return f.signature }
            return nil
        }
    }

    func installBuiltins() {
        define("print", "*args, sep=' ', end='\\n', !file=None, flush=False") { [unowned self] a in
            func separator(_ name: String, _ otherwise: String) throws -> String {
                switch a[name] {
                case .string(let s) where a.given(name): return s
                case .none, .string: return otherwise
                case let v: throw ScriptError.type("\(name) must be None or a string, not \(self.typeName(v))")
                }
            }
            let sep = try separator("sep", " "), end = try separator("end", "\n")
            let text = try a.extraPositional.map { try self.checkedStr($0) }.joined(separator: sep) + end
            self.printed += text.utf8.count
            if self.printed > Interpreter.printLimit {
                throw ScriptError(kind: "MemoryError", message: "the block printed more than \(Interpreter.printLimit >> 20) MiB; Lectern keeps at most that much of a block's output")
            }
            self.output(text)
            return .none
        }
        define("len", "obj, /") { [unowned self] a in .int(try self.length(a["obj"])) }
        // range(stop) and range(start, stop[, step]): no one parameter list says both.
        define("range", "*args") { [unowned self] a in
            let n = try a.extraPositional.map { v -> Int in
                if case .object(let o) = v, let d = try o.toFloat(), let exact = Int(exactly: d), o.hashKey != nil { return exact }
                return try self.integer(v)
            }
            var start = 0, stop = 0, step = 1
            switch n.count {
            case 1: stop = n[0]
            case 2: start = n[0]; stop = n[1]
            case 3: start = n[0]; stop = n[1]; step = n[2]
            case 0: throw ScriptError.type("range expected at least 1 argument, got 0")
            default: throw ScriptError.type("range expected at most 3 arguments, got \(n.count)")
            }
            guard step != 0 else { throw ScriptError.value("range() arg 3 must not be zero") }
            return .object(RangeObject(start: start, stop: stop, step: step))
        }
        define("enumerate", "iterable, start=0") { [unowned self] a in
            let start = try self.integer(a["start"])
            let items = try self.iterate(a["iterable"])
            return .list(ListStorage(items.enumerated().map { .tuple([.int($0.offset &+ start), $0.element]) }))
        }
        define("zip", "*iterables, strict=False") { [unowned self] a in
            let lists = try a.extraPositional.map { try self.iterate($0) }
            if try self.isTrue(a["strict"]), let first = lists.first,
               let i = lists.firstIndex(where: { $0.count != first.count }) {
                let which = i == 1 ? "argument 1" : "arguments 1-\(i)"
                throw ScriptError.value("zip() argument \(i + 1) is \(lists[i].count < first.count ? "shorter" : "longer") than \(which)")
            }
            let n = lists.map(\.count).min() ?? 0
            return .list(ListStorage((0..<n).map { i in .tuple(lists.map { $0[i] }) }))
        }
        define("reversed", "sequence, /") { [unowned self] a in .list(ListStorage(try self.iterate(a["sequence"]).reversed())) }
        define("sorted", "iterable, /, *, key=None, reverse=False") { [unowned self] a in
            var items = try self.iterate(a["iterable"])
            try self.sortValues(&items, key: a.optional("key"), reverse: try self.isTrue(a["reverse"]))
            return .list(ListStorage(items))
        }
        for name in ["min", "max"] {
            // min(iterable, *, key, default) and min(a, b, *args, key): several call forms.
            define(name, "*args, key=None, default=<no value>") { [unowned self] a in try self.extreme(name, a) }
        }
        define("sum", "iterable, /, start=0") { [unowned self] a in
            var total = a["start"]
            for v in try self.iterate(a["iterable"]) { total = try self.binary(.add, total, v) }
            return total
        }
        define("abs", "x, /") { [unowned self] a in
            let v = a["x"]
            switch v {
            case .int(let i): return .int(i == Int.min ? i : Swift.abs(i))
            case .float(let d): return .float(Swift.abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            default:
                let neg = try self.binary(.less, v, .int(0))
                return try self.isTrue(neg) ? try self.unary(.negate, v) : v
            }
        }
        define("round", "number, ndigits=None") { [unowned self] a in try self.rounded(a["number"], a.optional("ndigits")) }
        define("map", "func, *iterables") { [unowned self] a in
            guard !a.extraPositional.isEmpty else { throw ScriptError.type("map() must have at least two arguments.") }
            let lists = try a.extraPositional.map { try self.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            return .list(ListStorage(try (0..<n).map { i in try self.call(a["func"], Arguments(lists.map { $0[i] })) }))
        }
        define("filter", "function, iterable, /") { [unowned self] a in
            let f = a["function"]
            return .list(ListStorage(try self.iterate(a["iterable"]).filter { v in
                if case .none = f { return try self.isTrue(v) }
                return try self.isTrue(try self.call(f, Arguments([v])))
            }))
        }
        define("any", "iterable, /") { [unowned self] a in
            for v in try self.iterate(a["iterable"]) where try self.isTrue(v) { return .bool(true) }
            return .bool(false)
        }
        define("all", "iterable, /") { [unowned self] a in
            for v in try self.iterate(a["iterable"]) where !(try self.isTrue(v)) { return .bool(false) }
            return .bool(true)
        }
        installAttributeBuiltins()
        installNumberBuiltins()
        installIterationBuiltins()
        installTypeBuiltins()
        for name in ["int", "float", "str", "bool", "list", "dict", "tuple", "set"] {
            if case .object(let f as BuiltinFunction)? = builtins[name] { typeConstructors[ObjectIdentifier(f)] = name }
        }
    }

    private func extreme(_ name: String, _ a: BoundArguments) throws -> Value {
        let args = a.extraPositional
        guard !args.isEmpty else { throw ScriptError.type("\(name) expected at least 1 argument, got 0") }
        if args.count > 1, a.given("default") {
            throw ScriptError.type("Cannot specify a default for \(name)() with multiple positional arguments")
        }
        let items = args.count == 1 ? try iterate(args[0]) : args
        let key = a.optional("key")
        guard !items.isEmpty else {
            if a.given("default") { return a["default"] }
            throw ScriptError.value("\(name)() arg is an empty sequence")
        }
        var best = items[0]
        var bestKey = try key.map { try call($0, Arguments([best])) } ?? best
        for v in items.dropFirst() {
            let k = try key.map { try call($0, Arguments([v])) } ?? v
            let c = try compareValues(k, bestKey)
            if name == "min" ? c < 0 : c > 0 { best = v; bestKey = k }
        }
        return best
    }

    private func rounded(_ v: Value, _ digits: Value?) throws -> Value {
        if case .int(let i) = v, digits == nil { return .int(i) }
        let d = try floatValue(v, "round")
        guard let digits else {
            if !d.isFinite { _ = try IntConversion.truncating(d) }
            let r = d.rounded(.toNearestOrEven)
            guard abs(r) < 9.2e18 else { return .float(r) }
            return .int(Int(r))
        }
        guard case .int(let n) = digits else { throw ScriptError.type("'\(typeName(digits))' object cannot be interpreted as an integer") }
        // Round the exact decimal text, as Python does, rather than multiply and divide.
        let text = String(format: "%.\(max(0, min(n, 300)))f", d)
        if n >= 0 { return .float(Double(text) ?? d) }
        let scale = pow(10.0, Double(-n))
        return .float((d / scale).rounded(.toNearestOrEven) * scale)
    }
}
