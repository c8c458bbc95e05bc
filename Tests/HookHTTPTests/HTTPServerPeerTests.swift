import Foundation
import HookTestSupport
import Testing

@testable import HookHTTP

private let echoBody: HTTPServer.Handler = { request in
    HTTPResponse(
        status: 200,
        headers: [("X-Method", request.method.rawValue), ("X-Version", request.version.description)],
        body: request.body)
}

/// The server against real peers: curl and Python's `http.client` / raw sockets.
@Suite(.serialized) struct HTTPServerPeerTests {
    @Test func curlExpectContinueUploadIsAnswered() async throws {
        guard let curl = which("curl") else {
            print("skipping: curl is not installed")
            return
        }
        try await withServer(handler: echoBody) { server in
            let body = [UInt8](repeating: 0x7A, count: 2048)
            let result = try await run(
                curl, ["-sS", "-v", "-H", "Expect: 100-continue", "--data-binary", "@-", server.address + "/up"],
                input: body)
            #expect(result.status == 0)
            #expect(result.output == body.text)
            #expect(result.error.contains("HTTP/1.1 100 Continue"))
        }
    }

    @Test func curlChunkedUploadIsDecoded() async throws {
        guard let curl = which("curl") else {
            print("skipping: curl is not installed")
            return
        }
        try await withServer(handler: echoBody) { server in
            let body = Array((0..<5000).map { "\($0 % 10)" }.joined().utf8)
            let result = try await run(
                curl, ["-sS", "-H", "Transfer-Encoding: chunked", "--data-binary", "@-", server.address + "/chunked"],
                input: body)
            #expect(result.status == 0)
            #expect(result.output == body.text)
        }
    }

    @Test func curlHTTP10RequestGetsClosedConnection() async throws {
        guard let curl = which("curl") else {
            print("skipping: curl is not installed")
            return
        }
        try await withServer(handler: echoBody) { server in
            let result = try await run(curl, ["-sS", "-i", "--http1.0", server.address + "/old"])
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(result.output.contains("X-Version: HTTP/1.0\r\n"))
            #expect(result.output.contains("Connection: close\r\n"))
        }
    }

    @Test func pythonHTTPClientKeepAliveAndPipelining() async throws {
        guard let python = which("python3") else {
            print("skipping: python3 is not installed")
            return
        }
        try await withServer(handler: echoBody) { server in
            let script = """
                import http.client, socket, sys
                port = int(sys.argv[1])
                c = http.client.HTTPConnection("127.0.0.1", port)
                c.request("POST", "/a", body=b"one", headers={"Content-Type": "text/plain"})
                r = c.getresponse(); first = r.read()
                c.request("GET", "/b")
                r2 = c.getresponse(); r2.read()
                print(first.decode(), r.status, r2.status, r2.getheader("X-Method"))
                s = socket.create_connection(("127.0.0.1", port))
                s.sendall(b"POST /1 HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 1\\r\\n\\r\\nx"
                          b"POST /2 HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 1\\r\\n\\r\\ny"
                          b"GET /3 HTTP/1.1\\r\\nHost: a\\r\\nConnection: close\\r\\n\\r\\n")
                data = b""
                while True:
                    chunk = s.recv(65536)
                    if not chunk: break
                    data += chunk
                print(data.count(b"HTTP/1.1 200 OK"), data.index(b"\\r\\n\\r\\nx") < data.index(b"\\r\\n\\r\\ny"))
                """
            let result = try await run(python, ["-c", script, String(server.port)])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output == "one 200 200 GET\n3 True\n")
        }
    }

    @Test func pythonClientDisconnectingMidBodyLeavesServerServing() async throws {
        guard let python = which("python3") else {
            print("skipping: python3 is not installed")
            return
        }
        try await withServer(handler: echoBody) { server in
            let script = """
                import http.client, socket, sys
                port = int(sys.argv[1])
                s = socket.create_connection(("127.0.0.1", port))
                s.sendall(b"POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 1000\\r\\n\\r\\npartial")
                s.close()
                c = http.client.HTTPConnection("127.0.0.1", port)
                c.request("POST", "/after", body=b"fine")
                print(c.getresponse().read().decode())
                """
            let result = try await run(python, ["-c", script, String(server.port)])
            #expect(result.output == "fine\n", "\(result.error)")
        }
    }

    @Test func noDescriptorLeakedAfterTwoThousandConnections() async throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/fd") else {
            print("skipping: /proc/self/fd is not available on this system")
            return
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        var port = 0
        try await withServer(handler: echoBody) { server in
            port = server.port
            let client = HTTPClient(configuration: .init(maxIdleConnectionsPerHost: 0))
            let url = try HTTPURL(server.address + "/")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for index in 0..<250 {
                            let body = Array("\(worker)-\(index)".utf8)
                            let response = try await client.send(
                                HTTPRequest(method: "POST", target: "/", body: body), to: url)
                            #expect(response.body == body)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Other suites run in parallel and open descriptors of their own, so the exact check is on
        // sockets of this server's port; the overall count is reported for information.
        let leaked = try socketsOwnedByThisProcess(onPort: port)
        let after = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        print("descriptors: \(before) before, \(after) after 2000 connections; \(leaked.count) on port \(port)")
        #expect(leaked.isEmpty, "descriptors still open on port \(port): \(leaked)")
    }
}

/// Descriptors of this process that are TCP sockets with `port` at either end.
private func socketsOwnedByThisProcess(onPort port: Int) throws -> [String] {
    var inodes: Set<String> = []
    let hexPort = String(format: ":%04X", port)
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count > 9 else { continue }
            if columns[1].hasSuffix(hexPort) || columns[2].hasSuffix(hexPort), columns[9] != "0" {
                inodes.insert(String(columns[9]))
            }
        }
    }
    var leaked: [String] = []
    for fd in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)") else {
            continue
        }
        if target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst(8).dropLast())) { leaked.append(fd) }
    }
    return leaked
}
