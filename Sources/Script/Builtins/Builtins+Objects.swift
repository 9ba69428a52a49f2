import Foundation

/// The built-in functions about attributes, numbers and iterators, and the ones lessons may not use.
extension Interpreter {
    func installAttributeBuiltins() {
        define("hasattr", "obj, name, /") { [unowned self] a in
            let name = try self.attributeName(a["name"])
            return .bool((try? self.getAttribute(a["obj"], name)) != nil)
        }
        // getattr(object, name[, default]): the default has no value to write.
        define("getattr", "object, name, default=<no value>, /") { [unowned self] a in
            let name = try self.attributeName(a["name"])
            do { return try self.getAttribute(a["object"], name) } catch let e as ScriptError where e.kind == "AttributeError" {
                if a.given("default") { return a["default"] }
                throw e
            }
        }
        define("setattr", "obj, name, value, /") { [unowned self] a in
            try self.setAttribute(a["obj"], self.attributeName(a["name"]), a["value"])
            return .none
        }
        define("callable", "obj, /") { a in
            guard case .object(let o) = a["obj"] else { return .bool(false) }
            return .bool(o is BuiltinFunction || o is DeclaredMethod || o is Function || o is ClassObject || o is BoundMethod || o is TypeObject)
        }
        define("id", "obj, /") { a in
            if case .object(let o) = a["obj"] { return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue))) }
            return .int(0)
        }
        // super() and super(type, obj): both read the class a method was defined in.
        define("super", "type=<no value>, object_or_type=<no value>, /") { [unowned self] a in
            if a.given("type") {
                guard case .object(let cls as ClassObject) = a["type"] else { throw ScriptError.type("super() argument 1 must be a type, not \(self.typeName(a["type"]))") }
                guard a.given("object_or_type") else { throw ScriptError.notImplemented("super() with one argument is not supported yet") }
                return .object(SuperProxy(start: cls.base, receiver: a["object_or_type"]))
            }
            guard let frame = self.frames.last, let cls = frame.function.definingClass, let receiver = frame.receiver else {
                throw ScriptError.runtime("super(): no arguments, and not inside a method")
            }
            return .object(SuperProxy(start: cls.base, receiver: receiver))
        }
        let unavailable = [
            ("open", "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None"),
            ("exec", "source, globals=None, locals=None, /, *, closure=None"),
            ("eval", "source, globals=None, locals=None, /"),
            ("compile", "source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1"),
            ("input", "prompt='', /"), ("globals", ""), ("locals", ""), ("vars", "object=<no value>, /"),
            ("__import__", "name, globals=None, locals=None, fromlist=(), level=0"),
        ]
        for (name, parameters) in unavailable {
            define(name, parameters) { _ in throw ScriptError.notImplemented("\(name)() is not available in lessons") }
        }
    }

    private func attributeName(_ v: Value) throws -> String {
        guard case .string(let n) = v else { throw ScriptError.type("attribute name must be string, not '\(typeName(v))'") }
        return n
    }

    func installNumberBuiltins() {
        define("divmod", "x, y, /") { [unowned self] a in
            .tuple([try self.binary(.floorDivide, a["x"], a["y"]), try self.binary(.modulo, a["x"], a["y"])])
        }
        define("pow", "base, exp, mod=None") { [unowned self] a in
            guard let mod = a.optional("mod") else { return try self.binary(.power, a["base"], a["exp"]) }
            guard case .int(let b) = a["base"], case .int(let e) = a["exp"], case .int(let m) = mod else {
                throw ScriptError.type("pow() 3rd argument not allowed unless all arguments are integers")
            }
            guard m != 0 else { throw ScriptError.value("pow() 3rd argument cannot be 0") }
            guard e >= 0 else { throw ScriptError.notImplemented("pow() with a negative exponent and a modulus is not supported yet") }
            return .int(Interpreter.modularPower(b, e, m))
        }
        define("chr", "i, /") { [unowned self] a in
            let i = try self.integer(a["i"])
            guard i >= 0, i < 0x110000 else { throw ScriptError.value("chr() arg not in range(0x110000)") }
            guard let u = Unicode.Scalar(i) else { throw ScriptError.value("chr() arg is a surrogate, which Lectern's strings cannot hold") }
            return .string(String(Character(u)))
        }
        define("ord", "c, /") { [unowned self] a in
            guard case .string(let s) = a["c"] else { throw ScriptError.type("ord() expected string of length 1, but \(self.typeName(a["c"])) found") }
            guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
                throw ScriptError.type("ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(u.value))
        }
        define("format", "value, format_spec='', /") { [unowned self] a in
            guard case .string(let spec) = a["format_spec"] else {
                throw ScriptError.type("format() argument 2 must be str, not \(self.typeName(a["format_spec"]))")
            }
            return .string(try self.format(a["value"], spec))
        }
    }

    /// `base ** exp % mod` without overflow, the result taking the modulus's sign as Python's does.
    static func modularPower(_ base: Int, _ exp: Int, _ mod: Int) -> Int {
        let m = mod.magnitude
        var result: UInt = 1 % m
        var b = base.magnitude % m
        if base < 0, b != 0 { b = m - b }
        var e = exp
        func times(_ x: UInt, _ y: UInt) -> UInt { m.dividingFullWidth(x.multipliedFullWidth(by: y)).remainder }
        while e > 0 {
            if e & 1 == 1 { result = times(result, b) }
            b = times(b, b)
            e >>= 1
        }
        // result < m <= 2^63, so it fits; a negative modulus moves it into (mod, 0].
        let r = Int(truncatingIfNeeded: result)
        return mod < 0 && r != 0 ? r &+ mod : r
    }

    func installIterationBuiltins() {
        // iter(callable, sentinel) is the second call form; only the first is implemented.
        define("iter", "iterable, !sentinel=<no value>") { [unowned self] a in .object(IteratorObject(try self.iterate(a["iterable"]))) }
        define("next", "iterator, default=<no value>, /") { [unowned self] a in
            let v = a["iterator"]
            // Host objects and classes that are their own iterators (a file) answer `__next__`.
            if case .object(let o) = v, !(o is IteratorObject), let step = try o.attribute("__next__") {
                do { return try self.call(step, Arguments()) } catch let e as ScriptError where e.kind == "StopIteration" && a.given("default") {
                    return a["default"]
                }
            }
            guard case .object(let it as IteratorObject) = v else { throw ScriptError.type("'\(self.typeName(v))' object is not an iterator") }
            if let next = it.next() { return next }
            if a.given("default") { return a["default"] }
            throw ScriptError(kind: "StopIteration", message: "")
        }
    }
}
