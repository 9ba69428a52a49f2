import Script

/// Reading host arguments from language values, with Keras-style messages on a mismatch.
extension Value {
    var isNone: Bool { if case .none = self { return true } else { return false } }

    func double(_ what: String) throws -> Double {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let d = try o.toFloat() { return d }
        default: break
        }
        throw ScriptError.type("\(what) expects a number. Received: \(what)=\(shortDescription)")
    }

    func int(_ what: String) throws -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        case .object(let o as NDArray) where o.count == 1 && o.dtype != .float64 && o.dtype != .float32:
            return NDArray.int(o.storage[0])
        default:
            throw ScriptError.type("\(what) expects an integer. Received: \(what)=\(shortDescription)")
        }
    }

    func string(_ what: String) throws -> String {
        if case .string(let s) = self { return s }
        throw ScriptError.type("\(what) expects a string. Received: \(what)=\(shortDescription)")
    }

    func bool(_ what: String) throws -> Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw ScriptError.type("\(what) expects True or False. Received: \(what)=\(shortDescription)")
        }
    }

    /// Elements of a list or tuple (or any iterable host object).
    func sequence(_ what: String) throws -> [Value] {
        switch self {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .object(let o):
            if let items = try o.iterate() { return items }
        default: break
        }
        throw ScriptError.type("\(what) expects a list or tuple. Received: \(what)=\(shortDescription)")
    }

    /// A compact rendering for error messages.
    var shortDescription: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .string(let s): return "'\(s)'"
        case .list: return "<list>"
        case .tuple: return "<tuple>"
        case .dict: return "<dict>"
        case .object(let o): return "<\(o.typeName)>"
        }
    }
}

func module(_ name: String, _ members: [(String, Value)]) -> ModuleObject {
    ModuleObject(name, members: Dictionary(members, uniquingKeysWith: { _, b in b }))
}
