#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a socket call failed. `code` is the `errno` captured at the failing call.
/// An enum: internal to HookHTTP, so it can grow without breaking anyone; the client and server match on it.
enum SocketError: Error, Equatable, CustomStringConvertible {
    case system(call: String, code: Int32)
    case unresolvable(host: String, reason: String)
    case timedOut

    var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .unresolvable(let host, let reason): "cannot resolve '\(host)': \(reason)"
        case .timedOut: "timed out"
        }
    }
}

#if os(Linux)
    private let streamType = Int32(SOCK_STREAM.rawValue)
    private let sendFlags = Int32(MSG_NOSIGNAL)
#else
    private let streamType = SOCK_STREAM
    private let sendFlags: Int32 = 0
#endif

/// A thin, non-owning view of a non-blocking TCP socket: one throwing function per syscall, with
/// `poll()` bounding every wait by a deadline. Whoever created the socket closes it.
struct Socket: Sendable {
    let fd: Int32

    // MARK: - Setup

    /// Resolves `host` and `port` (numeric or by name) with `getaddrinfo`.
    static func resolve(host: String, port: Int, passive: Bool = false) throws(SocketError) -> [sockaddr_storage] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamType
        hints.ai_flags = passive ? AI_PASSIVE : 0
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .unresolvable(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var addresses: [sockaddr_storage] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            if let address = current.pointee.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(
                        from: UnsafeRawBufferPointer(start: address, count: Int(current.pointee.ai_addrlen)))
                }
                addresses.append(storage)
            }
            node = current.pointee.ai_next
        }
        return addresses
    }

    /// Opens a listening socket with `SO_REUSEADDR` on `host:port` (0 picks an ephemeral port).
    static func listen(host: String, port: Int, backlog: Int32 = 1024) throws(SocketError) -> Socket {
        let addresses = try resolve(host: host, port: port, passive: true)
        guard var address = addresses.first else { throw .unresolvable(host: host, reason: "no address") }
        let socket = try open(family: Int32(address.ss_family))
        var one: Int32 = 1
        setsockopt(socket.fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let size = length(of: address)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket.fd, $0, size) }
        }
        guard bound == 0 else {
            let code = errno
            socket.close()
            throw .system(call: "bind", code: code)
        }
        guard systemListen(socket.fd, backlog) == 0 else {
            let code = errno
            socket.close()
            throw .system(call: "listen", code: code)
        }
        return socket
    }

    /// Connects to the first of `addresses` that accepts before `deadline`.
    static func connect(to addresses: [sockaddr_storage], deadline: Deadline) throws(SocketError) -> Socket {
        var lastError = SocketError.system(call: "connect", code: ECONNREFUSED)
        for var address in addresses {
            let socket = try open(family: Int32(address.ss_family))
            let size = length(of: address)
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(socket.fd, $0, size) }
            }
            if status == 0 {
                socket.setNoDelay()
                return socket
            }
            var code = errno
            if code == EINPROGRESS {
                do {
                    try socket.wait(for: Int16(POLLOUT), until: deadline)
                    var error: Int32 = 0
                    var size = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(socket.fd, SOL_SOCKET, SO_ERROR, &error, &size)
                    code = error
                } catch {
                    socket.close()
                    throw error
                }
                if code == 0 {
                    socket.setNoDelay()
                    return socket
                }
            }
            socket.close()
            lastError = .system(call: "connect", code: code)
        }
        throw lastError
    }

    /// A new non-blocking socket, close-on-exec from birth (see `CloseOnExec`).
    private static func open(family: Int32) throws(SocketError) -> Socket {
        let fd = CloseOnExec.socket(family: family)
        guard fd >= 0 else { throw .system(call: "socket", code: errno) }
        let socket = Socket(fd: fd)
        socket.configure()
        return socket
    }

    /// On Darwin, no SIGPIPE (Linux passes `MSG_NOSIGNAL` to each `send`).
    func configure() {
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    func setNoDelay() {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// The local port, after binding.
    var localPort: Int {
        var storage = sockaddr_storage()
        var size = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
        }
        return Socket.endpoint(of: storage).port
    }

    /// Accepts a pending connection (non-blocking and close-on-exec from birth, see `CloseOnExec`), or
    /// returns `nil` when none is waiting.
    func accept() throws(SocketError) -> (socket: Socket, remote: String)? {
        var storage = sockaddr_storage()
        var size = socklen_t(MemoryLayout<sockaddr_storage>.size)
        while true {
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    CloseOnExec.accept(self.fd, address: $0, size: &size)
                }
            }
            if fd >= 0 {
                let socket = Socket(fd: fd)
                socket.configure()
                socket.setNoDelay()
                let endpoint = Socket.endpoint(of: storage)
                let host = endpoint.host.contains(":") ? "[\(endpoint.host)]" : endpoint.host
                return (socket, "\(host):\(endpoint.port)")
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return nil
            case let code: throw .system(call: "accept", code: code)
            }
        }
    }

    static func endpoint(of storage: sockaddr_storage) -> (host: String, port: Int) {
        var storage = storage
        let size = length(of: storage)
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        let status = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo(
                    $0, size, &host, socklen_t(host.count), &service, socklen_t(service.count),
                    NI_NUMERICHOST | NI_NUMERICSERV)
            }
        }
        guard status == 0 else { return ("?", 0) }
        let hostText = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let serviceText = String(decoding: service.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (hostText, Int(serviceText) ?? 0)
    }

    // MARK: - I/O

    /// Waits until `events` are ready or `deadline` passes.
    func wait(for events: Int16, until deadline: Deadline) throws(SocketError) {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let status = poll(&entry, 1, deadline.remainingMilliseconds)
            if status > 0 { return }
            if status == 0 { throw .timedOut }
            if errno != EINTR { throw .system(call: "poll", code: errno) }
        }
    }

    /// Waits until the socket is readable (returns `true`), only `other` is (`false`) or `deadline` passes.
    func waitReadable(unlessReadable other: Int32, until deadline: Deadline) throws(SocketError) -> Bool {
        var entries = (
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: other, events: Int16(POLLIN), revents: 0)
        )
        while true {
            let status = withUnsafeMutableBytes(of: &entries) { raw in
                poll(raw.baseAddress?.assumingMemoryBound(to: pollfd.self), 2, deadline.remainingMilliseconds)
            }
            if status > 0 { return entries.0.revents != 0 }
            if status == 0 { throw .timedOut }
            if errno != EINTR { throw .system(call: "poll", code: errno) }
        }
    }

    /// Whether bytes (or the end of the stream) are ready to read without waiting.
    var isReadable: Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Reads into `buffer`, waiting until `deadline`. Returns the byte count; 0 means end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer, until deadline: Deadline) throws(SocketError) -> Int {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLIN), until: deadline)
            case let code: throw .system(call: "recv", code: code)
            }
        }
    }

    /// One `recv` that never waits: the byte count (0 at the end of the stream), or `nil` when none is ready.
    func readNow(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int? {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return nil
            case let code: throw .system(call: "recv", code: code)
            }
        }
    }

    /// One `send` that never waits: the byte count sent, or `nil` when the socket buffer is full.
    func writeNow(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int? {
        while true {
            let count = send(fd, bytes.baseAddress, bytes.count, sendFlags)
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return nil
            case let code: throw .system(call: "send", code: code)
            }
        }
    }

    /// Writes every byte of `bytes`, waiting until `deadline`.
    func write(_ bytes: UnsafeRawBufferPointer, until deadline: Deadline) throws(SocketError) {
        var offset = 0
        while offset < bytes.count {
            let count = send(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset, sendFlags)
            if count >= 0 {
                offset += count
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLOUT), until: deadline)
            case let code: throw .system(call: "send", code: code)
            }
        }
    }

    /// Writes every byte of `bytes`, waiting until `deadline`.
    func write(_ bytes: [UInt8], until deadline: Deadline) throws(SocketError) {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(SocketError) in try write(raw, until: deadline) }
        }
        try result.get()
    }

    /// Stops sending (`SHUT_WR`), receiving, or both, waking any thread polling this socket.
    func shutdown(reading: Bool = true, writing: Bool = true) {
        let how: Int32
        switch (reading, writing) {
        case (true, true): how = Int32(SHUT_RDWR)
        case (true, false): how = Int32(SHUT_RD)
        default: how = Int32(SHUT_WR)
        }
        _ = systemShutdown(fd, how)
    }

    func close() {
        _ = systemClose(fd)
    }
}

private func length(of storage: sockaddr_storage) -> socklen_t {
    socklen_t(
        Int32(storage.ss_family) == AF_INET6
            ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
}

#if canImport(Glibc)
    private let systemListen = Glibc.listen
    private let systemConnect = Glibc.connect
    private let systemShutdown = Glibc.shutdown
    private let systemClose = Glibc.close
#elseif canImport(Darwin)
    private let systemListen = Darwin.listen
    private let systemConnect = Darwin.connect
    private let systemShutdown = Darwin.shutdown
    private let systemClose = Darwin.close
#endif
