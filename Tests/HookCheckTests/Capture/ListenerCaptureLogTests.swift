import Foundation
import Testing

@testable import HookCheck

/// The capture log's async group commit: every line lands once and whole however many append at once,
/// an append returns only once its line is written, and a failed write reaches every line it held.
@Suite struct ListenerCaptureLogTests {
    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("capture-log-\(UUID()).jsonl").path
    }

    @Test(arguments: [false, true])
    func concurrentAppendsEachLandOnceWhole(fsync: Bool) async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try ListenerCaptureLog(path: path, fsync: fsync)
        let lines = (0..<200).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "x", count: $0 % 97))\"}\n" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for line in lines {
                group.addTask {
                    try await log.append(Array(line.utf8))
                    // Returned: the line is in the file already.
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    #expect(text.contains(line))
                }
            }
            try await group.waitForAll()
        }
        log.close()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.split(separator: "\n", omittingEmptySubsequences: false).count == lines.count + 1)
        #expect(Set(written.split(separator: "\n").map { $0 + "\n" }) == Set(lines.map { Substring($0) }))
    }

    @Test func appendAfterCloseFailsNamingTheFile() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try ListenerCaptureLog(path: path, fsync: false)
        try await log.append(Array("{}\n".utf8))
        log.close()
        await #expect(throws: CaptureFileError.writeFailed(path: path, reason: "the listener is stopped")) {
            try await log.append(Array("{}\n".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func failedWriteIsThrownToEveryLineItHeld() async throws {
        let log = try ListenerCaptureLog(path: "/dev/full", fsync: false)
        defer { log.close() }
        let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
            for number in 0..<50 {
                group.addTask {
                    do throws(CaptureFileError) {
                        try await log.append(Array("{\"n\":\(number)}\n".utf8))
                        return false
                    } catch {
                        return error.code == .writeFailed && error.path == "/dev/full"
                    }
                }
            }
            return try await group.reduce(into: 0) { count, failed in count += failed ? 1 : 0 }
        }
        #expect(failures == 50)
    }
}
