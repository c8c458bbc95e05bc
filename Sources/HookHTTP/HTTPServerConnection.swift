#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One accepted connection, owned by one ``EventLoop``: a state machine driven by readiness. It reads
/// what is ready into the loop's buffer, parses, runs the handler as a task that prefers the loop,
/// queues the response, writes it as the socket accepts it, and repeats while keep-alive holds.
///
/// Requests are handled one at a time, in order: while the handler runs the connection reads nothing
/// more (pipelined requests wait in the parser and the kernel), so responses leave in request order and
/// a slow peer or handler applies back-pressure instead of filling memory.
final class HTTPServerConnection: EventLoopChannel, @unchecked Sendable {
    private enum Phase {
        /// Waiting for (more of) a request.
        case reading
        /// The handler runs.
        case handling
        /// A response is leaving; then `next` happens.
        case writing(then: AfterWrite)
        /// Writing is shut down; draining what the peer still sends before closing.
        case lingering(drained: Int)
        case closed
    }

    private enum AfterWrite {
        case readNext
        case linger
    }

    private let server: HTTPServer
    private let socket: Socket
    private let remote: String
    private var parser: HTTPParser
    private var phase = Phase.reading
    /// Whether the current request's head is in (its body is being read).
    private var isHeadIn = false
    private var isFirstRequest = true
    private var output: [UInt8] = []
    private var outputOffset = 0

    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    private static let lingerLimit = 1024 * 1024

    init(server: HTTPServer, socket: Socket, remote: String, loop: EventLoop) {
        self.server = server
        self.socket = socket
        self.remote = remote
        parser = HTTPParser(kind: .request, limits: server.configuration.limits)
        super.init(fd: socket.fd, loop: loop)
    }

    /// Starts serving on the loop thread; the first request's head is due `headerReadTimeout` from now.
    func start() {
        deadline = .after(server.configuration.headerReadTimeout)
        loop.register(self, interest: .read)
        if server.isStopping { close() }
    }

    // MARK: - Events

    override func handle(_ event: ReadyEvent) {
        if event.isReadable || event.isHangUp {
            switch phase {
            case .reading: receive()
            case .lingering(let drained): drain(after: drained)
            default: break
            }
        }
        // The read may have closed the connection (its descriptor may even be reused by now).
        if case .closed = phase { return }
        if event.isWritable || event.isHangUp, outputOffset < output.count { flush() }
    }

    override func expire() {
        switch phase {
        case .reading:
            if parser.isAtMessageBoundary {
                close()  // idle: nothing to answer
            } else {
                fail(
                    status: 408,
                    message: isHeadIn ? "request body not received in time" : "request head not received in time")
            }
        case .writing, .lingering:
            close()
        case .handling, .closed:
            break
        }
    }

    override func stopIfIdle() {
        if case .reading = phase, parser.isAtMessageBoundary { close() }
    }

    // MARK: - Reading

    private func receive() {
        let count: Int?
        do {
            count = try socket.readNow(into: loop.readBuffer)
        } catch {
            close()  // the peer reset the connection: nothing to answer
            return
        }
        guard let count else { return }
        guard count > 0 else {
            close()
            return
        }
        if parser.isAtMessageBoundary && !isFirstRequest {
            deadline = .after(server.configuration.headerReadTimeout)  // counted from the next request's first byte
        }
        parser.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
        parse()
    }

    /// Parses what is buffered: answers `Expect`, and starts the handler on a complete request.
    private func parse() {
        do {
            while case .reading = phase, let event = try parser.next() {
                switch event {
                case .requestHead(let head):
                    isHeadIn = true
                    deadline = .after(server.configuration.bodyReadTimeout)
                    if let expectation = head.headers["Expect"] {
                        guard expectation.caseInsensitiveEquals("100-continue") else {
                            fail(status: 417, message: "unsupported expectation '\(expectation)'")
                            return
                        }
                        if head.version.minor >= 1 { send(Self.continueBytes) }
                    }
                case .request(var request):
                    request.remoteAddress = remote
                    isHeadIn = false
                    startHandler(request)
                default:
                    break
                }
            }
        } catch {
            fail(status: error.status, message: error.description)
        }
    }

    // MARK: - Handling

    /// Runs the handler as a task that prefers this loop: it completes inline when it never really
    /// suspends, and posts its response back here when it does.
    private func startHandler(_ request: HTTPRequest) {
        phase = .handling
        deadline = nil
        updateInterest()
        let handler = server.handler
        Task(executorPreference: loop) {
            let response: HTTPResponse
            do {
                response = try await handler(request)
            } catch {
                response = HTTPResponse(
                    status: 500, headers: [(HTTPHeaderName.contentType, "text/plain; charset=utf-8")],
                    body: Array("internal server error\n".utf8))
            }
            self.loop.execute { self.respond(response, to: request) }
        }
    }

    /// Queues the handler's response; only now does its first byte leave.
    private func respond(_ response: HTTPResponse, to request: HTTPRequest) {
        guard case .handling = phase else { return }
        let (bytes, keepAlive) = server.wireBytes(for: response, to: request, dates: &loop.dates)
        phase = .writing(then: keepAlive ? .readNext : .linger)
        deadline = .after(server.configuration.writeTimeout)
        send(bytes)
    }

    // MARK: - Writing

    private func send(_ bytes: [UInt8]) {
        if outputOffset == output.count {
            output.removeAll(keepingCapacity: true)
            outputOffset = 0
        }
        output.append(contentsOf: bytes)
        flush()
    }

    /// Writes what the socket takes now; once the response is out, moves on.
    private func flush() {
        if case .closed = phase { return }
        while outputOffset < output.count {
            let written: Int?
            do {
                written = try output.withUnsafeBytes { raw throws(SocketError) in
                    try socket.writeNow(UnsafeRawBufferPointer(rebasing: raw[outputOffset...]))
                }
            } catch {
                close()
                return
            }
            guard let written else {
                updateInterest()
                return
            }
            outputOffset += written
        }
        guard case .writing(let then) = phase else {
            updateInterest()
            return
        }
        switch then {
        case .readNext: readNext()
        case .linger: linger()
        }
    }

    /// After a keep-alive response: the next request may already be buffered (pipelining).
    private func readNext() {
        phase = .reading
        isFirstRequest = false
        if parser.isAtMessageBoundary {
            if server.isStopping {
                close()
                return
            }
            deadline = .after(server.configuration.idleTimeout)
        } else {
            deadline = .after(server.configuration.headerReadTimeout)
        }
        updateInterest()
        parse()
    }

    /// Answers with an error status and `Connection: close`, then closes gracefully.
    private func fail(status: Int, message: String) {
        let response = HTTPResponse(
            status: HTTPStatus(code: status),
            headers: [
                (HTTPHeaderName.contentType, "text/plain; charset=utf-8"),
                (HTTPHeaderName.contentLength, String(message.utf8.count + 1)),
                (HTTPHeaderName.connection, "close"), (HTTPHeaderName.date, loop.dates.now()),
            ],
            body: Array((message + "\n").utf8))
        phase = .writing(then: .linger)
        deadline = .after(.seconds(2))
        send(response.serialized())
    }

    // MARK: - Closing

    /// Shuts down writing and drains what the peer still sends (up to 1 s or 1 MiB), so that closing
    /// with unread bytes does not reset the connection before the peer reads the response.
    private func linger() {
        socket.shutdown(reading: false, writing: true)
        phase = .lingering(drained: 0)
        deadline = .after(.seconds(1))
        updateInterest()
        drain(after: 0)
    }

    private func drain(after drained: Int) {
        var drained = drained
        while drained < Self.lingerLimit {
            let ready: Int?
            do {
                ready = try socket.readNow(into: loop.readBuffer)
            } catch {
                break
            }
            guard let count = ready else {
                phase = .lingering(drained: drained)
                return
            }
            guard count > 0 else { break }
            drained += count
        }
        close()
    }

    private func close() {
        if case .closed = phase { return }
        phase = .closed
        deadline = nil
        loop.deregister(self)
        server.closeConnection(socket)
    }

    private func updateInterest() {
        var interest: EventInterest = []
        switch phase {
        case .reading, .lingering: interest.insert(.read)
        case .handling, .writing, .closed: break
        }
        if outputOffset < output.count { interest.insert(.write) }
        if case .closed = phase { interest = [] }
        wait(for: interest)
    }
}
