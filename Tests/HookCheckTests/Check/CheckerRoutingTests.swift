import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// `check` over deliveries that `run`'s builder makes: the routing rule picks the case by event,
/// sub-event and `match`; a delivery that fits no case is reported against the closest and not counted.
@Suite("Checker routing and default retries")
struct CheckerRoutingTests {
    static let now = Date()
    /// Usable by every scheme here (Standard Webhooks needs base64 after `whsec_`).
    static let secret = "whsec_" + Data("routing-test-secret-of-32-bytes!".utf8).base64EncodedString()

    /// `delivery` as `listen` would capture it, `after` seconds from now, answered `status`.
    static func record(_ delivery: Delivery, seq: Int, after: Double = 0, status: Int = 200) -> CaptureRecord {
        let target =
            delivery.url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            .dropFirst(3).first.map { "/" + $0 } ?? "/"
        return CaptureRecord(
            seq: seq, receivedAt: now.addingTimeInterval(after), remote: "127.0.0.1:50000", method: delivery.method,
            target: target, version: "HTTP/1.1", headers: delivery.headers, body: delivery.body,
            responseStatus: status)
    }

    static func suite(_ text: String) throws -> Suite {
        let (suite, diagnostics) = SuiteLoader.load(bytes: Array(text.utf8), path: "routing.json")
        return try #require(suite, "\(diagnostics)")
    }

    static func check(_ suite: Suite, _ records: [CaptureRecord]) -> [CaseResult] {
        var checker = Checker(suites: [suite], secrets: [secret], startedAt: now)
        for record in records { checker.consume(record) }
        return checker.finish(now: now).flatMap(\.results)
    }

    static func build(_ suite: Suite, case name: String, body: JSONValue? = nil) throws -> Delivery {
        var suiteCase = try #require(suite.cases.first { $0.name == name })
        if let body { suiteCase.body = body }
        let builder = DeliveryBuilder(profile: suite.profile, secret: secret, now: { now })
        return try builder.deliveries(for: suiteCase, probe: .valid, target: "http://127.0.0.1:9/hooks")[0]
    }

    @Test func bothOfSlacksEventCallbackCasesAreSeenWhenBothAreDelivered() throws {
        let suite = try Self.suite(
            """
            {"suite": "slack", "profile": "slack",
             "cases": [
               {"name": "mention", "body": {"type": "event_callback", "event_id": "Ev1",
                                             "event": {"type": "app_mention", "text": "hi", "ts": "1.000001"}}},
               {"name": "message", "body": {"type": "event_callback", "event_id": "Ev2",
                                             "event": {"type": "message", "text": "hi", "ts": "1.000001"}}}
             ]}
            """)
        let records = [
            Self.record(try Self.build(suite, case: "mention"), seq: 1),
            Self.record(try Self.build(suite, case: "message"), seq: 2, after: 1),
        ]
        let results = Self.check(suite, records)
        #expect(results.failingNames.isEmpty, "\(results.filter(\.isFailure).map(\.message))")
        #expect(results.named("mention · seen")?.message == "seen 1 time (1 delivery)")
        #expect(results.named("message · seen")?.message == "seen 1 time (1 delivery)")
    }

    static let issues = """
        {"suite": "github", "profile": "github", "retries": {"expect": false},
         "cases": [
           {"name": "issues opened", "headers": {"X-GitHub-Event": "issues"},
            "body": {"action": "opened", "issue": {"number": 1, "state": "open"}}, "match": {"action": "opened"}},
           {"name": "issues closed", "headers": {"X-GitHub-Event": "issues"},
            "body": {"action": "closed", "issue": {"number": 1, "state": "closed"}}, "match": {"action": "closed"}}
         ]}
        """

    @Test func githubIssuesOpenedAndClosedGoToTheirOwnCases() throws {
        let suite = try Self.suite(Self.issues)
        let records = [
            Self.record(try Self.build(suite, case: "issues closed"), seq: 1),
            Self.record(try Self.build(suite, case: "issues opened"), seq: 2, after: 1),
            Self.record(try Self.build(suite, case: "issues closed"), seq: 3, after: 2),
        ]
        let results = Self.check(suite, records)
        #expect(results.failingNames.isEmpty, "\(results.filter(\.isFailure).map(\.message))")
        #expect(results.named("issues opened · seen")?.message == "seen 1 time (1 delivery)")
        #expect(results.named("issues closed · seen")?.message == "seen 2 times (2 deliveries)")
    }

    @Test func aKnownEventFittingNoCaseIsReportedAgainstTheClosestAndNeverCounts() throws {
        let suite = try Self.suite(Self.issues)
        let reopened = SuiteFixtures.json(#"{"action": "reopened", "issue": {"number": 1, "state": "open"}}"#)
        let records = [Self.record(try Self.build(suite, case: "issues opened", body: reopened), seq: 1)]
        let results = Self.check(suite, records)
        let envelope = try #require(results.named("issues opened · envelope"))
        #expect(envelope.status == .failed)
        #expect(envelope.message.contains(#"/action: expected "opened", found "reopened""#), "\(envelope.message)")
        #expect(envelope.message.contains(#"fits no case of event "issues""#), "\(envelope.message)")
        let seen = try #require(results.named("issues opened · seen"))
        #expect(seen.status == .failed)
        #expect(seen.message.hasPrefix("seen 0 times (0 deliveries; 1 more delivery of its event fit no case"))
        #expect(results.named("unmatched deliveries · case") == nil)
    }

    @Test func aSenderThatNeverRetriesFailsRetriesWhenTheSuiteSaysNothing() throws {
        let suite = try Self.suite(
            """
            {"suite": "quiet", "profile": "standard-webhooks",
             "cases": [{"name": "paid", "body": {"type": "invoice.paid", "data": {"n": 1}}}]}
            """)
        #expect(suite.retries == .atLeastOnce)
        let first = try Self.build(suite, case: "paid")
        // Another event (other content, fresh id) comes later; the first is never retried.
        let later = try Self.build(
            suite, case: "paid", body: SuiteFixtures.json(#"{"type": "invoice.paid", "data": {"n": 2}}"#))
        let records = [Self.record(first, seq: 1, status: 500), Self.record(later, seq: 2, after: 30)]
        let results = Self.check(suite, records)
        let retries = try #require(results.named("paid · retries"))
        #expect(retries.status == .failed)
        #expect(
            retries.message.contains(
                "seq 1: answered 500, never retried within the 30.0 s the capture went on after it; "
                    + "at-least-once delivery expects a failed delivery to be retried"), "\(retries.message)")
        #expect(retries.message.contains(#"say {"expect": false} if the provider never retries"#))
    }

    @Test func expectFalseTurnsTheDefaultOff() throws {
        let suite = try Self.suite(
            """
            {"suite": "quiet", "profile": "standard-webhooks", "retries": {"expect": false},
             "cases": [{"name": "paid", "body": {"type": "invoice.paid", "data": {"n": 1}}}]}
            """)
        let results = Self.check(suite, [Self.record(try Self.build(suite, case: "paid"), seq: 1, status: 500)])
        #expect(results.named("paid · retries")?.status == .passed)
    }
}
