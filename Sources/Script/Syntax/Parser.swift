import Foundation

/// A recursive-descent parser for the Python subset, with Python's precedence. Unsupported
/// features are named in the error ("generators with yield are not supported").
struct Parser {
    let file: String
    let lines: [Substring]
    let firstLine: Int
    var tokens: [Token]
    var p = 0
    /// Nesting of the recursive rules being parsed (unary chains, `not not …`, nested blocks,
    /// lambdas), held under a limit so no source can overflow the parser's stack.
    var nesting = 0
    static let maxNesting = 1000

    mutating func nest<T>(_ body: (inout Parser) throws -> T) throws -> T {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting {
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded during compilation",
                              location: SourceLocation(file: file, line: current.line, column: current.column))
        }
        return try body(&self)
    }

    init(tokens: [Token], file: String, source: String, firstLine: Int) {
        self.tokens = tokens
        self.file = file
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.firstLine = firstLine
    }

    static func parse(_ source: String, file: String, firstLine: Int, column: Int) throws -> [Stmt] {
        var lexer = Lexer(source, file: file, firstLine: firstLine, column: column)
        let tokens = try lexer.tokenize()
        var parser = Parser(tokens: tokens, file: file, source: source, firstLine: firstLine)
        return try parser.program()
    }

    // MARK: Token helpers

    var current: Token { tokens[p] }
    var loc: Loc { Loc(line: current.line, column: current.column) }

    func error(_ message: String, at token: Token? = nil) -> ScriptError {
        let t = token ?? current
        return ScriptError(kind: "SyntaxError", message: message, location: SourceLocation(file: file, line: t.line, column: t.column))
    }

    func isOp(_ s: String) -> Bool { current.kind == .op && current.text == s }
    func isName(_ s: String) -> Bool { current.kind == .name && current.text == s }

    mutating func advance() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    mutating func accept(_ s: String) -> Bool {
        if (current.kind == .op || current.kind == .name) && current.text == s { p += 1; return true }
        return false
    }

    mutating func expect(_ s: String, _ what: String? = nil) throws {
        guard accept(s) else {
            throw error(what ?? "expected '\(s)'\(describeCurrent())")
        }
    }

    func describeCurrent() -> String {
        switch current.kind {
        case .newline: return " at the end of the line"
        case .end: return " at the end of the block"
        case .indent: return ", found an unexpected indent"
        case .dedent: return ", found the end of an indented block"
        default: return ", found '\(current.text)'"
        }
    }

    mutating func name(_ what: String = "a name") throws -> String {
        guard current.kind == .name, !Parser.keywords.contains(current.text) else {
            throw error("expected \(what)\(describeCurrent())")
        }
        return advance().text
    }

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    // MARK: Statements

    mutating func program() throws -> [Stmt] {
        var out: [Stmt] = []
        while current.kind != .end {
            if current.kind == .newline { p += 1; continue }
            if current.kind == .indent { throw error("unexpected indent") }
            out += try statement()
        }
        return out
    }

    mutating func block() throws -> [Stmt] {
        try nest { try $0.blockBody() }
    }

    mutating func blockBody() throws -> [Stmt] {
        try expect(":", "expected ':'\(describeCurrent())")
        if current.kind != .newline {
            return try simpleStatements()
        }
        p += 1
        guard current.kind == .indent else { throw error("expected an indented block") }
        p += 1
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .end {
            if current.kind == .newline { p += 1; continue }
            body += try statement()
        }
        if current.kind == .dedent { p += 1 }
        return body
    }

    mutating func statement() throws -> [Stmt] {
        let l = loc
        if current.kind == .name {
            switch current.text {
            case "if": return [try ifStatement()]
            case "for":
                p += 1
                let target = try targetList()
                try expect("in")
                let iterable = try testList()
                let body = try block()
                let otherwise = try elseBlock()
                return [Stmt(.forLoop(target: target, iterable: iterable, body: body, otherwise: otherwise), l)]
            case "while":
                p += 1
                let cond = try test()
                let body = try block()
                return [Stmt(.whileLoop(cond, body: body, otherwise: try elseBlock()), l)]
            case "def": return [try functionDef()]
            case "class":
                p += 1
                let n = try name("a class name")
                var bases: [Expr] = []
                if accept("(") {
                    while !isOp(")") {
                        bases.append(try test())
                        if !accept(",") { break }
                    }
                    try expect(")")
                }
                return [Stmt(.classDef(ClassDef(name: n, bases: bases, body: try block(), loc: l)), l)]
            case "try": return [try tryStatement()]
            case "with":
                p += 1
                var items: [(manager: Expr, target: Expr?)] = []
                repeat {
                    let manager = try test()
                    items.append((manager, accept("as") ? try orExpr() : nil))
                } while accept(",")
                return [Stmt(.with(items, body: try block()), l)]
            case "async": throw error("async is not supported")
            case "match" where tokens.count > p + 1 && tokens[p + 1].kind == .name:
                throw error("match statements are not supported")
            default: break
            }
        }
        if isOp("@") { throw error("decorators are not supported") }
        return try simpleStatements()
    }

    mutating func elseBlock() throws -> [Stmt]? {
        guard isName("else") else { return nil }
        p += 1
        return try block()
    }

    mutating func ifStatement() throws -> Stmt {
        let l = loc
        p += 1
        var branches = [(try test(), try block())]
        var otherwise: [Stmt]?
        while true {
            if isName("elif") {
                p += 1
                branches.append((try test(), try block()))
            } else if isName("else") {
                p += 1
                otherwise = try block()
                break
            } else { break }
        }
        return Stmt(.ifChain(branches, otherwise: otherwise), l)
    }

    mutating func functionDef() throws -> Stmt {
        let l = loc
        p += 1
        let n = try name("a function name")
        try expect("(")
        let params = try parameters(closing: ")")
        try expect(")")
        if accept("->") { _ = try test() }
        let body = try block()
        return Stmt(.function(FunctionDef(name: n, parameters: params, body: body, loc: l)), l)
    }

    mutating func parameters(closing: String) throws -> Parameters {
        var params = Parameters()
        var keywordOnly = false
        while !isOp(closing) {
            if accept("**") {
                params.kwargs = try name("a parameter name")
            } else if accept("*") {
                if isOp(",") { keywordOnly = true } else { params.varargs = try name("a parameter name"); keywordOnly = true }
            } else if accept("/") {
                // Positional-only marker: accepted, not enforced.
            } else {
                let n = try name("a parameter name")
                if closing == ")" && accept(":") { _ = try test() }
                var d: Expr?
                if accept("=") { d = try test() }
                if !keywordOnly, d == nil, params.positional.contains(where: { $0.defaultValue != nil }) {
                    throw error("non-default argument follows default argument")
                }
                if keywordOnly { params.keywordOnly.append(.init(name: n, defaultValue: d)) }
                else { params.positional.append(.init(name: n, defaultValue: d)) }
            }
            if !accept(",") { break }
        }
        return params
    }

    mutating func tryStatement() throws -> Stmt {
        let l = loc
        p += 1
        let body = try block()
        var handlers: [Handler] = []
        while isName("except") {
            let hl = loc
            p += 1
            var types: Expr?
            var n: String?
            if !isOp(":") {
                types = try test()
                if accept("as") { n = try name() }
            }
            handlers.append(Handler(types: types, name: n, body: try block(), loc: hl))
        }
        let otherwise = try elseBlock()
        var finally: [Stmt]?
        if isName("finally") { p += 1; finally = try block() }
        if handlers.isEmpty && finally == nil { throw error("expected 'except' or 'finally' block") }
        return Stmt(.tryBlock(body: body, handlers: handlers, otherwise: otherwise, finally: finally), l)
    }

    mutating func simpleStatements() throws -> [Stmt] {
        var out = [try smallStatement()]
        while accept(";") {
            if current.kind == .newline || current.kind == .end { break }
            out.append(try smallStatement())
        }
        guard current.kind == .newline || current.kind == .end || current.kind == .dedent else {
            throw error("invalid syntax\(describeCurrent())")
        }
        if current.kind == .newline { p += 1 }
        return out
    }

    mutating func smallStatement() throws -> Stmt {
        let l = loc
        if current.kind == .name {
            switch current.text {
            case "pass": p += 1; return Stmt(.pass, l)
            case "break": p += 1; return Stmt(.breakLoop, l)
            case "continue": p += 1; return Stmt(.continueLoop, l)
            case "return":
                p += 1
                if atStatementEnd { return Stmt(.returnValue(nil), l) }
                return Stmt(.returnValue(try testList()), l)
            case "global", "nonlocal":
                let isGlobal = current.text == "global"
                p += 1
                var names = [try name()]
                while accept(",") { names.append(try name()) }
                return Stmt(isGlobal ? .global(names) : .nonlocal(names), l)
            case "del":
                p += 1
                var targets = [try expression()]
                while accept(",") { targets.append(try expression()) }
                return Stmt(.delete(targets), l)
            case "assert":
                p += 1
                let cond = try test()
                return Stmt(.assert(cond, accept(",") ? try test() : nil), l)
            case "raise":
                p += 1
                if atStatementEnd { return Stmt(.raise(nil, cause: nil), l) }
                let e = try test()
                return Stmt(.raise(e, cause: accept("from") ? try test() : nil), l)
            case "import":
                p += 1
                var items: [(String, String?)] = []
                repeat {
                    let dotted = try dottedName()
                    items.append((dotted, accept("as") ? try name() : nil))
                } while accept(",")
                return Stmt(.importModule(items), l)
            case "from":
                p += 1
                if isOp(".") { throw error("relative imports are not supported") }
                let module = try dottedName()
                try expect("import")
                if accept("*") { throw error("'from \(module) import *' is not supported; import the names you use") }
                let paren = accept("(")
                var names: [(String, String?)] = []
                repeat {
                    if paren && isOp(")") { break }
                    let n = try name()
                    names.append((n, accept("as") ? try name() : nil))
                } while accept(",")
                if paren { try expect(")") }
                return Stmt(.importFrom(module: module, names: names), l)
            case "yield": throw error("generators with yield are not supported")
            case "async", "await": throw error("async is not supported")
            default: break
            }
        }
        let first = try testListStar()
        if accept("=") {
            var targets = [first]
            var value = try testListStar()
            while accept("=") {
                targets.append(value)
                value = try testListStar()
            }
            for t in targets { try checkTarget(t) }
            return Stmt(.assign(targets, value), l)
        }
        if current.kind == .op, let op = Parser.augmented[current.text] {
            p += 1
            try checkTarget(first)
            return Stmt(.augmented(first, op, try testList()), l)
        }
        if isOp(":") { // annotated assignment: `x: int = 3`
            p += 1
            _ = try test()
            if accept("=") { try checkTarget(first); return Stmt(.assign([first], try testList()), l) }
            return Stmt(.pass, l)
        }
        return Stmt(.expression(first), l)
    }

    static let augmented: [String: BinaryOperator] = [
        "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "//=": .floorDivide, "%=": .modulo,
        "**=": .power, "@=": .matmul, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor, "<<=": .leftShift, ">>=": .rightShift,
    ]

    var atStatementEnd: Bool {
        current.kind == .newline || current.kind == .end || isOp(";") || current.kind == .dedent
    }

    func checkTarget(_ e: Expr) throws {
        switch e.kind {
        case .name, .attribute, .item: return
        case .tuple(let items), .list(let items): for i in items { try checkTarget(i) }
        case .starred(let inner): try checkTarget(inner)
        default:
            throw ScriptError(kind: "SyntaxError", message: "cannot assign to this expression",
                              location: SourceLocation(file: file, line: e.loc.line, column: e.loc.column))
        }
    }

    mutating func dottedName() throws -> String {
        var parts = [try name("a module name")]
        while accept(".") { parts.append(try name("a module name")) }
        return parts.joined(separator: ".")
    }
}
