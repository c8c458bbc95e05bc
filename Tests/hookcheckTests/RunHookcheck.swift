import Foundation
import HookHTTP
import HookTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one run of the built `hookcheck` binary produced.
struct HookcheckResult: Sendable {
    /// The exit status (or the signal number plus 128 when the process was killed).
    var status: Int32
    /// Everything written to stdout, as raw bytes.
    var outputBytes: [UInt8]
    /// Everything written to stderr, as raw bytes.
    var errorBytes: [UInt8]
    /// stdout as UTF-8 text.
    var stdout: String { String(decoding: outputBytes, as: UTF8.self) }
    /// stderr as UTF-8 text.
    var stderr: String { String(decoding: errorBytes, as: UTF8.self) }
}

/// Errors of the end-to-end helper itself (not of hookcheck).
enum HookcheckRunError: Error, CustomStringConvertible {
    case binaryNotFound([String])
    case launchFailed(String)

    var description: String {
        switch self {
        case .binaryNotFound(let tried):
            "hookcheck binary not found (build it first, or set HOOKCHECK_BINARY); tried: "
                + tried.joined(separator: ", ")
        case .launchFailed(let reason): "cannot launch hookcheck: \(reason)"
        }
    }
}

/// The built `hookcheck` executable: `$HOOKCHECK_BINARY`, else next to the test bundle, else
/// `.build/debug/hookcheck` under the package root.
func hookcheckBinary() throws -> URL {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["HOOKCHECK_BINARY"], !path.isEmpty {
        candidates.append(URL(fileURLWithPath: path))
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("hookcheck"))
    }
    if let executable = Bundle.main.executableURL {
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("hookcheck"))
    }
    candidates.append(
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hookcheck"))
    let packageRoot = PackagePaths.root
    candidates.append(packageRoot.appendingPathComponent(".build/debug/hookcheck"))
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
    }
    throw HookcheckRunError.binaryNotFound(candidates.map(\.path))
}

/// Runs the built `hookcheck` binary with `args`, exactly the environment `env` (nothing of the
/// test process's environment leaks in), and `stdin` as its standard input; collects stdout,
/// stderr and the exit status. The process is killed after `timeout` seconds.
///
/// The blocking work runs on a dispatch queue, off the cooperative thread pool.
func runHookcheck(
    args: [String], env: [String: String] = [:], stdin: [UInt8] = [], timeout: TimeInterval = 60
) async throws -> HookcheckResult {
    let binary = try hookcheckBinary()
    // Writing stdin to a child that already exited must be an error, not a signal that kills the runner.
    signal(SIGPIPE, SIG_IGN)
    return try await withCheckedThrowingContinuation { continuation in
        detached {
            continuation.resume(with: Result { try runBlocking(binary, args, env, stdin, timeout) })
        }
    }
}

/// Convenience: `stdin` as UTF-8 text.
func runHookcheck(args: [String], env: [String: String] = [:], stdin: String) async throws -> HookcheckResult {
    try await runHookcheck(args: args, env: env, stdin: Array(stdin.utf8))
}

private func runBlocking(
    _ binary: URL, _ arguments: [String], _ environment: [String: String], _ input: [UInt8], _ timeout: TimeInterval
) throws -> HookcheckResult {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = environment
    let inputPipe = Pipe()
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    // Children that other tests spawn meanwhile must not inherit these pipes and hold them open.
    CloseOnExec.mark(
        inputPipe.fileHandleForReading.fileDescriptor, inputPipe.fileHandleForWriting.fileDescriptor,
        outputPipe.fileHandleForReading.fileDescriptor, outputPipe.fileHandleForWriting.fileDescriptor,
        errorPipe.fileHandleForReading.fileDescriptor, errorPipe.fileHandleForWriting.fileDescriptor)
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    do {
        try process.run()
    } catch {
        throw HookcheckRunError.launchFailed(String(describing: error))
    }

    let group = DispatchGroup()
    let collected = CollectedBytes()
    group.enter()
    detached {
        collected.setOutput(outputPipe.fileHandleForReading.readDataToEndOfFile())
        group.leave()
    }
    group.enter()
    detached {
        collected.setError(errorPipe.fileHandleForReading.readDataToEndOfFile())
        group.leave()
    }
    group.enter()
    detached {
        try? inputPipe.fileHandleForWriting.write(contentsOf: input)
        try? inputPipe.fileHandleForWriting.close()
        group.leave()
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        _ = group.wait(timeout: .now() + 5)
    }
    process.waitUntilExit()
    let status =
        process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return HookcheckResult(status: status, outputBytes: collected.output, errorBytes: collected.error)
}

/// Runs blocking `work` on a thread of its own. Not `DispatchQueue.global()`: on Linux its few threads
/// (one per core) also run Swift concurrency's jobs, so blocking reads there stall every other test.
private func detached(_ work: @escaping @Sendable () -> Void) {
    let thread = Thread(block: work)
    thread.start()
}

/// The two pipes' bytes, filled from two reader threads.
private final class CollectedBytes: @unchecked Sendable {
    // @unchecked: both fields are only read or written while holding `lock`.
    private let lock = NSLock()
    private var storedOutput: [UInt8] = []
    private var storedError: [UInt8] = []

    func setOutput(_ data: Data) {
        lock.lock()
        storedOutput = Array(data)
        lock.unlock()
    }

    func setError(_ data: Data) {
        lock.lock()
        storedError = Array(data)
        lock.unlock()
    }

    var output: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return storedOutput
    }

    var error: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return storedError
    }
}
