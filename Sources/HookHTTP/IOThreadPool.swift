import Dispatch
import Foundation
import Synchronization

/// Dedicated threads for blocking socket work, so that no `poll()`, `recv()` or `getaddrinfo()` ever
/// runs on Swift's cooperative pool. Threads are cached: a finished job parks its thread for
/// `idleLifetime`, and a new job takes a parked thread before a new one is started.
final class IOThreadPool: Sendable {
    /// The pool the server and the client share.
    static let shared = IOThreadPool()

    private final class Worker: Sendable {
        let wakeup = DispatchSemaphore(value: 0)
        let job = Mutex<(@Sendable () -> Void)?>(nil)
    }

    private let idle = Mutex<[Worker]>([])
    private let idleLifetime: DispatchTimeInterval

    init(idleLifetime: DispatchTimeInterval = .seconds(30)) {
        self.idleLifetime = idleLifetime
    }

    /// Runs `job` on a dedicated thread.
    func run(_ job: @escaping @Sendable () -> Void) {
        if let worker = idle.withLock({ $0.popLast() }) {
            worker.job.withLock { $0 = job }
            worker.wakeup.signal()
            return
        }
        let worker = Worker()
        let thread = Thread { [self] in self.loop(worker, first: job) }
        thread.name = "hookhttp-io"
        thread.start()
    }

    /// The number of parked threads (for tests).
    var parkedThreadCount: Int { idle.withLock { $0.count } }

    private func loop(_ worker: Worker, first: @escaping @Sendable () -> Void) {
        var job: (@Sendable () -> Void)? = first
        while let current = job {
            current()
            job = nil
            idle.withLock { $0.append(worker) }
            while job == nil {
                if worker.wakeup.wait(timeout: .now() + idleLifetime) == .timedOut {
                    let retired = idle.withLock { workers in
                        guard let index = workers.firstIndex(where: { $0 === worker }) else { return false }
                        workers.remove(at: index)
                        return true
                    }
                    if retired { return }
                    continue  // a job was handed over just now; its wakeup is on its way
                }
                job = worker.job.withLock { pending in
                    defer { pending = nil }
                    return pending
                }
            }
        }
    }
}
