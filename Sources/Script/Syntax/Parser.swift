import Foundation

/// A recursive-descent parser for the Python subset, with Python's precedence. Unsupported
/// features are named in the error ("generators with yield are not supported").
struct Parser {
    let file: String
    let lines: [Substring]
    let firstLine: Int
    private var tokens: [Token]
    private var p = 0
    /// Nesting of the recursive rules being parsed (unary chains, `not not …`, nested blocks,
    /// lambdas), held under a limit so no source can overflow the parser's stack.
    private var nesting = 0
    static let maxNesting = 1000

    private mutating func nest<T>(_ body: (inout Parser) throws -> T) throws -> T {
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

    private var current: Token { tokens[p] }
    private var loc: Loc { Loc(line: current.line, column: current.column) }

    private func error(_ message: String, at token: Token? = nil) -> ScriptError {
        let t = token ?? current
        return ScriptError(kind: "SyntaxError", message: message, location: SourceLocation(file: file, line: t.line, column: t.column))
    }

    private func isOp(_ s: String) -> Bool { current.kind == .op && current.text == s }
    private func isName(_ s: String) -> Bool { current.kind == .name && current.text == s }

    private mutating func advance() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    private mutating func accept(_ s: String) -> Bool {
        if (current.kind == .op || current.kind == .name) && current.text == s { p += 1; return true }
        return false
    }

    private mutating func expect(_ s: String, _ what: String? = nil) throws {
        guard accept(s) else {
            throw error(what ?? "expected '\(s)'\(describeCurrent())")
        }
    }

    private func describeCurrent() -> String {
        switch current.kind {
        case .newline: return " at the end of the line"
        case .end: return " at the end of the block"
        case .indent: return ", found an unexpected indent"
        case .dedent: return ", found the end of an indented block"
        default: return ", found '\(current.text)'"
        }
    }

    private mutating func name(_ what: String = "a name") throws -> String {
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

    private mutating func block() throws -> [Stmt] {
        try nest { try $0.blockBody() }
    }

    private mutating func blockBody() throws -> [Stmt] {
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

    private mutating func statement() throws -> [Stmt] {
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

    private mutating func elseBlock() throws -> [Stmt]? {
        guard isName("else") else { return nil }
        p += 1
        return try block()
    }

    private mutating func ifStatement() throws -> Stmt {
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

    private mutating func functionDef() throws -> Stmt {
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

    private mutating func parameters(closing: String) throws -> Parameters {
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

    private mutating func tryStatement() throws -> Stmt {
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

    private mutating func simpleStatements() throws -> [Stmt] {
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

    private mutating func smallStatement() throws -> Stmt {
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

    private var atStatementEnd: Bool {
        current.kind == .newline || current.kind == .end || isOp(";") || current.kind == .dedent
    }

    private func checkTarget(_ e: Expr) throws {
        switch e.kind {
        case .name, .attribute, .item: return
        case .tuple(let items), .list(let items): for i in items { try checkTarget(i) }
        case .starred(let inner): try checkTarget(inner)
        default:
            throw ScriptError(kind: "SyntaxError", message: "cannot assign to this expression",
                              location: SourceLocation(file: file, line: e.loc.line, column: e.loc.column))
        }
    }

    private mutating func dottedName() throws -> String {
        var parts = [try name("a module name")]
        while accept(".") { parts.append(try name("a module name")) }
        return parts.joined(separator: ".")
    }

    // MARK: Expressions

    /// Comma-separated tests; a trailing comma or several items make a tuple.
    mutating func testList() throws -> Expr {
        try sequence { try $0.test() }
    }

    private mutating func testListStar() throws -> Expr {
        try sequence { p in p.isOp("*") ? try p.starExpr() : try p.test() }
    }

    private mutating func targetList() throws -> Expr {
        try sequence { p in p.isOp("*") ? try p.starExpr() : try p.orExpr() }
    }

    private mutating func starExpr() throws -> Expr {
        let l = loc
        p += 1
        return Expr(.starred(try orExpr()), l)
    }

    private mutating func sequence(_ item: (inout Parser) throws -> Expr) throws -> Expr {
        let l = loc
        let first = try item(&self)
        guard isOp(",") else { return first }
        var items = [first]
        while accept(",") {
            if atStatementEnd || isOp("=") || isOp(")") || isName("in") || isOp(":") { break }
            if current.kind == .op, Parser.augmented[current.text] != nil { break }
            items.append(try item(&self))
        }
        return Expr(.tuple(items), l)
    }

    mutating func test() throws -> Expr {
        try nest { try $0.testBody() }
    }

    private mutating func testBody() throws -> Expr {
        let l = loc
        if isName("lambda") {
            p += 1
            let params = try parameters(closing: ":")
            try expect(":")
            return Expr(.lambda(params, try test()), l)
        }
        if isName("yield") { throw error("generators with yield are not supported") }
        let value = try orTest()
        if isName("if") {
            // A conditional expression, unless this `if` belongs to a comprehension.
            let save = p
            p += 1
            let cond = try orTest()
            if isName("else") {
                p += 1
                return Expr(.conditional(test: cond, then: value, otherwise: try test()), l)
            }
            p = save
        }
        return value
    }

    private mutating func orTest() throws -> Expr {
        var left = try andTest()
        while isName("or") {
            let l = loc
            p += 1
            left = Expr(.or(left, try andTest()), l)
        }
        return left
    }

    private mutating func andTest() throws -> Expr {
        var left = try notTest()
        while isName("and") {
            let l = loc
            p += 1
            left = Expr(.and(left, try notTest()), l)
        }
        return left
    }

    private mutating func notTest() throws -> Expr {
        if isName("not") {
            let l = loc
            p += 1
            return Expr(.not(try nest { try $0.notTest() }), l)
        }
        return try comparison()
    }

    private mutating func comparison() throws -> Expr {
        let first = try orExpr()
        var rest: [(CompareOp, Expr)] = []
        while true {
            let l = loc
            var op: CompareOp?
            if current.kind == .op, let o = CompareOp(rawValue: current.text) { op = o; p += 1 }
            else if isName("in") { op = .inOp; p += 1 }
            else if isName("is") {
                p += 1
                if accept("not") { op = .isNot } else { op = .isOp }
            } else if isName("not"), p + 1 < tokens.count, tokens[p + 1].kind == .name, tokens[p + 1].text == "in" {
                p += 2
                op = .notIn
            }
            guard let op else { break }
            _ = l
            rest.append((op, try orExpr()))
        }
        return rest.isEmpty ? first : Expr(.compare(first, rest), first.loc)
    }

    private mutating func binaryLevel(_ ops: [String: BinaryOperator], _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try next(&self)
        while current.kind == .op, let op = ops[current.text] {
            p += 1
            // Errors in an operation point at its start, as Python's carets do.
            left = Expr(.binary(op, left, try next(&self)), left.loc)
        }
        return left
    }

    mutating func orExpr() throws -> Expr {
        try binaryLevel(["|": .bitOr]) { try $0.xorExpr() }
    }
    private mutating func xorExpr() throws -> Expr {
        try binaryLevel(["^": .bitXor]) { try $0.andExpr() }
    }
    private mutating func andExpr() throws -> Expr {
        try binaryLevel(["&": .bitAnd]) { try $0.shiftExpr() }
    }
    private mutating func shiftExpr() throws -> Expr {
        try binaryLevel(["<<": .leftShift, ">>": .rightShift]) { try $0.arithExpr() }
    }
    private mutating func arithExpr() throws -> Expr {
        try binaryLevel(["+": .add, "-": .subtract]) { try $0.term() }
    }
    private mutating func term() throws -> Expr {
        try binaryLevel(["*": .multiply, "/": .divide, "//": .floorDivide, "%": .modulo, "@": .matmul]) { try $0.factor() }
    }

    private mutating func factor() throws -> Expr {
        let l = loc
        if current.kind == .op {
            switch current.text {
            case "-": p += 1; return Expr(.unary(.negate, try nest { try $0.factor() }), l)
            case "+": p += 1; return Expr(.unary(.plus, try nest { try $0.factor() }), l)
            case "~": p += 1; return Expr(.unary(.invert, try nest { try $0.factor() }), l)
            default: break
            }
        }
        return try power()
    }

    private mutating func power() throws -> Expr {
        let base = try atomExpr()
        if isOp("**") {
            p += 1
            return Expr(.binary(.power, base, try nest { try $0.factor() }), base.loc)
        }
        return base
    }

    private mutating func atomExpr() throws -> Expr {
        if isName("await") { throw error("async is not supported") }
        var e = try atom()
        while true {
            let l = loc
            if accept("(") {
                e = Expr(.call(e, try arguments()), l)
                try expect(")", "expected ')' to close the call\(describeCurrent())")
            } else if accept("[") {
                e = Expr(.item(e, try subscriptList()), l)
                try expect("]")
            } else if accept(".") {
                let nameLoc = loc
                let n = try name("an attribute name")
                e = Expr(.attribute(e, n), nameLoc)
            } else {
                return e
            }
        }
    }

    private mutating func arguments() throws -> [Argument] {
        var args: [Argument] = []
        while !isOp(")") {
            if accept("**") {
                args.append(Argument(kind: .doubleStar, value: try test()))
            } else if accept("*") {
                args.append(Argument(kind: .star, value: try test()))
            } else if current.kind == .name, p + 1 < tokens.count, tokens[p + 1].kind == .op, tokens[p + 1].text == "=" {
                let n = advance().text
                p += 1
                args.append(Argument(kind: .keyword(n), value: try test()))
            } else {
                let value = try test()
                if isName("for") {
                    args.append(Argument(kind: .positional, value: try comprehension(.generator(value), at: value.loc, closing: ")")))
                } else {
                    if case .keyword = args.last?.kind {
                        throw error("positional argument follows keyword argument")
                    }
                    args.append(Argument(kind: .positional, value: value))
                }
            }
            if !accept(",") { break }
        }
        return args
    }

    private mutating func subscriptList() throws -> Expr {
        let l = loc
        var items = [try subscriptItem()]
        var isTuple = false
        while accept(",") {
            isTuple = true
            if isOp("]") { break }
            items.append(try subscriptItem())
        }
        return isTuple ? Expr(.tuple(items), l) : items[0]
    }

    private mutating func subscriptItem() throws -> Expr {
        let l = loc
        var start: Expr?
        if !isOp(":") {
            let first = try test()
            if !isOp(":") { return first }
            start = first
        }
        try expect(":")
        let stop: Expr? = (isOp(":") || isOp("]") || isOp(",")) ? nil : try test()
        var step: Expr?
        if accept(":") { step = (isOp("]") || isOp(",")) ? nil : try test() }
        return Expr(.slice(start, stop, step), l)
    }

    private mutating func comprehension(_ kind: ComprehensionKind, at l: Loc, closing: String) throws -> Expr {
        var clauses: [Clause] = []
        while true {
            if isName("for") {
                p += 1
                let target = try targetList()
                try expect("in")
                clauses.append(.forIn(target: target, iterable: try orTest()))
            } else if isName("if") {
                p += 1
                clauses.append(.ifCond(try orTestNoConditional()))
            } else if isName("async") {
                throw error("async is not supported")
            } else { break }
        }
        return Expr(.comprehension(kind, clauses), l)
    }

    private mutating func orTestNoConditional() throws -> Expr { try orTest() }

    private mutating func atom() throws -> Expr {
        let l = loc
        let t = current
        switch t.kind {
        case .int(let v): p += 1; return Expr(.constant(.int(v)), l)
        case .float(let v): p += 1; return Expr(.constant(.float(v)), l)
        case .string:
            // Adjacent literals concatenate.
            var parts: [FPart] = []
            var anyFormatted = false
            while case .string(let s, let formatted) = current.kind {
                let tok = advance()
                if formatted {
                    anyFormatted = true
                    parts += try FStringParser.parse(s, file: file, line: tok.line, column: tok.column + 2)
                } else {
                    parts.append(.text(s))
                }
            }
            if !anyFormatted {
                return Expr(.constant(.string(parts.map { if case .text(let s) = $0 { return s } else { return "" } }.joined())), l)
            }
            return Expr(.fstring(parts), l)
        case .name:
            switch t.text {
            case "True": p += 1; return Expr(.constant(.bool(true)), l)
            case "False": p += 1; return Expr(.constant(.bool(false)), l)
            case "None": p += 1; return Expr(.constant(.none), l)
            case "yield": throw error("generators with yield are not supported")
            default:
                if Parser.keywords.contains(t.text) { throw error("invalid syntax: unexpected keyword '\(t.text)'") }
                p += 1
                return Expr(.name(t.text), l)
            }
        case .op:
            switch t.text {
            case "(":
                p += 1
                if accept(")") { return Expr(.tuple([]), l) }
                let first = isOp("*") ? try starExpr() : try test()
                if isName("for") {
                    let c = try comprehension(.generator(first), at: l, closing: ")")
                    try expect(")")
                    return c
                }
                if accept(")") { return first }
                var items = [first]
                while accept(",") {
                    if isOp(")") { break }
                    items.append(isOp("*") ? try starExpr() : try test())
                }
                try expect(")", "expected ')'\(describeCurrent())")
                return Expr(.tuple(items), l)
            case "[":
                p += 1
                if accept("]") { return Expr(.list([]), l) }
                let first = isOp("*") ? try starExpr() : try test()
                if isName("for") {
                    let c = try comprehension(.list(first), at: l, closing: "]")
                    try expect("]")
                    return c
                }
                var items = [first]
                while accept(",") {
                    if isOp("]") { break }
                    items.append(isOp("*") ? try starExpr() : try test())
                }
                try expect("]", "expected ']'\(describeCurrent())")
                return Expr(.list(items), l)
            case "{":
                p += 1
                if accept("}") { return Expr(.dict([]), l) }
                if accept("**") {
                    var pairs: [(Expr?, Expr)] = [(nil, try orExpr())]
                    while accept(",") {
                        if isOp("}") { break }
                        pairs.append(try dictItem())
                    }
                    try expect("}")
                    return Expr(.dict(pairs), l)
                }
                let first = try test()
                if accept(":") {
                    let value = try test()
                    if isName("for") {
                        let c = try comprehension(.dict(first, value), at: l, closing: "}")
                        try expect("}")
                        return c
                    }
                    var pairs: [(Expr?, Expr)] = [(first, value)]
                    while accept(",") {
                        if isOp("}") { break }
                        pairs.append(try dictItem())
                    }
                    try expect("}", "expected '}'\(describeCurrent())")
                    return Expr(.dict(pairs), l)
                }
                if isName("for") {
                    let c = try comprehension(.set(first), at: l, closing: "}")
                    try expect("}")
                    return c
                }
                var items = [first]
                while accept(",") {
                    if isOp("}") { break }
                    items.append(try test())
                }
                try expect("}")
                return Expr(.set(items), l)
            case "...":
                p += 1
                return Expr(.constant(.none), l)
            default:
                throw error("invalid syntax\(describeCurrent())")
            }
        case .newline, .end:
            throw error("invalid syntax: the expression is incomplete")
        case .indent:
            throw error("unexpected indent")
        case .dedent:
            throw error("invalid syntax\(describeCurrent())")
        }
    }

    private mutating func dictItem() throws -> (Expr?, Expr) {
        if accept("**") { return (nil, try orExpr()) }
        let k = try test()
        try expect(":")
        return (k, try test())
    }

    mutating func expression() throws -> Expr { try test() }
}

/// Splits an f-string's text into literal parts and `{expression!conversion:spec}` parts.
enum FStringParser {
    static func parse(_ s: String, file: String, line: Int, column: Int) throws -> [FPart] {
        let chars = Array(s)
        var parts: [FPart] = []
        var text = ""
        var i = 0
        func fail(_ m: String) -> ScriptError {
            ScriptError(kind: "SyntaxError", message: "f-string: \(m)", location: SourceLocation(file: file, line: line, column: column + i))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count, chars[i + 1] == "{" { text.append("{"); i += 2; continue }
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                i += 1
                let start = i
                var depth = 0
                var quote: Character?
                while i < chars.count {
                    let d = chars[i]
                    if let q = quote { if d == q { quote = nil }; i += 1; continue }
                    if d == "'" || d == "\"" { quote = d }
                    else if "([{".contains(d) { depth += 1 }
                    else if ")]}".contains(d) { if depth == 0 { break }; depth -= 1 }
                    else if depth == 0 && (d == "!" || d == ":") && !(d == "!" && i + 1 < chars.count && chars[i + 1] == "=") { break }
                    i += 1
                }
                var exprText = String(chars[start..<i])
                let exprColumn = column + start
                var selfDocumenting = false
                if exprText.hasSuffix("="), !exprText.hasSuffix("==") {
                    selfDocumenting = true
                    exprText.removeLast()
                }
                guard !exprText.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("empty expression not allowed") }
                var conversion: Character?
                if i < chars.count, chars[i] == "!" {
                    guard i + 1 < chars.count, "rsa".contains(chars[i + 1]) else { throw fail("invalid conversion character") }
                    conversion = chars[i + 1]
                    i += 2
                }
                var spec: [FPart] = []
                if i < chars.count, chars[i] == ":" {
                    i += 1
                    let specStart = i
                    var depth = 0
                    while i < chars.count {
                        if chars[i] == "{" { depth += 1 }
                        if chars[i] == "}" { if depth == 0 { break }; depth -= 1 }
                        i += 1
                    }
                    spec = try parse(String(chars[specStart..<i]), file: file, line: line, column: column + specStart)
                }
                guard i < chars.count, chars[i] == "}" else { throw fail("expecting '}'") }
                i += 1
                var lexer = Lexer(exprText, file: file, firstLine: line, column: exprColumn)
                let tokens = try lexer.tokenize()
                var parser = Parser(tokens: tokens, file: file, source: exprText, firstLine: line)
                let e = try parser.testList()
                if selfDocumenting {
                    parts.append(.text(exprText + "="))
                    if conversion == nil && spec.isEmpty { conversion = "r" }
                }
                parts.append(.value(e, conversion: conversion, spec: spec))
            } else if c == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" { text.append("}"); i += 2; continue }
                throw fail("single '}' is not allowed")
            } else {
                text.append(c)
                i += 1
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}
