import Foundation
import Script
import Tensor

/// The `numpy` module: array creation, element-wise math, reductions, `linalg` and `random`.
enum NumpyModule {
    static func make(session: LessonSession) -> ModuleObject {
        var members: [(String, Value)] = creationFunctions() + [
            ("float32", .object(DTypeConstructor(.float32, name: "float32"))),
            ("float64", .object(DTypeConstructor(.float64, name: "float64"))),
            ("int64", .object(DTypeConstructor(.int64, name: "int64"))),
            ("int32", .object(DTypeConstructor(.int64, name: "int32"))),
            ("bool_", .object(DTypeConstructor(.bool, name: "bool_"))),
            ("pi", .float(Double.pi)),
            ("e", .float(M_E)),
            ("inf", .float(.infinity)),
            ("nan", .float(.nan)),
            ("newaxis", .none),
            ("linalg", .object(NumpyLinalg.make())),
            ("random", .object(NumpyRandom.make(session: session))),
        ]
        members += joiningFunctions()
        members += setFunctions()
        members += elementwiseFunctions()
        members += comparisonAndOrderFunctions()
        members += shapeFunctions()
        members += contractionFunctions()
        members += polynomialFunctions()
        members += axisFunctions()
        members.append(NumpyFiles.loadtxt(session: session))
        members.append(NumpyFiles.load(session: session))
        return module("numpy", members)
    }

    static func creationFunctions() -> [(String, Value)] {
        [
            declared("array", "object, dtype=None, *, !copy=True, !order='K', !subok=False, ndmin=0, !ndmax=0, !like=None") { a in
                let array = try NDArray.from(a["object"], dtype: try a.npDType())
                let ndmin = try a["ndmin"].int("ndmin")
                guard array.ndim < ndmin else { return .object(array) }
                guard ndmin <= 64 else { throw ScriptError.value("ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=64)") }
                return .object(NDArray(shape: [Int](repeating: 1, count: ndmin - array.ndim) + array.shape, storage: array.storage, dtype: array.dtype))
            },
            declared("asarray", "a, dtype=None, !order=None, *, !device=None, !copy=None, !like=None") { a in
                .object(try NDArray.from(a["a"], dtype: try a.npDType()))
            },
            declared("zeros", "shape, dtype=None, !order='C', *, !device=None, !like=None") { a in try filled(a, 0) },
            declared("ones", "shape, dtype=None, !order='C', *, !device=None, !like=None") { a in try filled(a, 1) },
            declared("full", "shape, fill_value, dtype=None, !order='C', *, !device=None, !like=None") { a in
                let fill = a["fill_value"]
                return try filled(a, try fill.double("fill_value"), dtype: isInt(fill) ? .int64 : .float64)
            },
            declared("arange", "start_or_stop, /, stop=None, step=1, *, dtype=None, !device=None, !like=None") { a in try arange(a) },
            declared("meshgrid", "*xi, !copy=True, !sparse=False, indexing='xy'") { a in try meshgrid(a) },
            declared("linspace", "start, stop, num=50, endpoint=True, retstep=False, dtype=None, !axis=0, *, !device=None") { a in
                let start = try a["start"].double("start"), stop = try a["stop"].double("stop")
                let n = try a["num"].int("num")
                let endpoint = try a["endpoint"].bool("endpoint")
                guard n >= 0 else { throw ScriptError.value("Number of samples, \(n), must be non-negative.") }
                try Limits.check(elements: n, times: 1)
                let div = Double(endpoint ? max(n - 1, 1) : max(n, 1))
                let step = (stop - start) / div
                var out = (0..<n).map { start + Double($0) * step }
                if endpoint, n > 1 { out[n - 1] = stop }
                var samples = NDArray(shape: [n], storage: out)
                if let type = try a.npDType() {
                    // An integer dtype floors first, as NumPy does.
                    samples = (type.isFloat ? samples : samples.mapFloat { $0.rounded(.down) }).astype(type)
                }
                guard try a["retstep"].bool("retstep") else { return .object(samples) }
                let divisions = endpoint ? n - 1 : n
                return .tuple([.object(samples), .float(divisions > 0 ? (stop - start) / Double(divisions) : .nan)])
            },
            declared("eye", "N, M=None, k=0, dtype=<no value>, !order='C', *, !device=None, !like=None") { a in
                let n = try a["N"].int("N"), m = try a.optional("M").map { try $0.int("M") } ?? n
                let k = try a["k"].int("k")
                guard n >= 0, m >= 0 else { throw ScriptError.value("negative dimensions are not allowed") }
                try Limits.check(elements: n, times: m)
                var out = [Double](repeating: 0, count: n * m)
                for i in 0..<n where i + k >= 0 && i + k < m { out[i * m + i + k] = 1 }
                return .object(NDArray(shape: [n, m], storage: out, dtype: try a.npDType() ?? .float64))
            },
        ]
    }

    /// `meshgrid(x, y)`: X repeats x along the rows, Y repeats y along the columns ('xy'
    /// indexing; 'ij' swaps the roles).
    static func meshgrid(_ a: BoundArguments) throws -> Value {
        let indexing = try a["indexing"].string("indexing")
        guard indexing == "xy" || indexing == "ij" else { throw ScriptError.value("Valid values for `indexing` are 'xy' and 'ij'.") }
        guard a.extraPositional.count == 2 else {
            throw ScriptError.notImplemented("meshgrid: \(a.extraPositional.count) arrays are not supported yet; give two")
        }
        let xa = try NDArray.coerce(a.extraPositional[0]), ya = try NDArray.coerce(a.extraPositional[1])
        let x = xa.storage, y = ya.storage
        let ij = indexing == "ij"
        try Limits.check(elements: x.count, times: y.count)
        let rows = ij ? x.count : y.count, cols = ij ? y.count : x.count
        var xx = [Double](repeating: 0, count: rows * cols), yy = xx
        for r in 0..<rows {
            for c in 0..<cols {
                xx[r * cols + c] = ij ? x[r] : x[c]
                yy[r * cols + c] = ij ? y[c] : y[r]
            }
        }
        // NumPy 2 returns a tuple (1.x a list); unpacking reads both the same.
        return .tuple([.object(NDArray(shape: [rows, cols], storage: xx, dtype: xa.dtype)),
                       .object(NDArray(shape: [rows, cols], storage: yy, dtype: ya.dtype))])
    }

    static func isInt(_ v: Value?) -> Bool { if case .int = v { return true } else { return false } }

    static func shapeArgument(_ v: Value) throws -> [Int] {
        let shape: [Int]
        switch v {
        case .int(let n): shape = [n]
        default: shape = try v.sequence("shape").map { try $0.int("shape") }
        }
        try checkedCount(shape)
        return shape
    }

    /// The element count of a shape, refusing negative dimensions and sizes over the memory limit.
    @discardableResult
    static func checkedCount(_ shape: [Int]) throws -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw ScriptError.value("negative dimensions are not allowed") }
        var total = 1
        for d in shape {
            let (t, overflow) = total.multipliedReportingOverflow(by: d)
            if overflow { try Limits.check(elements: Int.max, times: 1) }
            total = t
        }
        try Limits.check(elements: total, times: 1)
        return total
    }

    /// `zeros`, `ones`, `full`: `shape` filled with `value`, in `dtype` or `fallback`.
    static func filled(_ a: BoundArguments, _ value: Double, dtype fallback: NDArray.DType = .float64) throws -> Value {
        let shape = try shapeArgument(a["shape"])
        return .object(NDArray(shape: shape, storage: [Double](repeating: value, count: shape.reduce(1, *)),
                               dtype: try a.npDType() ?? fallback))
    }

    static func arange(_ s: BoundArguments) throws -> Value {
        var start = s["start_or_stop"], stop = s.optional("stop")
        let step = s.optional("step") ?? .int(1)
        if stop == nil { stop = start; start = .int(0) }
        let allInt = [start, stop ?? .int(0), step].allSatisfy { if case .int = $0 { return true } else { return false } }
        let a = try start.double("start"), b = try (stop ?? .int(0)).double("stop"), d = try step.double("step")
        guard d != 0 else { throw ScriptError(kind: "ZeroDivisionError", message: "division by zero") }
        let steps = ((b - a) / d).rounded(.up)
        guard steps.isFinite else { throw ScriptError.value("arange: the bounds and step must be finite") }
        try Limits.check(elements: steps > 1e12 ? Int.max : Int(Swift.max(steps, 0)), times: 1)
        let n = steps > 0 ? Int(steps) : 0
        let dtype = try s.npDType() ?? (allInt ? .int64 : .float64)
        return .object(NDArray(shape: [n], storage: (0..<n).map { a + Double($0) * d }, dtype: dtype))
    }

    static func concatenate(_ arrays: [NDArray], axis: Int) throws -> NDArray {
        guard let first = arrays.first else { throw ScriptError.value("need at least one array to concatenate") }
        let ax = axis < 0 ? axis + first.ndim : axis
        guard ax >= 0, ax < first.ndim else { throw ScriptError(kind: "AxisError", message: "axis \(axis) is out of bounds for array of dimension \(first.ndim)") }
        for a in arrays where a.ndim != first.ndim || (0..<a.ndim).contains(where: { $0 != ax && a.shape[$0] != first.shape[$0] }) {
            throw ScriptError.value("all the input array dimensions except for the concatenation axis must match exactly")
        }
        let outer = first.shape[..<ax].reduce(1, *)
        var out: [Double] = []
        for o in 0..<outer {
            for a in arrays {
                let chunk = a.shape[ax...].reduce(1, *)
                out += a.storage[(o * chunk)..<((o + 1) * chunk)]
            }
        }
        var shape = first.shape
        shape[ax] = arrays.reduce(0) { $0 + $1.shape[ax] }
        let dtype = arrays.dropFirst().reduce(first.dtype) { NDArray.DType.promote($0, $1.dtype) }
        return NDArray(shape: shape, storage: out, dtype: dtype)
    }
}
