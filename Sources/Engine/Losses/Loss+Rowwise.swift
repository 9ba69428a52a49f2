import Foundation

/// Losses that read a sample's outputs as one vector: Keras' `categorical_hinge` and
/// `cosine_similarity` (axis -1).
extension Loss {
    func rowwiseMean(
        predictions p: UnsafePointer<Float>, targets t: UnsafePointer<Float>,
        rows: Int, cols: Int, gradient g: UnsafeMutablePointer<Float>?
    ) -> Double {
        let perSample = 1 / Float(rows)
        var total: Double = 0
        for r in 0..<rows {
            let row = r * cols
            switch self {
            case .categoricalHinge:
                // max(0, 1 + max over wrong classes of p − Σ t·p).
                var positive: Float = 0, negative: Float = -.greatestFiniteMagnitude, worst = 0
                for j in 0..<cols {
                    positive += t[row + j] * p[row + j]
                    let wrong = (1 - t[row + j]) * p[row + j]
                    if wrong > negative { negative = wrong; worst = j }
                }
                let loss = max(0, negative - positive + 1)
                total += Double(loss)
                guard let g else { continue }
                for j in 0..<cols { g[row + j] = loss > 0 ? -t[row + j] * perSample : 0 }
                if loss > 0 { g[row + worst] += (1 - t[row + worst]) * perSample }
            default:
                // −cos(t, p), each vector scaled to unit length as tf.math.l2_normalize does
                // (its squared norm kept at least 1e-12).
                var pp: Float = 0, tt: Float = 0, tp: Float = 0
                for j in 0..<cols {
                    pp += p[row + j] * p[row + j]
                    tt += t[row + j] * t[row + j]
                    tp += t[row + j] * p[row + j]
                }
                let pNorm = max(pp, 1e-12).squareRoot(), tNorm = max(tt, 1e-12).squareRoot()
                let cosine = tp / (pNorm * tNorm)
                total -= Double(cosine)
                guard let g else { continue }
                let clamped = pp < 1e-12
                for j in 0..<cols {
                    let direct = t[row + j] / (tNorm * pNorm)
                    g[row + j] = -perSample * (clamped ? direct : direct - cosine * p[row + j] / pp)
                }
            }
        }
        return total / Double(rows)
    }
}
