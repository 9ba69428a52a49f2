/// The few expression shapes loops spend their time in, unpacked once when the node is made,
/// so the interpreter reads them without copying `Expr.kind` (a copy retains every payload).
/// `Expr` stores these fields itself, as `let`s the interpreter reads without a retain.
struct ExprShape {
    enum Tag: UInt8 { case other, name, constant, binary, compare }
    var tag = Tag.other
    var op = BinaryOperator.add
    var compareOp = CompareOp.eq
    var left: Expr?
    var right: Expr?
    var constant = Value.none

    init(_ kind: Expr.Kind) {
        switch kind {
        case .name: tag = .name
        case .constant(let v): tag = .constant; constant = v
        case .binary(let op, let l, let r): tag = .binary; self.op = op; left = l; right = r
        case .compare(let first, let rest) where rest.count == 1:
            tag = .compare; compareOp = rest[0].0; left = first; right = rest[0].1
        default: break
        }
    }
}

/// The statement shapes loop bodies are made of, unpacked as `ExprShape` unpacks expressions.
struct StmtShape {
    enum Tag: UInt8 { case other, expression, assignName, augmentedName }
    var tag = Tag.other
    var op = BinaryOperator.add
    var target: Expr?
    var value: Expr?

    init(_ kind: Stmt.Kind) {
        switch kind {
        case .expression(let e): tag = .expression; value = e
        case .assign(let targets, let v) where targets.count == 1:
            if case .name = targets[0].kind { tag = .assignName; target = targets[0]; value = v }
        case .augmented(let t, let op, let v):
            if case .name = t.kind { tag = .augmentedName; self.op = op; target = t; value = v }
        default: break
        }
    }
}
