import Engine
import Script

/// `sklearn` (datasets for now), returning NumPy arrays bit-equal to scikit-learn's.
enum SklearnModule {
    static func datasets() -> ModuleObject {
        module("sklearn.datasets", [
            function("make_moons") { args, _ in
                let s = try args.bind("make_moons", ["n_samples", "shuffle", "noise", "random_state"])
                let n = try s.value(0)?.int("n_samples") ?? 100
                guard n >= 0 else { throw ScriptError.value("make_moons expects n_samples >= 0. Received: n_samples=\(n)") }
                let seed = try s.value(3).map { try $0.int("random_state") }
                let (x, y) = Datasets.makeMoons(nSamples: n, shuffle: try s.value(1)?.bool("shuffle") ?? true,
                                                noise: try s.value(2)?.double("noise"),
                                                randomState: seed.map { UInt32(truncatingIfNeeded: $0) })
                return .tuple([
                    .object(NDArray(shape: [n, 2], storage: x)),
                    .object(NDArray(shape: [n], storage: y.map(Double.init), dtype: .int64)),
                ])
            },
        ])
    }

    static func register(in registry: ModuleRegistry) {
        let ds = datasets()
        registry.register("sklearn.datasets") { ds }
        registry.register("sklearn.datasets.samples_generator") { ds }
        registry.register("sklearn") { module("sklearn", [("datasets", .object(ds))]) }
    }
}
