import ArgumentParser

/// `lectern index`: the last step of a sharded build, after the shards' output folders are
/// copied into one: pages and index from the records, nothing run.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build every page and the index from the records in the output folder, running nothing (same as render --from-records).")

    @Argument(help: "A lesson file or a folder of lessons.")
    var lessons: String = "notebooks"

    @Option(name: .shortAndLong, help: "The folder holding the records (merged from the shards).")
    var output: String = "output"

    @OptionGroup var options: RunOptions

    func run() async throws {
        let render = try Render.parse([lessons, "-o", output, "--from-records", "--seed", String(options.seed), "--quiet"]
                                      + options.parameters.flatMap { ["--param", $0] })
        try await render.run()
    }
}
