import Foundation

/// The expression half of `Parser`: Python's precedence from `test` (conditional and lambda) down
/// to atoms, comprehensions, calls, subscripts and f-strings.
extension Parser {
    /// Comma-separated tests; a trailing comma or several items make a tuple.
    mutating func testList() throws -> Expr {
        try sequence { try $0.test() }
    }

    mutating func testListStar() throws -> Expr {
        try sequence { p in p.isOp("*") ? try p.starExpr() : try p.test() }
    }

    mutating func targetList() throws -> Expr {
        try sequence { p in p.isOp("*") ? try p.starExpr() : try p.orExpr() }
    }

    mutating func starExpr() throws -> Expr {
        let l = loc
        p += 1
        return Expr(.starred(try orExpr()), l)
    }

    mutating func sequence(_ item: (inout Parser) throws -> Expr) throws -> Expr {
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

    mutating func testBody() throws -> Expr {
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

    mutating func orTest() throws -> Expr {
        var left = try andTest()
        while isName("or") {
            let l = loc
            p += 1
            left = Expr(.or(left, try andTest()), l)
        }
        return left
    }

    mutating func andTest() throws -> Expr {
        var left = try notTest()
        while isName("and") {
            let l = loc
            p += 1
            left = Expr(.and(left, try notTest()), l)
        }
        return left
    }

    mutating func notTest() throws -> Expr {
        if isName("not") {
            let l = loc
            p += 1
            return Expr(.not(try nest { try $0.notTest() }), l)
        }
        return try comparison()
    }

    mutating func comparison() throws -> Expr {
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

    mutating func binaryLevel(_ ops: [String: BinaryOperator], _ next: (inout Parser) throws -> Expr) throws -> Expr {
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
    mutating func xorExpr() throws -> Expr {
        try binaryLevel(["^": .bitXor]) { try $0.andExpr() }
    }
    mutating func andExpr() throws -> Expr {
        try binaryLevel(["&": .bitAnd]) { try $0.shiftExpr() }
    }
    mutating func shiftExpr() throws -> Expr {
        try binaryLevel(["<<": .leftShift, ">>": .rightShift]) { try $0.arithExpr() }
    }
    mutating func arithExpr() throws -> Expr {
        try binaryLevel(["+": .add, "-": .subtract]) { try $0.term() }
    }
    mutating func term() throws -> Expr {
        try binaryLevel(["*": .multiply, "/": .divide, "//": .floorDivide, "%": .modulo, "@": .matmul]) { try $0.factor() }
    }

    mutating func factor() throws -> Expr {
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

    mutating func power() throws -> Expr {
        let base = try atomExpr()
        if isOp("**") {
            p += 1
            return Expr(.binary(.power, base, try nest { try $0.factor() }), base.loc)
        }
        return base
    }

    mutating func atomExpr() throws -> Expr {
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

    mutating func arguments() throws -> [Argument] {
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

    mutating func subscriptList() throws -> Expr {
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

    mutating func subscriptItem() throws -> Expr {
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

    mutating func comprehension(_ kind: ComprehensionKind, at l: Loc, closing: String) throws -> Expr {
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

    mutating func orTestNoConditional() throws -> Expr { try orTest() }

    mutating func atom() throws -> Expr {
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

    mutating func dictItem() throws -> (Expr?, Expr) {
        if accept("**") { return (nil, try orExpr()) }
        let k = try test()
        try expect(":")
        return (k, try test())
    }

    mutating func expression() throws -> Expr { try test() }
}
