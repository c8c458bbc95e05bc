import Foundation
import Testing

@testable import HookHTTP

/// Every descriptor the HTTP layer creates is non-blocking and close-on-exec, so a child process
/// spawned meanwhile never holds a connection open (Linux sets both in the creating call).
@Suite("Descriptors created close-on-exec")
struct CloseOnExecTests {
    static func isCloseOnExec(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) & FD_CLOEXEC != 0 }
    static func isNonBlocking(_ fd: Int32) -> Bool { fcntl(fd, F_GETFL) & O_NONBLOCK != 0 }

    @Test func listeningConnectingAndAcceptedSocketsAreCloseOnExecAndNonBlocking() async throws {
        let (listener, client, accepted) = try await onIOThread {
            () throws(SocketError) -> (Socket, Socket, Socket?) in
            let listener = try Socket.listen(host: "127.0.0.1", port: 0)
            let client = try Socket.connect(
                to: Socket.resolve(host: "127.0.0.1", port: listener.localPort), deadline: .after(.seconds(2)))
            try listener.wait(for: Int16(POLLIN), until: .after(.seconds(5)))
            return (listener, client, try listener.accept()?.socket)
        }
        defer {
            for socket in [listener, client] + (accepted.map { [$0] } ?? []) { socket.close() }
        }
        let accepted1 = try #require(accepted)
        for socket in [listener, client, accepted1] {
            #expect(Self.isCloseOnExec(socket.fd), "descriptor \(socket.fd)")
            #expect(Self.isNonBlocking(socket.fd), "descriptor \(socket.fd)")
        }
    }

    @Test(arguments: [false, true]) func pipeEndsAreCloseOnExec(nonBlocking: Bool) throws {
        let ends = try #require(CloseOnExec.pipe(nonBlocking: nonBlocking))
        defer {
            _ = close(ends.reader)
            _ = close(ends.writer)
        }
        for fd in [ends.reader, ends.writer] {
            #expect(Self.isCloseOnExec(fd))
            #expect(Self.isNonBlocking(fd) == nonBlocking)
        }
    }
}
