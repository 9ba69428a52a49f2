import Foundation
import Script

/// The ndarray methods lessons call: `reshape`, `astype`, `mean`, `tolist`, ...
extension NDArray {
    static let methodNames = ["reshape", "astype", "flatten", "ravel", "copy", "tolist", "item", "transpose", "round", "clip", "sort", "argsort"]
        + Reduction.allCases.map(\.rawValue)

    func method(_ name: String) throws -> Value? {
        if let r = Reduction(rawValue: name) {
            return .object(BuiltinFunction(name) { args, _ in
                let slots = try args.bind(name, ["axis"])
                return try self.reduce(r, axis: slots.value(0).map { try $0.int("axis") })
            })
        }
        let body: ((Arguments, CallContext) throws -> Value)?
        switch name {
        case "reshape":
            body = { args, _ in
                var dims = args.positional
                if dims.count == 1, case .tuple(let t) = dims[0] { dims = t }
                if dims.count == 1, case .list(let l) = dims[0] { dims = l.items }
                return .object(try self.reshaped(try dims.map { try $0.int("shape") }))
            }
        case "astype":
            body = { args, _ in
                guard let t = args.positional.first else { throw ScriptError.type("astype() missing required argument: 'dtype'") }
                return .object(self.astype(try DType.parse(t)))
            }
        case "flatten", "ravel":
            body = { _, _ in .object(NDArray(shape: [self.count], storage: self.storage, dtype: self.dtype)) }
        case "copy":
            body = { _, _ in .object(self.copy()) }
        case "transpose":
            // `a.transpose()`, `a.transpose(1, 0, 2)` or `a.transpose((1, 0, 2))`.
            body = { args, _ in
                let axes: [Int]
                if args.positional.count == 1, let only = args.positional.first, only.isSequenceOfAxes {
                    axes = try only.sequence("axes").map { try $0.int("axes") }
                } else {
                    axes = try args.positional.map { try $0.int("axes") }
                }
                return .object(try self.transposed(axes: axes.isEmpty ? nil : axes))
            }
        case "tolist":
            body = { _, _ in self.toList() }
        case "numpy" where showsAsTensor:
            // A tensor's `.numpy()`: the same values as a NumPy array.
            body = { _, _ in .object(self.copy()) }
        case "round":
            body = { args, _ in
                let s = try args.bind("round", ["decimals"])
                let scale = Foundation.pow(10.0, Double(try s.value(0)?.int("decimals") ?? 0))
                let r = NDArray(shape: self.shape, storage: self.storage.map { ($0 * scale).rounded(.toNearestOrEven) / scale }, dtype: self.dtype)
                return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            }
        case "clip":
            body = { args, _ in
                let s = try args.bind("clip", ["min", "max"])
                let lo = try s.value(0).flatMap { $0.isNone ? nil : try $0.double("min") } ?? -.infinity
                let hi = try s.value(1).flatMap { $0.isNone ? nil : try $0.double("max") } ?? .infinity
                return .object(NDArray(shape: self.shape, storage: self.storage.map { Swift.min(Swift.max($0, lo), hi) }, dtype: self.dtype))
            }
        case "argsort":
            body = { args, _ in
                let s = try args.bind("argsort", ["axis", "kind", "order"])
                return .object(try self.argsorted(axis: NDArray.sortAxis(s, axisSlot: 0)))
            }
        case "sort":
            // In place, like ndarray.sort (axis=None is not allowed there).
            body = { args, _ in
                let s = try args.bind("sort", ["axis", "kind", "order"])
                guard let axis = try NDArray.sortAxis(s, axisSlot: 0) else { throw ScriptError.type("'NoneType' object cannot be interpreted as an integer") }
                self.storage = try self.sorted(axis: axis).storage
                return .none
            }
        case "item":
            body = { _, _ in
                guard self.count == 1 else { throw ScriptError.value("can only convert an array of size 1 to a Python scalar") }
                return self.pythonScalar(self.storage[0])
            }
        default:
            body = nil
        }
        return body.map { .object(BuiltinFunction(name, $0)) }
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
