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

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
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
