/// The common case of arithmetic and comparison on two ints, inline, without the general
/// dispatch. Anything unusual (overflow, a zero divisor, a power, a shift) returns nil and
/// goes through `binary`, which owns the exact semantics and the error messages.
extension Interpreter {
    @inline(__always)
    func intBinary(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Value? {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            return o ? nil : .int(r)
        case .subtract:
            let (r, o) = a.subtractingReportingOverflow(b)
            return o ? nil : .int(r)
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? nil : .int(r)
        case .modulo:
            guard b > 0 else { return nil }
            let m = a % b
            return .int(m < 0 ? m + b : m)
        case .floorDivide:
            guard b > 0 else { return nil }
            let q = a / b
            return .int(q * b > a ? q - 1 : q)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .divide, .power, .matmul, .leftShift, .rightShift: return nil
        }
    }

    /// `a op b` for the ordering and equality operators on two ints.
    @inline(__always)
    func intCompare(_ op: CompareOp, _ a: Int, _ b: Int) -> Bool? {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        case .isOp, .isNot, .inOp, .notIn: return nil
        }
    }
}
