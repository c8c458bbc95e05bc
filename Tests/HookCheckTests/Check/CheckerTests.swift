import Foundation
import Testing

@testable import HookCheck

private typealias F = CaptureFixtures

/// A broken sender and the one check that must catch it.
struct BrokenSender: Sendable, CustomTestStringConvertible {
    var name: String
    var records: [CaptureRecord]
    /// Exactly the results that must fail.
    var failing: [String]
    /// Text the first failing result's message must contain.
    var fragment: String
    var testDescription: String { name }
}

@Suite("Checker")
struct CheckerTests {
    static let good: [CaptureRecord] = [
        F.delivery(seq: 1, id: "msg_1"),
        F.delivery(seq: 2, body: F.invoicePaid, id: "msg_2", after: 1),
    ]

    @Test func conformingSenderPassesEveryCheck() {
        let results = F.check(Self.good)
        #expect(results.failingNames.isEmpty, "\(results.filter(\.isFailure).map(\.message))")
        let names = results.map(\.name)
        for check in ["seen", "method", "content type", "json", "envelope", "event", "signature", "timestamp", "id"] {
            #expect(names.contains("user created · \(check)"))
            #expect(names.contains("invoice paid · \(check)"))
        }
        #expect(results.named("capture file · records")?.message == "2 records read from captures")
        #expect(results.allSatisfy { $0.warning == nil })
    }

    static let brokenSenders: [BrokenSender] = [
        BrokenSender(
            name: "wrong secret", records: [F.delivery(seq: 1, secret: F.wrongSecret)],
            failing: ["user created · signature"], fragment: "no signature in webhook-signature matched"),
        BrokenSender(
            name: "signature over re-serialised JSON",
            records: [
                F.delivery(
                    seq: 1, body: F.userCreated.replacingOccurrences(of: ":", with: ": "),
                    signedBody: F.userCreated)
            ],
            failing: ["user created · signature"], fragment: "signed bytes"),
        BrokenSender(
            name: "stale timestamp", records: [F.delivery(seq: 1, age: 600)],
            failing: ["user created · timestamp"], fragment: "stale timestamp in header webhook-timestamp: 600 s old"),
        BrokenSender(
            name: "future timestamp", records: [F.delivery(seq: 1, age: -400)],
            failing: ["user created · timestamp"], fragment: "future timestamp"),
        BrokenSender(
            name: "missing signature header", records: [F.delivery(seq: 1, omitting: ["webhook-signature"])],
            failing: ["user created · signature"], fragment: "missing header webhook-signature"),
        BrokenSender(
            name: "missing envelope field", records: [F.delivery(seq: 1, body: #"{"type":"user.created"}"#)],
            failing: ["user created · envelope", "user created · seen"], fragment: "/data: expected an object"),
        BrokenSender(
            name: "case match fails",
            records: [F.delivery(seq: 1, body: #"{"type":"user.created","data":{"id":"u","email":"nope"}}"#)],
            failing: ["user created · envelope", "user created · seen"], fragment: "/data/email"),
        BrokenSender(
            name: "duplicate keys",
            records: [F.delivery(seq: 1, body: #"{"type":"user.created","type":"user.created","data":{}}"#)],
            failing: [
                "unmatched deliveries · json", "unmatched deliveries · event", "unmatched deliveries · case",
                "user created · seen",
            ],
            fragment: "duplicate key \"type\""),
        BrokenSender(
            name: "new id on each retry",
            records: [
                F.delivery(seq: 1, id: "msg_1", status: 500), F.delivery(seq: 2, id: "msg_2", after: 5, status: 500),
                F.delivery(seq: 3, id: "msg_3", after: 10),
            ],
            failing: ["user created · id"], fragment: "with a new id \"msg_2\"; retries must keep the id"),
        BrokenSender(
            name: "id reused for a different event",
            records: [F.delivery(seq: 1, id: "msg_1"), F.delivery(seq: 2, body: F.invoicePaid, id: "msg_1", after: 1)],
            failing: ["invoice paid · id"], fragment: "already used by seq 1 for a different event"),
        BrokenSender(
            name: "no retry after a 500", records: [F.delivery(seq: 1, status: 500)],
            failing: ["user created · retries"], fragment: "seq 1: answered 500, never retried"),
        BrokenSender(
            name: "too few attempts",
            records: [F.delivery(seq: 1, status: 500), F.delivery(seq: 2, after: 5, status: 500)],
            failing: ["user created · retries"], fragment: "2 attempts, the last (seq 2) answered 500"),
        BrokenSender(
            name: "retry too soon",
            records: [F.delivery(seq: 1, status: 503), F.delivery(seq: 2, after: 0.2)],
            failing: ["user created · retries"], fragment: "sooner than the minimum of 1.00 s"),
        BrokenSender(
            name: "retry too late",
            records: [F.delivery(seq: 1, status: 500), F.delivery(seq: 2, after: 700)],
            failing: ["user created · retries"], fragment: "later than the maximum of 600.0 s"),
        BrokenSender(
            name: "case never seen", records: [F.delivery(seq: 1)],
            failing: ["invoice paid · seen"], fragment: "seen 0 times (0 deliveries), expected at least 1"),
        BrokenSender(
            name: "wrong content type", records: [F.delivery(seq: 1, contentType: "text/plain")],
            failing: ["user created · content type"], fragment: "\"text/plain\", expected application/json"),
        BrokenSender(
            name: "wrong method", records: [F.delivery(seq: 1, method: "PUT")],
            failing: ["user created · method"], fragment: "method PUT, expected POST"),
    ]

    @Test(arguments: brokenSenders)
    func brokenSenderIsCaughtByItsCheck(_ sender: BrokenSender) throws {
        var records = sender.records
        if !sender.failing.contains("invoice paid · seen")
            && !records.contains(where: { $0.body == Array(F.invoicePaid.utf8) })
        {
            records.append(F.delivery(seq: 99, body: F.invoicePaid, id: "msg_99", after: 1))
        }
        let results = F.check(records)
        #expect(results.failingNames.sorted() == sender.failing.sorted())
        let failure = try #require(results.named(sender.failing[0]))
        #expect(failure.message.contains(sender.fragment), "\(failure.message)")
        #expect(!failure.message.contains(F.secret) && !failure.message.contains(F.wrongSecret))
    }

    @Test func signatureMismatchSaysHeaderWhatWasFoundAndByteCountButNeverTheSecret() throws {
        let results = F.check([F.delivery(seq: 1, secret: F.wrongSecret)] + [Self.good[1]])
        let message = try #require(results.named("user created · signature")).message
        let signedBytes = "msg_1.".utf8.count + 10 + 1 + F.userCreated.utf8.count
        #expect(
            message.contains(
                "over \(signedBytes) signed bytes; found v1,[redacted] (44 characters), a well-formed 32-byte MAC of "
                    + "another value"))
        #expect(message.contains("1 of 1 delivery failed (seq 1)"))
        let secretBody = String(F.secret.dropFirst(6))
        #expect(!message.contains(secretBody))
    }

    @Test func retriesKeepingTheIdUntilSuccessPass() {
        let records = [
            F.delivery(seq: 1, status: 500), F.delivery(seq: 2, after: 5, status: 500), F.delivery(seq: 3, after: 30),
            F.delivery(seq: 4, body: F.invoicePaid, id: "msg_2", after: 31),
        ]
        let results = F.check(records)
        #expect(results.failingNames.isEmpty, "\(results.filter(\.isFailure).map(\.message))")
        #expect(results.named("user created · retries")?.message == "1 event passed")
        #expect(results.named("user created · seen")?.message == "seen 1 time (3 deliveries)")
        #expect(results.named("user created · id")?.status == .passed)
    }

    @Test func enoughFailedAttemptsPassWhenTheSenderGivesUp() {
        let records = (1...3).map { F.delivery(seq: $0, after: Double($0 * 10), status: 500) } + [Self.good[1]]
        let results = F.check(records)
        #expect(results.named("user created · retries")?.status == .passed)
    }

    @Test func providerThatDoesNotRetryIsNotFailedForIt() {
        let text = F.suiteText.replacingOccurrences(of: #""expect": true, "min""#, with: #""expect": false, "min""#)
        let results = F.check([F.delivery(seq: 1, status: 500), Self.good[1]], suite: F.suite(text))
        #expect(results.named("user created · retries")?.status == .passed)
    }

    @Test func gone410AsksForNoRetry() {
        let results = F.check([F.delivery(seq: 1, status: 410), Self.good[1]])
        #expect(results.failingNames.isEmpty)
        #expect(results.named("user created · retries") == nil)
    }

    @Test(arguments: [false, true])
    func unknownEventWarnsUnlessStrict(strict: Bool) throws {
        let text =
            strict ? F.suiteText.replacingOccurrences(of: #""cases""#, with: #""strict": true, "cases""#) : F.suiteText
        let unknown = F.delivery(seq: 3, body: #"{"type":"widget spun","data":{}}"#, id: "msg_3", after: 2)
        let results = F.check(Self.good + [unknown], suite: F.suite(text))
        let event = try #require(results.named("unmatched deliveries · event"))
        let unmatched = try #require(results.named("unmatched deliveries · case"))
        if strict {
            #expect(results.failingNames.sorted() == ["unmatched deliveries · case", "unmatched deliveries · event"])
            #expect(event.message.contains("event type \"widget spun\" is not one the profile knows (strict suite)"))
        } else {
            #expect(results.failingNames.isEmpty)
            #expect(event.status == .passed)
            #expect(event.warning?.contains("1 of 1 delivery (seq 3): event type \"widget spun\" is not one") == true)
            #expect(unmatched.warning?.contains("matches no case of the suite") == true)
        }
    }

    @Test func caseCountRequiresDistinctEvents() {
        let text = F.suiteText.replacingOccurrences(
            of: #""invoice paid", "body""#, with: #""invoice paid", "count": 2, "body""#)
        let retried = [
            F.delivery(seq: 1, body: F.invoicePaid, id: "msg_a", status: 500),
            F.delivery(seq: 2, body: F.invoicePaid, id: "msg_a", after: 3),
        ]
        let once = F.check(retried + [F.delivery(seq: 3, id: "msg_u", after: 4)], suite: F.suite(text))
        #expect(once.named("invoice paid · seen")?.status == .failed)
        let twice = F.check(
            retried + [
                F.delivery(seq: 3, body: F.invoicePaid, id: "msg_b", after: 4), F.delivery(seq: 4, id: "msg_u"),
            ],
            suite: F.suite(text))
        #expect(twice.named("invoice paid · seen")?.message == "seen 2 times (3 deliveries)")
    }

    @Test func failuresListSeqNumbersAndCarryTheDeliveryForTheReport() throws {
        let records = (1...30).map { F.delivery(seq: $0, id: "msg_\($0)", after: Double($0), secret: F.wrongSecret) }
        let results = F.check(records + [F.delivery(seq: 31, body: F.invoicePaid, id: "i", after: 40)])
        let signature = try #require(results.named("user created · signature"))
        #expect(signature.message.hasPrefix("30 of 30 deliveries failed (seq 1, 2, 3,"))
        #expect(signature.message.contains(", 20, … (30 in all))"))
        #expect(signature.attempts.count == 3)
        #expect(signature.attempts.first?.note == "seq 1 from 127.0.0.1:50000, answered 200")
        #expect(signature.attempts.first?.requestExcerpt?.contains("POST /hooks HTTP/1.1\nHost:") == true)
    }

    @Test func missingSecretIsAFailureNotACrash() {
        let results = F.check(Self.good, secret: "")
        #expect(results.named("user created · signature")?.message.contains("no secret to verify with") == true)
    }
}
