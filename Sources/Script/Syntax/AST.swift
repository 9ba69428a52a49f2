/// Where a node starts in the lesson.
struct Loc {
    var line: Int
    var column: Int
}

/// An expression node. A class, so the interpreter can cache per-node facts without copying.
final class Expr {
    enum Kind {
        case name(String)
        case constant(Value)
        case fstring([FPart])
        case list([Expr])
        case tuple([Expr])
        case set([Expr])
        case dict([(Expr?, Expr)])      // nil key: `**mapping`
        case attribute(Expr, String)
        case item(Expr, Expr)
        case slice(Expr?, Expr?, Expr?)
        case call(Expr, [Argument])
        case binary(BinaryOperator, Expr, Expr)
        case unary(UnaryOperator, Expr)
        case not(Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case compare(Expr, [(CompareOp, Expr)])
        case conditional(test: Expr, then: Expr, otherwise: Expr)
        case lambda(Parameters, Expr)
        case comprehension(ComprehensionKind, [Clause])
        case starred(Expr)
    }

    let kind: Kind
    let loc: Loc
    // `kind` unpacked for the interpreter's hot path (see `ExprShape`).
    let tag: ExprShape.Tag
    let op: BinaryOperator
    let compareOp: CompareOp
    let left: Expr?
    let right: Expr?
    let constant: Value
    /// `left` and `right` again, for calls that take them without a retain (`kind` owns them).
    let leftRef: Unmanaged<Expr>?
    let rightRef: Unmanaged<Expr>?
    /// For a name: the layout and slot the interpreter last found it in (compared by identity
    /// on the hot path; `cacheOwner` keeps it alive, so it never dangles), and for code at or
    /// one call below the top level its global slot and built-in value.
    @exclusivity(unchecked) var cachedLayout: UnsafeMutableRawPointer?
    @exclusivity(unchecked) var cachedSlot = 0
    @exclusivity(unchecked) var cachedGlobalSlot = -1
    @exclusivity(unchecked) var cachedBuiltin: Value?
    private var cacheOwner: ScopeLayout?

    func remember(layout: ScopeLayout, slot: Int, globalSlot: Int = -1, builtin: Value? = nil) {
        cacheOwner = layout
        cachedLayout = Unmanaged.passUnretained(layout).toOpaque()
        cachedSlot = slot
        cachedGlobalSlot = globalSlot
        cachedBuiltin = builtin
    }
    /// For a lambda or a comprehension: the layout its scopes share.
    var ownLayout: ScopeLayout?

    init(_ kind: Kind, _ loc: Loc) {
        self.kind = kind
        self.loc = loc
        let shape = ExprShape(kind)
        tag = shape.tag
        op = shape.op
        compareOp = shape.compareOp
        left = shape.left
        right = shape.right
        constant = shape.constant
        leftRef = shape.left.map { Unmanaged.passUnretained($0) }
        rightRef = shape.right.map { Unmanaged.passUnretained($0) }
    }
}

enum CompareOp: String {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case isOp = "is", isNot = "is not", inOp = "in", notIn = "not in"
}

enum FPart {
    case text(String)
    case value(Expr, conversion: Character?, spec: [FPart])
}

enum ComprehensionKind {
    case list(Expr)
    case set(Expr)
    case generator(Expr)
    case dict(Expr, Expr)
}

enum Clause {
    case forIn(target: Expr, iterable: Expr)
    case ifCond(Expr)
}

struct Argument {
    enum Kind { case positional, keyword(String), star, doubleStar }
    var kind: Kind
    var value: Expr
}

struct Parameters {
    struct Param {
        var name: String
        var defaultValue: Expr?
    }
    var positional: [Param] = []
    var varargs: String?
    var keywordOnly: [Param] = []
    var kwargs: String?
}

final class Stmt {
    enum Kind {
        case expression(Expr)
        case assign([Expr], Expr)
        case augmented(Expr, BinaryOperator, Expr)
        case importModule([(dotted: String, alias: String?)])
        case importFrom(module: String, names: [(name: String, alias: String?)])
        case ifChain([(Expr, [Stmt])], otherwise: [Stmt]?)
        case forLoop(target: Expr, iterable: Expr, body: [Stmt], otherwise: [Stmt]?)
        case whileLoop(Expr, body: [Stmt], otherwise: [Stmt]?)
        case breakLoop
        case continueLoop
        case pass
        case function(FunctionDef)
        case classDef(ClassDef)
        case returnValue(Expr?)
        case global([String])
        case nonlocal([String])
        case delete([Expr])
        case assert(Expr, Expr?)
        /// `raise`, `raise exc` or `raise exc from cause`.
        case raise(Expr?, cause: Expr?)
        case tryBlock(body: [Stmt], handlers: [Handler], otherwise: [Stmt]?, finally: [Stmt]?)
        /// `with a as x, b:` — each context manager with its optional `as` target.
        case with([(manager: Expr, target: Expr?)], body: [Stmt])
    }

    let kind: Kind
    let loc: Loc
    // `kind` unpacked for the interpreter's hot path (see `StmtShape`).
    let tag: StmtShape.Tag
    let op: BinaryOperator
    let target: Expr?
    let value: Expr?
    /// `target` and `value` again, for calls that take them without a retain (`kind` owns them).
    let targetRef: Unmanaged<Expr>?
    let valueRef: Unmanaged<Expr>?

    init(_ kind: Kind, _ loc: Loc) {
        self.kind = kind
        self.loc = loc
        let shape = StmtShape(kind)
        tag = shape.tag
        op = shape.op
        target = shape.target
        value = shape.value
        targetRef = shape.target.map { Unmanaged.passUnretained($0) }
        valueRef = shape.value.map { Unmanaged.passUnretained($0) }
    }
}

struct Handler {
    var types: Expr?
    var name: String?
    var body: [Stmt]
    var loc: Loc
}

final class FunctionDef {
    let name: String
    let parameters: Parameters
    let body: [Stmt]
    let loc: Loc
    /// The variable layout every call of this `def` shares, so cached slots stay valid.
    lazy var layout = ScopeLayout(parameters: parameters)

    init(name: String, parameters: Parameters, body: [Stmt], loc: Loc) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.loc = loc
    }
}

final class ClassDef {
    let name: String
    let bases: [Expr]
    let body: [Stmt]
    let loc: Loc
    /// The layout of the class body's scope, kept so cached slots stay valid.
    lazy var layout = ScopeLayout()

    init(name: String, bases: [Expr], body: [Stmt], loc: Loc) {
        self.name = name
        self.bases = bases
        self.body = body
        self.loc = loc
    }
}
