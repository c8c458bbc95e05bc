import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One thread that owns a set of non-blocking descriptors (``EventLoopChannel``s) and serves them in
/// turn, SwiftNIO's `EventLoop` made small: each iteration it waits on an ``EventSelector`` (bounded by
/// the earliest channel deadline), hands each ready descriptor to its channel, expires the channels whose
/// deadline passed, then runs the work queued for it.
///
/// The loop is also a `TaskExecutor`: a task created with it as executor preference runs its jobs on
/// the loop thread, in the iteration that queued them. A handler that never really suspends thus
/// completes inline, with no thread hop; one that does suspend (a sleep, an actor elsewhere, I/O) leaves
/// the loop free, and its continuation is queued back here when it resumes. Other threads reach the
/// loop only through ``execute(_:)`` and `enqueue`: one lock, and one byte down a pipe when the loop
/// sleeps.
///
/// Channels, their interests and deadlines are touched on the loop thread only, which is what makes the
/// `@unchecked Sendable` sound; the queue shared with other threads sits behind `inbox`'s lock.
final class EventLoop: @unchecked Sendable {
    private enum Work {
        case job(UnownedJob)
        case closure(@Sendable () -> Void)
    }

    private struct Inbox {
        var work: [Work] = []
        /// Whether the loop sits (or is about to sit) in the selector's wait, so new work must wake it.
        var isSleeping = false
        var isWakePending = false
        /// Set when the loop thread has ended: jobs go to the global executor, closures are dropped.
        var isFinished = false
    }

    private let inbox = Mutex(Inbox())
    private let wakeReader: Int32
    private let wakeWriter: Int32

    // Loop-thread state.
    private let selector: EventSelector
    private var channels: [Int32: EventLoopChannel] = [:]
    private var dirty: [EventLoopChannel] = []
    private var earliestDeadline = UInt64.max
    private var isStopping = false
    private var running: [Work] = []
    /// The loop's one read buffer: every channel reads into it, then copies what it keeps.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// The loop's `Date` text cache.
    var dates = HTTPDate.Cache()

    /// The read buffer's size: a request head rarely needs more than one read.
    static let readBufferSize = 64 * 1024

    /// Starts a loop thread named `name`, or returns `nil` when the system has no descriptor for its
    /// selector or wake-up pipe.
    static func start(name: String) -> EventLoop? {
        guard let selector = EventSelector() else { return nil }
        guard let (reader, writer) = CloseOnExec.pipe(nonBlocking: true) else {
            selector.close()
            return nil
        }
        let loop = EventLoop(selector: selector, wakeReader: reader, wakeWriter: writer)
        let thread = Thread { loop.run() }
        thread.name = name
        thread.start()
        return loop
    }

    private init(selector: EventSelector, wakeReader: Int32, wakeWriter: Int32) {
        self.selector = selector
        self.wakeReader = wakeReader
        self.wakeWriter = wakeWriter
        readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
        selector.add(wakeReader, interest: .read)
    }

    // MARK: - Any thread

    /// Runs `work` on the loop thread, in its next iteration (or this one, when called from the loop).
    func execute(_ work: @escaping @Sendable () -> Void) {
        schedule(.closure(work))
    }

    private func schedule(_ work: Work) {
        let outcome = inbox.withLock { inbox -> (mustWake: Bool, orphan: UnownedJob?) in
            guard !inbox.isFinished else {
                if case .job(let job) = work { return (false, job) }
                return (false, nil)
            }
            inbox.work.append(work)
            guard inbox.isSleeping && !inbox.isWakePending else { return (false, nil) }
            inbox.isWakePending = true
            return (true, nil)
        }
        if let orphan = outcome.orphan {
            // A task that prefers this loop outlived it (a handler's child task): the global pool runs it.
            globalConcurrentExecutor.enqueue(ExecutorJob(orphan))
        }
        if outcome.mustWake {
            var one: UInt8 = 1
            _ = write(wakeWriter, &one, 1)
        }
    }

    // MARK: - Loop thread

    /// Starts serving `channel` with `interest`.
    func register(_ channel: EventLoopChannel, interest: EventInterest) {
        channels[channel.fd] = channel
        channel.desiredInterest = interest
        markDirty(channel)
    }

    /// Stops serving `channel` and forgets its descriptor; call before closing the descriptor.
    func deregister(_ channel: EventLoopChannel) {
        guard channels.removeValue(forKey: channel.fd) != nil else { return }
        if channel.registeredInterest != nil {
            selector.remove(channel.fd)
            channel.registeredInterest = nil
        }
    }

    /// Applied before the loop next waits, so interest that changes and changes back within one
    /// iteration (a request read, answered inline, and the next awaited) costs no system call.
    func markDirty(_ channel: EventLoopChannel) {
        guard !channel.isInterestDirty else { return }
        channel.isInterestDirty = true
        dirty.append(channel)
    }

    /// Makes sure the loop wakes by `deadline`.
    func note(_ deadline: Deadline) {
        earliestDeadline = min(earliestDeadline, deadline.nanoseconds)
    }

    /// Tells every channel that the server is stopping (idle ones close), and ends the loop thread
    /// once no channel is left.
    func beginStopping() {
        isStopping = true
        for channel in Array(channels.values) { channel.stopIfIdle() }
    }

    private func run() {
        var events: [ReadyEvent] = []
        while true {
            runQueuedWork()
            applyInterest()
            if isStopping && channels.isEmpty { break }
            let timeout =
                earliestDeadline == UInt64.max ? -1 : Deadline(nanoseconds: earliestDeadline).remainingMilliseconds
            let hasWork = inbox.withLock { inbox in
                guard inbox.work.isEmpty else { return true }
                inbox.isSleeping = true
                return false
            }
            selector.wait(timeout: hasWork ? 0 : timeout, into: &events)
            inbox.withLock { inbox in
                inbox.isSleeping = false
                inbox.isWakePending = false
            }
            for event in events {
                if event.fd == wakeReader {
                    drainWakePipe()
                } else {
                    channels[event.fd]?.handle(event)
                }
            }
            if earliestDeadline <= Deadline.now().nanoseconds { expireChannels() }
        }
        finish()
    }

    /// Runs what other threads (and this one) queued, including task jobs that were queued while
    /// running; a bounded number of rounds, so that I/O is not starved.
    private func runQueuedWork() {
        for _ in 0..<64 {
            inbox.withLock { swap(&$0.work, &running) }
            if running.isEmpty { return }
            for work in running {
                switch work {
                case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                case .closure(let closure): closure()
                }
            }
            running.removeAll(keepingCapacity: true)
        }
    }

    private func applyInterest() {
        for channel in dirty {
            channel.isInterestDirty = false
            guard channels[channel.fd] === channel else { continue }
            let desired = channel.desiredInterest
            switch channel.registeredInterest {
            case nil where !desired.isEmpty:
                selector.add(channel.fd, interest: desired)
                channel.registeredInterest = desired
            case .some where desired.isEmpty:
                selector.remove(channel.fd)
                channel.registeredInterest = nil
            case .some(let registered) where registered != desired:
                selector.modify(channel.fd, interest: desired)
                channel.registeredInterest = desired
            default:
                break
            }
        }
        dirty.removeAll(keepingCapacity: true)
    }

    private func expireChannels() {
        let now = Deadline.now()
        for channel in Array(channels.values) {
            if let deadline = channel.deadline, deadline <= now { channel.expire() }
        }
        earliestDeadline = UInt64.max
        for channel in channels.values {
            if let deadline = channel.deadline { earliestDeadline = min(earliestDeadline, deadline.nanoseconds) }
        }
    }

    private func drainWakePipe() {
        var scratch = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &scratch, { read(wakeReader, $0.baseAddress, $0.count) }) > 0 {}
    }

    private func finish() {
        let orphans = inbox.withLock { inbox -> [Work] in
            inbox.isFinished = true
            _ = close(wakeWriter)
            return inbox.work
        }
        for case .job(let job) in orphans { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
        selector.remove(wakeReader)
        _ = close(wakeReader)
        selector.close()
        readBuffer.deallocate()
    }
}

extension EventLoop: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        schedule(.job(UnownedJob(job)))
    }
}

/// A descriptor an ``EventLoop`` serves: a connection, or the listening socket. Subclasses override
/// the event hooks; every member is used on the loop's thread only.
class EventLoopChannel: @unchecked Sendable {
    /// The descriptor watched.
    let fd: Int32
    /// The loop that owns this channel.
    let loop: EventLoop

    /// What the channel wants to wait for; applied by the loop before it next waits.
    var desiredInterest: EventInterest = []
    /// What the selector watches now (`nil`: not registered).
    var registeredInterest: EventInterest?
    var isInterestDirty = false

    /// When ``expire()`` is due; `nil` for never.
    var deadline: Deadline? {
        didSet { if let deadline { loop.note(deadline) } }
    }

    init(fd: Int32, loop: EventLoop) {
        self.fd = fd
        self.loop = loop
    }

    /// Sets what the channel waits for.
    func wait(for interest: EventInterest) {
        guard interest != desiredInterest else { return }
        desiredInterest = interest
        loop.markDirty(self)
    }

    /// The descriptor is ready (or failed).
    func handle(_ event: ReadyEvent) {}

    /// The deadline has passed.
    func expire() {}

    /// The server began stopping: an idle channel closes now.
    func stopIfIdle() {}
}
