import Lesson

/// A lesson's formulas on its page: MathML when the TeX converts, otherwise the error in its
/// place, reported at the lesson's line and column of the offending TeX.
public enum MathHTML {
    /// The formula as markup: a `<math>` element, or the error in a visible box. Never raw TeX.
    /// `block` wraps it in a block of its own (display math outside a paragraph).
    static func html(_ formula: MathFormula, file: String, block: Bool) -> (html: String, problem: LessonDiagnostic?) {
        do throws(TeXError) {
            let math = try TeXMath.mathML(formula.tex, display: formula.display)
            if block { return ("<div class=\"math-display\">\(math)</div>\n", nil) }
            // Display math inside a line of text (or a list item, a cell) stays phrasing content.
            return (formula.display ? "<span class=\"math-display\">\(math)</span>" : math, nil)
        } catch {
            let problem = diagnostic(error, in: formula, file: file)
            let text = HTML.escape(problem.description)
            if block { return ("<div class=\"math-display math-error\" role=\"alert\">\(text)</div>\n", problem) }
            return ("<span class=\"math-error\" role=\"alert\">\(text)</span>", problem)
        }
    }

    /// The error of every formula of `lesson` that does not convert, in the lesson's order.
    public static func diagnostics(for lesson: Lesson) -> [LessonDiagnostic] {
        lesson.math.compactMap { formula -> LessonDiagnostic? in
            do throws(TeXError) {
                _ = try TeXMath.mathML(formula.tex, display: formula.display)
                return nil
            } catch {
                return diagnostic(error, in: formula, file: lesson.file)
            }
        }
    }

    /// `error` at the lesson's line and column: the formula's start plus the error's offset.
    static func diagnostic(_ error: TeXError, in formula: MathFormula, file: String) -> LessonDiagnostic {
        let (line, column) = formula.location(ofOffset: error.offset)
        return LessonDiagnostic(file: file, line: line, column: column, message: error.message)
    }
}
