/// A TeX formula of a lesson and where its TeX starts in the lesson file, so that a converter's
/// error (a Character offset into `tex`) can be reported at the lesson's line and column.
/// The lesson knows no TeX: converting it is the site's business.
public struct MathFormula: Sendable, Equatable {
    /// The TeX between the delimiters, as written.
    public var tex: String
    /// `$$...$$` or a ```` ```math ```` block, as opposed to `$...$`.
    public var display: Bool
    /// Line (1-based) of the formula's first TeX character in the lesson.
    public var line: Int
    /// Column (1-based, in Characters) of the formula's first TeX character in the lesson.
    public var column: Int
    /// The formula as written, delimiters included: what a reader would see were it not math.
    public var source: String

    public init(tex: String, display: Bool, line: Int, column: Int, source: String) {
        self.tex = tex
        self.display = display
        self.line = line
        self.column = column
        self.source = source
    }

    /// The lesson's line and column of the Character `offset` counts into `tex` (a formula may
    /// span lines). An offset past the end is the position just after the formula.
    public func location(ofOffset offset: Int) -> (line: Int, column: Int) {
        var line = self.line, column = self.column
        for c in tex.prefix(max(0, offset)) {
            if c.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
