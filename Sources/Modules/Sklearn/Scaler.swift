import Foundation
import Script

/// scikit-learn's StandardScaler and MinMaxScaler: column statistics learned by `fit`, applied by
/// `transform`, undone by `inverse_transform`. Inputs must be 2-D, as scikit-learn requires.
final class Scaler: ScriptObject {
    enum Kind {
        case standard(withMean: Bool, withStd: Bool)
        case minMax((Double, Double))
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
    var attributeNames: [String] { ["fit", "transform", "fit_transform", "inverse_transform", "mean_", "scale_", "var_", "data_min_", "data_max_"] }

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
            case .minMax(let (lo, hi)):
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
        return NDArray(shape: a.shape, storage: out, dtype: a.dtype == .float32 ? .float32 : .float64)
    }

    func attribute(_ name: String) throws -> Value? {
        func vector(_ v: [Double]?) -> Value? { v.map { .object(NDArray(shape: [$0.count], storage: $0)) } }
        switch name {
        case "fit": return .object(BuiltinFunction(name) { args, _ in
            self.fit(try Scaler.matrix(args.positional.first ?? .none)); return .object(self) })
        case "transform": return .object(BuiltinFunction(name) { args, _ in
            .object(try self.transform(try Scaler.matrix(args.positional.first ?? .none), inverse: false)) })
        case "fit_transform": return .object(BuiltinFunction(name) { args, _ in
            let a = try Scaler.matrix(args.positional.first ?? .none)
            self.fit(a)
            return .object(try self.transform(a, inverse: false)) })
        case "inverse_transform": return .object(BuiltinFunction(name) { args, _ in
            .object(try self.transform(try Scaler.matrix(args.positional.first ?? .none), inverse: true)) })
        case "mean_": return vector(offset)
        case "scale_": return vector(scale)
        case "var_": return vector(variance)
        case "data_min_": return vector(dataMin)
        case "data_max_": return vector(dataMax)
        default: return nil
        }
    }
}
