import Plot
import Script

/// `matplotlib.pyplot`: a current figure per session; `show()` hands it to the notebook.
enum PyplotModule {
    static var getCmap: BuiltinFunction { BuiltinFunction("get_cmap") { args, _ in
        let s = try args.bind("get_cmap", ["name", "lut"])
        return .object(ColormapObject(try AxesDecorations.colormapName(s.value(0))))
    } }

    /// `colorbar(mappable=None, ax=None, label=...)`: a bar next to the mappable's axes (or `ax`, or
    /// the current axes) for its colour mapping, or the current axes' last one.
    static func colorbar(_ args: Arguments, current: Axes) throws -> Value {
        let s = try args.bind("colorbar", ["mappable", "cax", "ax", "label", "orientation", "shrink", "fraction", "pad"], allowExtraKeywords: true)
        var target = current
        var mapping: Mappable?
        if case .object(let m as MappableObject)? = s.value(0) {
            target = m.axes
            mapping = m.mappable
            guard mapping != nil else { throw ScriptError.value("The mappable has no colour mapping: pass c= values (with cmap=) to scatter, or use contourf, pcolormesh or imshow") }
        }
        if case .object(let a as AxesObject)? = s.value(2) { target = a.axes }
        if let o = s.value(4), try o.string("orientation") != "vertical" { throw ScriptError.notImplemented("colorbar supports orientation='vertical'") }
        guard target.addColorbar(mapping, label: try s.value(3)?.string("label")) else {
            throw ScriptError(kind: "RuntimeError", message: "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        }
        return .object(ColorbarObject(target))
    }

    static func make(session: LessonSession) -> ModuleObject {
        func axes() -> Axes { session.currentFigure().currentAxes }
        var members: [(String, Value)] = [
            function("figure") { args, _ in
                let s = try args.bind("figure", ["num", "figsize", "dpi"], allowExtraKeywords: true)
                let (w, h) = try figureSize(s.value(1))
                let f = Figure(width: w, height: h, dpi: try s.value(2)?.double("dpi") ?? 100)
                session.newFigure(f)
                return .object(FigureObject(f, session: session))
            },
            function("subplots") { args, _ in
                let s = try args.bind("subplots", ["nrows", "ncols", "sharex", "sharey", "squeeze", "figsize", "dpi"], allowExtraKeywords: true)
                let rows = try s.value(0)?.int("nrows") ?? 1, cols = try s.value(1)?.int("ncols") ?? 1
                guard rows > 0, cols > 0, rows * cols <= 64 else { throw ScriptError.value("subplots expects 1 to 64 axes. Received: nrows=\(rows), ncols=\(cols)") }
                let (w, h) = try figureSize(s.value(5))
                let f = Figure(width: w, height: h, dpi: try s.value(6)?.double("dpi") ?? 100)
                session.newFigure(f)
                let items = (1...(rows * cols)).map { AxesObject(f.axes(rows: rows, cols: cols, index: $0)) }
                try share(items.map(\.axes), rows: rows, cols: cols, x: s.value(2), y: s.value(3))
                _ = f.axes(rows: rows, cols: cols, index: 1)
                let axesValue: Value = items.count == 1 ? .object(items[0]) : .object(AxesGrid(rows: rows, cols: cols, items: items))
                return .tuple([.object(FigureObject(f, session: session)), axesValue])
            },
            function("subplot") { args, _ in
                let (rows, cols, index) = try gridArguments(args.positional)
                return .object(AxesObject(session.currentFigure().axes(rows: rows, cols: cols, index: index)))
            },
            function("gca") { _, _ in .object(AxesObject(axes())) },
            function("gcf") { _, _ in .object(FigureObject(session.currentFigure(), session: session)) },
            function("suptitle") { args, _ in
                session.currentFigure().suptitle = try (args.positional.first ?? .string("")).string("t")
                return .none
            },
            function("savefig") { args, _ in
                try session.save(session.currentFigure(), args)
                return .none
            },
            // Layout is always computed so that text fits (see FigureRenderer.box); these are accepted as no-ops.
            function("tight_layout") { _, _ in .none },
            function("colorbar") { args, _ in try colorbar(args, current: axes()) },
            ("get_cmap", .object(getCmap)),
            ("cm", .object(ColormapModule())),
            function("figtext") { args, _ in
                let s = try args.bind("figtext", ["x", "y", "s", "fontsize", "color"], required: 3, allowExtraKeywords: true)
                session.currentFigure().addText(try (s[2] ?? .none).string("s"), x: try (s[0] ?? .none).double("x"), y: try (s[1] ?? .none).double("y"),
                                                size: try s.value(3)?.double("fontsize") ?? 10)
                return .none
            },
            function("subplots_adjust") { _, _ in .none },
            function("show") { _, _ in
                session.showFigure()
                return .none
            },
            function("close") { _, _ in
                session.closeFigure()
                return .none
            },
            function("clf") { _, _ in
                session.newFigure(Figure())
                return .none
            },
            function("plot_decision_boundary") { args, ctx in
                try DecisionBoundary.draw(axes(), args, ctx)
                return .none
            },
        ]
        for (name, method) in AxesMethods.methods where !name.hasPrefix("set_") {
            members.append(function(name) { args, _ in try method(axes(), args) })
        }
        for (pyplotName, axesName) in AxesMethods.axesNames {
            guard let method = AxesMethods.methods[axesName] else { continue }
            members.append(function(pyplotName) { args, _ in try method(axes(), args) })
        }
        return module("matplotlib.pyplot", members)
    }

    /// `sharex=True/'all'/'col'/'row'` (and sharey): axes sharing limits; inner tick labels hidden as
    /// matplotlib hides them (x labels only on the bottom row, y labels only on the first column).
    static func share(_ axes: [Axes], rows: Int, cols: Int, x: Value?, y: Value?) throws {
        func mode(_ v: Value?, _ name: String) throws -> String {
            switch v {
            case nil, .none?, .bool(false)?: return "none"
            case .bool(true)?: return "all"
            case .string(let m)? where ["all", "col", "row", "none"].contains(m): return m
            case let other?: throw ScriptError.value("\(name) must be True, False, 'all', 'col', 'row' or 'none'. Received: \(other.shortDescription)")
            }
        }
        for (isX, m) in [(true, try mode(x, "sharex")), (false, try mode(y, "sharey"))] where m != "none" {
            var groups: [[Int]] = []
            switch m {
            case "all": groups = [Array(0..<(rows * cols))]
            case "col": groups = (0..<cols).map { c in (0..<rows).map { $0 * cols + c } }
            default: groups = (0..<rows).map { r in (0..<cols).map { r * cols + $0 } }
            }
            for g in groups { Axes.share(g.map { axes[$0] }, x: isX) }
            for (i, a) in axes.enumerated() {
                if isX, m != "row", i / cols < rows - 1 { a.hideXTickLabels = true }
                if !isX, m != "col", i % cols > 0 { a.hideYTickLabels = true }
            }
        }
    }

    static func figureSize(_ v: Value?) throws -> (Double, Double) {
        guard let v else { return (6.4, 4.8) }
        let pair = try v.sequence("figsize")
        guard pair.count == 2 else { throw ScriptError.value("figsize expects (width, height) in inches") }
        let w = try pair[0].double("figsize"), h = try pair[1].double("figsize")
        guard w > 0, h > 0, w <= 40, h <= 40 else { throw ScriptError.value("figsize must be positive and at most 40 inches. Received: figsize=(\(w), \(h))") }
        return (w, h)
    }

    /// `subplot(211)` or `subplot(2, 1, 1)`.
    static func gridArguments(_ positional: [Value]) throws -> (Int, Int, Int) {
        var rows = 1, cols = 1, index = 1
        let p = try positional.map { try $0.int("subplot") }
        if p.count == 1 {
            rows = p[0] / 100; cols = (p[0] / 10) % 10; index = p[0] % 10
        } else if p.count == 3 {
            rows = p[0]; cols = p[1]; index = p[2]
        } else {
            throw ScriptError.type("subplot() expects a three-digit number such as 211 or (rows, cols, index)")
        }
        guard rows > 0, cols > 0, index >= 1, index <= rows * cols else {
            throw ScriptError.value("num must be an integer with 1 <= num <= \(max(rows * cols, 1)), not \(index)")
        }
        return (rows, cols, index)
    }

    /// `plot([x], y, [fmt], label=..., color=..., linestyle=..., linewidth=..., marker=...)`.
    /// A sequence of strings given as x: their positions on the axes' categorical x axis (new
    /// categories appended after those already there), with the ticks labelled by them.
    static func categoryPositions(_ x: Value, on ax: Axes) throws -> Value? {
        guard case .list = x, let items = try? x.sequence("x"), !items.isEmpty,
              items.allSatisfy({ if case .string = $0 { true } else { false } }) else {
            if case .tuple(let items) = x, !items.isEmpty, items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return try categoryPositions(.list(ListStorage(items)), on: ax)
            }
            return nil
        }
        var positions: [Value] = []
        for item in items {
            let name = try item.string("x")
            if !ax.xCategories.contains(name) { ax.xCategories.append(name) }
            positions.append(.float(Double(ax.xCategories.firstIndex(of: name) ?? 0)))
        }
        ax.xticks = (ax.xCategories.indices.map(Double.init), ax.xCategories)
        return .list(ListStorage(positions))
    }

    static func plot(_ ax: Axes, _ args: Arguments) throws {
        var positional = args.positional
        var format: String?
        if case .string(let f)? = positional.last { format = f; positional.removeLast() }
        // Strings as x are categories, placed at 0, 1, 2, ... in the order first met, as matplotlib does.
        if positional.count == 2, let positions = try categoryPositions(positional[0], on: ax) { positional[0] = positions }
        let arrays = try positional.map { try NDArray.coerce($0).storage }
        let x: [Double]?, y: [Double]
        switch arrays.count {
        case 1: x = nil; y = arrays[0]
        case 2:
            x = arrays[0]; y = arrays[1]
            guard arrays[0].count == arrays[1].count else {
                throw ScriptError.value("x and y must have same first dimension, but have shapes (\(arrays[0].count),) and (\(arrays[1].count),)")
            }
        default: throw ScriptError.type("plot() expects y, or x and y, optionally with a format string")
        }
        let known = ["label", "color", "c", "linestyle", "ls", "linewidth", "lw", "marker", "alpha", "markersize", "ms", "zorder"]
        for (name, _) in args.keywords where !known.contains(name) {
            var m = "plot() got an unexpected keyword argument '\(name)'"
            if let s = Suggest.closest(to: name, in: known) { m += "; did you mean '\(s)'?" }
            throw ScriptError(kind: "AttributeError", message: m)
        }
        var color: Color?
        if let c = args.keyword("color") ?? args.keyword("c") {
            let name = try c.string("color")
            guard let parsed = Color.parse(name) else { throw ScriptError.value("'\(name)' is not a valid color value.") }
            color = parsed
        }
        var style: LineStyle = .solid
        var marker: Marker?
        if let format {
            let parsed = try FormatString.parse(format)
            style = parsed.style ?? (parsed.marker == nil ? .solid : .none)
            marker = parsed.marker
            color = color ?? parsed.color
        }
        if let ls = try (args.keyword("linestyle") ?? args.keyword("ls"))?.string("linestyle") {
            style = try FormatString.lineStyle(ls)
        }
        if let m = try args.keyword("marker")?.string("marker") { marker = try FormatString.marker(m) }
        let width = try (args.keyword("linewidth") ?? args.keyword("lw"))?.double("linewidth") ?? 1.5
        ax.plot(x: x, y: y, label: try args.keyword("label")?.string("label"), color: color,
                lineStyle: style, lineWidth: width, marker: marker)
    }
}

/// matplotlib's format strings: colour letter, marker and line style in any order (`'r--'`, `'o-'`).
enum FormatString {
    static func parse(_ s: String) throws -> (color: Color?, marker: Marker?, style: LineStyle?) {
        var rest = Substring(s)
        var style: LineStyle?
        for (token, ls) in [("--", LineStyle.dashed), ("-.", .dashDot), ("-", .solid), (":", .dotted)] {
            if let r = rest.range(of: token) { style = ls; rest.removeSubrange(r); break }
        }
        var color: Color?, marker: Marker?
        for ch in rest {
            if "bgrcmykw".contains(ch), color == nil { color = Color.parse(String(ch)) }
            else if let m = try? self.marker(String(ch)), marker == nil { marker = m }
            else { throw ScriptError.value("'\(s)' is not a valid format string (unrecognized character '\(ch)')") }
        }
        return (color, marker, style)
    }

    static func lineStyle(_ s: String) throws -> LineStyle {
        switch s {
        case "-", "solid": return .solid
        case "--", "dashed": return .dashed
        case ":", "dotted": return .dotted
        case "-.", "dashdot": return .dashDot
        case "", " ", "None", "none": return LineStyle.none
        default: throw ScriptError.value("'\(s)' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")
        }
    }

    static func marker(_ s: String) throws -> Marker {
        switch s {
        case "o": return .circle
        case ".": return .point
        case "s": return .square
        case "^": return .triangle
        case "x": return .cross
        case "+": return .plus
        case "*": return .star
        case "D", "d": return .diamond
        default: throw ScriptError.value("Unrecognized marker style '\(s)'")
        }
    }
}
