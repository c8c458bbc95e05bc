#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The listening socket, served by the server's first ``EventLoop``: accepts every pending connection
/// when readable and hands each to the loops in turn (round robin); past `maxConnections` it answers
/// `503` with `Connection: close` and closes at once.
final class HTTPServerAcceptor: EventLoopChannel, @unchecked Sendable {
    private let server: HTTPServer
    private let listener: Socket
    private let loops: [EventLoop]
    private var nextLoop = 0
    private var isClosed = false

    private static let busyBytes = HTTPResponse(
        status: 503,
        headers: [
            (HTTPHeaderName.contentLength, "0"), (HTTPHeaderName.connection, "close"),
            (HTTPHeaderName.retryAfter, "1"),
        ]
    ).serializedHead()

    init(server: HTTPServer, listener: Socket, loops: [EventLoop]) {
        self.server = server
        self.listener = listener
        self.loops = loops
        super.init(fd: listener.fd, loop: loops[0])
    }

    /// Starts accepting; on the first loop's thread.
    func start() {
        guard !isClosed else { return }
        loop.register(self, interest: .read)
    }

    /// Stops accepting and closes the listening socket; on the first loop's thread.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        deadline = nil
        loop.deregister(self)
        listener.close()
        server.acceptorClosed()
    }

    override func handle(_ event: ReadyEvent) {
        while !isClosed {
            let accepted: (socket: Socket, remote: String)?
            do {
                accepted = try listener.accept()
            } catch {
                // Out of descriptors: stop watching for 10 ms instead of spinning.
                wait(for: [])
                deadline = .after(.milliseconds(10))
                return
            }
            guard let (socket, remote) = accepted else { return }
            admit(socket, remote: remote)
        }
    }

    override func expire() {
        deadline = nil
        if !isClosed { wait(for: .read) }
    }

    private func admit(_ socket: Socket, remote: String) {
        guard server.admit(socket) else {
            _ = Self.busyBytes.withUnsafeBytes { try? socket.writeNow($0) }
            socket.shutdown(reading: false, writing: true)
            socket.close()
            return
        }
        let target = loops[nextLoop]
        nextLoop = (nextLoop + 1) % loops.count
        let connection = HTTPServerConnection(server: server, socket: socket, remote: remote, loop: target)
        if target === loop {
            connection.start()
        } else {
            target.execute { connection.start() }
        }
    }
}
