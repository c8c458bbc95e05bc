#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One accepted connection, served start to end on a dedicated I/O thread: read, parse, call the
/// handler, write, repeat while keep-alive holds.
struct HTTPServerConnection: Sendable {
    let server: HTTPServer
    let socket: Socket
    let remote: String
    /// Readable once the server stops: an idle connection then closes at once.
    let wakeReader: Int32

    private static let bufferSize = 64 * 1024
    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    func serve() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 16)
        defer {
            buffer.deallocate()
            server.closeConnection(socket)
        }
        let configuration = server.configuration
        var parser = HTTPParser(kind: .request, limits: configuration.limits)
        var isFirst = true
        var dates = HTTPDate.Cache()
        let firstHeadDeadline = Deadline.after(configuration.headerReadTimeout)
        while true {
            var headDeadline = isFirst ? firstHeadDeadline : Deadline.after(configuration.headerReadTimeout)
            if parser.isAtMessageBoundary {
                let idleDeadline = isFirst ? firstHeadDeadline : Deadline.after(configuration.idleTimeout)
                // Between requests the next one is rarely there yet: poll first, saving a failed recv.
                guard (try? socket.waitReadable(unlessReadable: wakeReader, until: idleDeadline)) == true,
                    let count = try? socket.read(into: buffer, until: idleDeadline), count > 0
                else { return }
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if !isFirst { headDeadline = Deadline.after(configuration.headerReadTimeout) }
            }
            isFirst = false
            guard var request = read(&parser, buffer: buffer, headDeadline: headDeadline) else { return }
            request.remoteAddress = remote
            let response = server.respond(to: request)
            let (bytes, keepAlive) = server.wireBytes(for: response, to: request, dates: &dates)
            do {
                try socket.write(bytes, until: .after(configuration.writeTimeout))
            } catch {
                return
            }
            guard keepAlive else {
                lingeringClose()
                return
            }
        }
    }

    /// Reads until a complete request; on a bad request, a timeout or an unmet expectation it
    /// answers with an error status and returns `nil`; on a disconnect it returns `nil`.
    private func read(
        _ parser: inout HTTPParser, buffer: UnsafeMutableRawBufferPointer, headDeadline: Deadline
    ) -> HTTPRequest? {
        var bodyDeadline: Deadline?
        do {
            while true {
                if let event = try parser.next() {
                    switch event {
                    case .requestHead(let head):
                        bodyDeadline = .after(server.configuration.bodyReadTimeout)
                        if let expectation = head.headers["Expect"] {
                            guard expectation.caseInsensitiveEquals("100-continue") else {
                                fail(status: 417, message: "unsupported expectation '\(expectation)'")
                                return nil
                            }
                            if head.version.minor >= 1 {
                                try socket.write(Self.continueBytes, until: .after(.seconds(5)))
                            }
                        }
                    case .request(let request):
                        return request
                    default:
                        break
                    }
                    continue
                }
                let count = try socket.read(into: buffer, until: bodyDeadline ?? headDeadline)
                guard count > 0 else { return nil }
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
        } catch let error as HTTPParseError {
            fail(status: error.status, message: error.description)
        } catch SocketError.timedOut {
            fail(
                status: 408,
                message: bodyDeadline == nil ? "request head not received in time" : "request body not received in time"
            )
        } catch {
            // The peer reset the connection: nothing to answer.
        }
        return nil
    }

    /// Answers with an error status and `Connection: close`, then closes gracefully.
    private func fail(status: Int, message: String) {
        let response = HTTPResponse(
            status: HTTPStatus(code: status),
            headers: [
                (HTTPHeaderName.contentType, "text/plain; charset=utf-8"),
                (HTTPHeaderName.contentLength, String(message.utf8.count + 1)),
                (HTTPHeaderName.connection, "close"), (HTTPHeaderName.date, HTTPDate.now()),
            ],
            body: Array((message + "\n").utf8))
        try? socket.write(response.serialized(), until: .after(.seconds(2)))
        lingeringClose()
    }

    /// Shuts down writing and drains what the peer still sends (up to 1 s or 1 MiB), so that closing
    /// with unread bytes does not reset the connection before the peer reads the response.
    private func lingeringClose() {
        socket.shutdown(reading: false, writing: true)
        let deadline = Deadline.after(.seconds(1))
        var drained = 0
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while drained < 1024 * 1024 {
            let count = scratch.withUnsafeMutableBytes { try? socket.read(into: $0, until: deadline) }
            guard let count, count > 0 else { return }
            drained += count
        }
    }
}
