#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if os(Linux)
    import CHookHTTP
#endif

/// The readiness an event loop waits for on a descriptor.
struct EventInterest: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let read = EventInterest(rawValue: 1)
    static let write = EventInterest(rawValue: 2)
}

/// What the selector reports for one descriptor.
struct ReadyEvent {
    var fd: Int32
    var isReadable: Bool
    var isWritable: Bool
    /// An error or hang-up: whatever the descriptor waits for, its next call fails or reads the end.
    var isHangUp: Bool
}

/// Readiness for one event loop: epoll (level-triggered) on Linux, `poll(2)` elsewhere (there it
/// rebuilds its descriptor list per wait; portable, not fast). Confined to its loop's thread.
final class EventSelector {
    #if os(Linux)
        private let epoll: Int32
        private var fds = [Int32](repeating: 0, count: 256)
        private var bits = [UInt32](repeating: 0, count: 256)
    #else
        private var registered: [Int32: EventInterest] = [:]
        private var entries: [pollfd] = []
    #endif

    /// Creates the selector, or returns `nil` when the system refuses one (out of descriptors).
    init?() {
        #if os(Linux)
            epoll = chookhttp_epoll_create()
            guard epoll >= 0 else { return nil }
        #endif
    }

    /// Starts watching `fd` for `interest` (which may be empty: then only errors are reported).
    func add(_ fd: Int32, interest: EventInterest) {
        #if os(Linux)
            _ = chookhttp_epoll_ctl(epoll, 1, fd, Self.bits(interest))
        #else
            registered[fd] = interest
        #endif
    }

    /// Changes what `fd` is watched for.
    func modify(_ fd: Int32, interest: EventInterest) {
        #if os(Linux)
            _ = chookhttp_epoll_ctl(epoll, 3, fd, Self.bits(interest))
        #else
            registered[fd] = interest
        #endif
    }

    /// Stops watching `fd`; call before closing it.
    func remove(_ fd: Int32) {
        #if os(Linux)
            _ = chookhttp_epoll_ctl(epoll, 2, fd, 0)
        #else
            registered[fd] = nil
        #endif
    }

    /// Waits up to `timeout` milliseconds (-1: without bound) and replaces `events` with what is ready.
    func wait(timeout: Int32, into events: inout [ReadyEvent]) {
        events.removeAll(keepingCapacity: true)
        #if os(Linux)
            let count = fds.withUnsafeMutableBufferPointer { fds in
                bits.withUnsafeMutableBufferPointer { bits in
                    chookhttp_epoll_wait(epoll, fds.baseAddress, bits.baseAddress, Int32(fds.count), timeout)
                }
            }
            guard count > 0 else {
                Self.backOff(after: count)
                return
            }
            for index in 0..<Int(count) {
                let ready = bits[index]
                events.append(
                    ReadyEvent(
                        fd: fds[index], isReadable: ready & UInt32(CHOOKHTTP_EPOLLIN) != 0,
                        isWritable: ready & UInt32(CHOOKHTTP_EPOLLOUT) != 0,
                        isHangUp: ready & UInt32(CHOOKHTTP_EPOLLERR | CHOOKHTTP_EPOLLHUP) != 0))
            }
        #else
            entries.removeAll(keepingCapacity: true)
            for (fd, interest) in registered {
                var events: Int16 = 0
                if interest.contains(.read) { events |= Int16(POLLIN) }
                if interest.contains(.write) { events |= Int16(POLLOUT) }
                entries.append(pollfd(fd: fd, events: events, revents: 0))
            }
            let count = poll(&entries, nfds_t(entries.count), timeout)
            guard count > 0 else {
                Self.backOff(after: count)
                return
            }
            for entry in entries where entry.revents != 0 {
                events.append(
                    ReadyEvent(
                        fd: entry.fd, isReadable: entry.revents & Int16(POLLIN) != 0,
                        isWritable: entry.revents & Int16(POLLOUT) != 0,
                        isHangUp: entry.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0))
            }
        #endif
    }

    /// After a failed wait (not an interruption), pauses a millisecond, so a selector the system keeps
    /// refusing makes its loop retry slowly instead of spinning a core; the loop's deadlines still run.
    private static func backOff(after count: Int32) {
        guard count < 0, errno != EINTR else { return }
        usleep(1_000)
    }

    /// Releases the selector's own descriptor.
    func close() {
        #if os(Linux)
            _ = systemClose(epoll)
        #endif
    }

    #if os(Linux)
        private static func bits(_ interest: EventInterest) -> UInt32 {
            var bits: UInt32 = 0
            if interest.contains(.read) { bits |= UInt32(CHOOKHTTP_EPOLLIN) }
            if interest.contains(.write) { bits |= UInt32(CHOOKHTTP_EPOLLOUT) }
            return bits
        }
    #endif
}

#if canImport(Glibc)
    private let systemClose = Glibc.close
#elseif canImport(Darwin)
    private let systemClose = Darwin.close
#endif
