import Foundation
import HookHTTP
import Testing

@testable import HookCheck

private typealias F = CaptureFixtures

@Suite("Checker capture files and profiles")
struct CheckerFileTests {
    static let good = [F.delivery(seq: 1), F.delivery(seq: 2, body: F.invoicePaid, id: "msg_2", after: 1)]

    @Test func tornLastLineIsSkippedWithAWarning() throws {
        let torn = Array(F.delivery(seq: 3, id: "msg_3", after: 2).jsonLine().dropLast(40))
        let path = try F.captureFile(Self.good, extra: torn)
        let results = try Checker.check(capturesAt: path, suites: [F.suite()], secrets: [F.secret]).flatMap(\.results)
        #expect(results.failingNames.isEmpty)
        let records = try #require(results.named("capture file · records"))
        #expect(records.status == .passed)
        #expect(records.message == "2 records read from \(path)")
        #expect(records.warning?.hasPrefix("line 3: torn last line (") == true)
    }

    @Test func malformedMiddleLineIsAnErrorNamingItsLine() throws {
        let path = try F.captureFile(Self.good, insertingAfterFirst: #"{"seq":2,"receivedAt":"yesterday"}"#)
        let results = try Checker.check(capturesAt: path, suites: [F.suite()], secrets: [F.secret]).flatMap(\.results)
        let records = try #require(results.named("capture file · records"))
        #expect(records.status == .error)
        #expect(records.message.hasPrefix("1 malformed line: "))
        #expect(records.message.contains("captures.jsonl:2:23: /receivedAt: expected an RFC 3339 date-time"))
        #expect(results.failingNames == ["capture file · records"])
    }

    @Test func unreadableFileThrowsNamingIt() {
        #expect(throws: CaptureFileError.self) {
            try Checker.check(capturesAt: "/nonexistent/captures.jsonl", suites: [F.suite()], secrets: [F.secret])
        }
    }

    @Test func deliveriesGoToTheSuiteTheyFit() throws {
        let cryptlex = F.suite(
            """
            {"suite": "cryptlex sender", "profile": "cryptlex", "cases": [
              {"name": "license created", "body": {"event": "license.created", "data": {"key": "K"},
               "triggeredAt": "2026-01-01T00:00:00.0000000Z"}}]}
            """)
        let body = #"{"event":"license.created","data":{"key":"K-1"},"triggeredAt":"2026-09-21T14:13:20.0000000Z"}"#
        let record = Self.cryptlexRecord(seq: 3, body: body, at: 1_790_000_000)
        var checker = Checker(suites: [F.suite(), cryptlex], secrets: [F.secret, "cryptlex-secret"])
        for record in Self.good + [record] { checker.consume(record) }
        let suites = checker.finish()
        #expect(suites.map(\.name) == ["acme sender", "cryptlex sender"])
        #expect(suites.flatMap(\.results).failingNames.isEmpty, "\(suites.flatMap(\.results).map(\.message))")
        #expect(suites[1].results.first { $0.name == "license created · seen" }?.message == "seen 1 time (1 delivery)")
    }

    @Test func bodyTimestampIsJudgedOnTheFirstAttemptOnly() throws {
        let suite = F.suite(
            """
            {"suite": "cryptlex sender", "profile": "cryptlex", "retries": {"min": 1, "max": 600, "attempts": 2},
             "cases": [{"name": "license created", "body": {"event": "license.created", "data": {"key": "K"},
               "triggeredAt": "2026-01-01T00:00:00.0000000Z"}}]}
            """)
        let body = #"{"event":"license.created","data":{"key":"K-1"},"triggeredAt":"2026-09-21T14:13:20.0000000Z"}"#
        let records = [
            Self.cryptlexRecord(seq: 1, body: body, at: 1_790_000_001, status: 500),
            Self.cryptlexRecord(seq: 2, body: body, at: 1_790_000_500),
        ]
        let results = F.check(records, suite: suite, secret: "cryptlex-secret")
        #expect(results.failingNames.isEmpty, "\(results.filter(\.isFailure).map(\.message))")
        #expect(results.named("license created · retries")?.status == .passed)
        let stale = F.check(
            [Self.cryptlexRecord(seq: 1, body: body, at: 1_790_000_500)], suite: suite, secret: "cryptlex-secret")
        #expect(stale.failingNames == ["license created · timestamp"])
        #expect(stale.named("license created · timestamp")?.message.contains("stale timestamp in /triggeredAt") == true)
    }

    @Test func urlSchemesVerifyOverTheSuiteTargetOrTheOverride() throws {
        let text = """
            {"suite": "iinked sender", "profile": "iinked-sign", "target": "https://example.com/hooks/iinked",
             "cases": [{"name": "signed", "body": {"action": "signed", "eventId": "e1",
               "eventTime": "2026-01-01T00:00:00.0000000Z"}}]}
            """
        let suite = F.suite(text)
        let body = #"{"action":"signed","eventId":"e1","eventTime":"2026-09-21T14:13:20.0000000Z"}"#
        func record(signedOver url: String) -> CaptureRecord {
            let fields = (try? suite.profile.scheme.sign(SigningContext(body: Array(body.utf8), url: url), secret: "k"))
            var headers: HTTPHeaders = [("Host", "127.0.0.1:9"), ("Content-Type", suite.profile.contentType)]
            for field in fields ?? [] { headers.add(name: field.name, value: field.value) }
            return CaptureRecord(
                seq: 1, receivedAt: Date(timeIntervalSince1970: 1_790_000_001), remote: "", method: "POST",
                target: "/hooks", version: "HTTP/1.1", headers: headers, body: Array(body.utf8), responseStatus: 200)
        }
        let viaTarget = F.check([record(signedOver: "https://example.com/hooks/iinked")], suite: suite, secret: "k")
        #expect(viaTarget.named("signed · signature")?.status == .passed)
        let viaOverride = F.check(
            [record(signedOver: "https://proxy.example/x")], suite: suite, secret: "k",
            options: CheckOptions(url: "https://proxy.example/x"))
        #expect(viaOverride.named("signed · signature")?.status == .passed)
        let viaHost = F.check([record(signedOver: "http://127.0.0.1:9/hooks")], suite: suite, secret: "k")
        #expect(viaHost.named("signed · signature")?.status == .failed)
    }

    @Test func tokenSchemesReportAWrongToken() throws {
        let suite = F.suite(
            """
            {"suite": "documenso sender", "profile": "documenso", "cases": [{"name": "document signed",
              "body": {"event": "DOCUMENT_SIGNED", "payload": {"id": 1}, "createdAt": "2026-01-01T00:00:00.000Z"}}]}
            """)
        let body =
            #"{"event":"DOCUMENT_SIGNED","payload":{"id":7},"createdAt":"2026-09-21T14:13:20.000Z","webhookEndpoint":"http://h"}"#
        let record = CaptureRecord(
            seq: 1, receivedAt: Date(timeIntervalSince1970: 1_790_000_001), remote: "", method: "POST",
            target: "/hooks", version: "HTTP/1.1",
            headers: [("Content-Type", "application/json"), ("X-Documenso-Secret", "not-the-token")],
            body: Array(body.utf8), responseStatus: 200)
        let results = F.check([record], suite: suite, secret: "the-token")
        #expect(results.failingNames == ["document signed · token"])
        #expect(results.named("document signed · token")?.message.contains("not-the-token") == false)
    }

    static func cryptlexRecord(seq: Int, body: String, at time: Double, status: Int = 200) -> CaptureRecord {
        let scheme = Profile.named("cryptlex")?.scheme ?? .none
        let fields = (try? scheme.sign(SigningContext(body: Array(body.utf8)), secret: "cryptlex-secret")) ?? []
        var headers: HTTPHeaders = [("Content-Type", "application/json; charset=utf-8")]
        for field in fields { headers.add(name: field.name, value: field.value) }
        return CaptureRecord(
            seq: seq, receivedAt: Date(timeIntervalSince1970: time), remote: "", method: "POST", target: "/hooks",
            version: "HTTP/1.1", headers: headers, body: Array(body.utf8), responseStatus: status)
    }

    /// The batched, multi-threaded file check (worker threads assess batches while this thread reads
    /// ahead and applies them in order) gives exactly the results of consuming the same lines one at a
    /// time; the file holds more batches than are ever in flight, so batches are read while others wait.
    @Test func batchedFileCheckEqualsConsumingLineByLine() throws {
        var lines: [[UInt8]] = []
        for seq in 1...3_037 {
            if seq % 97 == 0 {
                lines.append(Array(#"{"seq":\#(seq),"receivedAt":"yesterday"}"#.utf8) + [0x0A])
                continue
            }
            let body = seq % 3 == 0 ? F.invoicePaid : F.userCreated
            // Every 7th signed with the wrong secret, every 11th a retry of the one before (same id),
            // every 13th answered 500, every 29th reusing an id for a different event.
            let id = seq % 11 == 0 ? "msg_\(seq - 1)" : seq % 29 == 0 ? "msg_1" : "msg_\(seq)"
            let record = F.delivery(
                seq: seq, body: body, id: id, after: Double(seq), status: seq % 13 == 0 ? 500 : 200,
                secret: seq % 7 == 0 ? F.wrongSecret : F.secret)
            lines.append(record.jsonLine())
        }
        let path = try F.captureFile([], extra: lines.flatMap { $0 })

        let batched = try Checker.check(capturesAt: path, suites: [F.suite()], secrets: [F.secret])
        var oneByOne = Checker(suites: [F.suite()], secrets: [F.secret], options: CheckOptions(source: path))
        let reader = try CaptureFileReader(path: path)
        while let event = try reader.next() { oneByOne.consume(event) }
        let expected = oneByOne.finish()

        func summary(_ suites: [SuiteResult]) -> [String] {
            suites.flatMap(\.results).map { "\($0.name) \($0.status) \($0.message)" }
        }
        #expect(summary(batched) == summary(expected))
        #expect(summary(batched).contains { $0.hasPrefix("user created · signature failed") })
        #expect(summary(batched).contains { $0.hasPrefix("capture file · records error") })
    }
}
