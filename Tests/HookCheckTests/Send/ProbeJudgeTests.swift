import Foundation
import HookHTTP
import Testing

@testable import HookCheck

@Suite("Probe judge")
struct ProbeJudgeTests {
    static func exchange(_ status: Int?, latency: Duration = .milliseconds(5)) -> Exchange {
        let delivery = Delivery(method: "POST", url: "http://127.0.0.1:1/", headers: [], body: [])
        let outcome: Result<HTTPResponse, HTTPClientError> =
            status.map { .success(HTTPResponse(status: HTTPStatus(code: $0))) }
            ?? .failure(.connectionRefused(endpoint: "127.0.0.1:1"))
        return Exchange(delivery: delivery, sentAt: Date(), latency: latency, outcome: outcome)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let probe: ProbeKind
        let statuses: [Int?]
        let expect: DeliveryExpectation
        let passes: Bool
        var testDescription: String { "\(probe) \(statuses.map { $0.map(String.init) ?? "none" }) → \(passes)" }
    }

    static let strict = DeliveryExpectation(
        accept: StatusRule([.status(200), .status(204)]), reject: StatusRule([.status(401), .status(403)]))

    static let rows: [Row] = [
        Row(probe: .valid, statuses: [200], expect: .standard, passes: true),
        Row(probe: .valid, statuses: [204], expect: .standard, passes: true),
        Row(probe: .valid, statuses: [401], expect: .standard, passes: false),
        Row(probe: .valid, statuses: [302], expect: .standard, passes: false),
        Row(probe: .valid, statuses: [202], expect: strict, passes: false),
        Row(probe: .badSignature, statuses: [401], expect: .standard, passes: true),
        Row(probe: .badSignature, statuses: [400], expect: strict, passes: false),
        Row(probe: .badSignature, statuses: [403], expect: strict, passes: true),
        Row(probe: .badSignature, statuses: [200], expect: .standard, passes: false),
        Row(probe: .tamperedBody, statuses: [500], expect: .standard, passes: false),
        Row(probe: .missingToken, statuses: [401], expect: .standard, passes: true),
        Row(probe: .unknownEvent, statuses: [200], expect: .standard, passes: true),
        Row(probe: .unknownEvent, statuses: [400], expect: .standard, passes: false),
        Row(probe: .replay, statuses: [200, 200], expect: .standard, passes: true),
        Row(probe: .replay, statuses: [200, 409], expect: .standard, passes: false),
        Row(probe: .malformedJSON, statuses: [400], expect: .standard, passes: true),
        Row(
            probe: .malformedJSON, statuses: [500],
            expect: DeliveryExpectation(reject: StatusRule([.statusClass(4), .statusClass(5)])), passes: false),
    ]

    @Test(arguments: rows)
    func judgesStatusesAgainstTheExpectation(_ row: Row) {
        let verdict = ProbeJudge.judge(
            row.statuses.map { Self.exchange($0) }, probe: row.probe, expectation: row.expect)
        #expect((verdict == .passed) == row.passes, "\(verdict)")
    }

    @Test func noResponseIsAnErrorNamingTheEndpoint() {
        let verdict = ProbeJudge.judge(
            [Self.exchange(200), Self.exchange(nil)], probe: .replay, expectation: .standard)
        #expect(
            verdict
                == .error(message: "a replayed delivery (same id) (delivery 2 of 2): connection refused by 127.0.0.1:1")
        )
    }

    @Test func replayRejectionSaysWhichDelivery() {
        let verdict = ProbeJudge.judge(
            [Self.exchange(200), Self.exchange(409)], probe: .replay, expectation: .standard)
        #expect(
            verdict
                == .failed(
                    message: "rejected a replayed delivery (same id) (delivery 2 of 2): expected 2xx, got 409",
                    expected: "accept: 2xx", found: "409"))
    }

    @Test func successAnswerToBadSignatureSaysWhatWasAnswered() {
        let verdict = ProbeJudge.judge([Self.exchange(200)], probe: .badSignature, expectation: .standard)
        #expect(
            verdict
                == .failed(
                    message:
                        "answered 200 (a success status) to a delivery signed with a wrong secret: expected 4xx, got 200",
                    expected: "reject: 4xx", found: "200"))
    }

    @Test(arguments: [ProbeKind.malformedJSON, .unsignedMalformedJSON])
    func serverErrorToMalformedJSONUsesTheExpectedGotForm(probe: ProbeKind) {
        let verdict = ProbeJudge.judge([Self.exchange(500)], probe: probe, expectation: .standard)
        guard case .failed(let message, let expected, let found) = verdict else {
            Issue.record("expected a failure, got \(verdict)")
            return
        }
        #expect(message.hasPrefix("answered 500 to \(ProbeJudge.sentText(probe)): expected 4xx, got 500; "))
        #expect(expected == "reject: 4xx")
        #expect(found == "500")
    }

    @Test func slowAnswerFailsWithin() {
        var expectation = DeliveryExpectation.standard
        expectation.within = 2
        let verdict = ProbeJudge.judge(
            [Self.exchange(200, latency: .milliseconds(2500))], probe: .valid, expectation: expectation)
        #expect(
            verdict
                == .failed(
                    message: "answered a correctly signed delivery after 2.5 s: expected an answer within 2 s",
                    expected: "within 2 s", found: "2.5 s"))
    }
}
