import ArgumentParser
import Foundation

@main
struct Lectern: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Run Markdown lessons with experiment blocks, render them to HTML, and check their outputs.",
        subcommands: [Render.self, Run.self, CheckCommand.self, Bench.self])

}
