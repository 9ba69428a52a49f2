import Foundation
import Script

/// Element-wise arithmetic and comparisons with NumPy's broadcasting and dtype rules.
extension NDArray {
    static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)]
            let y = i < n - b.count ? 1 : b[i - (n - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw ScriptError.value("operands could not be broadcast together with shapes \(shapeText(a)) \(shapeText(b))")
            }
            out[i] = x == 1 ? y : x  // a length-1 axis stretches, to 0 as well
        }
        return out
    }

    /// This array's values repeated to fill `target` (which it must broadcast to).
    func broadcast(to target: [Int]) throws -> [Double] {
        if shape == target { return storage }
        let total = try Limits.elements(target)
        if count == 1 { return [Double](repeating: storage[0], count: total) }
        let full = try NDArray.broadcastShape(shape, target)
        guard full == target else {
            throw ScriptError.value("could not broadcast input array from shape \(NDArray.shapeText(shape)) into shape \(NDArray.shapeText(target))")
        }
        let offset = target.count - shape.count
        let st = strides
        var out = [Double](repeating: 0, count: total)
        var idx = [Int](repeating: 0, count: target.count)
        for flat in 0..<total {
            var src = 0
            for d in 0..<shape.count where shape[d] != 1 { src += idx[d + offset] * st[d] }
            out[flat] = storage[src]
            var d = target.count - 1
            while d >= 0 {
                idx[d] += 1
                if idx[d] < target[d] { break }
                idx[d] = 0
                d -= 1
            }
        }
        return out
    }

    /// dtype of a Python scalar operand: it does not upcast a float32 array (NumPy's value-based rule).
    static func operandDType(_ v: Value, other: DType) -> DType? {
        switch v {
        case .int, .bool: return other == .bool ? .int64 : other
        case .float: return other.isFloat ? other : .float64
        default: return nil
        }
    }

    static func isSequence(_ v: Value) -> Bool {
        switch v {
        case .list, .tuple: return true
        default: return false
        }
    }

    static func elementwise(_ lhs: Value, _ rhs: Value, _ op: BinaryOperator) throws -> Value? {
        let a: NDArray, b: NDArray
        var dtype: DType
        switch (lhs, rhs) {
        case (.object(let x as NDArray), .object(let y as NDArray)):
            a = x; b = y; dtype = DType.promote(x.dtype, y.dtype)
        case (.object(let x as NDArray), _):
            if let t = operandDType(rhs, other: x.dtype) {
                a = x; b = try from(rhs); dtype = t
            } else if isSequence(rhs) {
                return try elementwise(lhs, .object(try from(rhs)), op)
            } else { return nil }
        case (_, .object(let y as NDArray)):
            if let t = operandDType(lhs, other: y.dtype) {
                a = try from(lhs); b = y; dtype = t
            } else if isSequence(lhs) {
                return try elementwise(.object(try from(lhs)), rhs, op)
            } else { return nil }
        default: return nil
        }
        if op == .matmul {
            let r = try matmul(a, b)
            return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
        }
        let shape = try broadcastShape(a.shape, b.shape)
        let x = try a.broadcast(to: shape), y = try b.broadcast(to: shape)
        var out = [Double](repeating: 0, count: x.count)
        let f32 = dtype == .float32
        @inline(__always) func r(_ v: Double) -> Double { f32 ? Double(Float(v)) : v }
        switch op {
        case .add: for i in out.indices { out[i] = r(x[i] + y[i]) }
            if dtype == .bool { dtype = .bool; out = out.map { $0 != 0 ? 1 : 0 } }
        case .subtract:
            if dtype == .bool { throw ScriptError.type("numpy boolean subtract, the `-` operator, is not supported") }
            for i in out.indices { out[i] = r(x[i] - y[i]) }
        case .multiply: for i in out.indices { out[i] = r(x[i] * y[i]) }
        case .divide:
            if !dtype.isFloat { dtype = .float64 }
            for i in out.indices { out[i] = r(x[i] / y[i]) }
        case .floorDivide:
            for i in out.indices { out[i] = r((x[i] / y[i]).rounded(.down)) }
            if !dtype.isFloat { for i in out.indices where !out[i].isFinite { out[i] = 0 } }
        case .modulo:
            for i in out.indices {
                let m = x[i] - y[i] * (x[i] / y[i]).rounded(.down)
                out[i] = r(y[i] == 0 ? (dtype.isFloat ? .nan : 0) : m)
            }
        case .power:
            if dtype == .bool { dtype = .int64 }
            for i in out.indices { out[i] = r(Foundation.pow(x[i], y[i])) }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            for i in out.indices {
                let c: Bool
                switch op {
                case .equal: c = x[i] == y[i]
                case .notEqual: c = x[i] != y[i]
                case .less: c = x[i] < y[i]
                case .lessEqual: c = x[i] <= y[i]
                case .greater: c = x[i] > y[i]
                default: c = x[i] >= y[i]
                }
                out[i] = c ? 1 : 0
            }
            dtype = .bool
        case .bitAnd, .bitOr, .bitXor:
            guard !dtype.isFloat else { throw ScriptError.type("ufunc 'bitwise' not supported for the input types") }
            for i in out.indices {
                let p = NDArray.int(x[i]), q = NDArray.int(y[i])
                out[i] = Double(op == .bitAnd ? p & q : op == .bitOr ? p | q : p ^ q)
            }
        case .matmul:
            return .object(try matmul(a, b))
        case .leftShift, .rightShift:
            return nil
        }
        let result = NDArray(shape: shape, storage: out, dtype: dtype)
        return shape.isEmpty ? result.scalarValue(out[0]) : .object(result)
    }

    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        reflected ? try NDArray.elementwise(other, .object(self), op) : try NDArray.elementwise(.object(self), other, op)
    }

    public func unary(_ op: UnaryOperator) throws -> Value? {
        switch op {
        case .negate: return .object(NDArray(shape: shape, storage: storage.map { -$0 }, dtype: dtype == .bool ? .int64 : dtype))
        case .plus: return .object(copy())
        case .invert:
            guard dtype == .bool || dtype == .int64 else { throw ScriptError.type("ufunc 'invert' not supported for the input types") }
            return .object(NDArray(shape: shape, storage: storage.map { dtype == .bool ? ($0 != 0 ? 0 : 1) : Double(~NDArray.int($0)) }, dtype: dtype))
        }
    }

    /// Matrix product (`@`, `np.dot`) for 1-D and 2-D operands, through the engine's BLAS in float64 math.
    static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        let a2 = a.ndim == 1 ? try a.reshaped([1, a.count]) : a
        let b2 = b.ndim == 1 ? try b.reshaped([b.count, 1]) : b
        guard a2.ndim == 2, b2.ndim == 2 else { throw ScriptError.notImplemented("matmul supports 1-D and 2-D arrays") }
        let m = a2.shape[0], k = a2.shape[1], n = b2.shape[1]
        guard b2.shape[0] == k else {
            throw ScriptError.value("matmul: Input operand 1 has a mismatch in its core dimension 0 (size \(b2.shape[0]) is different from \(k))")
        }
        try Limits.check(elements: m, times: n)
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            try Limits.checkDeadline()
            for p in 0..<k {
                let av = a2.storage[i * k + p]
                if av == 0 { continue }
                for j in 0..<n { out[i * n + j] += av * b2.storage[p * n + j] }
            }
        }
        var shape = [m, n]
        if a.ndim == 1 && b.ndim == 1 { shape = [] } else if a.ndim == 1 { shape = [n] } else if b.ndim == 1 { shape = [m] }
        return NDArray(shape: shape, storage: out, dtype: DType.promote(a.dtype, b.dtype) == .bool ? .int64 : DType.promote(a.dtype, b.dtype))
    }

    /// Applies `f` to every element, producing a float array (float32 stays float32).
    func mapFloat(_ f: (Double) -> Double) -> NDArray {
        NDArray(shape: shape, storage: storage.map(f), dtype: dtype == .float32 ? .float32 : .float64)
    }
}
