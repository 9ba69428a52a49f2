import Plot
import Script

/// `matplotlib.pyplot`: a current figure per session; `show()` hands it to the notebook.
enum PyplotModule {
    static func make(session: LessonSession) -> ModuleObject {
        func axes() -> Axes { session.currentFigure().currentAxes }
        func text(_ name: String, _ set: @escaping (Axes, String) -> Void) -> (String, Value) {
            function(name) { args, _ in
                let s = try args.bind(name, ["label", "fontdict", "loc", "pad", "fontsize"], allowExtraKeywords: true)
                set(axes(), try (s[0] ?? .string("")).string(name))
                return .none
            }
        }
        return module("matplotlib.pyplot", [
            function("figure") { args, _ in
                let s = try args.bind("figure", ["num", "figsize", "dpi"], allowExtraKeywords: true)
                var w = 6.4, h = 4.8
                if let size = s.value(1) {
                    let pair = try size.sequence("figsize")
                    guard pair.count == 2 else { throw ScriptError.value("figsize expects (width, height) in inches") }
                    w = try pair[0].double("figsize"); h = try pair[1].double("figsize")
                }
                session.newFigure(Figure(width: w, height: h, dpi: try s.value(2)?.double("dpi") ?? 100))
                return .none
            },
            function("subplot") { args, _ in
                var rows = 1, cols = 1, index = 1
                let p = try args.positional.map { try $0.int("subplot") }
                if p.count == 1 {
                    rows = p[0] / 100; cols = (p[0] / 10) % 10; index = p[0] % 10
                } else if p.count == 3 {
                    rows = p[0]; cols = p[1]; index = p[2]
                } else {
                    throw ScriptError.type("subplot() expects a three-digit number such as 211 or (rows, cols, index)")
                }
                guard rows > 0, cols > 0, index >= 1, index <= rows * cols else {
                    throw ScriptError.value("num must be an integer with 1 <= num <= \(rows * cols), not \(index)")
                }
                _ = session.currentFigure().axes(rows: rows, cols: cols, index: index)
                return .none
            },
            function("plot") { args, _ in
                try plot(axes(), args)
                return .none
            },
            text("title") { $0.title = $1 },
            text("xlabel") { $0.xlabel = $1 },
            text("ylabel") { $0.ylabel = $1 },
            function("legend") { args, _ in
                let s = try args.bind("legend", ["handles", "labels", "loc"], allowExtraKeywords: true)
                axes().legend(location: try s.value(2)?.string("loc") ?? "best")
                return .none
            },
            function("show") { _, _ in
                session.showFigure()
                return .none
            },
            function("close") { _, _ in
                session.closeFigure()
                return .none
            },
        ])
    }

    /// `plot([x], y, [fmt], label=..., color=..., linestyle=..., linewidth=..., marker=...)`.
    static func plot(_ ax: Axes, _ args: Arguments) throws {
        var positional = args.positional
        var format: String?
        if case .string(let f)? = positional.last { format = f; positional.removeLast() }
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
        let known = ["label", "color", "c", "linestyle", "ls", "linewidth", "lw", "marker"]
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
