import Engine
import Script

/// The language's view of a `GradientRecorder` (also what `TensorBoard(histogram_freq=...)`
/// returns): names, epochs, per-epoch histograms and statistic series.
enum RecorderAccess {
    static let names = ["names", "epochs", "histogram", "series", "histogram_freq", "bins"]
    static let statistics = ["mean", "std", "min", "max", "mean_abs", "norm"]

    static func attribute(_ r: GradientRecorder, _ attr: String) throws -> Value? {
        switch attr {
        case "names": return .list(ListStorage(r.names.map { .string($0) }))
        case "epochs": return .list(ListStorage(r.epochs.map { .int($0) }))
        case "histogram_freq": return .int(r.frequency)
        case "bins": return .int(r.bins)
        case "histogram":
            // histogram(name, epoch=-1, kind='gradients') -> (counts, edges), as numpy.histogram returns them.
            return .object(BuiltinFunction(Signature("histogram", "name, epoch=-1, kind='gradients'")) { s, _ in
                let name = try s["name"].string("name")
                let snaps = r.history(try kind(s["kind"]), name: try known(r, name))
                guard !snaps.isEmpty else { throw ScriptError.value("nothing recorded yet: fit the model with this callback first") }
                let position = try s["epoch"].int("epoch")
                let snap: GradientRecorder.Snapshot
                if position < 0 {
                    guard -position <= snaps.count else { throw ScriptError.index("epoch index \(position) out of range for \(snaps.count) recorded epochs") }
                    snap = snaps[snaps.count + position]
                } else {
                    guard let found = snaps.first(where: { $0.epoch == position }) else {
                        throw ScriptError.value("epoch \(position) was not recorded; recorded epochs: \(r.epochs.prefix(8).map(String.init).joined(separator: ", "))\(r.epochs.count > 8 ? ", ..." : "")")
                    }
                    snap = found
                }
                return .tuple([.object(NDArray(shape: [snap.counts.count], storage: snap.counts.map(Double.init), dtype: .int64)),
                               .object(NDArray(shape: [snap.edges.count], storage: snap.edges))])
            })
        case "series":
            // series(stat='mean_abs', kind='gradients') -> {name: [value per recorded epoch]}
            return .object(BuiltinFunction(Signature("series", "stat='mean_abs', kind='gradients'")) { s, _ in
                let stat = try s["stat"].string("stat")
                guard statistics.contains(stat) else {
                    throw ScriptError.value("unknown statistic '\(stat)'; choose one of \(statistics.joined(separator: ", "))")
                }
                let k = try kind(s["kind"])
                let dict = DictStorage()
                for name in r.names {
                    let values: [Value] = r.history(k, name: name).map { snap in
                        switch stat {
                        case "mean": return .float(snap.mean)
                        case "std": return .float(snap.std)
                        case "min": return .float(snap.min)
                        case "max": return .float(snap.max)
                        case "norm": return .float(snap.norm)
                        default: return .float(snap.meanAbs)
                        }
                    }
                    try dict.set(.string(name), .list(ListStorage(values)))
                }
                return .dict(dict)
            })
        default: return nil
        }
    }

    private static func kind(_ v: Value?) throws -> GradientRecorder.Kind {
        let name = try v?.string("kind") ?? "gradients"
        guard let k = GradientRecorder.Kind(rawValue: name) else {
            throw ScriptError.value("kind must be 'weights' or 'gradients'. Received: '\(name)'")
        }
        return k
    }

    private static func known(_ r: GradientRecorder, _ name: String) throws -> String {
        if r.names.contains(name) { return name }
        throw ScriptError.value("no recorded tensor named '\(name)'; recorded: \(r.names.joined(separator: ", "))")
    }
}
