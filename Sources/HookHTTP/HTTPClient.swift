import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 client over POSIX sockets that sends exactly the request it is given: it adds
/// `Host` and `Content-Length` only when absent (and not at all when told not to), never follows
/// redirects, never adds other headers. Keep-alive connections are reused per `host:port` from a
/// bounded pool. Name resolution and connecting run on dedicated I/O threads; the exchange itself uses
/// non-blocking `send`/`recv`, run on the poller thread (``executor``) in the calling task, which
/// `SocketPoller` suspends while the socket is not ready, so no blocking call ever runs on Swift's
/// cooperative pool. `https://` goes through URLSession, with a
/// one-time warning naming what cannot be controlled there.
public final class HTTPClient: Sendable {
    /// Timeouts, pool size and header policy.
    public struct Configuration: Sendable, Hashable {
        /// Time to establish the TCP connection (default 10 s).
        public var connectTimeout: Duration
        /// Time to write the whole request (default 30 s).
        public var writeTimeout: Duration
        /// Time from the request written to the response complete (default 30 s).
        public var responseTimeout: Duration
        /// The most idle keep-alive connections kept per `host:port` (default 32; 0 disables reuse).
        public var maxIdleConnectionsPerHost: Int
        /// How long an idle connection may wait for reuse (default 30 s).
        public var idleConnectionTimeout: Duration
        /// Whether to add `Host` and `Content-Length` when the request lacks them (default `true`).
        public var addsMissingHeaders: Bool
        /// Limits for the response (a 10 MiB body by default).
        public var limits: HTTPLimits

        /// Creates a configuration; every parameter defaults to the documented value.
        public init(
            connectTimeout: Duration = .seconds(10), writeTimeout: Duration = .seconds(30),
            responseTimeout: Duration = .seconds(30), maxIdleConnectionsPerHost: Int = 32,
            idleConnectionTimeout: Duration = .seconds(30), addsMissingHeaders: Bool = true,
            limits: HTTPLimits = .standard
        ) {
            self.connectTimeout = connectTimeout
            self.writeTimeout = writeTimeout
            self.responseTimeout = responseTimeout
            self.maxIdleConnectionsPerHost = maxIdleConnectionsPerHost
            self.idleConnectionTimeout = idleConnectionTimeout
            self.addsMissingHeaders = addsMissingHeaders
            self.limits = limits
        }
    }

    /// The configuration the client was created with.
    public let configuration: Configuration
    let pool: ConnectionPool
    /// ``Configuration/responseTimeout`` in nanoseconds, worked out once: every exchange needs it.
    private let responseTimeoutNanoseconds: UInt64
    private let threads = IOThreadPool.shared
    private let pollers = SocketPoller.group
    /// Which poller takes the next exchange started outside any poller.
    private let nextPoller = Atomic<Int>(0)

    /// Creates a client.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        responseTimeoutNanoseconds = Deadline.nanoseconds(of: configuration.responseTimeout)
        pool = ConnectionPool(
            capacity: configuration.maxIdleConnectionsPerHost, idleTimeout: configuration.idleConnectionTimeout)
    }

    deinit { pool.closeAll() }

    /// Closes every idle keep-alive connection.
    public func closeIdleConnections() { pool.closeAll() }

    /// The number of idle keep-alive connections held.
    public var idleConnectionCount: Int { pool.count }

    /// Sends `request` to `url` and returns the response; never follows redirects.
    /// - Parameters:
    ///   - request: sent as built; its `target` is used as is (take it from `url.target`).
    ///   - url: where to connect; its host and port also fill a missing `Host` header.
    ///   - timeout: an overall deadline for the whole exchange, on top of the per-phase ones.
    /// - Returns: the final response (interim 1xx responses are skipped).
    /// - Throws: `HTTPClientError` only.
    public func send(
        _ request: HTTPRequest, to url: HTTPURL, timeout: Duration? = nil
    ) async throws(HTTPClientError) -> HTTPResponse {
        if url.isSecure { return try await sendThroughURLSession(request, to: url, timeout: timeout) }
        let bytes = serialized(request, for: url)
        let overall = timeout.map(Deadline.after)
        // A task already running on one of the pollers (it prefers it) stays there; any other is spread over them.
        if let poller = SocketPoller.current {
            return try await exchange(bytes, of: request, with: url, overall: overall, on: poller)
        }
        let poller = pollers[nextPoller.wrappingAdd(1, ordering: .relaxed).oldValue % pollers.count]
        return try await withTaskExecutorPreference(poller) { () async throws(HTTPClientError) -> HTTPResponse in
            try await exchange(bytes, of: request, with: url, overall: overall, on: poller)
        }
    }

    /// The executors the exchanges run on: the threads that poll the client's sockets, one per core. A task
    /// that prefers one of them (`group.addTask(executorPreference: client.executors[i]) { … }`, inherited
    /// by its child tasks) sends and receives on that thread without a hop to another one per request;
    /// keep blocking work off them.
    public var executors: [any TaskExecutor] { pollers }

    /// The first of ``executors``.
    public var executor: any TaskExecutor { pollers[0] }

    /// The request's bytes on the wire: its own fields, then `Host` and `Content-Length` where it lacks them
    /// and the configuration allows adding them.
    func serialized(_ request: HTTPRequest, for url: HTTPURL) -> [UInt8] {
        guard configuration.addsMissingHeaders else { return request.serialized() }
        // One pass over the fields for the three names.
        var (hasHost, hasLength, hasTransferEncoding) = (false, false, false)
        for field in request.headers.fields {
            let name = field.name
            if !hasHost && name.caseInsensitiveEquals(HTTPHeaderName.host) {
                hasHost = true
            } else if !hasLength && name.caseInsensitiveEquals(HTTPHeaderName.contentLength) {
                hasLength = true
            } else if !hasTransferEncoding && name.caseInsensitiveEquals(HTTPHeaderName.transferEncoding) {
                hasTransferEncoding = true
            }
        }
        let hasBodyMethod = request.method == "POST" || request.method == "PUT" || request.method == "PATCH"
        let addsLength = !hasLength && !hasTransferEncoding && (!request.body.isEmpty || hasBodyMethod)
        return request.serialized(
            addingHost: hasHost ? nil : url.hostHeader, contentLength: addsLength ? request.body.count : nil)
    }

    // MARK: - Exchange (non-blocking calls in the calling task; connecting on an I/O thread)

    private enum AttemptFailure: Error {
        /// The reused connection was dead before any response byte: safe to retry once on a fresh one.
        case staleConnection
        case failed(HTTPClientError)
    }

    private nonisolated(nonsending) func exchange(
        _ bytes: [UInt8], of request: HTTPRequest, with url: HTTPURL, overall: Deadline?, on poller: SocketPoller
    ) async throws(HTTPClientError) -> HTTPResponse {
        if let socket = pool.take(url.endpoint) {
            do {
                return try await attempt(
                    bytes, request: request, on: socket, url: url, isReused: true, isWritten: false, overall: overall,
                    poller: poller)
            } catch {
                // A stale reused connection falls through to a fresh one.
                if case .failed(let failure) = error { throw failure }
            }
        }
        let socket = try await connect(to: url, sending: bytes, overall: overall)
        do {
            return try await attempt(
                bytes, request: request, on: socket, url: url, isReused: false, isWritten: true, overall: overall,
                poller: poller)
        } catch {
            guard case .failed(let failure) = error else { throw .closedWithoutResponse(endpoint: url.endpoint) }
            throw failure
        }
    }

    /// Resolves, connects and writes the request on an I/O thread (`getaddrinfo` blocks), so that
    /// the request leaves without waiting for a cooperative thread.
    private func connect(
        to url: HTTPURL, sending bytes: [UInt8], overall: Deadline?
    ) async throws(HTTPClientError) -> Socket {
        let result: Result<Socket, HTTPClientError> = await withCheckedContinuation { continuation in
            threads.run { [self] in
                continuation.resume(
                    returning: Result { () throws(HTTPClientError) in
                        try connectNow(to: url, sending: bytes, overall: overall)
                    })
            }
        }
        return try result.get()
    }

    private func connectNow(
        to url: HTTPURL, sending bytes: [UInt8], overall: Deadline?
    ) throws(HTTPClientError) -> Socket {
        let socket = try connectNow(to: url, overall: overall)
        do {
            try socket.write(bytes, until: earliest(.after(configuration.writeTimeout), overall))
        } catch {
            socket.close()
            if case .timedOut = error { throw .timedOut(phase: .write, endpoint: url.endpoint) }
            throw socketFailure(error, endpoint: url.endpoint)
        }
        return socket
    }

    private func connectNow(to url: HTTPURL, overall: Deadline?) throws(HTTPClientError) -> Socket {
        let deadline = earliest(.after(configuration.connectTimeout), overall)
        do {
            let addresses = try Socket.resolve(host: url.host, port: url.port)
            return try Socket.connect(to: addresses, deadline: deadline)
        } catch {
            switch error {
            case .unresolvable(let host, let reason): throw .unresolvableHost(host, reason: reason)
            case .timedOut: throw .timedOut(phase: .connect, endpoint: url.endpoint)
            case .system(_, let code) where code == ECONNREFUSED: throw .connectionRefused(endpoint: url.endpoint)
            case .system(_, let code) where code == ETIMEDOUT: throw .timedOut(phase: .connect, endpoint: url.endpoint)
            case .system: throw .network(endpoint: url.endpoint, reason: error.description)
            }
        }
    }

    private nonisolated(nonsending) func attempt(
        _ bytes: [UInt8], request: HTTPRequest, on socket: Socket, url: HTTPURL, isReused: Bool, isWritten: Bool,
        overall: Deadline?, poller: SocketPoller
    ) async throws(AttemptFailure) -> HTTPResponse {
        let endpoint = url.endpoint
        var keepSocket = false
        defer { if !keepSocket { socket.close() } }
        do {
            if !isWritten {
                try await write(bytes, to: socket, within: configuration.writeTimeout, overall: overall, poller: poller)
            }
        } catch {
            if case .timedOut = error { throw .failed(.timedOut(phase: .write, endpoint: endpoint)) }
            if isReused { throw .staleConnection }
            throw .failed(socketFailure(error, endpoint: endpoint))
        }
        let deadline = earliest(.after(nanoseconds: responseTimeoutNanoseconds), overall)
        var parser = HTTPParser(kind: .response, limits: configuration.limits)
        parser.isExpectingBodylessResponse = request.method == "HEAD"
        var received = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        var isWaitingFirst = true  // the response was asked for just now: it is rarely there yet
        while true {
            do {
                while let event = try parser.next() {
                    guard case .response(let response) = event else { continue }
                    if response.status < 200 && response.status != 101 { continue }  // interim, e.g. 100 Continue
                    keepSocket = response.isKeepAlive && request.isKeepAlive && parser.isAtMessageBoundary
                    if keepSocket { pool.put(socket, for: endpoint) }
                    return response
                }
            } catch {
                throw .failed(.malformedResponse(endpoint: endpoint, reason: error.description))
            }
            let count: Int
            do {
                count = try await read(
                    into: buffer, from: socket, until: deadline, waitingFirst: isWaitingFirst, poller: poller)
            } catch {
                if case .timedOut = error { throw .failed(.timedOut(phase: .response, endpoint: endpoint)) }
                if received == 0 && isReused { throw .staleConnection }
                throw .failed(socketFailure(error, endpoint: endpoint))
            }
            isWaitingFirst = count < buffer.count
            if count == 0 {
                if received == 0 {
                    if isReused { throw .staleConnection }
                    throw .failed(.closedWithoutResponse(endpoint: endpoint))
                }
                do {
                    if case .response(let response)? = try parser.finish() { return response }
                } catch {
                    throw .failed(.malformedResponse(endpoint: endpoint, reason: error.description))
                }
                throw .failed(
                    .malformedResponse(endpoint: endpoint, reason: HTTPParseError.incompleteMessage.description))
            }
            received += count
            parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Sends every byte, suspending while the socket buffer is full, for at most `timeout` from the first
    /// wait (and not past `overall`): the deadline is read from the clock only when the buffer fills.
    private nonisolated(nonsending) func write(
        _ bytes: [UInt8], to socket: Socket, within timeout: Duration, overall: Deadline?, poller: SocketPoller
    ) async throws(SocketError) {
        var deadline: Deadline?
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Result { () throws(SocketError) in try socket.writeNow(UnsafeRawBufferPointer(rebasing: raw[offset...]))
                }
            }
            if let count = try sent.get() {
                offset += count
            } else {
                let until = deadline ?? earliest(.after(timeout), overall)
                deadline = until
                try await poller.wait(for: Int16(POLLOUT), on: socket, until: until)
            }
        }
    }

    /// Receives what is there (0 at the end of the stream), suspending until something is;
    /// `waitingFirst` skips a `recv` that would most likely find nothing.
    private nonisolated(nonsending) func read(
        into buffer: UnsafeMutableRawBufferPointer, from socket: Socket, until deadline: Deadline, waitingFirst: Bool,
        poller: SocketPoller
    ) async throws(SocketError) -> Int {
        var mustWait = waitingFirst
        while true {
            if mustWait { try await poller.wait(for: Int16(POLLIN), on: socket, until: deadline) }
            if let count = try socket.readNow(into: buffer) { return count }
            mustWait = true
        }
    }

    private func socketFailure(_ error: SocketError, endpoint: String) -> HTTPClientError {
        switch error {
        case .system(_, let code) where code == ECONNRESET || code == EPIPE: .connectionReset(endpoint: endpoint)
        case .system(_, let code) where code == ECONNREFUSED: .connectionRefused(endpoint: endpoint)
        case .timedOut: .timedOut(phase: .response, endpoint: endpoint)
        default: .network(endpoint: endpoint, reason: error.description)
        }
    }
}

private func earliest(_ deadline: Deadline, _ other: Deadline?) -> Deadline {
    guard let other else { return deadline }
    return min(deadline, other)
}
