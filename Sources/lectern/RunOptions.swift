import ArgumentParser
import Foundation
import Notebook

/// The options every command that runs lessons takes.
struct RunOptions: ParsableArguments {
    @Option(help: "Seed for everything a lesson does not seed itself (check must use the render's).")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp(
        "Memory limit of each lesson in MiB: its whole process, watched from outside, and any one array or list it builds.",
        discussion: "The default lets two lessons run at once on a machine with 16 GiB or more."))
    var memoryLimit: Int = 4096

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "Override a parameter of the lessons' `params` block for this run (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    /// The largest memory limit accepted (1 TiB): more is surely a typo.
    static let largestMemoryLimit = 1 << 20

    func validate() throws {
        guard memoryLimit >= 64 && memoryLimit <= Self.largestMemoryLimit else {
            throw ValidationError("--memory-limit must be between 64 and \(Self.largestMemoryLimit) (MiB). Received: \(memoryLimit)")
        }
        _ = try parameterValues()
    }

    /// `--param` values by name.
    func parameterValues() throws -> [String: String] {
        var values: [String: String] = [:]
        for p in parameters {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError("--param expects name=value. Received: \(p)")
            }
            let name = String(p[..<eq])
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ValidationError("--param name must be a Python identifier. Received: \(name)")
            }
            values[name] = String(p[p.index(after: eq)...])
        }
        return values
    }
}

/// How many lessons run at once.
struct ParallelOptions: ParsableArguments {
    @Option(name: .customShort("j"), help: "Lessons to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print only one line per lesson, even on a terminal.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("-j must be between 1 and 256. Received: \(jobs)") }
    }
}
