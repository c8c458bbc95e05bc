import Foundation
import HookHTTP
import HookTestSupport
import Testing

@testable import HookCheck
@testable import HookCheckCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hookcheck serve` through the built binary: it prints its address first, answers as the reference
/// receiver, and stops cleanly on SIGTERM or SIGINT.
struct ServeCommandTests {
    static let secret = "e2e-serve-secret"

    @Test func servesEveryBuiltInProfileUntilSIGTERM() async throws {
        let server = try await ServeProcess.start(["serve"], environment: ["HOOKCHECK_SECRET": Self.secret])
        let profile = try #require(Profile.named("cryptlex"))
        let valid = try await server.send(Self.cryptlexRequest(profile: profile, secret: Self.secret), to: "/cryptlex")
        let forged = try await server.send(Self.cryptlexRequest(profile: profile, secret: "forged"), to: "/cryptlex")
        let unknown = try await server.send(
            HTTPRequest(method: "POST", target: "/nope", body: [123, 125]), to: "/nope")
        let (status, errorOutput) = await server.stop(signal: SIGTERM)
        #expect(valid.status == 200)
        #expect(forged.status == 401)
        #expect(unknown.status == 404)
        #expect(status == 0, "\(errorOutput)")
        #expect(errorOutput.contains("serving cryptlex at \(server.address)/cryptlex"))
        #expect(errorOutput.contains("POST /cryptlex 200 processed license.created"))
        #expect(errorOutput.contains("cryptlex: 1 processed, 0 ignored, 0 duplicates, 1 rejected"))
        #expect(!errorOutput.contains(Self.secret))
    }

    @Test func servesOneProfileOnEveryPathWithAFlawUntilSIGINT() async throws {
        let server = try await ServeProcess.start(
            ["serve", "--profile", "cryptlex", "--flaw", "reject-replay", "--secret-env", "MY_SECRET"],
            environment: ["MY_SECRET": Self.secret])
        let profile = try #require(Profile.named("cryptlex"))
        let request = try Self.cryptlexRequest(profile: profile, secret: Self.secret)
        let first = try await server.send(request, to: "/any/path")
        let replay = try await server.send(request, to: "/any/path")
        let (status, errorOutput) = await server.stop(signal: SIGINT)
        #expect(first.status == 200)
        #expect(replay.status == 409)
        #expect(status == 0, "\(errorOutput)")
        #expect(errorOutput.contains("warning: flawed on purpose: reject-replay"))
    }

    @Test func profileWithoutAuthenticationNeedsNoSecret() async throws {
        let server = try await ServeProcess.start(["serve", "--profile", "clarityflow"], environment: [:])
        let (status, _) = await server.stop(signal: SIGTERM)
        #expect(server.address.hasPrefix("http://127.0.0.1:"))
        #expect(status == 0)
    }

    @Test func missingSecretExitsTwoNamingTheVariable() async throws {
        let result = try await runHookcheck(args: ["serve", "--secret-env", "SERVE_SECRET"], env: [:], timeout: 20)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("environment variable SERVE_SECRET is not set"))
    }

    @Test(arguments: [
        (["serve", "--flaw", "reject-replays"], "unknown flaw 'reject-replays'; did you mean 'reject-replay'?"),
        (["serve", "--profile", "strip"], "unknown profile 'strip'; did you mean 'stripe'?"),
        (["serve", "--port", "70000"], "invalid value '70000' for '--port N'"),
    ])
    func badArgumentsExitTwoWithAReason(_ arguments: [String], _ message: String) async throws {
        let result = try await runHookcheck(args: arguments, env: ["HOOKCHECK_SECRET": Self.secret], timeout: 20)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func portInUseExitsThree() async throws {
        let server = try await ServeProcess.start(["serve", "--profile", "clarityflow"], environment: [:])
        let port = String(server.address.split(separator: ":").last ?? "")
        let result = try await runHookcheck(args: ["serve", "--profile", "clarityflow", "--port", port], timeout: 20)
        _ = await server.stop(signal: SIGTERM)
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
    }

    /// A Cryptlex delivery signed with `secret`, timestamped now.
    static func cryptlexRequest(profile: Profile, secret: String) throws -> HTTPRequest {
        let triggeredAt = profile.formatTimestamp(Date())
        let body = Array(
            #"{"event":"license.created","data":{"id":"7c1e"},"triggeredAt":"\#(triggeredAt)"}"#.utf8)
        var headers: HTTPHeaders = [("Content-Type", profile.contentType)]
        for field in try profile.scheme.sign(SigningContext(body: body), secret: secret) {
            headers.add(name: field.name, value: field.value)
        }
        return HTTPRequest(method: "POST", target: "/", headers: headers, body: body)
    }
}

/// A `hookcheck serve` process started for a test: its address read from the first stdout line.
final class ServeProcess: Sendable {
    let address: String
    private let process: Process
    private let errorReader: ErrorReader

    private init(address: String, process: Process, errorReader: ErrorReader) {
        self.address = address
        self.process = process
        self.errorReader = errorReader
    }

    /// Starts `hookcheck` with `arguments` and waits (at most 30 s) for `listening on http://HOST:PORT/`.
    static func start(_ arguments: [String], environment: [String: String]) async throws -> ServeProcess {
        let binary = try hookcheckBinary()
        return try await onDedicatedThread { Result { try launch(binary, arguments, environment) } }.get()
    }

    private static func launch(_ binary: URL, _ arguments: [String], _ environment: [String: String]) throws
        -> ServeProcess
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
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
        let errorReader = ErrorReader(errors.fileHandleForReading)
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue(label: "serve-watchdog").asyncAfter(deadline: .now() + 30, execute: watchdog)
        var line: [UInt8] = []
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == 0x0A { break }
            line.append(first)
        }
        watchdog.cancel()
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("listening on "), text.hasSuffix("/") else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw HookcheckRunError.launchFailed(
                "expected 'listening on …/' first, got \(String(reflecting: text)); stderr: \(errorReader.text())")
        }
        return ServeProcess(
            address: String(text.dropFirst("listening on ".count).dropLast()), process: process,
            errorReader: errorReader)
    }

    /// Sends `request` to `path` on the server.
    func send(_ request: HTTPRequest, to path: String) async throws -> HTTPResponse {
        var request = request
        request.target = path
        return try await HTTPClient().send(request, to: try HTTPURL(address + path), timeout: .seconds(10))
    }

    /// Sends `signal`, waits for the exit (off the cooperative pool), and returns the exit status and
    /// everything written to stderr.
    func stop(signal number: Int32) async -> (status: Int32, errorOutput: String) {
        await onDedicatedThread { [self] in
            kill(process.processIdentifier, number)
            process.waitUntilExit()
            let status =
                process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus
            return (status, errorReader.text())
        }
    }
}

/// Runs blocking `work` on a thread of its own: on Linux, `DispatchQueue.global()` shares its few
/// threads with Swift concurrency, and blocking them stalls every other test.
private func onDedicatedThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.start()
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorReader: @unchecked Sendable {
    // @unchecked: `data` is written once by the reader thread before `done` is signalled, then only read.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    /// Everything read, once the pipe has closed (at most 10 s of waiting).
    func text() -> String {
        guard done.wait(timeout: .now() + 10) == .success else { return "" }
        done.signal()
        return String(decoding: data, as: UTF8.self)
    }
}
