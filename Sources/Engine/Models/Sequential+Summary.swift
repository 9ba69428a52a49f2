import Foundation

extension Sequential {
    /// The model as Keras 3 prints it with `model.summary()`: one row per layer
    /// with its output shape and parameter count, then the totals.
    public func summary() -> String {
        let widths = [33, 24, 15]
        func row(_ cells: [String], _ edge: String, _ separator: String, rightAlignLast: Bool) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let room = widths[i] - 2
                let text = cell.count > room ? String(cell.prefix(room - 1)) + "…" : cell
                let padding = String(repeating: " ", count: room - text.count)
                parts.append(" " + (i == cells.count - 1 && rightAlignLast ? padding + text : text + padding) + " ")
            }
            return edge + parts.joined(separator: separator) + edge
        }
        func rule(_ left: String, _ fill: String, _ join: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0) }.joined(separator: join) + right
        }
        var lines = ["Model: \"\(name)\""]
        lines.append(rule("┏", "━", "┳", "┓"))
        lines.append(row(["Layer (type)", "Output Shape", "Param #"], "┃", "┃", rightAlignLast: true))
        lines.append(rule("┡", "━", "╇", "┩"))
        for (i, layer) in layers.enumerated() {
            let shape = layer.isBuilt ? ShapeText.batched(layer.outputShape) : "?"
            let params = layer.isBuilt ? Self.grouped(layer.countParams()) : "0 (unbuilt)"
            lines.append(row(["\(layer.name) (\(layer.typeName))", shape, params], "│", "│", rightAlignLast: true))
            if i < layers.count - 1 { lines.append(rule("├", "─", "┼", "┤")) }
        }
        lines.append(rule("└", "─", "┴", "┘"))
        let total = countParams()
        lines.append(" Total params: \(Self.grouped(total)) (\(Self.memory(total * 4)))")
        lines.append(" Trainable params: \(Self.grouped(total)) (\(Self.memory(total * 4)))")
        lines.append(" Non-trainable params: 0 (0.00 B)")
        return lines.joined(separator: "\n")
    }

    /// 2001 → "2,001".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(abs(n)))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    /// Bytes in Keras' readable form: "7.82 KB".
    static func memory(_ bytes: Int) -> String {
        var size = Double(bytes)
        var unit = 0
        let units = ["B", "KB", "MB", "GB", "TB"]
        while size >= 1024 && unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return String(format: "%.2f %@", size, units[unit])
    }
}
