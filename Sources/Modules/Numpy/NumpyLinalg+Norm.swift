import Foundation
import Script
import Tensor

/// `np.linalg.norm(x, ord=None, axis=None, keepdims=False)` with NumPy's vector orders
/// (None/2, inf, -inf, 0, 1, any p) and matrix orders (None/'fro', 'nuc', 1, -1, 2, -2, inf, -inf).
extension NumpyLinalg {
    enum Order: Equatable {
        case none, frobenius, nuclear, number(Double)

        init(_ v: Value?) throws {
            guard let v, !v.isNone else { self = .none; return }
            if case .string(let s) = v {
                switch s {
                case "fro", "f": self = .frobenius
                case "nuc": self = .nuclear
                default: self = .number(.nan)  // rejected below with NumPy's message
                }
                return
            }
            self = .number(try v.double("ord"))
        }
    }

    static func norm(_ s: BoundArguments) throws -> Value {
        let a = try s.ndarray("x")
        let x = a.dtype.isFloat ? a : a.astype(.float64)
        let ordValue = s.optional("ord")
        let ord = try Order(ordValue)
        let keepdims = try s["keepdims"].bool("keepdims")
        var axes: [Int]
        if let v = s.optional("axis") {
            if case .int = v { axes = [try v.int("axis")] } else { axes = try v.sequence("axis").map { try $0.int("axis") } }
            axes = try axes.map { ax in
                let n = ax < 0 ? ax + x.ndim : ax
                guard n >= 0, n < x.ndim else { throw ScriptError(kind: "AxisError", message: "axis \(ax) is out of bounds for array of dimension \(x.ndim)") }
                return n
            }
        } else {
            // No axis: the 2-norm of the flattened array through BLAS' dot, as NumPy computes it.
            if ord == .none || (ord == .frobenius && x.ndim == 2) || (ord == .number(2) && x.ndim == 1) {
                let value: Double
                if x.dtype == .float32 {
                    let single = x.storage.map { Float($0) }
                    value = Double(BLAS.sdot(single, single).squareRoot())
                } else {
                    value = BLAS.ddot(x.storage, x.storage).squareRoot()
                }
                let r = NDArray(scalar: value, dtype: x.dtype)
                return keepdims ? .object(NDArray(shape: x.shape.map { _ in 1 }, storage: r.storage, dtype: r.dtype)) : r.scalarValue(r.storage[0])
            }
            axes = Array(0..<x.ndim)
        }
        let result: NDArray
        switch axes.count {
        case 1: result = try vectorNorm(x, ord, ordValue, axis: axes[0])
        case 2: result = try matrixNorm(x, ord, rowAxis: axes[0], columnAxis: axes[1])
        default: throw ScriptError.value("Improper number of dimensions to norm.")
        }
        if keepdims {
            var shape = x.shape
            for ax in axes { shape[ax] = 1 }
            return .object(NDArray(shape: shape, storage: result.storage, dtype: result.dtype))
        }
        return result.shape.isEmpty ? result.scalarValue(result.storage[0]) : .object(result)
    }

    private static func vectorNorm(_ x: NDArray, _ ord: Order, _ ordValue: Value?, axis: Int) throws -> NDArray {
        func reduced(_ values: [Double], _ r: NDArray.Reduction) throws -> NDArray {
            try NDArray.coerce(try NDArray(shape: x.shape, storage: values, dtype: x.dtype).reduce(r, axis: axis))
        }
        let magnitudes = x.storage.map { Swift.abs($0) }
        switch ord {
        case .none, .number(2):
            return try reduced(x.storage.map { $0 * $0 }, .sum).mapFloat { $0.squareRoot() }
        case .number(.infinity): return try reduced(magnitudes, .max)
        case .number(-.infinity): return try reduced(magnitudes, .min)
        case .number(0): return try reduced(x.storage.map { $0 != 0 ? 1 : 0 }, .sum)
        case .number(1): return try reduced(magnitudes, .sum)
        case .number(let p) where !p.isNaN:
            return try reduced(magnitudes.map { pow($0, p) }, .sum).mapFloat { pow($0, 1 / p) }
        default:
            throw ScriptError.value("Invalid norm order '\(ordValue.map { (try? $0.string("ord")) ?? "" } ?? "")' for vectors")
        }
    }

    private static func matrixNorm(_ x: NDArray, _ ord: Order, rowAxis: Int, columnAxis: Int) throws -> NDArray {
        guard rowAxis != columnAxis else { throw ScriptError.value("Duplicate axes given.") }
        let rows = x.shape[rowAxis], columns = x.shape[columnAxis]
        let outerAxes = (0..<x.ndim).filter { $0 != rowAxis && $0 != columnAxis }
        let outerShape = outerAxes.map { x.shape[$0] }
        let outerCount = try NumpyModule.checkedCount(outerShape)
        try Limits.check(elements: rows, times: columns)
        let strides = x.strides
        var out = [Double](repeating: 0, count: outerCount)
        var matrix = [Double](repeating: 0, count: rows * columns)
        var index = [Int](repeating: 0, count: outerAxes.count)
        for o in 0..<outerCount {
            // The C-order position `o` among the remaining axes, then the matrix at that position.
            var rest = o
            for d in stride(from: outerAxes.count - 1, through: 0, by: -1) {
                index[d] = rest % outerShape[d]
                rest /= outerShape[d]
            }
            let base = zip(outerAxes, index).reduce(0) { $0 + strides[$1.0] * $1.1 }
            for i in 0..<rows {
                for j in 0..<columns { matrix[i * columns + j] = x.storage[base + i * strides[rowAxis] + j * strides[columnAxis]] }
            }
            out[o] = try matrixNorm(matrix, rows: rows, columns: columns, ord)
        }
        return NDArray(shape: outerShape, storage: out, dtype: x.dtype)
    }

    private static func matrixNorm(_ m: [Double], rows: Int, columns: Int, _ ord: Order) throws -> Double {
        func lineSums(alongRows: Bool) -> [Double] {
            (0..<(alongRows ? columns : rows)).map { line in
                (0..<(alongRows ? rows : columns)).reduce(0.0) { acc, k in
                    acc + Swift.abs(alongRows ? m[k * columns + line] : m[line * columns + k])
                }
            }
        }
        func singularValues() throws -> [Double] {
            try lapack { try LAPACK.svd(m, rows: rows, columns: columns, full: false, vectors: false).s }
        }
        func extreme(_ values: [Double], _ largest: Bool) throws -> Double {
            guard let first = values.first else {
                throw ScriptError.value("zero-size array to reduction operation \(largest ? "maximum" : "minimum") which has no identity")
            }
            return values.dropFirst().reduce(first) { largest ? Swift.max($0, $1) : Swift.min($0, $1) }
        }
        switch ord {
        case .none, .frobenius: return m.reduce(0) { $0 + $1 * $1 }.squareRoot()
        case .nuclear: return try singularValues().reduce(0, +)
        case .number(2): return try extreme(try singularValues(), true)
        case .number(-2): return try extreme(try singularValues(), false)
        case .number(1): return try extreme(lineSums(alongRows: true), true)
        case .number(-1): return try extreme(lineSums(alongRows: true), false)
        case .number(.infinity): return try extreme(lineSums(alongRows: false), true)
        case .number(-.infinity): return try extreme(lineSums(alongRows: false), false)
        case .number: throw ScriptError.value("Invalid norm order for matrices.")
        }
    }
}
