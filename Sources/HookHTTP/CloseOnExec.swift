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
/// lifetime. Linux sets the flags in the creating call (`SOCK_CLOEXEC`, `accept4`, `pipe2`). Darwin has no
/// such calls; its `Process` spawns with `POSIX_SPAWN_CLOEXEC_DEFAULT`, so setting them afterwards suffices.
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
        #if os(Linux)
            if let accept4 = linuxAccept4 {
                return accept4(
                    listener, address, size, Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue))
            }
        #endif
        let fd = systemAccept(listener, address, size)
        if fd >= 0 { setFlags(fd) }
        return fd
    }

    /// A new pipe, close-on-exec at both ends and, when `nonBlocking`, non-blocking; `nil` when it
    /// cannot be made.
    static func pipe(nonBlocking: Bool) -> (reader: Int32, writer: Int32)? {
        var ends: [Int32] = [-1, -1]
        #if os(Linux)
            if let pipe2 = linuxPipe2 {
                let status = ends.withUnsafeMutableBufferPointer {
                    pipe2($0.baseAddress, O_CLOEXEC | (nonBlocking ? O_NONBLOCK : 0))
                }
                return status == 0 ? (ends[0], ends[1]) : nil
            }
        #endif
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

#if os(Linux)
    private typealias Accept4 =
        @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    // glibc declares `accept4` and `pipe2` only under `_GNU_SOURCE`, which Swift's Glibc module does not
    // define: they are looked up once by name (present since glibc 2.10 and 2.9).
    private let linuxAccept4: Accept4? = symbol(named: "accept4", as: Accept4.self)
    private let linuxPipe2: Pipe2? = symbol(named: "pipe2", as: Pipe2.self)

    private func symbol<Function>(named name: String, as type: Function.Type) -> Function? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
#endif

#if canImport(Glibc)
    private let systemSocket = Glibc.socket
    private let systemAccept = Glibc.accept
    private let systemPipe = Glibc.pipe
#elseif canImport(Darwin)
    private let systemSocket = Darwin.socket
    private let systemAccept = Darwin.accept
    private let systemPipe = Darwin.pipe
#endif
