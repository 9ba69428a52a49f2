import Synchronization

/// Keras-style automatic names: the first Dense is "dense", then "dense_1", ...
/// The counters are per process, like a Keras session; `reset()` is Keras' `clear_session()`.
public enum AutoName {
    private static let counters = Mutex<[String: Int]>([:])

    /// The next unused name with the given prefix.
    public static func next(_ prefix: String) -> String {
        counters.withLock { table in
            let n = table[prefix, default: 0]
            table[prefix] = n + 1
            return n == 0 ? prefix : "\(prefix)_\(n)"
        }
    }

    /// Forgets every counter, so names start again from "dense".
    public static func reset() {
        counters.withLock { $0.removeAll() }
    }
}
