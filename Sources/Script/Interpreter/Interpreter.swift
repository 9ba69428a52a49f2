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
        for (name, value) in modules.builtins { builtins[name] = value }
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
        case .with(let items, let body):
            return try withBlock(items[...], body, scope)
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
}
