/// `a:b:c` inside a subscript. Hosts read `start`, `stop` and `step` (nil when omitted).
public final class SliceObject: ScriptObject {
    public let start: Value?
    public let stop: Value?
    public let step: Value?

    public init(start: Value?, stop: Value?, step: Value?) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var typeName: String { "slice" }

    public func repr() -> String {
        func r(_ v: Value?) -> String {
            switch v {
            case .int(let i)?: return String(i)
            case nil, .none?: return "None"
            default: return "..."
            }
        }
        return "slice(\(r(start)), \(r(stop)), \(r(step)))"
    }

    static func intValue(_ v: Value?) throws -> Int? {
        switch v {
        case nil, .none?: return nil
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        case .object(let o)?:
            if let d = try o.toFloat(), let exact = Int(exactly: d) { return exact }
        default: break
        }
        throw ScriptError.type("slice indices must be integers or None")
    }

    /// The indices this slice selects from a sequence of `count` items, with Python's rules.
    public func indices(count: Int) throws -> [Int] {
        let step = try SliceObject.intValue(self.step) ?? 1
        guard step != 0 else { throw ScriptError.value("slice step cannot be zero") }
        func bound(_ v: Value?, _ dflt: Int) throws -> Int {
            guard var i = try SliceObject.intValue(v) else { return dflt }
            if i < 0 { i += count }
            return step > 0 ? min(max(i, 0), count) : min(max(i, -1), count - 1)
        }
        let start = try bound(self.start, step > 0 ? 0 : count - 1)
        let stop = try bound(self.stop, step > 0 ? count : -1)
        return Array(Swift.stride(from: start, to: stop, by: step))
    }
}
