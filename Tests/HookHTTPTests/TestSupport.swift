import Foundation
import Synchronization
import Testing

@testable import HookHTTP

/// Starts a server on 127.0.0.1 port 0, runs `body`, and shuts it down.
func withServer(
    _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(),
    handler: @escaping HTTPServer.Handler,
    _ body: (HTTPServer) async throws -> Void
) async throws {
    let server = HTTPServer(configuration: configuration, handler: handler)
    try await server.start()
    do {
        try await body(server)
    } catch {
        await server.shutdown(gracePeriod: .seconds(1))
        throw error
    }
    await server.shutdown(gracePeriod: .seconds(1))
}

/// A raw TCP peer for tests, doing its blocking work on a dedicated thread.
struct RawPeer {
    let host: String
    let port: Int

    /// Connects, sends each chunk (pausing `pause` between them), half-closes when asked, and
    /// returns everything received until the server closes or `timeout` passes.
    func exchange(
        _ chunks: [[UInt8]], pause: Duration = .zero, halfClose: Bool = false, closeAfterSend: Bool = false,
        timeout: Duration = .seconds(5)
    ) async throws -> [UInt8] {
        let host = host
        let port = port
        let result: Result<[UInt8], SocketError> = await withCheckedContinuation { continuation in
            IOThreadPool.shared.run {
                continuation.resume(
                    returning: Result { () throws(SocketError) -> [UInt8] in
                        let addresses = try Socket.resolve(host: host, port: port)
                        let socket = try Socket.connect(to: addresses, deadline: .after(.seconds(2)))
                        defer { socket.close() }
                        for (index, chunk) in chunks.enumerated() {
                            if index > 0 && pause > .zero { Thread.sleep(forTimeInterval: pause.seconds) }
                            try socket.write(chunk, until: .after(.seconds(2)))
                        }
                        if closeAfterSend { return [] }
                        if halfClose { socket.shutdown(reading: false, writing: true) }
                        var received: [UInt8] = []
                        var buffer = [UInt8](repeating: 0, count: 65536)
                        let deadline = Deadline.after(timeout)
                        while true {
                            let count = buffer.withUnsafeMutableBytes { try? socket.read(into: $0, until: deadline) }
                            guard let count, count > 0 else { break }
                            received += buffer[0..<count]
                        }
                        return received
                    })
            }
        }
        return try result.get()
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension [UInt8] {
    var text: String { String(decoding: self, as: UTF8.self) }
}

/// Runs a program to completion on a dedicated thread, feeding `input` to its stdin.
func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) async throws -> (
    status: Int32, output: String, error: String
) {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            do {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let stdin = Pipe()
                let stdout = Pipe()
                let stderr = Pipe()
                // Children that other tests spawn meanwhile must not inherit these pipes and hold them open.
                CloseOnExec.mark(
                    stdin.fileHandleForReading.fileDescriptor, stdin.fileHandleForWriting.fileDescriptor,
                    stdout.fileHandleForReading.fileDescriptor, stdout.fileHandleForWriting.fileDescriptor,
                    stderr.fileHandleForReading.fileDescriptor, stderr.fileHandleForWriting.fileDescriptor)
                process.standardInput = stdin
                process.standardOutput = stdout
                process.standardError = stderr
                try process.run()
                stdin.fileHandleForWriting.write(Data(input))
                try stdin.fileHandleForWriting.close()
                let errorData = Mutex(Data())
                let errorReader = Thread {
                    let data = stderr.fileHandleForReading.readDataToEndOfFile()
                    errorData.withLock { $0 = data }
                }
                errorReader.start()
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                while !errorReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
                continuation.resume(
                    returning: (
                        process.terminationStatus, String(decoding: output, as: UTF8.self),
                        errorData.withLock { String(decoding: $0, as: UTF8.self) }
                    ))
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}

/// The path of `name` on `PATH`, or `nil` (the caller skips and says why).
func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
