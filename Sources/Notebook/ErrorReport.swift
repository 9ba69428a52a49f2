/// Reading the error reports a record keeps (`Traceback … / lesson.md:3:1: error: ValueError: bad
/// / source line / caret`): one reading for the problems `render` prints, the exception `check`
/// compares and the `ename`/`evalue` a notebook export writes.
public enum ErrorReport {
    /// The line that says what went wrong (the one with `error:`), or the first line.
    public static func headline(_ report: String) -> String {
        let lines = report.split(separator: "\n")
        return String(lines.first { $0.contains("error:") } ?? lines.first ?? "")
    }

    /// What follows `error: ` on the headline (the exception's type and message), or nil when
    /// no line says `error: `.
    public static func message(_ report: String) -> String? {
        for line in report.split(separator: "\n") {
            if line.hasPrefix("error: ") { return String(line.dropFirst("error: ".count)) }
            if let marker = line.range(of: ": error: ") { return String(line[marker.upperBound...]) }
        }
        return nil
    }
}
