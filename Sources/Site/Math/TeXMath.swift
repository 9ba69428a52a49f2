/// Converts TeX math (the LaTeX subset course authors write) to MathML Core.
public enum TeXMath {
    /// One `<math>` element for the formula, `display="block"` when `display` is true.
    public static func mathML(_ tex: String, display: Bool) throws(TeXError) -> String {
        var parser = try TeXParser(tex, display: display)
        let root = try parser.parseFormula()
        return MathMLWriter.write(root, display: display)
    }
}

/// A piece of a math list with the TeX class that decides its spacing and script placement.
struct TeXAtom {
    enum Class { case ord, op, bin, rel, open, close, punct, inner, none }
    enum Limits { case never, display, always }

    var node: MathElement
    var cls: Class
    /// Where scripts go: beside (never), under/over in display style only, or always under/over.
    var limits: Limits = .never
    /// A function name (`\sin`, `\max`, `\operatorname`), followed by an invisible function application.
    var isFunction = false

    init(_ node: MathElement, _ cls: Class, limits: Limits = .never, isFunction: Bool = false) {
        self.node = node
        self.cls = cls
        self.limits = limits
        self.isFunction = isFunction
    }
}
