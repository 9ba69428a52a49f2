import Foundation

/// Defining and calling the lesson's own functions and classes.
extension Interpreter {

    func makeFunction(name: String, parameters: Parameters, body: [Stmt], expression: Expr?, scope: Scope,
                      layout: ScopeLayout, loc: Loc) throws -> Function {
        var defaults: [String: Value] = [:]
        for p in parameters.positional + parameters.keywordOnly {
            if let d = p.defaultValue { defaults[p.name] = try eval(d, scope) }
        }
        return Function(name: name, parameters: parameters, body: body, expression: expression, defaults: defaults,
                        closure: scope === globalScope ? nil : scope, layout: layout, interpreter: self, loc: loc)
    }

    func callFunction(_ f: Function, _ args: Arguments) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Interpreter.maxDepth {
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded (\(Interpreter.maxDepth) nested calls)")
        }
        try checkStack("")
        steps &+= 1
        if steps & 1023 == 0 { try checkDeadline() }
        let scope = try bindArguments(f, args)
        traceback.append(TracebackEntry(function: f.name, location: SourceLocation(file: file, line: f.loc.line, column: f.loc.column)))
        frames.append((f, args.positional.first))
        defer { traceback.removeLast(); frames.removeLast() }
        if let e = f.expression { return try eval(e, scope) }
        if case .returnValue(let v) = try execBlock(f.body, scope) { return v }
        return .none
    }

    /// A new scope for a call of `f` with `args` bound to its parameters as Python binds them.
    /// The layout puts the parameters first (positional, then keyword-only), so slot `i` is
    /// parameter `i`.
    private func bindArguments(_ f: Function, _ args: Arguments) throws -> Scope {
        let scope = Scope(parent: f.closure ?? globalScope, layout: f.layout)
        let params = f.parameters
        let positionalCount = params.positional.count
        let named = positionalCount + params.keywordOnly.count
        let positional = args.positional
        for i in 0..<min(positional.count, positionalCount) { scope.set(positional[i], at: i) }
        if positional.count > positionalCount {
            guard let varargs = params.varargs else {
                throw ScriptError.type("\(f.name)() takes \(positionalCount) positional argument\(positionalCount == 1 ? "" : "s") but \(positional.count) were given")
            }
            scope[varargs] = .tuple(Array(positional[positionalCount...]))
        } else if let varargs = params.varargs {
            scope[varargs] = .tuple([])
        }
        var extra: [(Value, Value)] = []
        for (name, value) in args.keywords {
            if let i = f.layout.slot(of: name), i < named {
                if scope.value(at: i) != nil {
                    throw ScriptError.type("\(f.name)() got multiple values for argument '\(name)'")
                }
                scope.set(value, at: i)
            } else if params.kwargs != nil {
                extra.append((.string(name), value))
            } else {
                let allNames = (params.positional + params.keywordOnly).map(\.name)
                var message = "\(f.name)() got an unexpected keyword argument '\(name)'"
                if let s = Suggest.closest(to: name, in: allNames) { message += "; did you mean '\(s)'?" }
                throw ScriptError.type(message)
            }
        }
        if let kwargs = params.kwargs { scope[kwargs] = .dict(try DictStorage(extra)) }
        for i in 0..<named where scope.value(at: i) == nil {
            let p = i < positionalCount ? params.positional[i] : params.keywordOnly[i - positionalCount]
            guard let d = f.defaults[p.name] else {
                throw ScriptError.type("\(f.name)() missing required argument: '\(p.name)'")
            }
            scope.set(d, at: i)
        }
        return scope
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
        let classScope = Scope(parent: scope === globalScope ? nil : scope, layout: def.layout)
        _ = try execBlock(def.body, classScope)
        var members: [String: Value] = [:]
        for (name, value) in classScope.variables { members[name] = value }
        let cls = ClassObject(name: def.name, base: base, members: members, interpreter: self)
        for case .object(let f as Function) in members.values { f.definingClass = cls }
        setVariable(def.name, .object(cls), scope)
    }
}
