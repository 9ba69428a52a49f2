/// Runs lesson code. One interpreter serves one lesson: its globals persist from block to block.
public final class Interpreter: CallContext {
    public let modules: ModuleRegistry
    /// Where `print` and host output go; the notebook swaps it per block.
    public var output: (String) -> Void = { _ in }
    /// The current block's wall-clock limit.
    public var deadline: ContinuousClock.Instant?

    let globalScope = Scope(parent: nil)
    var builtins: [String: Value] = [:]
    var exceptionClasses: [String: ClassObject] = [:]
    /// Source lines of every block run so far, by lesson line, for the caret display.
    var sourceLines: [Int: String] = [:]
    var file = ""
    var callDepth = 0
    /// Where the running thread's stack runs out (see `StackGuard`); read on every evaluation,
    /// so it is kept out of Swift's dynamic exclusivity checks (one thread runs an interpreter).
    @exclusivity(unchecked) var stackFloor: UInt = 0

    /// Throws RecursionError when the native stack is nearly used up.
    @inline(__always)
    func checkStack(_ what: String) throws {
        if StackGuard.exhausted(stackFloor) {
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded" + what)
        }
    }
    /// Bytes `print` wrote in the current block (see `resetPrinted`), held under `printLimit`.
    var printed = 0
    public static let printLimit = 64 << 20

    /// Starts counting a new block's printed output.
    public func resetPrinted() { printed = 0 }
    /// Nesting of the data `repr` and `==` are inside, held to the same limit as calls.
    var reprDepth = 0
    var compareDepth = 0
    var reprInProgress = Set<ObjectIdentifier>()
    /// Set when `repr` met data nested deeper than the limit (see `checkedRepr`).
    var reprTooDeep = false
    var traceback: [TracebackEntry] = []
    var steps = 0
    var typeConstructors: [ObjectIdentifier: String] = [:]
    /// Active user-function calls, innermost last, with their first argument (for `super()`).
    var frames: [(function: Function, receiver: Value?)] = []
    /// Python's default recursion limit.
    static let maxDepth = 1000

    public init(modules: ModuleRegistry) {
        self.modules = modules
        installExceptionClasses()
        installBuiltins()
        // A lesson runs as a script does, so `if __name__ == '__main__':` guards run their body.
        globalScope.vars["__name__"] = .string("__main__")
    }

    /// Runs one block and returns the value of its final bare expression (nil when there is none
    /// or it is None), as a notebook cell shows it.
    /// Runs `source` on the interpreter's own large-stack thread (see `StackGuard`): here when
    /// the caller is already on one, else on a new one for the length of the call.
    public func run(_ source: String, file: String, firstLine: Int, column: Int = 1) throws -> Value? {
        let floor = StackGuard.floor()
        if floor != 0 {
            stackFloor = floor
            return try runHere(source, file: file, firstLine: firstLine, column: column)
        }
        let result: Result<Value?, any Error> = StackGuard.run {
            self.stackFloor = StackGuard.floor()
            defer { self.stackFloor = 0 }
            return Result { try self.runHere(source, file: file, firstLine: firstLine, column: column) }
        }
        return try result.get()
    }

    private func runHere(_ source: String, file: String, firstLine: Int, column: Int) throws -> Value? {
        self.file = file
        for (k, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Indented as in the lesson file, so the caret lines up with lesson columns.
            sourceLines[firstLine + k] = String(repeating: " ", count: max(0, column - 1)) + line
        }
        callDepth = 0
        traceback = []
        do {
            let program = try Parser.parse(source, file: file, firstLine: firstLine, column: column)
            var last: Value?
            for (index, stmt) in program.enumerated() {
                if index == program.count - 1, case .expression(let e) = stmt.kind {
                    let v = try eval(e, globalScope)
                    if case .none = v { last = nil } else { last = v }
                } else {
                    _ = try exec(stmt, globalScope)
                }
            }
            return last
        } catch var e as ScriptError {
            if let loc = e.location, e.sourceLine == nil { e.sourceLine = sourceLines[loc.line] }
            throw e
        }
    }

    public func global(_ name: String) -> Value? { globalScope.vars[name] }
    public func setGlobal(_ name: String, _ v: Value) { globalScope.vars[name] = v }

    // MARK: CallContext

    public func call(_ callee: Value, _ args: Arguments) throws -> Value {
        switch callee {
        case .object(let o):
            guard let v = try o.call(args, self) else {
                throw ScriptError.type("'\(o.typeName)' object is not callable")
            }
            return v
        default:
            throw ScriptError.type("'\(typeName(callee))' object is not callable")
        }
    }

    public func write(_ text: String) { output(text) }

    public func checkDeadline() throws {
        if let d = deadline, ContinuousClock.now > d {
            throw ScriptError(kind: "TimeoutError", message: "the block ran past its time limit (set a larger `timeout=` option on the block if it needs more)")
        }
    }

    // MARK: Errors

    func located(_ error: ScriptError, _ loc: Loc) -> ScriptError {
        guard error.location == nil else { return error }
        var e = error
        e.location = SourceLocation(file: file, line: loc.line, column: loc.column)
        e.sourceLine = sourceLines[loc.line]
        e.traceback = traceback
        return e
    }

    /// Runs `body`, attaching `loc` to any error that has no location yet.
    @inline(__always)
    func at<T>(_ loc: Loc, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ScriptError { throw located(e, loc) }
    }

    // MARK: Statements

    enum Flow {
        case normal
        case breakLoop
        case continueLoop
        case returnValue(Value)
    }

    func execBlock(_ body: [Stmt], _ scope: Scope) throws -> Flow {
        for s in body {
            let f = try exec(s, scope)
            if case .normal = f { continue }
            return f
        }
        return .normal
    }

    func tick(_ loc: Loc) throws {
        steps &+= 1
        if steps & 1023 == 0 { try at(loc) { try checkDeadline() } }
    }

    func exec(_ stmt: Stmt, _ scope: Scope) throws -> Flow {
        switch stmt.kind {
        case .expression(let e):
            _ = try eval(e, scope)
        case .assign(let targets, let valueExpr):
            let value = try eval(valueExpr, scope)
            for t in targets { try assign(t, value, scope) }
        case .augmented(let target, let op, let valueExpr):
            try augmented(target, op, valueExpr, scope, stmt.loc)
        case .importModule(let items):
            for (dotted, alias) in items {
                let m = try at(stmt.loc) { try importModule(dotted) }
                if let alias {
                    setVariable(alias, .object(m), scope)
                } else {
                    // `import a.b` binds `a`, with `b` reachable as its attribute.
                    let top = String(dotted.split(separator: ".")[0])
                    let topModule = try at(stmt.loc) { try importModule(top) }
                    setVariable(top, .object(topModule), scope)
                }
            }
        case .importFrom(let moduleName, let names):
            let m = try at(stmt.loc) { try importModule(moduleName) }
            for (n, alias) in names {
                if let v = try m.attribute(n) {
                    setVariable(alias ?? n, v, scope)
                } else if let sub = try? modules.load(moduleName + "." + n) {
                    setVariable(alias ?? n, .object(sub), scope)
                } else {
                    var message = "cannot import name '\(n)' from '\(moduleName)'"
                    if let s = Suggest.closest(to: n, in: m.attributeNames) { message += "; did you mean '\(s)'?" }
                    message += ". Available: " + m.attributeNames.filter { !$0.hasPrefix("_") }.joined(separator: ", ")
                    throw located(ScriptError.importError(message), stmt.loc)
                }
            }
        case .ifChain(let branches, let otherwise):
            for (cond, body) in branches where try truth(try eval(cond, scope), cond.loc) {
                return try execBlock(body, scope)
            }
            if let otherwise { return try execBlock(otherwise, scope) }
        case .forLoop(let target, let iterableExpr, let body, let otherwise):
            let iterable = try eval(iterableExpr, scope)
            let items = try at(iterableExpr.loc) { try iterate(iterable) }
            for item in items {
                try tick(stmt.loc)
                try assign(target, item, scope)
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                case .normal, .continueLoop: continue
                }
            }
            if let otherwise { return try execBlock(otherwise, scope) }
        case .whileLoop(let cond, let body, let otherwise):
            while try truth(try eval(cond, scope), cond.loc) {
                try tick(stmt.loc)
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                case .normal, .continueLoop: continue
                }
            }
            if let otherwise { return try execBlock(otherwise, scope) }
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case .pass:
            break
        case .function(let def):
            let f = try makeFunction(name: def.name, parameters: def.parameters, body: def.body, expression: nil, scope: scope, loc: def.loc)
            setVariable(def.name, .object(f), scope)
        case .classDef(let def):
            try defineClass(def, scope)
        case .returnValue(let e):
            return .returnValue(try e.map { try eval($0, scope) } ?? .none)
        case .global(let names):
            scope.globalNames.formUnion(names)
        case .nonlocal(let names):
            scope.nonlocalNames.formUnion(names)
        case .delete(let targets):
            for t in targets { try delete(t, scope) }
        case .assert(let cond, let message):
            if !(try truth(try eval(cond, scope), cond.loc)) {
                let m = try message.map { str(try eval($0, scope)) } ?? ""
                throw located(ScriptError(kind: "AssertionError", message: m), stmt.loc)
            }
        case .raise(let e):
            try raise(e, scope, stmt.loc)
        case .tryBlock(let body, let handlers, let otherwise, let finally):
            return try tryBlock(body, handlers, otherwise, finally, scope)
        }
        return .normal
    }

    func importModule(_ dotted: String) throws -> ModuleObject {
        if let m = try modules.load(dotted) { return m }
        let forbidden = ["os", "sys", "subprocess", "socket", "shutil", "pathlib", "io", "builtins", "importlib", "ctypes"]
        let top = String(dotted.split(separator: ".").first ?? "")
        if forbidden.contains(top) {
            throw ScriptError(kind: "ModuleNotFoundError", message: "module '\(dotted)' is not available: lessons cannot reach the file system, processes or the network")
        }
        var message = "No module named '\(dotted)'"
        let names = modules.names
        if let s = Suggest.closest(to: dotted, in: names) { message += "; did you mean '\(s)'?" }
        message += ". Available modules: " + names.joined(separator: ", ")
        throw ScriptError(kind: "ModuleNotFoundError", message: message)
    }

    // MARK: Variables

    func lookup(_ name: String, _ scope: Scope, _ loc: Loc) throws -> Value {
        var s: Scope? = scope
        if scope.globalNames.contains(name) { s = globalScope }
        while let sc = s {
            if let v = sc.vars[name] { return v }
            s = sc.parent
        }
        if scope !== globalScope, let v = globalScope.vars[name] { return v }
        if let v = builtins[name] { return v }
        var candidates = Array(globalScope.vars.keys) + Array(builtins.keys)
        var c: Scope? = scope
        while let sc = c, sc !== globalScope { candidates += sc.vars.keys; c = sc.parent }
        var message = "name '\(name)' is not defined"
        if let s = Suggest.closest(to: name, in: candidates) { message += "; did you mean '\(s)'?" }
        throw located(ScriptError.name(message), loc)
    }

    func setVariable(_ name: String, _ value: Value, _ scope: Scope) {
        if scope.globalNames.contains(name) { globalScope.vars[name] = value; return }
        if scope.nonlocalNames.contains(name) {
            var s = scope.parent
            while let sc = s {
                if sc.vars[name] != nil { sc.vars[name] = value; return }
                s = sc.parent
            }
        }
        scope.vars[name] = value
    }

    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        switch target.kind {
        case .name(let n):
            setVariable(n, value, scope)
        case .tuple(let items), .list(let items):
            let values = try at(target.loc) { try iterate(value) }
            if let star = items.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
                let after = items.count - star - 1
                guard values.count >= items.count - 1 else {
                    throw located(ScriptError.value("not enough values to unpack (expected at least \(items.count - 1), got \(values.count))"), target.loc)
                }
                for k in 0..<star { try assign(items[k], values[k], scope) }
                if case .starred(let inner) = items[star].kind {
                    try assign(inner, .list(ListStorage(Array(values[star..<(values.count - after)]))), scope)
                }
                for k in 0..<after { try assign(items[star + 1 + k], values[values.count - after + k], scope) }
                return
            }
            guard values.count == items.count else {
                let message = values.count > items.count
                    ? "too many values to unpack (expected \(items.count))"
                    : "not enough values to unpack (expected \(items.count), got \(values.count))"
                throw located(ScriptError.value(message), target.loc)
            }
            for (t, v) in zip(items, values) { try assign(t, v, scope) }
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            try at(target.loc) { try setAttribute(obj, name, value) }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            try at(target.loc) { try setItem(obj, key, value) }
        case .starred:
            throw located(ScriptError(kind: "SyntaxError", message: "starred assignment target must be in a list or tuple"), target.loc)
        default:
            throw located(ScriptError(kind: "SyntaxError", message: "cannot assign to expression"), target.loc)
        }
    }

    func augmented(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ scope: Scope, _ loc: Loc) throws {
        switch target.kind {
        case .name(let n):
            let current = try lookup(n, scope, target.loc)
            let rhs = try eval(valueExpr, scope)
            if case .list(let l) = current, op == .add {
                l.items += try at(loc) { try iterate(rhs) }
                return
            }
            setVariable(n, try at(loc) { try binary(op, current, rhs) }, scope)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            let current = try at(target.loc) { try getAttribute(obj, name) }
            let rhs = try eval(valueExpr, scope)
            try at(loc) { try setAttribute(obj, name, try binary(op, current, rhs)) }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            let current = try at(target.loc) { try getItem(obj, key) }
            let rhs = try eval(valueExpr, scope)
            try at(loc) { try setItem(obj, key, try binary(op, current, rhs)) }
        default:
            throw located(ScriptError(kind: "SyntaxError", message: "illegal expression for augmented assignment"), target.loc)
        }
    }

    func delete(_ target: Expr, _ scope: Scope) throws {
        switch target.kind {
        case .name(let n):
            if scope.vars.removeValue(forKey: n) == nil && globalScope.vars.removeValue(forKey: n) == nil {
                throw located(ScriptError.name("name '\(n)' is not defined"), target.loc)
            }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            try at(target.loc) {
                switch obj {
                case .list(let l):
                    if case .object(let s as SliceObject) = key {
                        let idx = Set(try s.indices(count: l.items.count))
                        l.items = l.items.enumerated().filter { !idx.contains($0.offset) }.map(\.element)
                    } else {
                        let i = try normalizeIndex(key, l.items.count, "list")
                        l.items.remove(at: i)
                    }
                case .dict(let d):
                    if try d.remove(key) == nil { throw ScriptError.key(repr(key)) }
                default:
                    throw ScriptError.type("'\(typeName(obj))' object does not support item deletion")
                }
            }
        case .tuple(let items), .list(let items):
            for i in items { try delete(i, scope) }
        case .attribute:
            throw located(ScriptError.notImplemented("deleting attributes is not supported"), target.loc)
        default:
            throw located(ScriptError(kind: "SyntaxError", message: "cannot delete expression"), target.loc)
        }
    }

    // MARK: Functions and classes

    func makeFunction(name: String, parameters: Parameters, body: [Stmt], expression: Expr?, scope: Scope, loc: Loc) throws -> Function {
        var defaults: [String: Value] = [:]
        for p in parameters.positional + parameters.keywordOnly {
            if let d = p.defaultValue { defaults[p.name] = try eval(d, scope) }
        }
        return Function(name: name, parameters: parameters, body: body, expression: expression, defaults: defaults,
                        closure: scope === globalScope ? nil : scope, interpreter: self, loc: loc)
    }

    func callFunction(_ f: Function, _ args: Arguments) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Interpreter.maxDepth {
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded (\(Interpreter.maxDepth) nested calls)")
        }
        try checkStack("")
        try checkDeadline()
        let scope = Scope(parent: f.closure ?? globalScope)
        let params = f.parameters
        var positional = args.positional
        for (i, p) in params.positional.enumerated() where i < positional.count {
            scope.vars[p.name] = positional[i]
        }
        if positional.count > params.positional.count {
            guard let varargs = params.varargs else {
                throw ScriptError.type("\(f.name)() takes \(params.positional.count) positional argument\(params.positional.count == 1 ? "" : "s") but \(positional.count) were given")
            }
            scope.vars[varargs] = .tuple(Array(positional[params.positional.count...]))
            positional = Array(positional[..<params.positional.count])
        } else if let varargs = params.varargs {
            scope.vars[varargs] = .tuple([])
        }
        var extra: [(Value, Value)] = []
        let allNames = (params.positional + params.keywordOnly).map(\.name)
        for (name, value) in args.keywords {
            if allNames.contains(name) {
                if scope.vars[name] != nil {
                    throw ScriptError.type("\(f.name)() got multiple values for argument '\(name)'")
                }
                scope.vars[name] = value
            } else if params.kwargs != nil {
                extra.append((.string(name), value))
            } else {
                var message = "\(f.name)() got an unexpected keyword argument '\(name)'"
                if let s = Suggest.closest(to: name, in: allNames) { message += "; did you mean '\(s)'?" }
                throw ScriptError.type(message)
            }
        }
        if let kwargs = params.kwargs { scope.vars[kwargs] = .dict(try DictStorage(extra)) }
        for p in params.positional + params.keywordOnly where scope.vars[p.name] == nil {
            guard let d = f.defaults[p.name] else {
                throw ScriptError.type("\(f.name)() missing required argument: '\(p.name)'")
            }
            scope.vars[p.name] = d
        }
        traceback.append(TracebackEntry(function: f.name, location: SourceLocation(file: file, line: f.loc.line, column: f.loc.column)))
        frames.append((f, args.positional.first))
        defer { traceback.removeLast(); frames.removeLast() }
        if let e = f.expression { return try eval(e, scope) }
        if case .returnValue(let v) = try execBlock(f.body, scope) { return v }
        return .none
    }

    func defineClass(_ def: ClassDef, _ scope: Scope) throws {
        var base: ClassObject?
        if let b = def.bases.first {
            let v = try eval(b, scope)
            guard case .object(let c as ClassObject) = v else {
                throw located(ScriptError.notImplemented("a class can only inherit from another class defined in the lesson or an exception class"), b.loc)
            }
            base = c
        }
        if def.bases.count > 1 {
            throw located(ScriptError.notImplemented("multiple inheritance is not supported"), def.loc)
        }
        let classScope = Scope(parent: scope === globalScope ? nil : scope)
        _ = try execBlock(def.body, classScope)
        let cls = ClassObject(name: def.name, base: base, members: classScope.vars, interpreter: self)
        for case .object(let f as Function) in classScope.vars.values { f.definingClass = cls }
        setVariable(def.name, .object(cls), scope)
    }

    // MARK: Exceptions

    func raise(_ e: Expr?, _ scope: Scope, _ loc: Loc) throws {
        guard let e else {
            throw located(ScriptError.runtime("No active exception to reraise"), loc)
        }
        var v = try eval(e, scope)
        if case .object(let c as ClassObject) = v, c.isException { v = try at(loc) { try call(v, Arguments()) } }
        guard case .object(let inst as Instance) = v, inst.cls.isException else {
            throw located(ScriptError.type("exceptions must derive from BaseException"), loc)
        }
        var err = ScriptError(kind: inst.cls.name, message: inst.exceptionMessage)
        err.payload = v
        throw located(err, loc)
    }

    func exceptionClass(for error: ScriptError) -> ClassObject {
        if case .object(let inst as Instance)? = error.payload { return inst.cls }
        if let c = exceptionClasses[error.kind] { return c }
        return exceptionClasses["Exception"] ?? ClassObject(name: "Exception", base: nil, members: [:], interpreter: self)
    }

    func tryBlock(_ body: [Stmt], _ handlers: [Handler], _ otherwise: [Stmt]?, _ finally: [Stmt]?, _ scope: Scope) throws -> Flow {
        var flow: Flow = .normal
        do {
            var failed = false
            do {
                flow = try execBlock(body, scope)
            } catch let error as ScriptError where error.kind != "TimeoutError" {
                failed = true
                guard let h = try handlers.first(where: { try matches(error, $0, scope) }) else { throw error }
                if let name = h.name { setVariable(name, exceptionValue(error), scope) }
                flow = try execBlock(h.body, scope)
            }
            if !failed, case .normal = flow, let otherwise { flow = try execBlock(otherwise, scope) }
        } catch {
            if let finally, case let f = try execBlock(finally, scope), !isNormal(f) { return f }
            throw error
        }
        if let finally, case let f = try execBlock(finally, scope), !isNormal(f) { return f }
        return flow
    }

    func isNormal(_ f: Flow) -> Bool {
        if case .normal = f { return true }
        return false
    }

    func matches(_ error: ScriptError, _ h: Handler, _ scope: Scope) throws -> Bool {
        guard let typesExpr = h.types else { return true }
        let types = try eval(typesExpr, scope)
        let list: [Value]
        if case .tuple(let t) = types { list = t } else { list = [types] }
        let cls = exceptionClass(for: error)
        for t in list {
            guard case .object(let c as ClassObject) = t else {
                throw located(ScriptError.type("catching classes that do not inherit from BaseException is not allowed"), typesExpr.loc)
            }
            if cls.isSubclass(of: c) { return true }
        }
        return false
    }

    func exceptionValue(_ error: ScriptError) -> Value {
        if let p = error.payload { return p }
        let inst = Instance(cls: exceptionClass(for: error))
        inst.fields["args"] = .tuple([.string(error.message)])
        return .object(inst)
    }

    func installExceptionClasses() {
        let tree: [(String, String?)] = [
            ("BaseException", nil), ("Exception", "BaseException"), ("ArithmeticError", "Exception"),
            ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"), ("LookupError", "Exception"),
            ("IndexError", "LookupError"), ("KeyError", "LookupError"), ("ValueError", "Exception"), ("TypeError", "Exception"),
            ("NameError", "Exception"), ("AttributeError", "Exception"), ("RuntimeError", "Exception"),
            ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"), ("AssertionError", "Exception"),
            ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"), ("StopIteration", "Exception"),
            ("AxisError", "ValueError"), ("SyntaxError", "Exception"),
            ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"),
            ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"), ("FileExistsError", "OSError"),
            ("TimeoutError", "OSError"), ("MemoryError", "Exception"), ("UnicodeError", "ValueError"),
        ]
        for (name, base) in tree {
            let c = ClassObject(name: name, base: base.flatMap { exceptionClasses[$0] }, members: [:], interpreter: self)
            exceptionClasses[name] = c
            builtins[name] = .object(c)
        }
    }
}
