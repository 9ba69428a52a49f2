import Plot
import Script

/// `matplotlib.pyplot`: a current figure per session; `show()` hands it to the notebook.
enum PyplotModule {
    static var getCmap: BuiltinFunction {
        BuiltinFunction(Signature("get_cmap", "name=None, !lut=None")) { a, _ in .object(ColormapObject(try AxesDecorations.colormapName(a.optional("name")))) }
    }

    static func make(session: LessonSession) -> ModuleObject {
        func axes() -> Axes { session.currentFigure().currentAxes }
        func figure() -> Figure { session.currentFigure() }
        let members: [(String, Value)] = [
            declared("figure", "!num=None, figsize=None, dpi=None, *, !facecolor=None, !edgecolor=None, !frameon=True, !FigureClass=<no value>, !clear=False, **kwargs") { a, _ in
                let f = try FigureCalls.newFigure(a.extraKeywords, figsize: a["figsize"], dpi: a["dpi"], call: "figure")
                session.newFigure(f)
                return .object(FigureObject(f, session: session))
            },
            declared("subplots", """
                nrows=1, ncols=1, *, sharex=False, sharey=False, !squeeze=True, !width_ratios=None, !height_ratios=None,
                !subplot_kw=None, !gridspec_kw=None, **fig_kw
                """) { a, _ in
                let rows = try a["nrows"].int("nrows"), cols = try a["ncols"].int("ncols")
                guard rows > 0, cols > 0, rows * cols <= 64 else { throw ScriptError.value("subplots expects 1 to 64 axes. Received: nrows=\(rows), ncols=\(cols)") }
                let f = try FigureCalls.newFigure(a.extraKeywords, figsize: nil, dpi: nil, call: "subplots")
                session.newFigure(f)
                let items = (1...(rows * cols)).map { AxesObject(f.axes(rows: rows, cols: cols, index: $0)) }
                try share(items.map(\.axes), rows: rows, cols: cols, x: a["sharex"], y: a["sharey"])
                _ = f.axes(rows: rows, cols: cols, index: 1)
                let axesValue: Value = items.count == 1 ? .object(items[0]) : .object(AxesGrid(rows: rows, cols: cols, items: items))
                return .tuple([.object(FigureObject(f, session: session)), axesValue])
            },
            declared("subplot", "*args, **kwargs") { a, _ in
                try refuseKeywords(a.extraKeywords, call: "subplot")
                let (rows, cols, index) = try gridArguments(a.extraPositional)
                return .object(AxesObject(figure().axes(rows: rows, cols: cols, index: index)))
            },
            declared("gca", "") { _, _ in .object(AxesObject(axes())) },
            declared("gcf", "") { _, _ in .object(FigureObject(figure(), session: session)) },
            declared("suptitle", "t, **kwargs") { a, _ in try FigureCalls.suptitle(figure(), a) },
            declared("savefig", "fname, **kwargs") { a, _ in try FigureCalls.savefig(figure(), a, session: session) },
            // Layout is always computed so that text fits (see FigureRenderer.box): nothing to adjust.
            declared("tight_layout", FigureCalls.tightLayoutDeclaration) { _, _ in .none },
            declared("subplots_adjust", FigureCalls.subplotsAdjustDeclaration) { _, _ in .none },
            declared("colorbar", "mappable=None, !cax=None, ax=None, **kwargs") { a, _ in try FigureCalls.colorbar(a, current: axes()) },
            ("get_cmap", .object(getCmap)),
            ("cm", .object(ColormapModule())),
            declared("figtext", FigureCalls.textDeclaration) { a, _ in try FigureCalls.text(figure(), a, "figtext") },
            // `block` only matters to a window on screen; a notebook's figures are shown inline, as Jupyter's are.
            declared("show", "*, block=None") { _, _ in
                session.showFigure()
                return .none
            },
            declared("close", "fig=None") { a, _ in
                switch a["fig"] {
                case .none: session.closeFigure()
                case .string("all"): session.closeFigure(all: true)
                case .object(let f as FigureObject): session.closeFigure(f.figure)
                case let other: throw ScriptError.notImplemented("close: fig=\(other.shortDescription) is not supported yet (close() and close('all') close the current figure, close(fig) that figure)")
                }
                return .none
            },
            declared("clf", "") { _, _ in
                session.clearFigure()
                return .none
            },
            declared("plot_decision_boundary", "model, X, y, steps=100") { a, ctx in
                try DecisionBoundary.draw(axes(), a, ctx)
                return .none
            },
        ]
        return module("matplotlib.pyplot", members + AxesMethods.pyplotFunctions(on: axes))
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
