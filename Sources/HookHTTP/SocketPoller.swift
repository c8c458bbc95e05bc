import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Suspends a task until a non-blocking socket is ready, without blocking Swift's cooperative pool
/// and without a thread per wait. One poller thread runs `poll()` over every waiting socket plus a
/// wake-up pipe, bounded by the earliest deadline, and resumes every waiter it finds ready or expired,
/// many per wake-up under load. Before it sleeps it looks a few times without waiting, so that an answer
/// due within microseconds does not wait for an idle core to wake. A registration wakes the thread (one
/// byte down the pipe) only while it sleeps. A wake-up may be spurious: callers retry their `recv`/`send`
/// and wait again.
///
/// The poller is also a `TaskExecutor`: a task that prefers it (the client's exchanges do, and so can a
/// sender's whole task group) runs its jobs on the poller thread between polls, so a socket that turns
/// ready resumes its task there without handing it to another thread. Jobs queued while it runs jobs make
/// the next `poll()` return at once.
final class SocketPoller: Sendable {
    /// The pollers every client shares: one per core (at most four), each with its own thread, so that a
    /// sender with many connections can keep every core busy.
    static let group: [SocketPoller] = (0..<min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)).map {
        SocketPoller(name: "hookhttp-poller-\($0)")
    }

    /// The poller of `group` whose thread runs the caller, if any: only the jobs of tasks that prefer a
    /// poller run on its thread. (Comparing thread identities is cheaper than asking the task for its
    /// preferred executor, which takes the task's status lock.)
    static var current: SocketPoller? {
        let thread = currentThreadIdentity()
        return group.first { $0.threadIdentity.load(ordering: .relaxed) == thread }
    }

    // Unsafe rather than checked: the checked kind allocates a box per wait, and every waiter is resumed
    // exactly once, by the poll loop (ready, timed out or stopped) or by the I/O thread.
    private typealias Continuation = UnsafeContinuation<Result<Void, SocketError>, Never>

    private struct Waiter {
        let continuation: Continuation
        let events: Int16
        let deadline: Deadline
    }

    private struct State {
        var waiters: [Int32: Waiter] = [:]
        /// Whether the thread sits in `poll()` with the waiters it saw last, so a new one must wake it.
        var isSleeping = false
        var isWakePending = false
        /// Jobs of tasks that prefer this executor, in the order they were enqueued.
        var jobs: [UnownedJob] = []
    }

    private let state = Mutex(State())
    /// How many times the thread polls without waiting (about a microsecond each, with a `sched_yield()`
    /// between) before it sleeps in `poll()`. Measured with `run` against nginx on two cores: 10 sent 11%
    /// more deliveries a second than sleeping at once; 40 and more gave it back.
    private static let looksBeforeSleeping = 10
    /// The poller thread's identity (``currentThreadIdentity()`` on it), 0 until it starts.
    private let threadIdentity = Atomic<UInt>(0)
    /// The wake-up pipe's ends, or -1 when it could not be made: then each wait takes an I/O thread.
    private let wakeReader: Int32
    private let wakeWriter: Int32

    private init(name: String) {
        guard let ends = CloseOnExec.pipe(nonBlocking: true) else {
            wakeReader = -1
            wakeWriter = -1
            return
        }
        wakeReader = ends.reader
        wakeWriter = ends.writer
        let thread = Thread { [self] in self.run() }
        thread.name = name
        thread.start()
    }

    /// Waits until `events` (`POLLIN` or `POLLOUT`) are ready on `socket` or `deadline` passes.
    nonisolated(nonsending) func wait(
        for events: Int16, on socket: Socket, until deadline: Deadline
    ) async throws(SocketError) {
        let result: Result<Void, SocketError> = await withUnsafeContinuation { continuation in
            guard wakeWriter >= 0 else {
                IOThreadPool.shared.run {
                    continuation.resume(
                        returning: Result { () throws(SocketError) in try socket.wait(for: events, until: deadline) })
                }
                return
            }
            register { $0.waiters[socket.fd] = Waiter(continuation: continuation, events: events, deadline: deadline) }
        }
        try result.get()
    }

    /// Queues a job to run on the poller thread, waking it when it sleeps in `poll()`.
    fileprivate func append(_ job: UnownedJob) {
        guard wakeWriter >= 0 else {
            // No poller thread: the job runs on a Dispatch thread, still on behalf of this executor.
            DispatchQueue.global().async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
            return
        }
        register { $0.jobs.append(job) }
    }

    /// Adds a waiter or a job under the lock, then wakes the thread (one byte down the pipe) if it sleeps
    /// in `poll()` and no wake-up is on its way.
    private func register(_ add: (inout State) -> Void) {
        let mustWake = state.withLock { state in
            add(&state)
            guard state.isSleeping && !state.isWakePending else { return false }
            state.isWakePending = true
            return true
        }
        if mustWake {
            var one: UInt8 = 1
            _ = write(wakeWriter, &one, 1)
        }
    }

    /// The poller thread: runs the queued jobs, then polls the waiters' sockets until one is ready or the
    /// earliest deadline (without waiting when jobs are queued), then resumes whom it concerns.
    private func run() {
        threadIdentity.store(currentThreadIdentity(), ordering: .relaxed)
        var entries: [pollfd] = []
        var drain = [UInt8](repeating: 0, count: 64)
        var jobs: [UnownedJob] = []
        let executor = asUnownedTaskExecutor()
        while true {
            state.withLock { swap(&jobs, &$0.jobs) }
            for job in jobs { job.runSynchronously(on: executor) }
            jobs.removeAll(keepingCapacity: true)

            entries.removeAll(keepingCapacity: true)
            entries.append(pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0))
            let (earliest, hasJobs) = state.withLock { state in
                var earliest = UInt64.max
                for (fd, waiter) in state.waiters {
                    entries.append(pollfd(fd: fd, events: waiter.events, revents: 0))
                    earliest = min(earliest, waiter.deadline.nanoseconds)
                }
                state.isSleeping = state.jobs.isEmpty
                return (earliest, !state.jobs.isEmpty)
            }
            let timeout =
                hasJobs ? 0 : earliest == UInt64.max ? -1 : Deadline(nanoseconds: earliest).remainingMilliseconds
            var count: Int32 = 0
            if timeout != 0 && entries.count > 1 {
                // Sockets are waited on but none is ready: look again a few times, yielding the core between
                // looks, before sleeping. An answer due within microseconds (a receiver on this machine
                // under load) is then taken at once, instead of after the wake-up of a core gone idle.
                for _ in 0..<Self.looksBeforeSleeping {
                    count = poll(&entries, nfds_t(entries.count), 0)
                    if count != 0 { break }
                    sched_yield()
                }
            }
            if count == 0 { count = poll(&entries, nfds_t(entries.count), timeout) }
            if count < 0 && errno != EINTR { return }
            if entries[0].revents != 0 {
                while read(wakeReader, &drain, drain.count) > 0 {}
            }
            var ready: [(Continuation, Result<Void, SocketError>)] = []
            state.withLock { state in
                state.isSleeping = false
                state.isWakePending = false
                if count > 0 {
                    for entry in entries.dropFirst() where entry.revents != 0 {
                        if let waiter = state.waiters.removeValue(forKey: entry.fd) {
                            ready.append((waiter.continuation, .success(())))
                        }
                    }
                }
                guard earliest != UInt64.max, earliest <= Deadline.now().nanoseconds else { return }
                let now = Deadline.now().nanoseconds
                for (fd, waiter) in state.waiters where waiter.deadline.nanoseconds <= now {
                    state.waiters[fd] = nil
                    ready.append((waiter.continuation, .failure(.timedOut)))
                }
            }
            for (continuation, result) in ready { continuation.resume(returning: result) }
        }
    }
}

/// The calling thread's `pthread_t` as a number, to compare with another.
private func currentThreadIdentity() -> UInt {
    #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
    #else
        UInt(pthread_self())
    #endif
}

extension SocketPoller: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        append(UnownedJob(job))
    }
}
