import ArgumentParser
import Foundation
import Lesson
import Notebook
import Runner
import Site

struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the lessons whose code changed, each in its own process, and write the site.",
        discussion: """
        A lesson runs again only when one of its blocks' keys changed (its code, its running \
        options, the blocks before it, the seed, the parameters or Lectern's version); otherwise \
        its page is rebuilt from the record, so prose edits show at once. The index lists every \
        record in the output folder.
        """)

    @Argument(help: "A lesson file or a folder of lessons.")
    var lessons: String = "notebooks"

    @Option(name: .shortAndLong, help: "The folder the site and records are written to.")
    var output: String = "output"

    @OptionGroup var options: RunOptions
    @OptionGroup var parallel: ParallelOptions

    @Flag(help: "Run every lesson, even those whose record is up to date.")
    var force = false

    @Option(help: ArgumentHelp("Run only shard i of n (1-based), balanced by the lessons' recorded run times.", valueName: "i/n"))
    var shard: String?

    @Flag(help: "Run nothing: build the pages and the index from the records in the output folder (to merge shards).")
    var fromRecords = false

    @Flag(help: "For authors: list draft lessons too, and show each block's file:line · id above its code.")
    var draft = false

    func validate() throws {
        if let shard, Shards.parse(shard) == nil { throw ValidationError("--shard expects i/n with 1 ≤ i ≤ n, as in --shard 2/4. Received: \(shard)") }
        if fromRecords && force { throw ValidationError("--from-records runs nothing, so --force cannot go with it") }
    }

    func run() async throws {
        let files = try LessonFiles.find(lessons)
        guard !files.isEmpty else { throw ValidationError("no lessons (.md files) in \(lessons)") }
        let folder = try OutputFolder(URL(fileURLWithPath: output), wait: printError)
        let course = CourseFolder.load(containing: lessons)
        let site = SiteBuild(folder: folder, seed: options.seed, parameters: try options.parameterValues(), course: course, draft: draft)
        for problem in course.problems { site.fail(problem) }
        var plan = site.plan(files, force: force)
        if let shard, let (i, n) = Shards.parse(shard) {
            let times = RunTimes(folder)
            let stems = plan.map(\.stem)
            let chosen = Shards.select(stems, times: Dictionary(uniqueKeysWithValues: stems.compactMap { s in times.seconds(s).map { (s, $0) } }), shard: i, of: n)
            plan = plan.filter { chosen.contains($0.stem) }
        }
        let board = ProgressBoard(names: plan.map(\.name), live: !parallel.quiet && ProgressBoard.standardOutputIsTerminal,
                                  write: { FileHandle.standardOutput.write(Data($0.utf8)) })
        var jobs: [LessonJob] = []
        var jobEntries: [Int] = []
        for (i, entry) in plan.enumerated() {
            switch entry.state {
            case .unreadable(let why):
                site.fail("\(entry.name): error: \(why)")
                board.skipped(i, line: "skipped \(entry.name): \(why)")
            case .frozen(let lesson, let record):
                try site.rebuildPage(lesson, record)
                board.skipped(i, line: "unchanged \(entry.name): page rebuilt from its record")
            case .stale(let lesson):
                if fromRecords {
                    site.fail("\(lesson.file): error: no up-to-date record in \(output) (render it, or copy its shard's records here)")
                    board.skipped(i, line: nil)
                } else {
                    jobs.append(LessonJob(lesson: lesson, seed: options.seed, parameters: site.parameters, memoryLimitMiB: options.memoryLimit,
                                          courseFolder: entry.folder))
                    jobEntries.append(i)
                }
            }
        }
        let order = RunTimes(folder).longestFirst(jobs.map(\.lesson.stem))
        let lessonJobs = order.map { jobs[$0] }, entries = order.map { jobEntries[$0] }
        let runner = CourseRunner(supervisor: Supervisor(executable: SelfExecutable.url), parallel: parallel.jobs)
        await runner.run(lessonJobs, onEvent: { j, event in
            board.event(entries[j], event)
        }, finish: { j, outcome in
            board.finished(entries[j], line: site.install(lessonJobs[j].lesson, outcome))
        }, willStart: { j in board.started(entries[j]) })
        try site.refreshNavigation(besides: Set(files.map { LessonFiles.stem($0.lastPathComponent) }))
        try site.writeIndex()
        for p in site.problems { printError(p) }
        if site.failed { throw ExitCode.failure }
    }
}
