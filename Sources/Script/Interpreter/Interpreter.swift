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
    /// Exceptions whose `except` (or `finally`) is running, innermost last: what a bare
    /// `raise` re-raises and what a new exception gets as its `__context__`.
    var handling: [ScriptError] = []
    /// Statements and calls run, for the periodic deadline check; touched on every loop step.
    @exclusivity(unchecked) var steps = 0
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
        globalScope["__name__"] = .string("__main__")
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

    public func global(_ name: String) -> Value? { globalScope[name] }
    public func setGlobal(_ name: String, _ v: Value) { globalScope[name] = v }

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

    @inline(__always)
    func tick(_ loc: Loc) throws {
        steps &+= 1
        if steps & 1023 == 0 { try at(loc) { try checkDeadline() } }
    }

    func exec(_ stmt: Stmt, _ scope: Scope) throws -> Flow {
        switch stmt.tag {
        case .assignName:
            let value = try stmt.valueRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
            stmt.targetRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { assignName($0, value, scope) }
            return .normal
        case .augmentedName:
            try stmt.targetRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { target in
                let current = try lookup(target, scope)
                let rhs = try stmt.valueRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
                if case .int(let x) = current, case .int(let y) = rhs, let r = intBinary(stmt.op, x, y) {
                    assignName(target, r, scope)
                } else {
                    try augmentName(target, stmt.op, current, rhs, scope, stmt.loc)
                }
            }
            return .normal
        case .expression:
            _ = try stmt.valueRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
            return .normal
        case .other:
            return try execOther(stmt, scope)
        }
    }

    private func execOther(_ stmt: Stmt, _ scope: Scope) throws -> Flow {
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
            return try forLoop(target, iterableExpr, body, otherwise, scope, stmt.loc)
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
            let f = try makeFunction(name: def.name, parameters: def.parameters, body: def.body, expression: nil, scope: scope,
                                     layout: def.layout, loc: def.loc)
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
                let args = try message.map { [try eval($0, scope)] } ?? []
                throw located(exceptionError("AssertionError", args), stmt.loc)
            }
        case .raise(let e, let cause):
            try raise(e, cause: cause, scope, stmt.loc)
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
}
