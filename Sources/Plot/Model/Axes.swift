/// One set of axes: its series, labels, limits and legend, independent of how it is drawn.
public final class Axes {
    /// Where the axes sit in its figure's grid.
    let rows: Int, cols: Int, index: Int
    var lines: [LineArtist] = []
    var scatters: [ScatterArtist] = []
    var colorIndex = 0
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    public var xlim: (Double, Double)?
    public var ylim: (Double, Double)?
    public var grid = false
    var legendLocation: String?

    init(rows: Int, cols: Int, index: Int) {
        self.rows = rows
        self.cols = cols
        self.index = index
    }

    func nextColor() -> Color {
        defer { colorIndex += 1 }
        return Color.cycle[colorIndex % Color.cycle.count]
    }

    /// `plot(y)` or `plot(x, y)`; without x, y is plotted against 0, 1, 2, ...
    public func plot(x: [Double]?, y: [Double], label: String? = nil, color: Color? = nil,
                     lineStyle: LineStyle = .solid, lineWidth: Double = 1.5, marker: Marker? = nil) {
        let xs = x ?? y.indices.map(Double.init)
        lines.append(LineArtist(x: xs, y: y, label: label, color: color ?? nextColor(), style: lineStyle,
                                width: lineWidth, marker: marker))
    }

    public func scatter(x: [Double], y: [Double], colors: [Color]?, size: Double = 36, label: String? = nil, alpha: Double = 1) {
        let c = colors ?? [nextColor()]
        scatters.append(ScatterArtist(x: x, y: y, colors: c, size: size, label: label, alpha: alpha))
    }

    public func legend(location: String = "best") {
        legendLocation = location
    }

    /// Data limits with matplotlib's 5% margins, unless set with xlim/ylim.
    public func computedLimits() -> (x: (Double, Double), y: (Double, Double)) {
        let xs = lines.flatMap(\.x) + scatters.flatMap(\.x)
        let ys = lines.flatMap(\.y) + scatters.flatMap(\.y)
        return (xlim ?? Ticks.autoLimits(xs), ylim ?? Ticks.autoLimits(ys))
    }

    public func ticks() -> (x: [Double], y: [Double]) {
        let l = computedLimits()
        return (Ticks.positions(l.x.0, l.x.1, maxTicks: cols > 1 ? 6 : 9), Ticks.positions(l.y.0, l.y.1, maxTicks: rows > 1 ? 6 : 9))
    }

    /// Entries of the legend: label, colour, style and marker of each labelled series.
    var legendEntries: [(label: String, color: Color, style: LineStyle, width: Double, marker: Marker?)] {
        lines.compactMap { l in l.label.flatMap { $0.hasPrefix("_") ? nil : ($0, l.color, l.style, l.width, l.marker) } }
            + scatters.compactMap { s in s.label.map { ($0, s.colors.first ?? Color.cycle[0], LineStyle.none, 1.5, Marker.circle) } }
    }

    func describe() -> String {
        var out: [String] = []
        let l = computedLimits()
        var head = "axes \(rows)x\(cols)#\(index)"
        if let t = title { head += " title '\(t)'" }
        if let t = xlabel { head += " xlabel '\(t)'" }
        if let t = ylabel { head += " ylabel '\(t)'" }
        head += " xlim [\(Ticks.short(l.x.0)), \(Ticks.short(l.x.1))] ylim [\(Ticks.short(l.y.0)), \(Ticks.short(l.y.1))]"
        if let loc = legendLocation { head += " legend \(loc)" }
        out.append(head)
        for line in lines {
            let finite = line.y.filter { $0.isFinite }
            var d = "  line"
            if let label = line.label { d += " '\(label)'" }
            d += " \(line.color.hexString) \(line.y.count) points"
            if let lo = finite.min(), let hi = finite.max() {
                d += " y [\(Ticks.short(lo)), \(Ticks.short(hi))] first \(Ticks.short(line.y.first ?? .nan)) last \(Ticks.short(line.y.last ?? .nan))"
            }
            if finite.count < line.y.count { d += " (\(line.y.count - finite.count) non-finite)" }
            out.append(d)
        }
        for s in scatters {
            out.append("  scatter" + (s.label.map { " '\($0)'" } ?? "") + " \(s.x.count) points")
        }
        return out.joined(separator: "\n")
    }
}
