/// A growable block of floats owned by one layer, loss or model, reused across
/// steps so the training loop allocates nothing once buffers reach their size.
public final class FloatBuffer {
    public private(set) var capacity: Int
    public private(set) var pointer: UnsafeMutablePointer<Float>

    public init(capacity: Int = 0) {
        self.capacity = max(0, capacity)
        pointer = .allocate(capacity: max(1, capacity))
        pointer.initialize(repeating: 0, count: max(1, capacity))
    }

    deinit {
        pointer.deallocate()
    }

    /// Makes room for at least `count` floats. Contents are zeroed when it grows.
    public func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
        capacity = count
    }

    public var readOnly: UnsafePointer<Float> { UnsafePointer(pointer) }

    /// Copies the first `count` floats out as an array.
    public func array(count: Int) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer, count: min(count, capacity)))
    }

    /// Sets the first `values.count` floats.
    public func assign(_ values: [Float]) {
        reserve(values.count)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }
}
