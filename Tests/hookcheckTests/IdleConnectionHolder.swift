import Foundation
import HookHTTP

/// Holds many idle TCP connections open from a child process (Python), not from the test process.
///
/// Foundation's `Process.run()` on Linux lists `/proc/self/fd` and copies each entry's whole 256-byte
/// name; with some 1,300 descriptors open the last entry can sit at the end of the listing buffer, and
/// the copy reads past it: the test process crashed that way while another test held 1,000 sockets. The
/// child keeps this process's descriptor count low whatever the other tests spawn.
final class IdleConnectionHolder: @unchecked Sendable {
    // @unchecked: the process and pipe are used by one thread at a time (start, then release).
    private let process = Process()
    private let input = Pipe()
    /// The number of connections the child opened.
    let count: Int

    /// Opens `count` connections to `127.0.0.1:port` and holds them until ``release()``; `nil` when
    /// python3 is absent or the child fails.
    init?(port: Int, count: Int) throws {
        let path =
            ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        let output = Pipe()
        CloseOnExec.mark(
            input.fileHandleForReading.fileDescriptor, input.fileHandleForWriting.fileDescriptor,
            output.fileHandleForReading.fileDescriptor, output.fileHandleForWriting.fileDescriptor)
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "-c",
            """
            import socket, sys
            held = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(int(sys.argv[2]))]
            print(len(held), flush=True)
            sys.stdin.read()
            """,
            String(port), String(count),
        ]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let opened = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            return nil
        }
        self.count = opened
    }

    /// Closes the child's stdin: it exits, and its connections close.
    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Starts a holder on a thread of its own (starting blocks on the child); `nil` when it cannot.
    static func start(port: Int, count: Int) async -> IdleConnectionHolder? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: try? IdleConnectionHolder(port: port, count: count)) }.start()
        }
    }

    /// ``release()`` on a thread of its own.
    func releaseAndWait() async {
        await withCheckedContinuation { continuation in
            Thread { [self] in
                release()
                continuation.resume()
            }.start()
        }
    }
}
