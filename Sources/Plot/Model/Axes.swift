import Foundation

/// One set of axes: its series, labels, limits and legend, independent of how it is drawn.
public final class Axes {
    /// Where the axes sit in its figure's grid.
    let rows: Int, cols: Int, index: Int
    var lines: [LineArtist] = []
    var scatters: [ScatterArtist] = []
    var rects: [RectArtist] = []
    var polygons: [PolygonArtist] = []
    var meshes: [MeshArtist] = []
    var referenceLines: [ReferenceLine] = []
    var texts: [TextArtist] = []
    var boxes: [BoxArtist] = []
    var colorIndex = 0
    public var title: String?
    /// Points between the top of the axes and the title's baseline (`set_title(pad=)`, matplotlib's
    /// `rcParams['axes.titlepad']` unless given).
    public var titlePad = 6.0
    public var xlabel: String?
    public var ylabel: String?
    public var xlim: (Double, Double)?
    public var ylim: (Double, Double)?
    public var xscale: Scale = .linear
    public var yscale: Scale = .linear
    public var grid = false
    /// Explicit ticks (`xticks(ticks, labels)`); labels nil means formatted values.
    public var xticks: (values: [Double], labels: [String]?)?
    public var yticks: (values: [Double], labels: [String]?)?
    /// Strings plotted as x values, in the order first met: category i sits at x = i.
    public var xCategories: [String] = []
    var legendLocation: String?
    /// The legend's text size in points (`legend(fontsize=)`); its box, handles and gaps scale with it.
    public var legendFontSize = 10.0
    /// The colormap and value range of the last colour-mapped artist (what `colorbar()` shows).
    public var mappable: Mappable?
    public var colorbar: ColorbarSpec?
    /// `axis('off')` hides spines, ticks and tick labels.
    public var axisOn = true
    /// `axis('equal')` / `set_aspect('equal')`: one data unit is as long on x as on y.
    public var equalAspect = false
    public var xInverted = false
    public var yInverted = false
    /// Degrees counter-clockwise for the x tick labels (`xticks(rotation=45)`).
    public var xTickRotation = 0.0
    var annotations: [AnnotationArtist] = []
    /// Axes whose x (or y) limits are computed together (`sharex`, `twinx`).
    var shareX: ShareGroup?
    var shareY: ShareGroup?
    /// matplotlib hides the inner tick labels of shared axes.
    public var hideXTickLabels = false
    public var hideYTickLabels = false
    /// The second y axis `twinx()` made, drawn in the same box with its ticks on the right.
    public internal(set) var twin: Axes?
    public internal(set) var isTwin = false

    init(rows: Int, cols: Int, index: Int) {
        self.rows = rows
        self.cols = cols
        self.index = index
    }

    func nextColor() -> Color {
        defer { colorIndex += 1 }
        return Color.cycle[colorIndex % Color.cycle.count]
    }

    /// `plot(y)` or `plot(x, y)`; without x, y is plotted against 0, 1, 2, ... `markerSize` is in
    /// points; `alpha` replaces the colour's opacity for the line and its markers.
    public func plot(x: [Double]?, y: [Double], label: String? = nil, color: Color? = nil,
                     lineStyle: LineStyle = .solid, lineWidth: Double = 1.5, marker: Marker? = nil,
                     markerSize: Double = Marker.defaultSize, alpha: Double? = nil) {
        let xs = x ?? y.indices.map(Double.init)
        lines.append(LineArtist(x: xs, y: y, label: label, color: (color ?? nextColor()).with(alpha: alpha), style: lineStyle,
                                width: lineWidth, marker: marker, markerSize: markerSize))
    }

    public func scatter(x: [Double], y: [Double], colors: [Color]?, size: Double = 36, label: String? = nil, alpha: Double = 1,
                        marker: Marker = .circle) {
        let c = colors ?? [nextColor()]
        scatters.append(ScatterArtist(x: x, y: y, colors: c, size: size, label: label, alpha: alpha, marker: marker))
    }

    /// Bars of `width` centred on x (or, for `horizontal`, bars along x centred on the values).
    public func bar(x: [Double], heights: [Double], width: Double = 0.8, bottom: Double = 0, color: Color? = nil,
                    label: String? = nil, horizontal: Bool = false, alpha: Double = 1) {
        var c = color ?? nextColor()
        c.a *= alpha
        for (i, (p, h)) in zip(x, heights).enumerated() {
            let r = horizontal
                ? RectArtist(x0: bottom, y0: p - width / 2, x1: bottom + h, y1: p + width / 2, color: c, edge: nil, label: i == 0 ? label : nil)
                : RectArtist(x0: p - width / 2, y0: bottom, x1: p + width / 2, y1: bottom + h, color: c, edge: nil, label: i == 0 ? label : nil)
            rects.append(r)
        }
    }

    /// A histogram as matplotlib computes it: equal-width bins over the data range (or `range`),
    /// the last bin closed; returns the counts (densities when `density`) and the edges.
    @discardableResult
    public func hist(_ values: [Double], bins: Int = 10, range: (Double, Double)? = nil, density: Bool = false,
                     color: Color? = nil, alpha: Double = 1, label: String? = nil, stepOnly: Bool = false) -> (counts: [Double], edges: [Double]) {
        let (counts, edges) = Axes.histogram(values, bins: bins, range: range, density: density)
        var c = color ?? nextColor()
        c.a *= alpha
        if stepOnly {
            var xs: [Double] = [edges[0]], ys: [Double] = [0]
            for i in 0..<counts.count { xs += [edges[i], edges[i + 1]]; ys += [counts[i], counts[i]] }
            xs.append(edges[edges.count - 1]); ys.append(0)
            lines.append(LineArtist(x: xs, y: ys, label: label, color: c, style: .solid, width: 1.5, marker: nil))
        } else {
            for i in 0..<counts.count {
                rects.append(RectArtist(x0: edges[i], y0: 0, x1: edges[i + 1], y1: counts[i], color: c, edge: nil, label: i == 0 ? label : nil))
            }
        }
        return (counts, edges)
    }

    static func histogram(_ values: [Double], bins: Int, range: (Double, Double)?, density: Bool) -> ([Double], [Double]) {
        let finite = values.filter { $0.isFinite }
        var (lo, hi) = range ?? (finite.min() ?? 0, finite.max() ?? 1)
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let n = max(1, bins)
        let edges = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
        var counts = [Double](repeating: 0, count: n)
        for v in finite where v >= lo && v <= hi {
            var k = Int(pixel: (v - lo) / (hi - lo) * Double(n))
            if k == n { k = n - 1 }
            counts[k] += 1
        }
        if density {
            let total = counts.reduce(0, +)
            let width = (hi - lo) / Double(n)
            if total > 0 { counts = counts.map { $0 / (total * width) } }
        }
        return (counts, edges)
    }

    public func axhline(_ y: Double, color: Color? = nil, style: LineStyle = .solid, width: Double = 1.5, alpha: Double? = nil) {
        referenceLines.append(ReferenceLine(horizontal: true, value: y, color: (color ?? Color.cycle[colorIndex % 10]).with(alpha: alpha),
                                            style: style, width: width))
    }

    public func axvline(_ x: Double, color: Color? = nil, style: LineStyle = .solid, width: Double = 1.5, alpha: Double? = nil) {
        referenceLines.append(ReferenceLine(horizontal: false, value: x, color: (color ?? Color.cycle[colorIndex % 10]).with(alpha: alpha),
                                            style: style, width: width))
    }

    public func fillBetween(x: [Double], y1: [Double], y2: [Double], color: Color? = nil, alpha: Double = 1, label: String? = nil) {
        var c = color ?? nextColor()
        c.a *= alpha
        let upper = zip(x, y1).map { ($0, $1) }
        let lower = zip(x, y2).map { ($0, $1) }.reversed()
        polygons.append(PolygonArtist(points: upper + lower, color: c, label: label))
    }

    /// The data line, then one vertical bar per point; `capSize` (points, matplotlib's `capsize`)
    /// puts a cap 2·capSize long across both ends of each bar.
    public func errorbar(x: [Double], y: [Double], yerr: [Double], label: String? = nil, color: Color? = nil,
                         lineStyle: LineStyle = .solid, marker: Marker? = nil, markerSize: Double = Marker.defaultSize,
                         capSize: Double = 0, alpha: Double? = nil) {
        let c = (color ?? nextColor()).with(alpha: alpha)
        lines.append(LineArtist(x: x, y: y, label: label, color: c, style: lineStyle, width: 1.5, marker: marker, markerSize: markerSize))
        for (i, (px, py)) in zip(x, y).enumerated() {
            let e = yerr.count == 1 ? yerr[0] : (i < yerr.count ? yerr[i] : 0)
            lines.append(LineArtist(x: [px, px], y: [py - e, py + e], label: nil, color: c, style: .solid, width: 1.5, marker: nil,
                                    capSize: capSize))
        }
    }

    public func text(x: Double, y: Double, _ s: String, size: Double = 10, color: Color = .black) {
        texts.append(TextArtist(x: x, y: y, text: s, size: size, color: color))
    }

    /// One box per data set at positions 1, 2, ...; `labels` name them on the x axis.
    public func boxplot(_ data: [[Double]], labels: [String]? = nil, showMeans: Bool = false) {
        for (k, values) in data.enumerated() {
            let v = values.filter { $0.isFinite }.sorted()
            guard !v.isEmpty else { continue }
            let q1 = Axes.percentile(v, 25), med = Axes.percentile(v, 50), q3 = Axes.percentile(v, 75)
            let iqr = q3 - q1
            let low = v.first { $0 >= q1 - 1.5 * iqr } ?? q1
            let high = v.last { $0 <= q3 + 1.5 * iqr } ?? q3
            let outliers = v.filter { $0 < low || $0 > high }
            boxes.append(BoxArtist(position: Double(k + 1), q1: q1, median: med, q3: q3, low: low, high: high,
                                   outliers: outliers, mean: showMeans ? v.reduce(0, +) / Double(v.count) : nil))
        }
        xticks = ((1...max(1, data.count)).map(Double.init), labels ?? (1...max(1, data.count)).map { String($0) })
    }

    /// NumPy's default (linear) percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? .nan }
        let pos = p / 100 * Double(sorted.count - 1)
        let i = Int(pos), f = pos - Double(i)
        return i + 1 < sorted.count ? sorted[i] + (sorted[i + 1] - sorted[i]) * f : sorted[i]
    }

    /// Filled cells coloured by `values` (rows × cols) through a colormap, between the given edges.
    public func mesh(xEdges: [Double], yEdges: [Double], values: [Double], colormap: String = "viridis", alpha: Double = 1,
                     range: (Double, Double)? = nil) {
        let finite = values.filter { $0.isFinite }
        let (lo, hi) = range ?? (finite.min() ?? 0, finite.max() ?? 1)
        let colors = values.map { v -> Color in
            var c = Colormap.color(hi > lo ? (v - lo) / (hi - lo) : 0.5, name: colormap)
            c.a = alpha
            return c
        }
        meshes.append(MeshArtist(xEdges: xEdges, yEdges: yEdges, colors: colors))
        mappable = Mappable(colormap: colormap, low: lo, high: hi)
    }

    public func legend(location: String = "best", fontSize: Double = 10) {
        legendLocation = location
        legendFontSize = fontSize
    }

    // MARK: Limits and ticks

    func dataExtents() -> (xs: [Double], ys: [Double]) {
        var xs = lines.flatMap(\.x) + scatters.flatMap(\.x) + polygons.flatMap { $0.points.map(\.0) }
        var ys = lines.flatMap(\.y) + scatters.flatMap(\.y) + polygons.flatMap { $0.points.map(\.1) }
        for r in rects { xs += [r.x0, r.x1]; ys += [r.y0, r.y1] }
        for m in meshes { xs += [m.xEdges.first ?? 0, m.xEdges.last ?? 0]; ys += [m.yEdges.first ?? 0, m.yEdges.last ?? 0] }
        for b in boxes { xs += [b.position - 0.5, b.position + 0.5]; ys += [b.low, b.high] + b.outliers }
        for r in referenceLines { if r.horizontal { ys.append(r.value) } else { xs.append(r.value) } }
        return (xs, ys)
    }

    /// Data limits with matplotlib's 5 % margins (none for meshes, and none below a bar's zero
    /// baseline), unless set with xlim/ylim.
    public func computedLimits() -> (x: (Double, Double), y: (Double, Double)) {
        let (xs, ys) = dataExtents()
        func auto(_ v: [Double], _ scale: Scale, sticky: Bool) -> (Double, Double) {
            if scale == .log {
                let pos = v.filter { $0 > 0 && $0.isFinite }
                guard let lo = pos.min(), let hi = pos.max() else { return (1, 10) }
                let (a, b) = Ticks.autoLimits([log10(lo), log10(hi)])
                return (pow(10, a), pow(10, b))
            }
            var l = Ticks.autoLimits(v)
            if sticky, let lo = v.filter({ $0.isFinite }).min(), lo >= 0, l.0 < 0 { l.0 = 0 }
            return l
        }
        let meshOnly = !meshes.isEmpty && lines.isEmpty && scatters.isEmpty
        // Shared axes pool their data (sharex, twinx); the first member's explicit limits win.
        let groupXs = shareX.map { g in g.members.flatMap { $0.dataExtents().xs } } ?? xs
        let groupYs = shareY.map { g in g.members.flatMap { $0.dataExtents().ys } } ?? ys
        let fixedX = xlim ?? shareX?.members.lazy.compactMap(\.xlim).first
        let fixedY = ylim ?? shareY?.members.lazy.compactMap(\.ylim).first
        var x = fixedX ?? auto(groupXs, xscale, sticky: false)
        var y = fixedY ?? auto(groupYs, yscale, sticky: !rects.isEmpty && rects.allSatisfy { $0.y0 == 0 })
        if meshOnly, fixedX == nil, let f = meshes.first { x = (f.xEdges.first ?? 0, f.xEdges.last ?? 1) }
        if meshOnly, fixedY == nil, let f = meshes.first { y = (f.yEdges.first ?? 0, f.yEdges.last ?? 1) }
        let invertX = xInverted || (shareX?.members.contains { $0.xInverted } ?? false)
        if invertX && x.0 < x.1 { x = (x.1, x.0) }
        if yInverted && y.0 < y.1 { y = (y.1, y.0) }
        return (x, y)
    }

    public func ticks() -> (x: [Double], y: [Double]) {
        ticks(limits: computedLimits())
    }

    func ticks(limits l: (x: (Double, Double), y: (Double, Double))) -> (x: [Double], y: [Double]) {
        func positions(_ given: (Double, Double), _ scale: Scale, _ maxTicks: Int, _ fixed: (values: [Double], labels: [String]?)?) -> [Double] {
            if let fixed { return fixed.values }
            let lim = (min(given.0, given.1), max(given.0, given.1))
            if scale == .log {
                // Decades of doubles lie within ±324; limits beyond them (or not positive) get no ticks.
                let low = log10(lim.0).rounded(.up), high = log10(lim.1).rounded(.down)
                guard low.isFinite, high.isFinite, abs(low) < 400, abs(high) < 400 else { return [] }
                let lo = Int(low), hi = Int(high)
                if hi - lo + 1 < 2 {
                    // Less than two decades in view: matplotlib labels the 2..9 × 10^k ticks too.
                    return Ticks.logSubdivisions(lim.0, lim.1, maxTicks: maxTicks)
                }
                let step = max(1, (hi - lo + 1 + maxTicks - 1) / maxTicks)
                return stride(from: lo, through: hi, by: step).map { pow(10, Double($0)) }
            }
            return Ticks.positions(lim.0, lim.1, maxTicks: maxTicks)
        }
        return (positions(l.x, xscale, cols > 1 ? 6 : 9, xticks), positions(l.y, yscale, rows > 1 ? 6 : 9, yticks))
    }

    func tickLabels(_ values: [Double], scale: Scale, fixed: (values: [Double], labels: [String]?)?) -> [String] {
        if let labels = fixed?.labels { return labels }
        if scale == .log { return values.map(Ticks.logLabel) }
        return Ticks.labels(values)
    }

    /// Entries of the legend: label, colour, style and marker of each labelled artist.
    var legendEntries: [LegendEntry] {
        var out: [LegendEntry] = []
        for l in lines {
            if let label = l.label, !label.hasPrefix("_") {
                out.append(LegendEntry(label: label, color: l.color, style: l.style, width: l.width, marker: l.marker, markerSize: l.markerSize))
            }
        }
        for s in scatters { if let label = s.label { out.append(LegendEntry(label: label, color: s.colors.first ?? Color.cycle[0], style: .none, width: 1.5, marker: s.marker)) } }
        for r in rects { if let label = r.label { out.append(LegendEntry(label: label, color: r.color, style: .none, width: 0, patch: true)) } }
        for p in polygons { if let label = p.label { out.append(LegendEntry(label: label, color: p.color, style: .none, width: 0, patch: true)) } }
        return out
    }

    func describe() -> String {
        var out: [String] = []
        let l = computedLimits()
        var head = "axes \(rows)x\(cols)#\(index)"
        if let t = title { head += " title '\(t)'" }
        if let t = xlabel { head += " xlabel '\(t)'" }
        if let t = ylabel { head += " ylabel '\(t)'" }
        head += " xlim [\(Ticks.short(l.x.0)), \(Ticks.short(l.x.1))] ylim [\(Ticks.short(l.y.0)), \(Ticks.short(l.y.1))]"
        if xscale == .log { head += " xscale log" }
        if yscale == .log { head += " yscale log" }
        if let loc = legendLocation { head += " legend \(loc)" }
        if !axisOn { head += " axis off" }
        if equalAspect { head += " aspect equal" }
        if let c = colorbar { head += " colorbar \(c.mappable.colormap) [\(Ticks.short(c.mappable.low)), \(Ticks.short(c.mappable.high))]" + (c.label.map { " '\($0)'" } ?? "") }
        if hideXTickLabels { head += " no x tick labels" }
        if hideYTickLabels { head += " no y tick labels" }
        if hasOnlyNonFiniteData { head += " (no finite values)" }
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
        if !rects.isEmpty {
            let heights = rects.map { $0.y1 - $0.y0 }
            out.append("  bars \(rects.count) total height \(Ticks.short(heights.reduce(0, +))) max \(Ticks.short(heights.max() ?? 0))")
        }
        for p in polygons { out.append("  fill \(p.points.count) vertices") }
        for m in meshes { out.append("  mesh \(m.xEdges.count - 1)x\(m.yEdges.count - 1) cells") }
        for b in boxes { out.append("  box at \(Ticks.short(b.position)) median \(Ticks.short(b.median)) q1 \(Ticks.short(b.q1)) q3 \(Ticks.short(b.q3))") }
        for r in referenceLines { out.append("  \(r.horizontal ? "axhline" : "axvline") \(Ticks.short(r.value))") }
        for t in texts { out.append("  text '\(t.text)' at (\(Ticks.short(t.x)), \(Ticks.short(t.y)))") }
        for a in annotations {
            out.append("  annotate '\(a.text)' at (\(Ticks.short(a.x)), \(Ticks.short(a.y)))" + (a.arrow ? " arrow to (\(Ticks.short(a.targetX)), \(Ticks.short(a.targetY)))" : ""))
        }
        if let t = twin { out.append(t.describe().split(separator: "\n").map { "  twin " + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")) }
        return out.joined(separator: "\n")
    }
}

extension Axes {
    /// `legend(['a', 'b'])`: labels given in the order the series were added.
    public func relabel(_ names: [String]) {
        for (i, name) in names.enumerated() where i < lines.count { lines[i].label = name }
    }
}
