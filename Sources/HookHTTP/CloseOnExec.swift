#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates descriptors that are non-blocking and close-on-exec from birth, where the platform allows it.
///
/// Setting `FD_CLOEXEC` with `fcntl` after `accept`, `socket` or `pipe` leaves a window in which a child
/// spawned by another thread (Foundation's `Process`, `posix_spawn`) inherits the descriptor. An inherited
/// connection stays open in the child after the server closes its own copy: the peer sees no end of stream
/// until the child exits, so an idle keep-alive connection outlives its idle timeout by the child's
/// lifetime. On Linux a socket gets the flags in the creating call (`SOCK_CLOEXEC`); accepted sockets and
/// pipes get them right after (`accept4` and `pipe2` are not in Swift's Glibc module), and the server
/// shuts a connection down before closing it, so a copy inherited in that short window cannot keep it open. Darwin's
/// `Process` spawns with `POSIX_SPAWN_CLOEXEC_DEFAULT`.
package enum CloseOnExec {
    /// A new TCP socket of `family`, or -1 with `errno` set.
    static func socket(family: Int32) -> Int32 {
        #if os(Linux)
            return systemSocket(
                family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        #else
            let fd = systemSocket(family, SOCK_STREAM, 0)
            if fd >= 0 { setFlags(fd) }
            return fd
        #endif
    }

    /// Accepts a pending connection on `listener`, filling `address` and `size`; the new descriptor, or -1
    /// with `errno` set.
    static func accept(
        _ listener: Int32, address: UnsafeMutablePointer<sockaddr>, size: UnsafeMutablePointer<socklen_t>
    ) -> Int32 {
        let fd = systemAccept(listener, address, size)
        if fd >= 0 { setFlags(fd) }
        return fd
    }

    /// A new pipe, close-on-exec at both ends and, when `nonBlocking`, non-blocking; `nil` when it
    /// cannot be made.
    static func pipe(nonBlocking: Bool) -> (reader: Int32, writer: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard systemPipe(&ends) == 0 else { return nil }
        for fd in ends { setFlags(fd, nonBlocking: nonBlocking) }
        return (ends[0], ends[1])
    }

    /// Sets close-on-exec on descriptors made elsewhere (the ends of a Foundation `Pipe` that tests hand to
    /// a child), so children spawned meanwhile by other threads do not inherit them and hold a pipe open.
    package static func mark(_ descriptors: Int32...) {
        for fd in descriptors { _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC) }
    }

    /// The fallback: sets the flags once the descriptor exists.
    private static func setFlags(_ fd: Int32, nonBlocking: Bool = true) {
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
        if nonBlocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }
}

#if canImport(Glibc)
    private let systemSocket = Glibc.socket
    private let systemAccept = Glibc.accept
    private let systemPipe = Glibc.pipe
#elseif canImport(Darwin)
    private let systemSocket = Darwin.socket
    private let systemAccept = Darwin.accept
    private let systemPipe = Darwin.pipe
#endif
