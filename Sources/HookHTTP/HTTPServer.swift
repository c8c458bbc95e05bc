import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 server over POSIX sockets. Each connection is served on a dedicated thread from
/// `IOThreadPool` (blocking `poll`/`recv`/`send` bounded by deadlines); the handler runs as a Swift
/// task, and its response is written only after it returns, so whatever it persisted is durable
/// before the first response byte leaves. Keep-alive, pipelining (answered in order),
/// `Expect: 100-continue`, chunked requests, timeouts and graceful shutdown are handled here.
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
    let pool = IOThreadPool.shared

    struct State {
        enum Phase { case created, running, stopping, stopped }
        var phase = Phase.created
        var port = 0
        var wakeWriter: Int32 = -1
        /// Readable once shutdown begins: the accept loop and idle connections poll it beside their socket.
        var wakeReader: Int32 = -1
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
    ///   - configuration: host, port, limits and timeouts.
    ///   - handler: answers each request; runs on Swift's cooperative pool.
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
        let result: Result<Socket, SocketError> = await withCheckedContinuation { continuation in
            pool.run {
                continuation.resume(
                    returning: Result { () throws(SocketError) in
                        try Socket.listen(host: configuration.host, port: configuration.port)
                    })
            }
        }
        let listener: Socket
        switch result {
        case .success(let socket): listener = socket
        case .failure(let error):
            state.withLock { $0.phase = .stopped }
            throw .cannotListen(host: configuration.host, port: configuration.port, reason: error.description)
        }
        guard let (wakeReader, wakeWriter) = CloseOnExec.pipe(nonBlocking: false) else {
            listener.close()
            state.withLock { $0.phase = .stopped }
            throw .cannotListen(host: configuration.host, port: configuration.port, reason: "pipe failed")
        }
        state.withLock {
            $0.port = listener.localPort
            $0.wakeWriter = wakeWriter
            $0.wakeReader = wakeReader
        }
        pool.run { [self] in acceptLoop(listener, wakeReader: wakeReader) }
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod` (idle keep-alive
    /// connections are closed at once), then closes every connection.
    public func shutdown(gracePeriod: Duration = .seconds(5)) async {
        let wasRunning = state.withLock { state in
            guard state.phase == .running else { return false }
            state.phase = .stopping
            stopping.store(true, ordering: .sequentiallyConsistent)
            // Wakes the accept loop and every connection waiting idle for a request; nobody reads it.
            var one: UInt8 = 1
            _ = write(state.wakeWriter, &one, 1)
            return true
        }
        guard wasRunning else { return }
        await wait(until: .noConnections, atMost: gracePeriod)
        state.withLock { state in
            for fd in state.connections { Socket(fd: fd).shutdown() }
        }
        await wait(until: .noConnections, atMost: .seconds(2))
        // The listening socket is closed before `shutdown` returns, however slow the machine: a client that
        // connects afterwards is refused. (The accept loop ends as soon as it sees the wake byte.)
        await wait(until: .acceptLoopDone, atMost: .seconds(30))
        state.withLock { state in
            _ = close(state.wakeWriter)
            // A connection still open might poll the reader: then it stays open rather than be reused.
            if state.connections.isEmpty { _ = close(state.wakeReader) }
            state.phase = .stopped
        }
    }

    // MARK: - Accepting

    private func acceptLoop(_ listener: Socket, wakeReader: Int32) {
        var entries = [
            pollfd(fd: listener.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&entries, 2, -1)
            if ready < 0 && errno != EINTR { break }
            if entries[1].revents != 0 { break }
            guard entries[0].revents != 0 else { continue }
            while true {
                let accepted: (socket: Socket, remote: String)?
                do {
                    accepted = try listener.accept()
                } catch {
                    usleep(10_000)  // out of descriptors: back off instead of spinning
                    break
                }
                guard let (socket, remote) = accepted else { break }
                admit(socket, remote: remote)
            }
        }
        listener.close()
        state.withLock { $0.isAcceptLoopDone = true }
        resumeShutdownWaiters()
    }

    private func admit(_ socket: Socket, remote: String) {
        let wakeReader = state.withLock { state -> Int32? in
            guard state.phase == .running, state.connections.count < configuration.maxConnections else { return nil }
            state.connections.insert(socket.fd)
            return state.wakeReader
        }
        guard let wakeReader else {
            let busy = HTTPResponse(
                status: 503,
                headers: [
                    (HTTPHeaderName.contentLength, "0"), (HTTPHeaderName.connection, "close"),
                    (HTTPHeaderName.retryAfter, "1"),
                ])
            try? socket.write(busy.serializedHead(), until: .after(.milliseconds(10)))
            socket.shutdown(reading: false, writing: true)
            socket.close()
            return
        }
        let connection = HTTPServerConnection(server: self, socket: socket, remote: remote, wakeReader: wakeReader)
        pool.run { connection.serve() }
    }

    // MARK: - Connection bookkeeping

    /// Whether shutdown has begun: connections finish the request in hand and close.
    var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

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

    // MARK: - Handling

    /// Runs the handler and waits for its response on this I/O thread (never on the cooperative
    /// pool). Where task executors exist, the handler task prefers an executor that runs its jobs
    /// on this very thread, so a handler that does not hop elsewhere costs no thread switch.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        let executor = InlineTaskExecutor()
        let handler = handler
        let work: @Sendable () async -> Void = {
            let response: HTTPResponse
            do {
                response = try await handler(request)
            } catch {
                response = HTTPResponse(
                    status: 500, headers: [(HTTPHeaderName.contentType, "text/plain; charset=utf-8")],
                    body: Array("internal server error\n".utf8))
            }
            executor.finish(with: response)
        }
        Task(executorPreference: executor, operation: work)
        return executor.runUntilFinished()
    }

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
