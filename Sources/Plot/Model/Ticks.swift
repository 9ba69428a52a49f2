import Foundation

/// Axis limits and "nice" tick positions in matplotlib's manner.
public enum Ticks {
    /// matplotlib's `nonsingular` then 5% margins on each side.
    static func autoLimits(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter { $0.isFinite }
        guard var lo = finite.min(), var hi = finite.max() else { return (0, 1) }
        if hi - lo < 1e-12 * max(abs(lo), abs(hi), 1) {
            if lo == 0 { lo = -0.05; hi = 0.05 } else { lo -= 0.05 * abs(lo); hi += 0.05 * abs(hi) }
        }
        let m = (hi - lo) * 0.05
        return (lo - m, hi + m)
    }

    /// Tick positions inside [lo, hi] on steps of 1, 2, 2.5, 5 × 10^k, at most `maxTicks` of them.
    static func positions(_ lo: Double, _ hi: Double, maxTicks: Int) -> [Double] {
        guard hi > lo, lo.isFinite, hi.isFinite else { return [] }
        let range = hi - lo
        let rough = range / Double(max(1, maxTicks - 1))
        let magnitude = pow(10, floor(log10(rough)))
        var step = magnitude * 10
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= rough {
            step = m * magnitude
            break
        }
        let first = (lo / step).rounded(.up)
        let last = (hi / step).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            // Round away binary noise (0.8500000000000001 → 0.85).
            return abs(v) < step * 1e-9 ? 0 : (Double(String(format: "%.12g", v)) ?? v)
        }
    }

    /// Boundaries on a 1-2-2.5-5 × 10^k step that cover [lo, hi] with about `count` values (the
    /// levels of a filled contour, as matplotlib's MaxNLocator picks them).
    public static func covering(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        guard hi > lo, lo.isFinite, hi.isFinite else { return [] }
        let rough = (hi - lo) / Double(max(1, count - 1))
        let magnitude = pow(10, floor(log10(rough)))
        var step = magnitude * 10
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= rough { step = m * magnitude; break }
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        guard last > first, last - first < 2000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in Double(String(format: "%.12g", k * step)) ?? k * step }
    }

    /// Labels with as few decimals as the ticks need, and matplotlib's minus sign (U+2212).
    static func labels(_ ticks: [Double]) -> [String] {
        var decimals = 0
        while decimals < 8 {
            let scale = pow(10, Double(decimals))
            if ticks.allSatisfy({ abs($0 * scale - ($0 * scale).rounded()) < 1e-6 * max(1, abs($0 * scale)) }) { break }
            decimals += 1
        }
        let large = ticks.map(abs).max() ?? 0
        if large >= 1e5 || (large > 0 && large < 1e-4) {
            return ticks.map { v in v == 0 ? "0" : String(format: "%.1e", v).replacingOccurrences(of: "-", with: "\u{2212}") }
        }
        return ticks.map { v in
            let s = String(format: "%.\(decimals)f", v)
            return s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
        }
    }

    /// Compact number text for figure descriptions: six significant digits.
    static func short(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return String(format: "%.6g", v)
    }

    /// Ticks at m × 10^k (m = 1...9) inside [lo, hi]; when that is too many, m = 1, 2, 5 only.
    static func logSubdivisions(_ lo: Double, _ hi: Double, maxTicks: Int) -> [Double] {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return [] }
        func ticks(_ mantissas: [Double]) -> [Double] {
            var out: [Double] = []
            var k = Int(log10(lo).rounded(.down))
            while pow(10, Double(k)) <= hi && out.count < 100 {
                for m in mantissas {
                    let v = Double(String(format: "%.12g", m * pow(10, Double(k)))) ?? m * pow(10, Double(k))
                    if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { out.append(v) }
                }
                k += 1
            }
            return out
        }
        let all = ticks([1, 2, 3, 4, 5, 6, 7, 8, 9])
        return all.count <= maxTicks ? all : ticks([1, 2, 5])
    }

    /// matplotlib's log-axis labels: "10^k" for decades, "m×10^k" between them.
    static func logLabel(_ v: Double) -> String {
        func power(_ k: Int) -> String { "10^" + String(k).replacingOccurrences(of: "-", with: "\u{2212}") }
        let l = log10(v)
        if abs(l - l.rounded()) < 1e-9 { return power(Int(pixel: l.rounded())) }
        let k = Int(pixel: l.rounded(.down))
        return "\(Int(pixel: (v / pow(10, Double(k))).rounded()))\u{00D7}" + power(k)
    }

}
