import Foundation

/// The per-epoch line `fit` logs, in the shape of Keras' progress bar once an
/// epoch is complete (timings left out so runs compare equal). Keras 3 sorts
/// the logs by name before printing, so "accuracy" comes before "loss".
enum ProgressText {
    static func epochLine(steps: Int, keys: [String], values: [Double], compact: Bool) -> String {
        let metrics = zip(keys, values).sorted { $0.0 < $1.0 }.map { " - \($0): \(number($1))" }.joined()
        return compact ? "\(steps)/\(steps)\(metrics)" : "\(steps)/\(steps) ━━━━━━━━━━━━━━━━━━━━\(metrics)"
    }

    /// Four decimals, or scientific notation for tiny values, as Keras prints; a diverged value as
    /// Python prints it (`nan`, `inf`), never C's `-nan`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return abs(value) >= 1e-3 || value == 0 ? String(format: "%.4f", value) : String(format: "%.4e", value)
    }
}
