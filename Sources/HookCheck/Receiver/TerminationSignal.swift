import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waiting for the process to be asked to stop: `SIGINT` (Ctrl-C) or `SIGTERM`, for servers that run
/// until then (`hookcheck serve`).
package enum TerminationSignal {
    /// Waits until `SIGINT` or `SIGTERM` arrives, or the calling task is cancelled. While waiting, the
    /// two signals do not end the process; their default action is restored afterwards.
    /// - Returns: `SIGINT` or `SIGTERM`, or `nil` when the task was cancelled.
    package static func wait() async -> Int32? {
        let waiter = Waiter()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.begin(continuation)
            }
        } onCancel: {
            waiter.finish(nil)
        }
    }

    private final class Waiter: @unchecked Sendable {
        // @unchecked: every stored property is only read or written while holding `lock`.
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Int32?, Never>?
        private var result: Int32??
        private var sources: [any DispatchSourceSignal] = []
        private let queue = DispatchQueue(label: "hookcheck.termination-signal")

        func begin(_ continuation: CheckedContinuation<Int32?, Never>) {
            lock.lock()
            if let result {
                lock.unlock()
                continuation.resume(returning: result)
                return
            }
            self.continuation = continuation
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in finish(number) }
                source.resume()
                sources.append(source)
            }
            lock.unlock()
        }

        func finish(_ number: Int32?) {
            lock.lock()
            guard result == nil else {
                lock.unlock()
                return
            }
            result = .some(number)
            let continuation = continuation
            let sources = sources
            self.continuation = nil
            self.sources = []
            lock.unlock()
            for source in sources { source.cancel() }
            if !sources.isEmpty {
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
            }
            continuation?.resume(returning: number)
        }
    }
}
