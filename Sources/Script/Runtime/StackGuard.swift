import Foundation

/// Keeps every recursion a lesson can cause (its own functions, nested data printed or compared,
/// deeply nested expressions) inside the native stack: the interpreter runs on a thread with a
/// large stack of known size, and each recursive step asks how much of it is used. Python's
/// recursion limit then measures real depth, and a lesson can raise RecursionError but never
/// overflow the stack.
public enum StackGuard {
    /// The stack the interpreter thread gets.
    public static let stackSize = 1 << 30
    /// How much of it recursion may use before RecursionError; the rest is headroom for the
    /// library code (BLAS, libgd, printing) called from the deepest frame.
    static let budget = stackSize - (64 << 20)

    /// Address of the interpreter thread's first frame; 0 on threads that did not start through
    /// `run`, where only the call-depth limit applies.
    nonisolated(unsafe) private static var base: UInt = 0

    /// Runs `body` on a new thread with a `stackSize` stack and waits for it.
    public static func run<T>(_ body: () -> T) -> T {
        var result: T?
        withoutActuallyEscaping(body) { body in
            // The thread lets go of `body` before it signals: the Thread object may outlive the
            // wait, and `withoutActuallyEscaping` traps if anything still holds `body` at its end.
            let box = Unchecked<(() -> T)?>(body)
            let done = DispatchSemaphore(value: 0)
            let resultBox = Unchecked<T?>(nil)
            let thread = Thread {
                var marker = 0
                base = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
                resultBox.value = box.value?()
                box.value = nil
                base = 0
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
            done.wait()
            result = resultBox.value
        }
        return result!
    }

    /// Bytes of stack in use below the interpreter thread's first frame.
    @inline(__always)
    static func used() -> Int {
        guard base != 0 else { return 0 }
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here < base ? Int(base - here) : 0
    }

    /// Throws RecursionError when the stack is nearly used up.
    @inline(__always)
    public static func check(_ what: String = "") throws {
        if used() > budget {
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded" + what)
        }
    }

    /// Whether there is stack left for another level (for code that cannot throw).
    @inline(__always)
    public static var hasRoom: Bool { used() <= budget }
}

/// A value handed to another thread that is known to be used by one thread at a time.
final class Unchecked<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
