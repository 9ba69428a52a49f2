import Foundation
import Script

/// The ndarray methods lessons call (`reshape`, `astype`, `mean`, `tolist`, ...), declared once
/// with NumPy 2.4's signatures: `attribute` finds them here and `attributeNames` lists them.
extension NDArray {
    static let methods = MethodTable<NDArray>([
        Method("reshape", "*shape, !order='C', !copy=None") { x, a, _ in
            var dims = a.extraPositional
            if dims.count == 1, case .tuple(let t) = dims[0] { dims = t }
            if dims.count == 1, case .list(let l) = dims[0] { dims = l.items }
            return .object(try x.reshaped(try dims.map { try $0.int("shape") }))
        },
        Method("astype", "dtype, !order='K', !casting='unsafe', !subok=True, copy=True") { x, a, _ in
            let type = try DType.parse(a["dtype"])
            // copy=False may hand back the array itself when nothing changes, as NumPy does.
            if try !a["copy"].bool("copy"), type == x.dtype { return .object(x) }
            return .object(x.astype(type))
        },
        Method("flatten", "!order='C'") { x, _, _ in .object(NDArray(shape: [x.count], storage: x.storage, dtype: x.dtype)) },
        Method("ravel", "!order='C'") { x, _, _ in .object(NDArray(shape: [x.count], storage: x.storage, dtype: x.dtype)) },
        Method("copy", "!order='C'") { x, _, _ in .object(x.copy()) },
        Method("tolist", "") { x, _, _ in x.toList() },
        Method("item", "*args") { x, a, _ in try x.item(a.extraPositional) },
        // `a.transpose()`, `a.transpose(1, 0, 2)` or `a.transpose((1, 0, 2))`.
        Method("transpose", "*axes") { x, a, _ in
            let given = a.extraPositional
            let axes: [Int]
            if given.count == 1, let only = given.first, only.isSequenceOfAxes {
                axes = try only.sequence("axes").map { try $0.int("axes") }
            } else {
                axes = try given.map { try $0.int("axes") }
            }
            return .object(try x.transposed(axes: axes.isEmpty ? nil : axes))
        },
        Method("swapaxes", "axis1, axis2, /") { x, a, _ in
            .object(try x.swappingAxes(try a["axis1"].int("axis1"), try a["axis2"].int("axis2")))
        },
        Method("squeeze", "axis=None") { x, a, _ in .object(try x.squeezed(axis: a.npAxis())) },
        Method("round", "decimals=0, !out=None") { x, a, _ in x.rounded(decimals: try a["decimals"].int("decimals")).asResult },
        Method("clip", "min=None, max=None, !out=None, **kwargs") { x, a, _ in
            try a.refuseExtraKeywords()
            return .object(try x.clipped(a.optional("min"), a.optional("max")))
        },
        Method("cumsum", "axis=None, dtype=None, !out=None") { x, a, _ in
            .object(try (try a.npDType().map { x.astype($0) } ?? x).cumulativeSum(axis: a.npAxis()))
        },
        Method("argsort", "axis=-1, kind=None, order=None, *, stable=None") { x, a, _ in
            .object(try x.argsorted(axis: NDArray.sortAxis(a)))
        },
        // In place, like ndarray.sort (axis=None is not allowed there).
        Method("sort", "axis=-1, kind=None, order=None, *, stable=None") { x, a, _ in
            guard let axis = try NDArray.sortAxis(a) else { throw ScriptError.type("'NoneType' object cannot be interpreted as an integer") }
            x.storage = try x.sorted(axis: axis).storage
            return .none
        },
    ] + Reduction.allCases.map { r in
        Method(r.rawValue, r.declarations.method) { x, a, _ in try x.reduce(r, a) }
    })

    /// A tensor's own method (`t.numpy()`: the same values as a NumPy array), found only on
    /// arrays shown as tensors.
    static let tensorMethods = MethodTable<NDArray>([
        Method("numpy", "") { x, _, _ in .object(x.copy()) },
    ])

    /// `a.item()`, `a.item(flat index)` or `a.item(i, j, ...)`: one element as a Python scalar.
    func item(_ index: [Value]) throws -> Value {
        var flat = 0
        switch index.count {
        case 0:
            guard count == 1 else { throw ScriptError.value("can only convert an array of size 1 to a Python scalar") }
        case 1 where !index[0].isSequenceOfAxes:
            let i = try index[0].int("index")
            guard i >= -count, i < count else { throw ScriptError(kind: "IndexError", message: "index \(i) is out of bounds for size \(count)") }
            flat = i < 0 ? i + count : i
        default:
            let indices = try (index.count == 1 ? index[0].sequence("index") : index).map { try $0.int("index") }
            guard indices.count == ndim else { throw ScriptError.value("incorrect number of indices for array") }
            for (d, i) in indices.enumerated() {
                guard i >= -shape[d], i < shape[d] else {
                    throw ScriptError(kind: "IndexError", message: "index \(i) is out of bounds for axis \(d) with size \(shape[d])")
                }
                flat += (i < 0 ? i + shape[d] : i) * strides[d]
            }
        }
        return pythonScalar(storage[flat])
    }

    func pythonScalar(_ v: Double) -> Value {
        switch dtype {
        case .bool: return .bool(v != 0)
        case .int64: return .int(NDArray.int(v))
        case .float32, .float64: return .float(v)
        }
    }

    func toList() -> Value {
        if shape.isEmpty { return pythonScalar(storage[0]) }
        func build(_ dim: Int, _ offset: Int) -> Value {
            let stride = shape[(dim + 1)...].reduce(1, *)
            if dim == ndim - 1 {
                return .list(ListStorage((0..<shape[dim]).map { pythonScalar(storage[offset + $0]) }))
            }
            return .list(ListStorage((0..<shape[dim]).map { build(dim + 1, offset + $0 * stride) }))
        }
        return build(0, 0)
    }
}

private extension Value {
    /// A tuple or list, as `a.transpose((1, 0))` gives its axes.
    var isSequenceOfAxes: Bool {
        switch self {
        case .tuple, .list: true
        default: false
        }
    }
}
