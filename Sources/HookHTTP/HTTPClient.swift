#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 client over POSIX sockets that sends exactly the request it is given: it adds
/// `Host` and `Content-Length` only when absent (and not at all when told not to), never follows
/// redirects, never adds other headers. Keep-alive connections are reused per `host:port` from a
/// bounded pool. Blocking work (`getaddrinfo`, `connect`, `poll`, `send`, `recv`) runs on dedicated
/// I/O threads, never on Swift's cooperative pool. `https://` goes through URLSession, with a
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
    private let threads = IOThreadPool.shared

    /// Creates a client.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
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
        let prepared = prepare(request, for: url)
        let result: Result<HTTPResponse, HTTPClientError> = await withCheckedContinuation { continuation in
            threads.run { [self] in
                continuation.resume(
                    returning: Result { () throws(HTTPClientError) in
                        try exchange(prepared, with: url, overall: timeout.map(Deadline.after))
                    })
            }
        }
        return try result.get()
    }

    /// Adds `Host` and `Content-Length` when absent and the configuration allows.
    func prepare(_ request: HTTPRequest, for url: HTTPURL) -> HTTPRequest {
        guard configuration.addsMissingHeaders else { return request }
        var request = request
        if !request.headers.contains("Host") {
            request.headers.add(name: "Host", value: url.hostHeader)
        }
        let hasBodyMethod = ["POST", "PUT", "PATCH"].contains(request.method)
        if !request.headers.contains("Content-Length") && !request.headers.contains("Transfer-Encoding")
            && (!request.body.isEmpty || hasBodyMethod)
        {
            request.headers.add(name: "Content-Length", value: String(request.body.count))
        }
        return request
    }

    // MARK: - Exchange (runs on an I/O thread)

    private enum AttemptFailure: Error {
        /// The reused connection was dead before any response byte: safe to retry once on a fresh one.
        case staleConnection
        case failed(HTTPClientError)
    }

    private func exchange(
        _ request: HTTPRequest, with url: HTTPURL, overall: Deadline?
    ) throws(HTTPClientError) -> HTTPResponse {
        let bytes = request.serialized()
        if let socket = pool.take(url.endpoint) {
            do {
                return try attempt(bytes, request: request, on: socket, url: url, isReused: true, overall: overall)
            } catch {
                // A stale reused connection falls through to a fresh one.
                if case .failed(let failure) = error { throw failure }
            }
        }
        let socket = try connect(to: url, overall: overall)
        do {
            return try attempt(bytes, request: request, on: socket, url: url, isReused: false, overall: overall)
        } catch {
            guard case .failed(let failure) = error else { throw .closedWithoutResponse(endpoint: url.endpoint) }
            throw failure
        }
    }

    private func connect(to url: HTTPURL, overall: Deadline?) throws(HTTPClientError) -> Socket {
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

    private func attempt(
        _ bytes: [UInt8], request: HTTPRequest, on socket: Socket, url: HTTPURL, isReused: Bool, overall: Deadline?
    ) throws(AttemptFailure) -> HTTPResponse {
        let endpoint = url.endpoint
        var keepSocket = false
        defer { if !keepSocket { socket.close() } }
        do {
            try socket.write(bytes, until: earliest(.after(configuration.writeTimeout), overall))
        } catch {
            if case .timedOut = error { throw .failed(.timedOut(phase: .write, endpoint: endpoint)) }
            if isReused { throw .staleConnection }
            throw .failed(socketFailure(error, endpoint: endpoint))
        }
        let deadline = earliest(.after(configuration.responseTimeout), overall)
        var parser = HTTPParser(kind: .response, limits: configuration.limits)
        parser.isExpectingBodylessResponse = request.method == "HEAD"
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
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
                count = try buffer.withUnsafeMutableBytes { raw in
                    try Result { () throws(SocketError) in try socket.read(into: raw, until: deadline) }.get()
                }
            } catch let error as SocketError {
                if case .timedOut = error { throw .failed(.timedOut(phase: .response, endpoint: endpoint)) }
                if received == 0 && isReused { throw .staleConnection }
                throw .failed(socketFailure(error, endpoint: endpoint))
            } catch {
                throw .failed(.network(endpoint: endpoint, reason: "\(error)"))
            }
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
            parser.append(Array(buffer[0..<count]))
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
