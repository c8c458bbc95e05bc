import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 server over POSIX sockets, on a few event loops (``Configuration/eventLoopCount``,
/// by default one per core). Each ``EventLoop`` is one thread that owns its connections: non-blocking
/// sockets watched with epoll (Linux) or `poll(2)`, a connection read when ready, parsed, handled and
/// written when writable. The listening socket lives on the first loop, which hands each accepted
/// connection to the loops in turn.
///
/// The handler runs as a task whose executor preference is the connection's loop: a handler that does
/// not really suspend completes inline on the loop thread; one that suspends leaves the loop serving its
/// other connections, and its response is posted back to the loop when ready. A response is written only
/// after the handler returns, so whatever it persisted is durable before the first response byte leaves.
/// Keep-alive, pipelining (answered in order, one request at a time), `Expect: 100-continue`, chunked
/// requests, header/body/idle/write timeouts, `maxConnections` (503), lingering close and graceful
/// shutdown (which awaits its connections without polling) are handled here.
///
/// ```swift
/// let server = HTTPServer(configuration: .init()) { request in HTTPResponse(status: 204) }
/// try await server.start()
/// print(server.address)  // http://127.0.0.1:PORT
/// await server.shutdown(gracePeriod: .seconds(5))
/// ```
public final class HTTPServer: Sendable {
    /// The request handler's type. A thrown error is answered with 500.
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// The configuration the server was created with.
    public let configuration: Configuration
    let handler: Handler

    struct State {
        enum Phase { case created, running, stopping, stopped }
        var phase = Phase.created
        var port = 0
        var loops: [EventLoop] = []
        var acceptor: HTTPServerAcceptor?
        var isAcceptLoopDone = false
        /// Open connections by descriptor.
        var connections: Set<Int32> = []
        /// Tasks in `shutdown` waiting for the connections to close or the accept loop to end.
        var shutdownWaiters: [ShutdownWaiter] = []
        var nextWaiterID: UInt64 = 0
        /// Waiters cancelled before they were registered (a waiter's id is never reused).
        var cancelledWaiters: Set<UInt64> = []
    }

    let state = Mutex(State())
    /// Set once shutdown begins; read per request without taking `state`'s lock.
    private let stopping = Atomic<Bool>(false)

    /// Creates a server; nothing is bound until `start()`.
    /// - Parameters:
    ///   - configuration: host, port, limits, timeouts and event loops.
    ///   - handler: answers each request; starts on the connection's event loop thread.
    public init(configuration: Configuration = Configuration(), handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The bound port (0 before `start()`).
    public var port: Int { state.withLock { $0.port } }

    /// The base URL, e.g. `http://127.0.0.1:8080` or `http://[::1]:8080`.
    public var address: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)"
    }

    /// The number of open connections.
    public var connectionCount: Int { state.withLock { $0.connections.count } }

    /// Binds and starts accepting; returns once the socket is listening.
    /// - Throws: `HTTPServerError` when the address cannot be bound or the server already started.
    public func start() async throws(HTTPServerError) {
        try state.withLock { (state) throws(HTTPServerError) in
            guard state.phase == .created else { throw .alreadyStarted }
            state.phase = .running
        }
        let configuration = configuration
        let loops = (0..<max(1, configuration.eventLoopCount)).compactMap { index in
            EventLoop.start(name: "hookhttp-loop-\(index)")
        }
        let result: Result<Socket, SocketError> = await withCheckedContinuation { continuation in
            // Resolving a host name blocks: never on the cooperative pool.
            IOThreadPool.shared.run {
                continuation.resume(
                    returning: Result { () throws(SocketError) in
                        try Socket.listen(host: configuration.host, port: configuration.port)
                    })
            }
        }
        let failure: String
        switch result {
        case .success(let listener) where !loops.isEmpty:
            let acceptor = HTTPServerAcceptor(server: self, listener: listener, loops: loops)
            state.withLock {
                $0.port = listener.localPort
                $0.loops = loops
                $0.acceptor = acceptor
            }
            loops[0].execute { acceptor.start() }
            return
        case .success(let listener):
            listener.close()
            failure = "no event loop could be started (out of descriptors)"
        case .failure(let error):
            failure = error.description
        }
        for loop in loops { loop.execute { loop.beginStopping() } }
        state.withLock { $0.phase = .stopped }
        throw .cannotListen(host: configuration.host, port: configuration.port, reason: failure)
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod` (idle keep-alive
    /// connections are closed at once), then closes every connection.
    public func shutdown(gracePeriod: Duration = .seconds(5)) async {
        let running = state.withLock { state -> (loops: [EventLoop], acceptor: HTTPServerAcceptor?)? in
            guard state.phase == .running else { return nil }
            state.phase = .stopping
            stopping.store(true, ordering: .sequentiallyConsistent)
            return (state.loops, state.acceptor)
        }
        guard let (loops, acceptor) = running else { return }
        // The first loop closes the listener, then tells every loop to close its idle connections; a
        // connection the acceptor handed over before is queued ahead of that, so none is missed. Each
        // loop thread ends once its last connection has closed.
        loops[0].execute {
            acceptor?.close()
            for loop in loops { loop.execute { loop.beginStopping() } }
        }
        await wait(until: .noConnections, atMost: gracePeriod)
        state.withLock { state in
            // Their loops see the end of the stream (or a failed write) and close them.
            for fd in state.connections { Socket(fd: fd).shutdown() }
        }
        await wait(until: .noConnections, atMost: .seconds(2))
        // The listening socket is closed before `shutdown` returns, however slow the machine: a client that
        // connects afterwards is refused.
        await wait(until: .acceptLoopDone, atMost: .seconds(30))
        state.withLock { state in
            state.acceptor = nil
            state.phase = .stopped
        }
    }

    // MARK: - Connection bookkeeping

    /// Whether shutdown has begun: connections finish the request in hand and close.
    var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Counts a new connection, or returns `false` when the server is at `maxConnections` or stopping.
    func admit(_ socket: Socket) -> Bool {
        state.withLock { state in
            guard state.phase == .running, state.connections.count < configuration.maxConnections else { return false }
            state.connections.insert(socket.fd)
            return true
        }
    }

    /// Forgets and closes a connection; under the lock, so `shutdown` never touches a reused descriptor.
    /// It shuts the socket down before closing it: a copy of the descriptor held elsewhere (a child
    /// process that inherited it) would otherwise keep the connection open, and the peer would wait for
    /// the end of the stream until that copy is gone.
    func closeConnection(_ socket: Socket) {
        let isLast = state.withLock { state in
            state.connections.remove(socket.fd)
            socket.shutdown()
            socket.close()
            return state.connections.isEmpty && !state.shutdownWaiters.isEmpty
        }
        if isLast { resumeShutdownWaiters() }
    }

    /// The acceptor has closed the listening socket.
    func acceptorClosed() {
        state.withLock { $0.isAcceptLoopDone = true }
        resumeShutdownWaiters()
    }

    // MARK: - Responding

    /// The bytes to send for `response` to `request`, adding `Content-Length`, `Date` and
    /// `Connection` only where the handler did not set them, and whether to keep the connection.
    func wireBytes(
        for response: HTTPResponse, to request: HTTPRequest, dates: inout HTTPDate.Cache
    ) -> (bytes: [UInt8], keepAlive: Bool) {
        var response = response
        var hasLength = false
        var hasDate = false
        var hasConnection = false
        for field in response.headers {
            let name = field.name
            if name.caseInsensitiveEquals(HTTPHeaderName.contentLength)
                || name.caseInsensitiveEquals(HTTPHeaderName.transferEncoding)
            {
                hasLength = true
            } else if name.caseInsensitiveEquals("Date") {
                hasDate = true
            } else if name.caseInsensitiveEquals(HTTPHeaderName.connection) {
                hasConnection = true
            }
        }
        let isBodyless = response.status < 200 || response.status == 204 || response.status == 304
        if isBodyless { response.body = [] }
        if !isBodyless && !hasLength {
            response.headers.add(name: HTTPHeaderName.contentLength, value: String(response.body.count))
        }
        if !hasDate { response.headers.add(name: "Date", value: dates.now()) }
        let keepAlive = request.isKeepAlive && response.isKeepAlive && !isStopping
        if !hasConnection {
            if !keepAlive {
                response.headers.add(name: HTTPHeaderName.connection, value: "close")
            } else if request.version == .http10 {
                response.headers.add(name: HTTPHeaderName.connection, value: "keep-alive")
            }
        }
        var bytes = response.serializedHead()
        if request.method != "HEAD" { bytes.append(contentsOf: response.body) }
        return (bytes, keepAlive)
    }
}
