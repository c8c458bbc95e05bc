import Foundation
import HookHTTP
import Synchronization

@testable import HookCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `hookcheck listen` process running in the background for end-to-end tests: started, its
/// address read from the first stdout line, signalled, and waited for.
final class ListenProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched through its own thread-safe API; the collected
    // output is guarded by `lock`.
    private let process = Process()
    private let lock = NSLock()
    private var outputBytes: [UInt8] = []
    private var errorBytes: [UInt8] = []
    private let readers = DispatchGroup()
    /// The base URL from the first stdout line, e.g. `http://127.0.0.1:40123/`.
    private(set) var address = ""
    /// The port of ``address``.
    var port: Int { Int(address.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0 }

    /// Starts `hookcheck listen` with `arguments` and waits (up to 20 s) for its address.
    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = try hookcheckBinary()
        process.arguments = ["listen"] + arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        // Children that other tests spawn meanwhile must not inherit these pipes and hold them open.
        CloseOnExec.mark(
            output.fileHandleForReading.fileDescriptor, output.fileHandleForWriting.fileDescriptor,
            errors.fileHandleForReading.fileDescriptor, errors.fileHandleForWriting.fileDescriptor)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let firstLine = DispatchSemaphore(value: 0)
        readers.enter()
        DispatchQueue.global().async { [self] in
            var signalled = false
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                lock.lock()
                outputBytes += data
                let hasLine = outputBytes.contains(UInt8(ascii: "\n"))
                lock.unlock()
                if hasLine && !signalled {
                    signalled = true
                    firstLine.signal()
                }
            }
            if !signalled { firstLine.signal() }
            readers.leave()
        }
        readers.enter()
        DispatchQueue.global().async { [self] in
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            lock.lock()
            errorBytes = Array(data)
            lock.unlock()
            readers.leave()
        }
        _ = firstLine.wait(timeout: .now() + 60)
        let text = stdout
        let line = text.prefix { $0 != "\n" }
        address = line.hasPrefix("listening on ") ? String(line.dropFirst("listening on ".count)) : ""
    }

    /// Everything written to stdout so far.
    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: outputBytes, as: UTF8.self)
    }

    /// Everything written to stderr (complete once the process has exited).
    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errorBytes, as: UTF8.self)
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits up to `timeout` seconds for the exit (killing it past that); the status, or 128 + the signal.
    func waitForExit(timeout: TimeInterval = 30) async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [self] in
                let deadline = Date().addingTimeInterval(timeout)
                while process.isRunning && Date() < deadline { usleep(20_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                _ = readers.wait(timeout: .now() + 5)
                let status =
                    process.terminationReason == .uncaughtSignal
                    ? 128 + process.terminationStatus : process.terminationStatus
                continuation.resume(returning: status)
            }
        }
    }
}

/// Signed Standard Webhooks deliveries for the listen tests (the library signs; the Python senders in
/// Tests/interop/senders are the independent ones).
enum ListenDeliveries {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    /// The suite file the listen tests use: one `note.created` case (count `count`), Standard Webhooks.
    static func writeSuite(count: Int = 1, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("listen-suite.json").path
        let text = """
            {"suite": "listen e2e", "profile": "standard-webhooks", "secret": {"env": "LISTEN_SECRET"},
             "retries": {"expect": true, "min": 0, "max": 600, "attempts": 2},
             "cases": [{"name": "note", "body": {"type": "note.created", "data": {"n": 1, "text": "x"}},
                        "count": \(count)}]}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A complete signed request for note `n` (a body of about `size` bytes), as raw bytes.
    static func request(n: Int, port: Int, size: Int = 200, id: String? = nil) throws -> (bytes: [UInt8], body: [UInt8])
    {
        let padding = String(repeating: "p", count: max(0, size - 60))
        let body = Array(#"{"type":"note.created","data":{"n":\#(n),"text":"\#(padding)"}}"#.utf8)
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let profile = Profile.named("standard-webhooks")
        let fields =
            try profile?.scheme.sign(
                SigningContext(body: body, id: id ?? "msg_\(n)", timestamp: timestamp), secret: secret) ?? []
        var head = "POST /hooks HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return (Array(head.utf8) + body, body)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-listen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A value shared by concurrent test tasks.
final class ListenShared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        storage.withLock { body(&$0) }
    }
}
