import Engine
import Script

/// A lesson's argument as the engine's `KerasConfiguration` holds it.
enum ConfigValues {
    /// Literals as they are; tuples and lists as lists; a NumPy scalar as its number.
    static func literal(_ v: Value, argument: String, owner: String) throws -> ConfigValue {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .tuple(let items): return .list(try items.map { try literal($0, argument: argument, owner: owner) })
        case .list(let l): return .list(try l.items.map { try literal($0, argument: argument, owner: owner) })
        default:
            if let d = try? v.double(argument) { return .double(d) }
            throw ScriptError.type("\(owner): \(argument) cannot be \(v.shortDescription)")
        }
    }
}
