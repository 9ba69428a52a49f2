import Engine
import Foundation
import Plot
import Script
import Tensor

/// Everything one lesson's blocks share besides their variables: the importable modules, NumPy's
/// global random state, the seeds handed to models, and the figures waiting to be shown.
public final class LessonSession {
    public let registry = ModuleRegistry()
    /// Wall time spent inside the engine (fit, evaluate, predict, including callbacks run by fit).
    public private(set) var engineTime: Duration = .zero

    /// Runs an engine call, adding its duration to `engineTime`.
    func timed<T>(_ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { engineTime += ContinuousClock.now - start }
        return try body()
    }
    let numpyRandom: NumPyRandomState
    private var seed: UInt64
    var seedValue: UInt64 { seed }
    private var modelCount: UInt64 = 0
    private var current: Figure?
    /// Figures made earlier in the block and still open: Jupyter's inline backend shows them all.
    private var earlier: [Figure] = []
    private var shown: [Figure] = []

    /// `seed` fixes every random choice the lesson does not seed itself (weight initialisation,
    /// shuffles, and NumPy's global state until `np.random.seed` is called).
    public init(seed: UInt64 = 0) {
        self.seed = seed
        AutoName.reset()
        numpyRandom = NumPyRandomState(seed: UInt32(truncatingIfNeeded: seed))
        registerModules()
    }

    private func registerModules() {
        let numpy = NumpyModule.make(session: self)
        registry.register("numpy") { numpy }
        registry.register("numpy.random") { numpy.members["random"].flatMap { if case .object(let m as ModuleObject) = $0 { return m } else { return nil } } ?? numpy }
        registry.register("numpy.linalg") { numpy.members["linalg"].flatMap { if case .object(let m as ModuleObject) = $0 { return m } else { return nil } } ?? numpy }
        KerasModule.register(in: registry, session: self)
        SklearnModule.register(in: registry, session: self)
        registry.builtins["open"] = TextFile.openFunction(session: self)
        registry.register("math") { PythonStdlib.math() }
        registry.register("random") { PythonStdlib.random(session: self) }
        registry.register("time") { [unowned self] in TimeModule.module(session: self) }
        // Python 2's compatibility imports, which Keras examples of 2017 open with: no-ops here.
        registry.register("__future__") {
            module("__future__", ["print_function", "division", "absolute_import", "unicode_literals"].map { ($0, Value.bool(true)) })
        }
        let pyplot = PyplotModule.make(session: self)
        registry.register("matplotlib.pyplot") { pyplot }
        registry.register("matplotlib") { module("matplotlib", [("pyplot", .object(pyplot))]) }
    }

    /// A distinct, reproducible seed for each model the lesson creates, in creation order.
    /// `tf.random.set_seed(n)` / `keras.utils.set_random_seed(n)`: models created afterwards draw
    /// from a stream fixed by `n`, whatever ran before.
    func reseed(_ n: UInt64) {
        seed = n
        modelCount = 0
        tensorRandom = RandomGenerator(seed: n ^ 0x7F4A_7C15_9E37_79B9)
    }

    /// The stream `tf.random.normal` / `tf.random.uniform` draw from; `tf.random.set_seed` resets it.
    var tensorRandom = RandomGenerator(seed: 0x7F4A_7C15_9E37_79B9)

    func nextModelSeed() -> UInt64 {
        modelCount += 1
        return seed &* 0x9E37_79B9_7F4A_7C15 &+ modelCount
    }

    func currentFigure() -> Figure {
        if let f = current { return f }
        let f = Figure()
        current = f
        return f
    }

    /// `plt.figure()` / `plt.subplots()`: a new current figure; the one before stays open (and is
    /// shown) unless nothing was drawn on it.
    func newFigure(_ f: Figure) {
        if let c = current, !c.isBlank { earlier.append(c) }
        current = f
    }

    /// `plt.clf()`: the current figure starts again, empty.
    func clearFigure() { current = Figure() }

    /// `plt.show()`: every open figure, in the order they were made.
    func showFigure() {
        shown += earlier
        earlier = []
        if let f = current { shown.append(f) }
        current = nil
    }

    /// `plt.close()` closes the current figure, `plt.close('all')` every open one.
    func closeFigure(all: Bool = false) {
        current = nil
        if all { earlier = [] }
    }

    /// `plt.close(fig)`: that figure is not shown.
    func closeFigure(_ figure: Figure) {
        if current === figure { current = nil }
        earlier.removeAll { $0 === figure }
    }

    /// Where the lesson's files go (`savefig`, checkpoints): one folder per session, nothing outside it.
    public var scratchDirectory: URL?
    /// The lesson's own folder, whose files it may read (`open`, `np.loadtxt`, `np.load`); nil: none.
    public var courseFolder: URL?
    /// Told each course file the lesson reads (its path relative to the folder) and its bytes,
    /// or nil for a file it looked for and did not find.
    public var fileRead: ((String, [UInt8]?) -> Void)?
    /// Told each time the lesson reads the clock (`time.time()`, ...): what it prints from it is not reproducible.
    public var clockRead: (() -> Void)?
    /// Told `(epoch, epochs)` as each training epoch ends, for live progress.
    public var epochObserver: ((Int, Int) -> Void)?
    /// Keras' `Callback`, the base of lesson-defined callbacks.
    let callbackBase = CallbackBase.make()

    /// Resolves a file name inside the scratch folder; absolute paths and `..` are errors.
    func scratchPath(_ name: String) throws -> URL {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
            throw ScriptError(kind: "PermissionError", message: "lessons may only write inside their scratch folder; '\(name)' leaves it")
        }
        let dir: URL
        if let d = scratchDirectory { dir = d } else {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-scratch-\(ProcessInfo.processInfo.processIdentifier)-\(UInt(bitPattern: ObjectIdentifier(self).hashValue))")
            scratchDirectory = dir
        }
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    /// The most a lesson's scratch folder may hold.
    nonisolated(unsafe) public static var scratchLimitBytes = 1 << 30
    private var scratchSizes: [String: Int] = [:]

    /// Writes a file of the lesson's into its scratch folder: at most `scratchLimitBytes` in all
    /// (past that, Python's "No space left on device"), and failures as Python's OSError family,
    /// naming the lesson's own path, never the host's.
    func writeScratch(_ data: Data, to name: String) throws {
        let url = try scratchPath(name)
        let total = scratchSizes.values.reduce(0, +) - (scratchSizes[name] ?? 0) + data.count
        guard total <= Self.scratchLimitBytes else {
            throw ScriptError(kind: "OSError", message: "[Errno 28] No space left on device: '\(name)' (a lesson's files may take \(Self.scratchLimitBytes >> 20) MiB in all)")
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw ScriptError(kind: "IsADirectoryError", message: "[Errno 21] Is a directory: '\(name)'")
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ScriptError(kind: "PermissionError", message: "[Errno 13] Permission denied: '\(name)'")
        }
        scratchSizes[name] = data.count
    }

    /// The figures shown during the block just run, plus one left open at its end (as Jupyter's
    /// inline backend shows it); the session starts the next block with no open figure.
    public func takeFigures() -> [Figure] {
        showFigure()
        defer { shown = [] }
        return shown
    }
}
