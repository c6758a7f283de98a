// Work that runs on a thread of its own while the caller does something else, and whose result
// the caller waits for when it needs it.

import Foundation

package final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the work's thread before `finished` is signalled, read only after waiting for it.
    private var result: Result?
    private var taken = false

    /// Starts `work` at once on a new thread (with the main thread's 8 MB of stack, not a secondary
    /// thread's 512 kB). The work may use `ParallelMap` like any other.
    package init(_ work: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            result = work()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result, once it has finished; call it once.
    package func wait() -> Result {
        precondition(!taken, "BackgroundWork.wait() called twice")
        taken = true
        finished.wait()
        return result!
    }
}
