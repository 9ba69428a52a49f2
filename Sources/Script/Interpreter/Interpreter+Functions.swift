import Foundation

/// Defining and calling the lesson's own functions and classes.
extension Interpreter {

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
}
