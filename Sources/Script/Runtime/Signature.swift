import Foundation

/// A callable's Python signature, declared once in Python's own notation:
///
///     Signature("Adam", "learning_rate=0.001, beta_1=0.9, ..., !use_ema=False, name=None, **kwargs")
///
/// Arguments bind by Python's rules (positional, then keywords; `/` and `*` markers; `*args`,
/// `**kwargs`) before the binding's body runs, which reads them by name with the declared defaults.
/// A parameter marked `!` is one the real library accepts and Lectern does not implement: giving it
/// a value other than its default is a `NotImplementedError` that names it, never silence. An
/// unknown keyword raises what the real library raises, with a suggestion.
public struct Signature: Sendable {
    public enum Kind: Sendable, Equatable {
        case positionalOnly, positionalOrKeyword, keywordOnly, varPositional, varKeyword
    }

    /// A default as Python writes it; signatures hold literals only.
    public indirect enum Literal: Sendable, Equatable {
        /// `absent` is NumPy's `<no value>`: the parameter reads as None and nothing was chosen.
        case none, absent, bool(Bool), int(Int), float(Double), string(String), tuple([Literal])

        public var value: Value {
            switch self {
            case .none, .absent: .none
            case .bool(let b): .bool(b)
            case .int(let i): .int(i)
            case .float(let d): .float(d)
            case .string(let s): .string(s)
            case .tuple(let items): .tuple(items.map(\.value))
            }
        }
    }

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// nil: required.
        public var defaultValue: Literal?
        /// Accepted by the real library, not implemented here (`!` in the declaration).
        public var unsupported: Bool
    }

    /// What an unknown keyword raises: Python's TypeError, or what Keras 3's layers and
    /// optimizers raise.
    public enum Rejection: Sendable {
        case python, kerasLayer, kerasOptimizer
    }

    public let name: String
    public let rejection: Rejection
    /// What a call reads, held once behind one reference: a signature is copied into every bound
    /// method and every binding, and one reference is cheaper to copy than four.
    private let layout: Layout

    final class Layout: Sendable {
        let parameters: [Parameter]
        let aliases: [String: String]
        let positionalSlots: [Int]
        let hasVarPositional: Bool
        /// How many leading parameters a call may fill by position alone, and how many of them it
        /// must: a call within those bounds and without keywords binds without the general walk
        /// (see `bind`); -1 when a `!` parameter must be checked on every call.
        let directMost: Int, directLeast: Int

        init(_ parsed: [Parameter], aliases: [String: String]) {
            parameters = parsed
            self.aliases = aliases
            positionalSlots = parsed.indices.filter { parsed[$0].kind == .positionalOnly || parsed[$0].kind == .positionalOrKeyword }
            hasVarPositional = parsed.contains { $0.kind == .varPositional }
            let leading = parsed.prefix { $0.kind == .positionalOnly || $0.kind == .positionalOrKeyword }.count
            let required = (parsed.lastIndex { $0.defaultValue == nil && $0.kind != .varPositional && $0.kind != .varKeyword } ?? -1) + 1
            directMost = !parsed.contains(where: \.unsupported) && required <= leading ? leading : -1
            directLeast = required
        }
    }

    public var parameters: [Parameter] { layout.parameters }
    /// Older spellings read as today's (Keras 2's `lr` for `learning_rate`).
    public var aliases: [String: String] { layout.aliases }
    /// The indices of the parameters that take positional arguments, in order.
    var positionalSlots: [Int] { layout.positionalSlots }
    var hasVarPositional: Bool { layout.hasVarPositional }

    /// Parses `declaration`; a malformed one is a programming error in Lectern (tests parse them all).
    public init(_ name: String, _ declaration: String, rejection: Rejection = .python, aliases: [String: String] = [:]) {
        self.name = name
        self.rejection = rejection
        let parsed: [Parameter]
        do {
            parsed = try SignatureDeclaration.parse(declaration)
        } catch {
            preconditionFailure("signature of \(name): \(error)")
        }
        layout = Layout(parsed, aliases: aliases)
    }

    public var acceptsExtraKeywords: Bool { parameters.contains { $0.kind == .varKeyword } }

    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// The arguments bound to the parameters, or the error Python (or Keras) would raise.
    public func bind(_ args: Arguments) throws -> BoundArguments {
        // The common call (`l.append(x)`, `d.get(k, 0)`): its positionals are the leading
        // parameters' values as they stand, so they are kept as given.
        if args.keywords.isEmpty, args.positional.count >= layout.directLeast,
           args.positional.count <= layout.directMost {
            return BoundArguments(signature: self, leading: args.positional, rest: nil)
        }
        var slots = [Value?](repeating: nil, count: parameters.count)
        var extraPositional: [Value] = []
        var extraKeywords: [(name: String, value: Value)] = []
        let positional = positionalSlots
        for (i, value) in args.positional.enumerated() {
            if i < positional.count {
                slots[positional[i]] = value
            } else if hasVarPositional {
                extraPositional.append(value)
            } else {
                let n = positional.count
                throw ScriptError.type("\(name)() takes \(n) positional argument\(n == 1 ? "" : "s") but \(args.positional.count) were given")
            }
        }
        var unknown: [(String, Value)] = []
        for (written, value) in args.keywords {
            let keyword = aliases[written] ?? written
            guard let i = parameters.firstIndex(where: {
                $0.name == keyword && ($0.kind == .positionalOrKeyword || $0.kind == .keywordOnly)
            }) else {
                if acceptsExtraKeywords, rejection == .python { extraKeywords.append((written, value)) } else { unknown.append((written, value)) }
                continue
            }
            if slots[i] != nil { throw ScriptError.type("\(name)() got multiple values for argument '\(keyword)'") }
            slots[i] = value
        }
        if let (first, _) = unknown.first { throw rejected(first, unknown) }
        for (i, p) in parameters.enumerated() where slots[i] == nil && p.defaultValue == nil
            && p.kind != .varPositional && p.kind != .varKeyword {
            throw ScriptError.type("\(name)() missing required argument: '\(p.name)'")
        }
        for (i, p) in parameters.enumerated() where p.unsupported {
            guard let given = slots[i] else { continue }
            if let d = p.defaultValue, Signature.sameLiteral(given, d) { continue }
            throw ScriptError.notImplemented("\(name): \(p.name) is not supported yet")
        }
        return BoundArguments(signature: self, leading: [],
                              rest: BoundArguments.Rest(slots: slots, extraPositional: extraPositional, extraKeywords: extraKeywords))
    }

    private func rejected(_ keyword: String, _ all: [(String, Value)]) -> Error {
        let known = parameters.filter { $0.kind == .positionalOrKeyword || $0.kind == .keywordOnly }.map(\.name)
        let hint = Suggest.closest(to: keyword, in: known).map { "; did you mean '\($0)'?" } ?? ""
        let listed = "{" + all.map { "'\($0.0)': \(Signature.literalRepr($0.1))" }.joined(separator: ", ") + "}"
        switch rejection {
        case .python:
            return ScriptError.type("\(name)() got an unexpected keyword argument '\(keyword)'\(hint)")
        case .kerasLayer:
            return ScriptError.value("Unrecognized keyword arguments passed to \(name): \(listed)\(hint)")
        case .kerasOptimizer:
            return ScriptError.value("Argument(s) not recognized: \(listed)\(hint)")
        }
    }

    /// A value as Python's repr writes it, for messages (objects by their type).
    static func literalRepr(_ value: Value) -> String {
        switch value {
        case .none: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .float(let d): FloatDigits.pythonRepr(d)
        case .string(let s): "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .tuple(let items): "(" + items.map(literalRepr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let l): "[" + l.items.map(literalRepr).joined(separator: ", ") + "]"
        case .dict: "{...}"
        case .object(let o): "<\(o.typeName) object>"
        }
    }

    /// Whether a given value is the default written in the declaration (so an unsupported
    /// parameter given its default changes nothing).
    static func sameLiteral(_ value: Value, _ literal: Literal) -> Bool {
        switch (value, literal) {
        case (.none, .none), (.none, .absent): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.int(let a), .float(let b)): Double(a) == b
        case (.float(let a), .float(let b)): a == b
        case (.float(let a), .int(let b)): a == Double(b)
        case (.string(let a), .string(let b)): a == b
        case (.tuple(let a), .tuple(let b)): a.count == b.count && zip(a, b).allSatisfy { sameLiteral($0, $1) }
        default: false
        }
    }
}

/// Arguments bound to a `Signature`: read by parameter name, the declared default standing in for
/// what was not given.
public struct BoundArguments {
    public let signature: Signature
    /// The values of the first parameters, when the call gave nothing else (`rest` is then nil).
    let leading: [Value]
    /// A general binding's slots and collections, behind one reference so the common call's
    /// binding stays two references.
    let rest: Rest?

    final class Rest {
        let slots: [Value?]
        let extraPositional: [Value]
        let extraKeywords: [(name: String, value: Value)]

        init(slots: [Value?], extraPositional: [Value], extraKeywords: [(name: String, value: Value)]) {
            self.slots = slots
            self.extraPositional = extraPositional
            self.extraKeywords = extraKeywords
        }
    }

    /// What `*args` collected.
    public var extraPositional: [Value] { rest?.extraPositional ?? [] }
    /// What `**kwargs` collected.
    public var extraKeywords: [(name: String, value: Value)] { rest?.extraKeywords ?? [] }

    private func index(_ name: String) -> Int? {
        let parameters = signature.parameters
        for i in parameters.indices where parameters[i].name == name { return i }
        return nil
    }

    /// The argument, or its default (`None` for `*args`/`**kwargs` and required ones never given).
    public subscript(_ name: String) -> Value {
        guard let i = index(name) else {
            preconditionFailure("\(signature.name) declares no parameter '\(name)'")
        }
        if i < leading.count { return leading[i] }
        if let rest, let v = rest.slots[i] { return v }
        return signature.parameters[i].defaultValue?.value ?? .none
    }

    /// Whether the call gave this argument.
    public func given(_ name: String) -> Bool {
        guard let i = index(name) else { return false }
        return i < leading.count || rest?.slots[i] != nil
    }

    /// The argument unless it is `None`.
    public func optional(_ name: String) -> Value? {
        if case .none = self[name] { return nil }
        return self[name]
    }
}
