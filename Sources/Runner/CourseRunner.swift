import Foundation
import Notebook

/// Runs many lessons, each in its own supervised child, at most `parallel` at once, and hands
/// each outcome to `finish` as it arrives. Each child's work folder lives in the temporary folder
/// and is removed once its outcome has been handled; folders left by an earlier `lectern` that
/// was killed are removed at the start.
public struct CourseRunner: Sendable {
    public var supervisor: Supervisor
    public var parallel: Int
    public var temporaryFolder: URL

    public init(supervisor: Supervisor, parallel: Int, temporaryFolder: URL = FileManager.default.temporaryDirectory) {
        self.supervisor = supervisor
        self.parallel = max(1, parallel)
        self.temporaryFolder = temporaryFolder
    }

    static let workPrefix = "lectern-work-"

    public func run(_ jobs: [LessonJob],
                    onEvent: @escaping @Sendable (Int, ChildEvent) -> Void,
                    finish: @escaping @Sendable (Int, ChildOutcome) async -> Void,
                    willStart: @escaping @Sendable (Int) -> Void = { _ in }) async {
        removeOrphanedWork()
        let pid = getpid()
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func start(_ index: Int) {
                let job = jobs[index]
                let work = temporaryFolder.appendingPathComponent("\(Self.workPrefix)\(pid)-\(index)-\(UUID().uuidString.prefix(8))")
                willStart(index)
                group.addTask {
                    let outcome = await supervisor.run(job, work: work) { onEvent(index, $0) }
                    await finish(index, outcome)
                    try? FileManager.default.removeItem(at: work)
                }
            }
            while next < min(parallel, jobs.count) { start(next); next += 1 }
            while await group.next() != nil {
                if next < jobs.count { start(next); next += 1 }
            }
        }
    }

    /// Work folders whose `lectern` process no longer exists (it was killed before cleaning up).
    func removeOrphanedWork() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: temporaryFolder.path)) ?? [] where name.hasPrefix(Self.workPrefix) {
            let rest = name.dropFirst(Self.workPrefix.count)
            guard let owner = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            if owner != getpid(), kill(owner, 0) != 0, errno == ESRCH {
                try? fm.removeItem(at: temporaryFolder.appendingPathComponent(name))
            }
        }
    }
}
