import Engine
import Plot
import Script
import Tensor

/// `plot_decision_boundary(model, X, y)`: the classifier's regions over a grid covering the
/// points, and the points coloured by class, as the slides' "with/without regularization" pictures.
enum DecisionBoundary {
    static func draw(_ ax: Axes, _ a: BoundArguments, _ ctx: CallContext) throws {
        guard case .object(let m as ModelObject) = a["model"] else {
            throw ScriptError.type("plot_decision_boundary expects a compiled Keras model first. Received: \(a["model"].shortDescription)")
        }
        let x = try NDArray.coerce(a["X"]), y = try NDArray.coerce(a["y"])
        guard x.ndim == 2, x.shape[1] == 2, y.count == x.shape[0] else {
            throw ScriptError.value("plot_decision_boundary expects X of shape (n, 2) and y of n labels. Received: X \(NDArray.shapeText(x.shape)), y \(NDArray.shapeText(y.shape))")
        }
        let steps = try a["steps"].int("steps")
        guard steps >= 2, steps <= 500 else { throw ScriptError.value("steps must be between 2 and 500. Received: steps=\(steps)") }
        let xs = stride(from: 0, to: x.count, by: 2).map { x.storage[$0] }, ys = stride(from: 1, to: x.count, by: 2).map { x.storage[$0] }
        let x0 = (xs.min() ?? 0) - 0.5, x1 = (xs.max() ?? 1) + 0.5, y0 = (ys.min() ?? 0) - 0.5, y1 = (ys.max() ?? 1) + 0.5
        var grid: [Float] = []
        grid.reserveCapacity(steps * steps * 2)
        for i in 0..<steps {
            for j in 0..<steps {
                grid.append(Float(x0 + (x1 - x0) * (Double(j) + 0.5) / Double(steps)))
                grid.append(Float(y0 + (y1 - y0) * (Double(i) + 0.5) / Double(steps)))
            }
        }
        try ctx.checkDeadline()
        let out = try engineCall { try m.model.predict(Tensor(shape: [steps * steps, 2], data: grid), batchSize: 4096) }
        let classes: [Double]
        if out.cols == 1 {
            classes = out.data.map { $0 > 0.5 ? 1 : 0 }
        } else {
            classes = (0..<(steps * steps)).map { r in
                let row = out.data[(r * out.cols)..<((r + 1) * out.cols)]
                return Double(row.firstIndex(of: row.max() ?? 0).map { $0 - r * out.cols } ?? 0)
            }
        }
        let top = max(1, classes.max() ?? 1)
        ax.mesh(xEdges: (0...steps).map { x0 + (x1 - x0) * Double($0) / Double(steps) },
                yEdges: (0...steps).map { y0 + (y1 - y0) * Double($0) / Double(steps) },
                values: classes, colormap: "coolwarm", alpha: 0.35, range: (0, top))
        let labels = y.storage
        let topLabel = max(1, labels.max() ?? 1)
        ax.scatter(x: xs, y: ys, colors: labels.map { Colormap.color($0 / topLabel, name: "coolwarm") }, size: 20)
    }
}
