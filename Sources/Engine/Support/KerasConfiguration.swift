/// One argument a Keras object (a layer, an optimizer) was built with, as Keras' `get_config()`
/// lists it: a literal, a list of them, or one of the engine's weight rules.
public indirect enum ConfigValue: Codable, Equatable, Sendable {
    case none, bool(Bool), int(Int), double(Double), string(String), list([ConfigValue])
    case initializer(Initializer), regularizer(Regularizer), constraint(Constraint)
}

/// What a layer or an optimizer is built from and saved as: its name, the input shape a layer
/// declares (Keras' `input_shape=`), and its own arguments by their Keras keywords. A lesson's
/// call and a saved model both arrive here, so each has one way to be built.
public struct KerasConfiguration: Codable, Equatable, Sendable {
    public var name: String?
    public var inputShape: [Int]?
    public var values: [String: ConfigValue]
    /// The class being built, for messages ("Conv2D").
    public var owner: String

    public init(_ owner: String, name: String? = nil, inputShape: [Int]? = nil, _ values: [String: ConfigValue]) {
        self.owner = owner
        self.name = name
        self.inputShape = inputShape
        self.values = values
    }

    public subscript(_ key: String) -> ConfigValue { values[key] ?? .none }

    private func wrong(_ key: String, _ expected: String) -> EngineError {
        EngineError("\(owner) expects \(expected) for \(key). Received: \(key)=\(Self.describe(self[key]))")
    }

    public func int(_ key: String) throws -> Int {
        guard case .int(let n) = self[key] else { throw wrong(key, "an integer") }
        return n
    }

    public func optionalInt(_ key: String) throws -> Int? {
        if case .none = self[key] { return nil }
        return try int(key)
    }

    public func double(_ key: String) throws -> Double {
        switch self[key] {
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: throw wrong(key, "a number")
        }
    }

    public func bool(_ key: String) throws -> Bool {
        switch self[key] {
        case .bool(let b): return b
        case .int(let n) where n == 0 || n == 1: return n == 1
        default: throw wrong(key, "True or False")
        }
    }

    public func string(_ key: String) throws -> String {
        guard case .string(let s) = self[key] else { throw wrong(key, "a string") }
        return s
    }

    public func optionalString(_ key: String) throws -> String? {
        if case .none = self[key] { return nil }
        return try string(key)
    }

    /// A list of numbers, or one number.
    public func doubles(_ key: String) throws -> [Double] {
        switch self[key] {
        case .int, .double: return [try double(key)]
        case .list(let items):
            return try items.map {
                switch $0 {
                case .int(let n): return Double(n)
                case .double(let d): return d
                default: throw wrong(key, "numbers")
                }
            }
        default: throw wrong(key, "a number or a tuple of numbers")
        }
    }

    /// A tuple of integers, or one integer (`3` or `(3, 5)`); the layer checks how many.
    public func ints(_ key: String) throws -> [Int] {
        switch self[key] {
        case .int(let n): return [n]
        case .list(let items):
            return try items.map { item -> Int in
                guard case .int(let n) = item else { throw wrong(key, "integers") }
                return n
            }
        default: throw wrong(key, "an integer or a tuple of integers")
        }
    }

    public func optionalInts(_ key: String) throws -> [Int]? {
        if case .none = self[key] { return nil }
        return try ints(key)
    }

    /// A weight rule: the engine's value, or Keras' string name for one (`'he_normal'`, `'l2'`).
    private func rule<Rule>(_ key: String, _ expected: String, _ value: (ConfigValue) -> Rule?,
                            named: (String) throws -> Rule) throws -> Rule {
        if let rule = value(self[key]) { return rule }
        guard case .string(let s) = self[key] else { throw wrong(key, expected) }
        return try named(s)
    }

    public func initializer(_ key: String) throws -> Initializer {
        try rule(key, "an initializer", { if case .initializer(let i) = $0 { i } else { nil } }, named: Initializer.named)
    }

    public func regularizer(_ key: String) throws -> Regularizer? {
        if case .none = self[key] { return nil }
        return try rule(key, "a regularizer", { if case .regularizer(let r) = $0 { r } else { nil } }, named: Regularizer.named)
    }

    public func constraint(_ key: String) throws -> Constraint? {
        if case .none = self[key] { return nil }
        return try rule(key, "a constraint", { if case .constraint(let c) = $0 { c } else { nil } }, named: Constraint.named)
    }

    /// Images are stored channels last; `data_format` may only say so.
    public func requireChannelsLast(_ key: String = "data_format") throws {
        guard let format = try optionalString(key) else { return }
        switch format {
        case "channels_last": return
        case "channels_first":
            throw EngineError.notImplemented("\(owner): data_format='channels_first' is not supported; images are stored channels last (height, width, channels)")
        default:
            throw EngineError("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=\(format)")
        }
    }

    /// A value as Python would write it, for messages.
    static func describe(_ v: ConfigValue) -> String {
        switch v {
        case .none: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): "'\(s)'"
        case .list(let items): "(" + items.map(describe).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .initializer: "<initializer>"
        case .regularizer: "<regularizer>"
        case .constraint: "<constraint>"
        }
    }
}

extension ConfigValue {
    public init(_ r: Regularizer?) { self = r.map { .regularizer($0) } ?? .none }
    public init(_ c: Constraint?) { self = c.map { .constraint($0) } ?? .none }
    public init(_ n: Int?) { self = n.map { .int($0) } ?? .none }
    /// A float32 setting as the number it was written as (0.1, not 0.10000000149011612).
    public init(_ f: Float) { self = .double(Double(f.description) ?? Double(f)) }
    public init(ints: [Int]) { self = .list(ints.map { .int($0) }) }
    public init(_ size: GridSize) { self = .list([.int(size.height), .int(size.width)]) }
}
