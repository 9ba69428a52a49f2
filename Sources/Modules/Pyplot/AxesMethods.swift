import Plot
import Script

/// The plotting calls, shared by `pyplot.NAME(...)` (on the current axes) and `ax.NAME(...)`.
/// Each entry maps the pyplot name and the Axes method name to one implementation.
enum AxesMethods {
    typealias Method = @Sendable (Axes, Arguments) throws -> Value

    /// pyplot name → axes method name, where they differ.
    static let axesNames: [String: String] = [
        "title": "set_title", "xlabel": "set_xlabel", "ylabel": "set_ylabel", "xlim": "set_xlim", "ylim": "set_ylim",
        "xscale": "set_xscale", "yscale": "set_yscale", "xticks": "set_xticks", "yticks": "set_yticks",
    ]

    static func colorArgument(_ v: Value?, _ what: String = "color") throws -> Color? {
        guard let v else { return nil }
        let name = try v.string(what)
        guard let c = Color.parse(name) else { throw ScriptError.value("'\(name)' is not a valid color value.") }
        return c
    }

    static func numbers(_ v: Value) throws -> [Double] {
        if case .int(let i) = v { return [Double(i)] }
        if case .float(let d) = v { return [d] }
        return try NDArray.coerce(v).storage
    }

    static func label(_ args: Arguments) throws -> String? {
        try args.keyword("label").flatMap { $0.isNone ? nil : try $0.string("label") }
    }

    static let methods: [String: Method] = baseMethods.merging(AxesDecorations.methods) { _, extra in extra }

    static let baseMethods: [String: Method] = [
        "plot": { ax, args in try PyplotModule.plot(ax, args); return .none },
        "semilogx": { ax, args in ax.xscale = .log; try PyplotModule.plot(ax, args); return .none },
        "semilogy": { ax, args in ax.yscale = .log; try PyplotModule.plot(ax, args); return .none },
        "loglog": { ax, args in ax.xscale = .log; ax.yscale = .log; try PyplotModule.plot(ax, args); return .none },
        "scatter": { ax, args in
            let s = try args.bind("scatter", ["x", "y", "s", "c", "marker", "cmap", "alpha", "label", "color", "edgecolors", "norm", "vmin", "vmax"], required: 2)
            let x = try numbers(s[0] ?? .none), y = try numbers(s[1] ?? .none)
            guard x.count == y.count else { throw ScriptError.value("x and y must be the same size") }
            var colors: [Color]?
            var mappable: Mappable?
            if let c = s.value(3) ?? s.value(8) {
                if case .string = c { colors = [try colorArgument(c) ?? Color.cycle[0]] } else {
                    // Numbers (class labels) go through the colormap, scaled to their range.
                    let values = try numbers(c)
                    let lo = values.min() ?? 0, hi = values.max() ?? 1
                    let cmap = try AxesDecorations.colormapName(s.value(5))
                    let vmin = try s.value(11)?.double("vmin") ?? lo, vmax = try s.value(12)?.double("vmax") ?? hi
                    colors = values.map { Colormap.color(vmax > vmin ? ($0 - vmin) / (vmax - vmin) : 0, name: cmap) }
                    mappable = Mappable(colormap: cmap, low: vmin, high: vmax)
                }
            }
            ax.scatter(x: x, y: y, colors: colors, size: try s.value(2)?.double("s") ?? 36, label: try s.value(7)?.string("label"),
                       alpha: try s.value(6)?.double("alpha") ?? 1, marker: try s.value(4).map { try FormatString.marker(try $0.string("marker")) } ?? .circle)
            if let mappable { ax.mappable = mappable }
            return .object(MappableObject(ax, mappable))
        },
        "hist": { ax, args in
            let s = try args.bind("hist", ["x", "bins", "range", "density", "weights", "cumulative", "bottom", "histtype",
                                           "align", "orientation", "rwidth", "log", "color", "label", "alpha"], required: 1)
            let data = try numbers(s[0] ?? .none)
            var range: (Double, Double)?
            if let r = s.value(2) {
                let pair = try r.sequence("range").map { try $0.double("range") }
                guard pair.count == 2 else { throw ScriptError.value("range must be (min, max)") }
                range = (pair[0], pair[1])
            }
            let histtype = try s.value(7)?.string("histtype") ?? "bar"
            let bins = try s.value(1)?.int("bins") ?? 10
            guard bins >= 1 else { throw ScriptError.value("`bins` must be positive, when an integer. Received: \(bins)") }
            try Limits.check(elements: bins, times: 1)
            let (counts, edges) = ax.hist(data, bins: bins, range: range,
                                          density: try s.value(3)?.bool("density") ?? false, color: try colorArgument(s.value(12)),
                                          alpha: try s.value(14)?.double("alpha") ?? 1, label: try s.value(13)?.string("label"),
                                          stepOnly: histtype == "step")
            return .tuple([.object(NDArray(shape: [counts.count], storage: counts)), .object(NDArray(shape: [edges.count], storage: edges)), .none])
        },
        "bar": { ax, args in try bar(ax, args, horizontal: false) },
        "barh": { ax, args in try bar(ax, args, horizontal: true) },
        "boxplot": { ax, args in
            let s = try args.bind("boxplot", ["x", "notch", "sym", "vert", "whis", "positions", "widths", "patch_artist",
                                              "bootstrap", "usermedians", "conf_intervals", "meanline", "showmeans", "showcaps",
                                              "showbox", "showfliers", "boxprops", "labels", "tick_labels"], required: 1)
            let data = s[0] ?? .none
            var sets: [[Double]]
            let items = try data.sequence("x")
            if items.allSatisfy({ if case .int = $0 { return true }; if case .float = $0 { return true }; return false }) {
                sets = [try numbers(data)]
            } else if case .object(let a as NDArray) = data, a.ndim == 2 {
                // A 2-D array: one box per column, as matplotlib does.
                sets = (0..<a.shape[1]).map { j in (0..<a.shape[0]).map { a.storage[$0 * a.shape[1] + j] } }
            } else {
                sets = try items.map { try numbers($0) }
            }
            let labels = try (s.value(17) ?? s.value(18))?.sequence("labels").map { try $0.string("labels") }
            ax.boxplot(sets, labels: labels, showMeans: try s.value(12)?.bool("showmeans") ?? false)
            return .none
        },
        "errorbar": { ax, args in
            let s = try args.bind("errorbar", ["x", "y", "yerr", "xerr", "fmt", "label", "color", "capsize", "ecolor", "linestyle", "marker"], required: 2)
            let x = try numbers(s[0] ?? .none), y = try numbers(s[1] ?? .none)
            var style = LineStyle.solid
            var marker: Marker?
            var color = try colorArgument(s.value(6))
            if let fmt = try s.value(4)?.string("fmt") {
                let parsed = try FormatString.parse(fmt)
                style = parsed.style ?? (parsed.marker == nil ? .solid : .none)
                marker = parsed.marker
                color = color ?? parsed.color
            }
            ax.errorbar(x: x, y: y, yerr: try s.value(2).map(numbers) ?? [0], label: try s.value(5)?.string("label"),
                        color: color, lineStyle: style, marker: marker)
            return .none
        },
        "fill_between": { ax, args in
            let s = try args.bind("fill_between", ["x", "y1", "y2", "where", "interpolate", "step", "alpha", "color", "label", "facecolor"], required: 2)
            let x = try numbers(s[0] ?? .none)
            let y1 = try numbers(s[1] ?? .none)
            var y2 = try s.value(2).map(numbers) ?? [0]
            if y2.count == 1 { y2 = [Double](repeating: y2[0], count: x.count) }
            var y1b = y1
            if y1b.count == 1 { y1b = [Double](repeating: y1[0], count: x.count) }
            ax.fillBetween(x: x, y1: y1b, y2: y2, color: try colorArgument(s.value(7) ?? s.value(9)),
                           alpha: try s.value(6)?.double("alpha") ?? 1, label: try s.value(8)?.string("label"))
            return .none
        },
        "axhline": { ax, args in
            let s = try args.bind("axhline", ["y", "xmin", "xmax", "color", "linestyle", "linewidth", "label", "ls", "lw", "c"])
            ax.axhline(try s.value(0)?.double("y") ?? 0, color: try colorArgument(s.value(3) ?? s.value(9)),
                       style: try (s.value(4) ?? s.value(7)).map { try FormatString.lineStyle(try $0.string("linestyle")) } ?? .solid,
                       width: try (s.value(5) ?? s.value(8))?.double("linewidth") ?? 1.5)
            return .none
        },
        "axvline": { ax, args in
            let s = try args.bind("axvline", ["x", "ymin", "ymax", "color", "linestyle", "linewidth", "label", "ls", "lw", "c"])
            ax.axvline(try s.value(0)?.double("x") ?? 0, color: try colorArgument(s.value(3) ?? s.value(9)),
                       style: try (s.value(4) ?? s.value(7)).map { try FormatString.lineStyle(try $0.string("linestyle")) } ?? .solid,
                       width: try (s.value(5) ?? s.value(8))?.double("linewidth") ?? 1.5)
            return .none
        },
        "text": { ax, args in
            let s = try args.bind("text", ["x", "y", "s", "fontsize", "color"], required: 3, allowExtraKeywords: true)
            ax.text(x: try (s[0] ?? .none).double("x"), y: try (s[1] ?? .none).double("y"), try (s[2] ?? .none).string("s"),
                    size: try s.value(3)?.double("fontsize") ?? 10, color: try colorArgument(s.value(4)) ?? .black)
            return .none
        },
        "contourf": { ax, args in try mesh(ax, args, "contourf") },
        "pcolormesh": { ax, args in try mesh(ax, args, "pcolormesh") },
        "imshow": { ax, args in
            let s = try args.bind("imshow", ["X", "cmap", "aspect", "interpolation", "alpha", "vmin", "vmax"], required: 1, allowExtraKeywords: true)
            let a = try NDArray.coerce(s[0] ?? .none)
            guard a.ndim == 2 else { throw ScriptError.notImplemented("imshow supports 2-D arrays (grey levels through a colormap)") }
            let rows = a.shape[0], cols = a.shape[1]
            // Row 0 at the top, as images are shown.
            var flipped: [Double] = []
            for i in (0..<rows).reversed() { flipped += a.storage[(i * cols)..<((i + 1) * cols)] }
            ax.mesh(xEdges: (0...cols).map { Double($0) - 0.5 }, yEdges: (0...rows).map { Double(rows) - 0.5 - Double(rows - $0) },
                    values: flipped, colormap: try AxesDecorations.colormapName(s.value(1)), alpha: try s.value(4)?.double("alpha") ?? 1,
                    range: try s.value(5).flatMap { lo in try s.value(6).map { hi in (try lo.double("vmin"), try hi.double("vmax")) } })
            return .object(MappableObject(ax, ax.mappable))
        },
        "set_title": { ax, args in ax.title = try text(args, "title"); return .none },
        "set_xlabel": { ax, args in ax.xlabel = try text(args, "xlabel"); return .none },
        "set_ylabel": { ax, args in ax.ylabel = try text(args, "ylabel"); return .none },
        "set_xlim": { ax, args in ax.xlim = try limits(args, ax.computedLimits().x, "xlim"); return .none },
        "set_ylim": { ax, args in ax.ylim = try limits(args, ax.computedLimits().y, "ylim"); return .none },
        "set_xscale": { ax, args in ax.xscale = try scale(args); return .none },
        "set_yscale": { ax, args in ax.yscale = try scale(args); return .none },
        "set_xticks": { ax, args in
            if let r = args.keyword("rotation") { ax.xTickRotation = try AxesDecorations.rotation(r) }
            if let t = try ticks(args) { ax.xticks = t }
            return .none
        },
        "set_yticks": { ax, args in ax.yticks = try ticks(args); return .none },
        "legend": { ax, args in
            let s = try args.bind("legend", ["handles", "labels", "loc"], allowExtraKeywords: true)
            if case .string(let loc)? = s.value(0), s.value(1) == nil, s.value(2) == nil { ax.legend(location: loc); return .none }
            let loc = try AxesDecorations.legendLocation(s.value(2))
            guard loc == "best" || FigureRendererNames.locations.contains(loc) else {
                var m = "'\(loc)' is not a valid value for loc"
                if let sug = Suggest.closest(to: loc, in: FigureRendererNames.locations) { m += "; did you mean '\(sug)'?" }
                throw ScriptError.value(m)
            }
            if let labels = s.value(1) ?? s.value(0), case .list = labels {
                let names = try labels.sequence("labels").map { try $0.string("labels") }
                ax.relabel(names)
            }
            ax.legend(location: loc)
            return .none
        },
        "grid": { ax, args in
            let s = try args.bind("grid", ["visible", "which", "axis"], allowExtraKeywords: true)
            ax.grid = try s.value(0)?.bool("visible") ?? true
            return .none
        },
    ]

    static func text(_ args: Arguments, _ name: String) throws -> String {
        let s = try args.bind(name, ["label", "fontdict", "loc", "pad", "fontsize"], allowExtraKeywords: true)
        return try (s[0] ?? .string("")).string(name)
    }

    static func limits(_ args: Arguments, _ current: (Double, Double), _ name: String) throws -> (Double, Double) {
        var values = args.positional
        if values.count == 1, case .tuple(let t) = values[0] { values = t }
        if values.count == 1, case .list(let l) = values[0] { values = l.items }
        var lo = try values.first.flatMap { $0.isNone ? nil : try $0.double(name) } ?? current.0
        var hi = try (values.count > 1 ? values[1] : nil).flatMap { $0.isNone ? nil : try $0.double(name) } ?? current.1
        if let b = args.keyword("left") ?? args.keyword("bottom") { lo = try b.double(name) }
        if let t = args.keyword("right") ?? args.keyword("top") { hi = try t.double(name) }
        return (lo, hi)
    }

    static func scale(_ args: Arguments) throws -> Scale {
        let name = try (args.positional.first ?? .string("linear")).string("scale")
        guard let s = Scale(rawValue: name) else {
            throw ScriptError.value("'\(name)' is not a valid value for scale; supported values are 'linear', 'log'")
        }
        return s
    }

    static func ticks(_ args: Arguments) throws -> (values: [Double], labels: [String]?)? {
        let s = try args.bind("xticks", ["ticks", "labels", "rotation"], allowExtraKeywords: true)
        guard let t = s.value(0), !t.isNone else { return nil }
        return (try numbers(t), try s.value(1)?.sequence("labels").map { v -> String in
            if case .string(let str) = v { return str }
            return v.shortDescription
        })
    }

    static func bar(_ ax: Axes, _ args: Arguments, horizontal: Bool) throws -> Value {
        let s = try args.bind(horizontal ? "barh" : "bar", ["x", "height", "width", "bottom", "align", "color", "label", "alpha", "tick_label"], required: 2)
        var categories: [String]?
        var x: [Double]
        let first = try (s[0] ?? .none).sequence("x")
        if first.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
            categories = try first.map { try $0.string("x") }
            x = (0..<first.count).map(Double.init)
        } else {
            x = try numbers(s[0] ?? .none)
        }
        var h = try numbers(s[1] ?? .none)
        if h.count == 1 && x.count > 1 { h = [Double](repeating: h[0], count: x.count) }
        let width = try s.value(2)?.double("width") ?? 0.8
        let align = try s.value(4)?.string("align") ?? "center"
        guard align == "center" || align == "edge" else { throw ScriptError.value("align must be either 'center' or 'edge'. Received: '\(align)'") }
        // align='edge' puts the bar's left (or bottom) edge at x, as for pre-binned histograms.
        if align == "edge" { x = x.map { $0 + width / 2 } }
        ax.bar(x: x, heights: h, width: width, bottom: try s.value(3)?.double("bottom") ?? 0,
               color: try colorArgument(s.value(5)), label: try s.value(6)?.string("label"), horizontal: horizontal,
               alpha: try s.value(7)?.double("alpha") ?? 1)
        if let categories {
            if horizontal { ax.yticks = (x, categories) } else { ax.xticks = (x, categories) }
        }
        return .none
    }

    /// `contourf(xx, yy, Z)` / `pcolormesh(xx, yy, Z)` on a meshgrid: cells centred on the grid points.
    static func mesh(_ ax: Axes, _ args: Arguments, _ name: String) throws -> Value {
        let s = try args.bind(name, ["X", "Y", "Z", "levels", "cmap", "alpha", "vmin", "vmax", "shading"], required: 3, allowExtraKeywords: true)
        let xx = try NDArray.coerce(s[0] ?? .none), yy = try NDArray.coerce(s[1] ?? .none), z = try NDArray.coerce(s[2] ?? .none)
        guard z.ndim == 2 else { throw ScriptError.value("\(name) expects Z as a 2-D array") }
        let rows = z.shape[0], cols = z.shape[1]
        let xs = xx.ndim == 2 ? Array(xx.storage.prefix(cols)) : xx.storage
        let ys = yy.ndim == 2 ? stride(from: 0, to: yy.count, by: max(1, yy.shape.last ?? 1)).map { yy.storage[$0] } : yy.storage
        guard xs.count == cols, ys.count == rows else {
            throw ScriptError.value("\(name): shapes of X \(NDArray.shapeText(xx.shape)), Y \(NDArray.shapeText(yy.shape)) and Z \(NDArray.shapeText(z.shape)) do not match")
        }
        func edges(_ c: [Double]) -> [Double] {
            guard c.count > 1 else { return [(c.first ?? 0) - 0.5, (c.first ?? 0) + 0.5] }
            var e = [c[0] - (c[1] - c[0]) / 2]
            for i in 0..<(c.count - 1) { e.append((c[i] + c[i + 1]) / 2) }
            e.append(c[c.count - 1] + (c[c.count - 1] - c[c.count - 2]) / 2)
            return e
        }
        var range: (Double, Double)?
        if let lo = s.value(6), let hi = s.value(7) { range = (try lo.double("vmin"), try hi.double("vmax")) }
        var values = z.storage
        var bands: [Double]?
        if name == "contourf" {
            // Filled bands between level boundaries (about 7 "nice" levels unless `levels=` says
            // otherwise, as matplotlib picks them), each drawn in the colour of its middle value.
            let bounds = try AxesDecorations.levelBoundaries(s.value(3) ?? .int(7), values: values)
            bands = bounds
            values = values.map { v in
                guard v.isFinite, let k = bounds.lastIndex(where: { $0 <= v }) else { return v }
                let i = min(k, bounds.count - 2)
                return (bounds[i] + bounds[i + 1]) / 2
            }
            range = range ?? ((bounds[0] + bounds[1]) / 2, (bounds[bounds.count - 2] + bounds[bounds.count - 1]) / 2)
        }
        ax.mesh(xEdges: edges(xs), yEdges: edges(ys), values: values, colormap: try AxesDecorations.colormapName(s.value(4)),
                alpha: try s.value(5)?.double("alpha") ?? 1, range: range)
        if let bands { ax.mappable?.boundaries = bands }
        return .object(MappableObject(ax, ax.mappable))
    }
}

/// Legend location names accepted by `legend(loc=...)`.
enum FigureRendererNames {
    static let locations = ["best", "upper right", "upper left", "lower left", "lower right", "right",
                            "center left", "center right", "lower center", "upper center", "center"]
}
