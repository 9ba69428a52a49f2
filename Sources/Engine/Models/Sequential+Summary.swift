import Foundation

extension Sequential {
    /// The model as Keras 3 prints it with `model.summary()`: one row per layer
    /// with its output shape and parameter count, then the totals.
    public func summary() -> String {
        let widths = [33, 24, 15]
        /// One table row; a cell too long for its column wraps onto further lines.
        func row(_ cells: [String], _ edge: String, _ separator: String) -> [String] {
            let wrapped = cells.enumerated().map { Self.wrap($1, width: widths[$0] - 2) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let parts = wrapped.enumerated().map { column, lines -> String in
                    let text = line < lines.count ? lines[line] : ""
                    let padding = String(repeating: " ", count: max(0, widths[column] - 2 - text.count))
                    // The parameter column is right-aligned, the others left-aligned.
                    return " " + (column == cells.count - 1 ? padding + text : text + padding) + " "
                }
                return edge + parts.joined(separator: separator) + edge
            }
        }
        func rule(_ left: String, _ fill: String, _ join: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0) }.joined(separator: join) + right
        }
        var lines = ["Model: \"\(name)\""]
        lines.append(rule("┏", "━", "┳", "┓"))
        lines += row(["Layer (type)", "Output Shape", "Param #"], "┃", "┃")
        lines.append(rule("┡", "━", "╇", "┩"))
        for (i, layer) in layers.enumerated() {
            let shape = layer.isBuilt ? ShapeText.batched(layer.outputShape) : "?"
            let params = layer.isBuilt ? Self.grouped(layer.countParams()) : "0 (unbuilt)"
            lines += row(["\(layer.name) (\(layer.typeName))", shape, params], "│", "│")
            if i < layers.count - 1 { lines.append(rule("├", "─", "┼", "┤")) }
        }
        lines.append(rule("└", "─", "┴", "┘"))
        let trainable = countTrainableParams()
        let frozen = countParams() - trainable
        let optimizerCount = optimizer?.variableCount ?? 0
        let total = trainable + frozen + optimizerCount
        // Keras sizes each variable by its dtype: the optimizer's `iterations` is an int64.
        let optimizerBytes = optimizerCount > 0 ? optimizerCount * 4 + 4 : 0
        lines.append(" Total params: \(Self.grouped(total)) (\(Self.memory((trainable + frozen) * 4 + optimizerBytes)))")
        lines.append(" Trainable params: \(Self.grouped(trainable)) (\(Self.memory(trainable * 4)))")
        lines.append(" Non-trainable params: \(Self.grouped(frozen)) (\(Self.memory(frozen * 4)))")
        if optimizerCount > 0 {
            lines.append(" Optimizer params: \(Self.grouped(optimizerCount)) (\(Self.memory(optimizerBytes)))")
        }
        return lines.joined(separator: "\n")
    }

    /// Breaks text at spaces into lines of at most `width` characters; a word
    /// longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
            while current.count > width {
                lines.append(String(current.prefix(width)))
                word = String(current.dropFirst(width))
                current = word
            }
        }
        lines.append(current)
        return lines
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
