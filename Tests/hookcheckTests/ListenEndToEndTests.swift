import Foundation
import HookHTTP
import HookTestSupport
import Testing

@testable import HookCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hookcheck listen` through the binary: nothing acknowledged is lost on SIGKILL, SIGTERM finishes
/// in-flight deliveries and writes reports, and start-up failures exit 3.
@Suite(.serialized) struct ListenEndToEndTests {
    private func environment() -> [String: String] {
        ["LISTEN_SECRET": ListenDeliveries.secret, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
    }

    @Test func everyAcknowledgedDeliverySurvivesSIGKILL() async throws {
        let folder = try ListenDeliveries.temporaryFolder()
        let suite = try ListenDeliveries.writeSuite(in: folder)
        let captures = folder.appendingPathComponent("captures.jsonl").path
        let listener = try ListenProcess(
            [suite, "--captures", captures, "--reports", folder.path, "--timeout", "60"], environment: environment())
        let port = listener.port
        try #require(port > 0, "no address: \(listener.stderr)")
        let acknowledged = ListenShared<[String: [UInt8]]>([:])
        let total = ListenShared(0)
        let connections = 8
        let perConnection = 100
        await withTaskGroup(of: Void.self) { group in
            for connection in 0..<connections {
                group.addTask {
                    let client = HTTPClient()
                    for index in 0..<perConnection {
                        let n = connection * perConnection + index
                        // Every attempt counts towards the kill, answered or not, so a slow machine
                        // cannot keep the kill from happening.
                        defer {
                            let attempts = total.withLock { count in
                                count += 1
                                return count
                            }
                            if attempts == connections * perConnection / 2 { listener.send(SIGKILL) }
                        }
                        guard let (bytes, body) = try? ListenDeliveries.request(n: n, port: port, size: 1024),
                            let url = try? HTTPURL("http://127.0.0.1:\(port)/hooks"),
                            let response = try? await client.send(
                                Self.parse(bytes, body: body), to: url, timeout: .seconds(20))
                        else { continue }
                        if (200...299).contains(response.status) {
                            acknowledged.withLock { $0["msg_\(n)"] = body }
                        }
                    }
                }
            }
        }
        let status = await listener.waitForExit()
        #expect(status == 128 + SIGKILL)
        let sent = acknowledged.withLock { $0 }
        #expect(!sent.isEmpty)
        #expect(sent.count < connections * perConnection)

        // Every acknowledged delivery is in the file, byte for byte.
        var captured: [String: [UInt8]] = [:]
        let reader = try CaptureFileReader(path: captures)
        while let event = try reader.next() {
            if case .record(let record, _) = event, let id = record.headers["webhook-id"] { captured[id] = record.body }
        }
        for (id, body) in sent {
            #expect(captured[id] == body, "acknowledged delivery \(id) missing or changed in the capture file")
        }

        // A crash mid-write leaves a torn last line: the checks skip it with a warning and judge the rest.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: captures))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":99999,"receivedAt":"2026-11-23T10:00:00.123Z","rem"#.utf8))
        try handle.close()
        let loaded = try Suite.load(from: URL(fileURLWithPath: suite))
        let results = try await Checker.check(
            capturesAt: captures, suites: [loaded], secrets: [ListenDeliveries.secret], options: CheckOptions()
        ).flatMap(\.results)
        #expect(results.contains { ($0.warning ?? "").contains("torn last line") })
        let failures = results.filter(\.isFailure)
        #expect(failures.isEmpty, "\(failures.map(\.message))")
    }

    @Test func sigtermFinishesInFlightDeliveriesAndWritesReports() async throws {
        let folder = try ListenDeliveries.temporaryFolder()
        let suite = try ListenDeliveries.writeSuite(count: 4, in: folder)
        let captures = folder.appendingPathComponent("captures.jsonl").path
        let listener = try ListenProcess(
            [suite, "--captures", captures, "--reports", folder.path, "--respond-delay", "1.5", "--timeout", "60"],
            environment: environment())
        let port = listener.port
        try #require(port > 0, "no address: \(listener.stderr)")
        let statuses = await withTaskGroup(of: Int?.self) { group in
            for n in 0..<4 {
                group.addTask {
                    guard let (bytes, _) = try? ListenDeliveries.request(n: n, port: port) else { return nil }
                    return try? await RawPeer(port: port).exchange([bytes], timeout: .seconds(15)).firstStatus
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(700))
                listener.send(SIGTERM)
                return nil
            }
            return await group.compactMap { $0 }.reduce(into: []) { $0.append($1) }
        }
        let status = await listener.waitForExit()
        #expect(statuses == [200, 200, 200, 200], "\(listener.stderr)")
        #expect(status == 0, "\(listener.stdout)\n\(listener.stderr)")
        #expect(listener.stderr.contains("SIGTERM"))
        #expect(listener.stdout.contains("hookcheck: "))
        let junit = try String(contentsOfFile: folder.appendingPathComponent("junit.xml").path, encoding: .utf8)
        #expect(junit.contains("<testsuite name=\"listen e2e\""))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.md").path))
    }

    @Test func busyPortAndUnwritableCaptureFileExit3() async throws {
        let folder = try ListenDeliveries.temporaryFolder()
        let suite = try ListenDeliveries.writeSuite(in: folder)
        let first = try ListenProcess(
            [suite, "--captures", folder.appendingPathComponent("a.jsonl").path, "--reports", folder.path],
            environment: environment())
        try #require(first.port > 0)
        let busy = try await runHookcheck(
            args: [
                "listen", suite, "--port", String(first.port), "--captures", folder.appendingPathComponent("b").path,
            ],
            env: environment())
        #expect(busy.status == 3)
        #expect(busy.stderr.contains("cannot listen on 127.0.0.1:\(first.port)"))
        first.send(SIGINT)
        #expect(await first.waitForExit() != 128 + SIGKILL)

        let unwritable = try await runHookcheck(
            args: ["listen", suite, "--captures", "/proc/hookcheck/captures.jsonl"], env: environment())
        #expect(unwritable.status == 3)
        #expect(unwritable.stderr.contains("cannot open capture file '/proc/hookcheck/captures.jsonl'"))
        #expect(unwritable.stdout.isEmpty)
    }

    @Test func nonLoopbackHostAndBadPlanAreUsageErrors() async throws {
        let folder = try ListenDeliveries.temporaryFolder()
        let suite = try ListenDeliveries.writeSuite(in: folder)
        let host = try await runHookcheck(args: ["listen", suite, "--host", "0.0.0.0"], env: environment())
        #expect(host.status == 2)
        #expect(host.stderr.contains("'0.0.0.0'"))
        let plan = try await runHookcheck(args: ["listen", suite, "--respond", "500x0"], env: environment())
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("500x0"))
    }

    /// Splits a raw request built by ``ListenDeliveries`` back into an `HTTPRequest`.
    static func parse(_ bytes: [UInt8], body: [UInt8]) -> HTTPRequest {
        let head = String(decoding: bytes.prefix(bytes.count - body.count), as: UTF8.self)
        var headers = HTTPHeaders()
        for line in head.components(separatedBy: "\r\n").dropFirst() where line.contains(":") {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers.add(name: String(parts[0]), value: String(parts[1].dropFirst()))
        }
        return HTTPRequest(method: "POST", target: "/hooks", headers: headers, body: body)
    }
}
