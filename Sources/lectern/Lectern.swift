import ArgumentParser
import Foundation

@main
struct Lectern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Run Markdown lessons with experiment blocks, render them to HTML, and check their outputs.",
        subcommands: [Render.self, Run.self, CheckCommand.self, IndexCommand.self, ExportCommand.self, Bench.self, PreviewCommand.self, ChildCommand.self])

    /// Like ArgumentParser's own `main`, except that a wrong command line exits with status 2
    /// (as `check` documents: 0 ok, 1 drift, 2 could not check or bad usage).
    static func main() async {
        BLASKernels.pin()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// OpenBLAS picks its matrix kernels from the CPU when the library loads, and machines of the same
/// kind report different CPUs (Haswell kernels here, Cooperlake on others). Different kernels sum
/// in different orders, so a 4000-epoch fit ends with different bits and `lectern check` would
/// report drift. Lectern therefore always runs with one kernel set, Haswell's (AVX2 and FMA, on
/// every x86-64 server CPU of the last decade): if the variable is unset or names another set,
/// set it and start again; on a CPU without AVX2 and FMA, say that results may differ.
enum BLASKernels {
    static let coreType = "Haswell"

    static func pin() {
        #if arch(x86_64)
        let current = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
        if current == coreType { return }
        guard cpuSupportsHaswellKernels() else {
            if CommandLine.arguments.dropFirst().first != "_child" {
                FileHandle.standardError.write(Data("lectern: this CPU lacks AVX2 or FMA, so OpenBLAS cannot use the \(coreType) kernels the records were made with; results may differ from the records in the last digits\n".utf8))
            }
            return
        }
        if let current, CommandLine.arguments.dropFirst().first != "_child" {
            FileHandle.standardError.write(Data("lectern: OPENBLAS_CORETYPE was \(current); using \(coreType), the kernels the records were made with\n".utf8))
        }
        setenv("OPENBLAS_CORETYPE", coreType, 1)
        var argv = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // exec failed: go on with the kernels already chosen.
        for p in argv { free(p) }
        #endif
    }

    /// Whether the CPU has the instructions Haswell's kernels use.
    static func cpuSupportsHaswellKernels() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return true }
        let set = Set(flags.split(separator: " ").map(String.init))
        return set.contains("avx2") && set.contains("fma")
    }
}
