import Foundation
import Script

/// scikit-learn's StandardScaler and MinMaxScaler: column statistics learned by `fit`, applied by
/// `transform`, undone by `inverse_transform`. Inputs must be 2-D, as scikit-learn requires.
final class Scaler: ScriptObject {
    enum Kind {
        case standard(withMean: Bool, withStd: Bool)
        /// The range, and whether `transform` clips to it (`clip=True`).
        case minMax((Double, Double), clip: Bool)
    }

    let kind: Kind
    /// Per column: x' = (x - offset) / scale.
    private var offset: [Double]?
    private var scale: [Double]?
    private var variance: [Double]?
    private var dataMin: [Double]?, dataMax: [Double]?

    init(kind: Kind) { self.kind = kind }

    var typeName: String {
        if case .standard = kind { return "StandardScaler" }
        return "MinMaxScaler"
    }
    func repr() -> String { typeName + "()" }
    var methods: MethodTable<Scaler> {
        if case .standard = kind { return Self.standardMethods }
        return Self.minMaxMethods
    }
    static let dataAttributes = ["mean_", "scale_", "var_", "data_min_", "data_max_"]
    var attributeNames: [String] { methods.names + Self.dataAttributes }

    static func matrix(_ v: Value) throws -> NDArray {
        let a = try NDArray.coerce(v)
        guard a.ndim == 2 else {
            throw ScriptError.value("Expected 2D array, got \(a.ndim)D array instead. Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.")
        }
        return a
    }

    func fit(_ a: NDArray) {
        let rows = a.shape[0], cols = a.shape[1]
        var off = [Double](repeating: 0, count: cols), sc = [Double](repeating: 1, count: cols), vars = [Double](repeating: 0, count: cols)
        var mins = [Double](repeating: 0, count: cols), maxs = [Double](repeating: 0, count: cols)
        for c in 0..<cols {
            let column = (0..<rows).map { a.storage[$0 * cols + c] }
            let mean = column.reduce(0, +) / Double(max(rows, 1))
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(rows, 1))
            vars[c] = variance
            mins[c] = column.min() ?? 0
            maxs[c] = column.max() ?? 0
            switch kind {
            case .standard(let withMean, let withStd):
                off[c] = withMean ? mean : 0
                let sd = variance.squareRoot()
                sc[c] = withStd ? (sd < 10 * Double.ulpOfOne * max(abs(mean), 1) ? 1 : sd) : 1
            case .minMax(let (lo, hi), _):
                let range = maxs[c] - mins[c]
                let s = (hi - lo) / (range == 0 ? 1 : range)
                // x' = x·s + (lo − min·s), written as (x − offset) / scale.
                sc[c] = 1 / s
                off[c] = mins[c] - lo / s
            }
        }
        offset = off; scale = sc; variance = vars; dataMin = mins; dataMax = maxs
    }

    func transform(_ a: NDArray, inverse: Bool) throws -> NDArray {
        guard let offset, let scale else { throw ScriptError(kind: "NotFittedError", message: "This \(typeName) instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.") }
        let cols = a.shape[1]
        guard cols == offset.count else { throw ScriptError.value("X has \(cols) features, but \(typeName) is expecting \(offset.count) features as input.") }
        var out = a.storage
        for i in out.indices {
            let c = i % cols
            out[i] = inverse ? out[i] * scale[c] + offset[c] : (out[i] - offset[c]) / scale[c]
        }
        if !inverse, case .minMax(let (lo, hi), clip: true) = kind { out = out.map { Swift.min(Swift.max($0, lo), hi) } }
        return NDArray(shape: a.shape, storage: out, dtype: a.dtype == .float32 ? .float32 : .float64)
    }

    /// What both scalers have: `fit`, `transform`, `fit_transform`, `inverse_transform`, with the
    /// signatures each gives them (StandardScaler's `sample_weight` and `copy`).
    static func methods(standard: Bool) -> MethodTable<Scaler> {
        MethodTable<Scaler>([
            Method("fit", standard ? "X, y=None, !sample_weight=None" : "X, y=None") { scaler, a, _ in
                scaler.fit(try matrix(a["X"]))
                return .object(scaler)
            },
            Method("transform", standard ? "X, !copy=None" : "X") { scaler, a, _ in
                .object(try scaler.transform(try matrix(a["X"]), inverse: false))
            },
            Method("fit_transform", "X, y=None, **fit_params") { scaler, a, _ in
                try refuseKeywords(a.extraKeywords, call: "fit_transform")
                let x = try matrix(a["X"])
                scaler.fit(x)
                return .object(try scaler.transform(x, inverse: false))
            },
            Method("inverse_transform", standard ? "X, !copy=None" : "X") { scaler, a, _ in
                .object(try scaler.transform(try matrix(a["X"]), inverse: true))
            },
        ])
    }

    static let standardMethods = methods(standard: true)
    static let minMaxMethods = methods(standard: false)

    func attribute(_ name: String) throws -> Value? {
        if let m = methods.bound(name, to: self) { return m }
        func vector(_ v: [Double]?) -> Value? { v.map { .object(NDArray(shape: [$0.count], storage: $0)) } }
        switch name {
        case "mean_": return vector(offset)
        case "scale_": return vector(scale)
        case "var_": return vector(variance)
        case "data_min_": return vector(dataMin)
        case "data_max_": return vector(dataMax)
        default: return nil
        }
    }
}
