import Script
import Tensor

/// NumPy's ndarray as the lessons see it: float64 by default, with int, bool and float32 dtypes.
/// Values are stored as Doubles in row-major order; float32 arrays hold values rounded to Float.
public final class NDArray: ScriptObject {
    public enum DType: String, Sendable {
        case float64, float32, int64, bool

        var isFloat: Bool { self == .float64 || self == .float32 }

        /// NumPy's promotion for the dtypes we have.
        static func promote(_ a: DType, _ b: DType) -> DType {
            if a == b { return a }
            if a == .float64 || b == .float64 { return .float64 }
            if a == .float32 || b == .float32 {
                // int64 with float32 promotes to float64 in NumPy.
                return (a == .int64 || b == .int64) ? .float64 : .float32
            }
            if a == .int64 || b == .int64 { return .int64 }
            return .bool
        }
    }

    public var shape: [Int]
    public var storage: [Double]
    public var dtype: DType
    /// Shown as TensorFlow shows an eager tensor (what a constraint or layer returns on the slides).
    public var showsAsTensor = false

    public init(shape: [Int], storage: [Double], dtype: DType = .float64) {
        self.shape = shape
        self.dtype = dtype
        self.storage = dtype == .float32 ? storage.map { Double(Float($0)) } : storage
    }

    public convenience init(scalar: Double, dtype: DType = .float64) {
        self.init(shape: [], storage: [scalar], dtype: dtype)
    }

    public var count: Int { storage.count }

    /// An element as an Int: truncated, non-finite as 0, clamped to Int's range (never a trap).
    static func int(_ d: Double) -> Int {
        guard d.isFinite else { return 0 }
        if d >= 9.223372036854775e18 { return Int.max }
        if d <= -9.223372036854775e18 { return Int.min }
        return Int(d)
    }
    public var ndim: Int { shape.count }

    /// Row-major strides in elements.
    var strides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc *= shape[i]
        }
        return s
    }

    /// The engine's float32 tensor with the same shape and values.
    public func tensor() -> Tensor {
        Tensor(shape: shape.isEmpty ? [1] : shape, data: storage.map { Float($0) })
    }

    public convenience init(tensor: Tensor, dtype: DType = .float32) {
        self.init(shape: tensor.shape, storage: tensor.data.map { Double($0) }, dtype: dtype)
    }

    /// A language value for element `i` of the flat storage: a NumPy scalar.
    func scalarValue(_ v: Double) -> Value {
        .object(NDArray(scalar: v, dtype: dtype))
    }

    public var typeName: String { shape.isEmpty ? dtype.rawValue : "ndarray" }

    public func copy() -> NDArray { NDArray(shape: shape, storage: storage, dtype: dtype) }

    public func reshaped(_ newShape: [Int]) throws -> NDArray {
        var dims = newShape
        let unknown = dims.indices.filter { dims[$0] == -1 }
        if unknown.count > 1 { throw ScriptError.value("can only specify one unknown dimension") }
        for d in dims where d < -1 { throw ScriptError.value("negative dimensions not allowed") }
        let known = try NumpyModule.checkedCount(dims.filter { $0 != -1 })
        if let u = unknown.first {
            guard known > 0, count % known == 0 else {
                throw ScriptError.value("cannot reshape array of size \(count) into shape \(NDArray.shapeText(newShape))")
            }
            dims[u] = count / known
        }
        guard dims.reduce(1, *) == count, dims.allSatisfy({ $0 >= 0 }) else {
            throw ScriptError.value("cannot reshape array of size \(count) into shape \(NDArray.shapeText(newShape))")
        }
        return NDArray(shape: dims, storage: storage, dtype: dtype)
    }

    /// The array with its axes reversed (`a.T`), or permuted as `axes` says (`a.transpose(0, 2, 1)`).
    public func transposed(axes given: [Int]? = nil) throws -> NDArray {
        let axes = try given.map { try Self.permutation($0, ndim: ndim) } ?? Array((0..<ndim).reversed())
        guard ndim >= 2 else { return copy() }
        let newShape = axes.map { shape[$0] }
        var out = [Double](repeating: 0, count: count)
        let oldStrides = strides
        let sourceStrides = axes.map { oldStrides[$0] }
        var idx = [Int](repeating: 0, count: ndim)
        for flat in 0..<count {
            var src = 0
            for d in 0..<ndim { src += idx[d] * sourceStrides[d] }
            out[flat] = storage[src]
            var d = ndim - 1
            while d >= 0 {
                idx[d] += 1
                if idx[d] < newShape[d] { break }
                idx[d] = 0
                d -= 1
            }
        }
        return NDArray(shape: newShape, storage: out, dtype: dtype)
    }

    /// `axes` as a permutation of 0..<ndim (negative axes count from the end), or NumPy's error.
    static func permutation(_ axes: [Int], ndim: Int) throws -> [Int] {
        guard axes.count == ndim else { throw ScriptError.value("axes don't match array") }
        let normal = try axes.map { a -> Int in
            let n = a < 0 ? a + ndim : a
            guard n >= 0, n < ndim else { throw ScriptError(kind: "AxisError", message: "axis \(a) is out of bounds for array of dimension \(ndim)") }
            return n
        }
        guard Set(normal).count == ndim else { throw ScriptError.value("repeated axis in transpose") }
        return normal
    }

    public func astype(_ t: DType) -> NDArray {
        switch t {
        case .int64: return NDArray(shape: shape, storage: storage.map { $0.isFinite ? $0.rounded(.towardZero) : 0 }, dtype: t)
        case .bool: return NDArray(shape: shape, storage: storage.map { $0 != 0 ? 1 : 0 }, dtype: t)
        case .float32, .float64: return NDArray(shape: shape, storage: storage, dtype: t)
        }
    }

    static func shapeText(_ s: [Int]) -> String {
        s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")"
    }

    /// Builds an array from nested lists, tuples, numbers and arrays.
    static func from(_ v: Value, dtype: DType? = nil) throws -> NDArray {
        if case .object(let a as NDArray) = v {
            return dtype.map { a.astype($0) } ?? a.copy()
        }
        var shape: [Int] = []
        var flat: [Double] = []
        var kind = DType.bool
        func walk(_ v: Value, depth: Int) throws {
            switch v {
            case .list, .tuple:
                let items = try v.sequence("array")
                if depth == shape.count { shape.append(items.count) }
                else if shape[depth] != items.count {
                    throw ScriptError.value("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions.")
                }
                for item in items { try walk(item, depth: depth + 1) }
            case .object(let o) where !(o is NDArray):
                // range(...) and other iterables become a dimension, as np.array(range(5)) does.
                guard let items = try o.iterate() else {
                    throw ScriptError.type("array expects numbers or nested lists of numbers. Received: \(v.shortDescription)")
                }
                if depth == shape.count { shape.append(items.count) }
                else if shape[depth] != items.count {
                    throw ScriptError.value("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions.")
                }
                for item in items { try walk(item, depth: depth + 1) }
            case .object(let a as NDArray):
                if depth == shape.count { shape += a.shape }
                flat += a.storage
                kind = DType.promote(kind, a.dtype)
            case .bool(let b): flat.append(b ? 1 : 0)
            case .int(let i): flat.append(Double(i)); kind = DType.promote(kind, .int64)
            case .float(let d): flat.append(d); kind = DType.promote(kind, .float64)
            default:
                throw ScriptError.type("array expects numbers or nested lists of numbers. Received: \(v.shortDescription)")
            }
        }
        try walk(v, depth: 0)
        guard shape.reduce(1, *) == flat.count else {
            throw ScriptError.value("setting an array element with a sequence. The requested array has an inhomogeneous shape.")
        }
        return NDArray(shape: shape, storage: flat, dtype: dtype ?? kind)
    }

    /// An array from any value (scalars become 0-d arrays).
    static func coerce(_ v: Value) throws -> NDArray { try from(v) }

    // MARK: ScriptObject

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "shape": return .tuple(shape.map { .int($0) })
        case "ndim": return .int(ndim)
        case "size": return .int(count)
        case "dtype": return .object(DTypeObject(dtype))
        case "T": return .object(try transposed())
        default:
            if showsAsTensor, let m = Self.tensorMethods.bound(name, to: self) { return m }
            return Self.methods.bound(name, to: self)
        }
    }

    public var attributeNames: [String] {
        ["shape", "ndim", "size", "dtype", "T"] + Self.methods.names + (showsAsTensor ? Self.tensorMethods.names : [])
    }

    public func length() throws -> Int? {
        guard let first = shape.first else { throw ScriptError.type("len() of unsized object") }
        return first
    }

    public func iterate() throws -> [Value]? {
        guard let first = shape.first else { throw ScriptError.type("iteration over a 0-d array") }
        return try (0..<first).map { try getItem(.int($0)) ?? .none }
    }

    public func truth() throws -> Bool? {
        guard count == 1 else {
            throw ScriptError.value("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
        return storage[0] != 0
    }

    public func toFloat() throws -> Double? {
        guard count == 1 else { throw ScriptError.type("only size-1 arrays can be converted to Python scalars") }
        return storage[0]
    }

    public var hashKey: HashKey? { shape.isEmpty ? .number(storage[0]) : nil }

    public func repr() -> String {
        guard showsAsTensor else { return NDArrayFormatter.repr(self) }
        return "<tf.Tensor: shape=\(NDArray.shapeText(shape)), dtype=\(dtype.rawValue), numpy=\n\(NDArrayFormatter.repr(self))>"
    }
    public func str() -> String {
        guard showsAsTensor else { return NDArrayFormatter.str(self) }
        // print() of an eager tensor, as TensorFlow writes it.
        // A scalar stays on one line: tf.Tensor(2.0, shape=(), dtype=float32).
        let separator = shape.isEmpty ? "" : "\n"
        return "tf.Tensor(\(separator)\(NDArrayFormatter.str(self)), shape=\(NDArray.shapeText(shape)), dtype=\(dtype.rawValue))"
    }
}

/// `arr.dtype`: prints as NumPy does and compares equal to its name.
final class DTypeObject: ScriptObject {
    let dtype: NDArray.DType
    init(_ d: NDArray.DType) { dtype = d }
    var typeName: String { "dtype" }
    func repr() -> String { "dtype('\(dtype.rawValue)')" }
    func str() -> String { dtype.rawValue }
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        switch other {
        case .string(let s): same = s == dtype.rawValue
        case .object(let o as DTypeObject): same = o.dtype == dtype
        case .object(let o as DTypeConstructor): same = o.dtype == dtype
        default: same = false
        }
        return .bool(op == .equal ? same : !same)
    }
}

/// `np.float32`, `np.int64`, ...: usable as dtype arguments and as converters.
final class DTypeConstructor: ScriptObject {
    let dtype: NDArray.DType
    let name: String
    init(_ d: NDArray.DType, name: String) { dtype = d; self.name = name }
    private lazy var callSignature = Signature(name, "value=0, /")
    var typeName: String { "type" }
    func repr() -> String { "<class 'numpy.\(name)'>" }
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try callSignature.bind(args)
        return .object(try NDArray.from(a["value"], dtype: dtype))
    }
}

extension NDArray.DType {
    /// Reads a dtype argument: a string, `np.float32`, `float`, `int`, `bool`.
    static func parse(_ v: Value) throws -> NDArray.DType {
        switch v {
        case .string(let s):
            switch s {
            case "float64", "float", "f8", "double": return .float64
            case "float32", "f4", "single": return .float32
            case "int64", "int", "int32", "i8", "intp": return .int64
            case "bool": return .bool
            default: throw ScriptError.type("data type '\(s)' not understood")
            }
        case .object(let o as DTypeConstructor): return o.dtype
        case .object(let o as DTypeObject): return o.dtype
        case .object(let o as BuiltinFunction):
            switch o.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: break
            }
        default: break
        }
        throw ScriptError.type("data type \(v.shortDescription) not understood")
    }
}
