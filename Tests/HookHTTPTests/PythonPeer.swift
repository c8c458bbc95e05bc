import Foundation
import HookHTTP

/// A Python `http.server` peer on an ephemeral loopback port, with paths that misbehave on purpose:
/// `/close` closes without a response, `/reset` resets, `/slow` answers after 2 s, `/garbage`
/// answers with something that is not HTTP, `/chunked` answers chunked with a trailer,
/// `/until-close` delimits its body by closing, `/redirect` answers 302; anything else echoes.
final class PythonPeer: Sendable {
    static let script = #"""
        import http.server, socket, struct, sys, time
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args): pass
            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path
                if path == "/close":
                    self.close_connection = True
                    return
                if path == "/reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    return
                if path == "/garbage":
                    self.wfile.write(b"HELLO WORLD\r\n\r\n")
                    self.close_connection = True
                    return
                if path == "/slow":
                    time.sleep(2)
                if path == "/chunked":
                    self.send_response(200)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.send_header("Trailer", "X-Done")
                    self.end_headers()
                    self.wfile.write(b"5;x=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Done: yes\r\n\r\n")
                    return
                if path == "/until-close":
                    self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Framing: close\r\n\r\nbody until close")
                    self.close_connection = True
                    return
                if path == "/redirect":
                    self.send_response(302)
                    self.send_header("Location", "/elsewhere")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                for name, value in self.headers.items():
                    self.send_header("X-Echo-" + name, value)
                self.end_headers()
                self.wfile.write(body)
            do_GET = do_POST = do_PUT = do_HEAD = answer
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    private let process = Process()
    let port: Int

    /// Starts the peer and reads its port; `nil` when python3 is absent.
    init?() throws {
        guard let python = which("python3") else { return nil }
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script]
        let output = Pipe()
        // Children that other tests spawn meanwhile must not inherit these pipes and hold them open.
        CloseOnExec.mark(output.fileHandleForReading.fileDescriptor, output.fileHandleForWriting.fileDescriptor)
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            return nil
        }
        self.port = port
    }

    /// Starts a peer on a dedicated thread (its startup blocks on a pipe); `nil` when python3 is absent.
    static func start() async throws -> PythonPeer? {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try PythonPeer())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    func url(_ path: String) throws -> HTTPURL { try HTTPURL("http://127.0.0.1:\(port)\(path)") }

    /// Kills the peer (SIGKILL: the child may inherit a mask that blocks SIGTERM).
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
