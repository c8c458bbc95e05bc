import Foundation
import HookHTTP
import Testing

@testable import HookCheck

@Suite("Suite inference")
struct SuiteInferenceTests {
    static func record(_ seq: Int, _ body: String, headers: HTTPHeaders) -> CaptureRecord {
        CaptureRecord(
            seq: seq, receivedAt: Date(), remote: "127.0.0.1:1", method: "POST", target: "/hooks", version: "HTTP/1.1",
            headers: headers, body: Array(body.utf8), responseStatus: 200)
    }

    static let stripeHeaders: HTTPHeaders = [("Content-Type", "application/json"), ("Stripe-Signature", "t=1,v1=00")]

    @Test func theProfileComesFromTheSignatureHeaders() throws {
        let standard: HTTPHeaders = [
            ("webhook-id", "msg_1"), ("webhook-timestamp", "1"), ("webhook-signature", "v1,x"),
        ]
        #expect(try ProfileDetection.detect([Self.record(1, "{}", headers: standard)]).name == "standard-webhooks")
        #expect(
            try ProfileDetection.detect([Self.record(1, "{}", headers: [("Webhook-Signature", "x")])]).name
                == "cryptlex")
        #expect(try ProfileDetection.detect([Self.record(1, "{}", headers: Self.stripeHeaders)]).name == "stripe")
        #expect(throws: InferenceError.self) {
            try ProfileDetection.detect([
                Self.record(1, "{}", headers: Self.stripeHeaders),
                Self.record(2, "{}", headers: [("X-Hub-Signature-256", "sha256=00")]),
            ])
        }
        do {
            _ = try ProfileDetection.detect([Self.record(1, "{}", headers: [("Content-Type", "application/json")])])
            Issue.record("a capture without a signature header must not name a profile")
        } catch {
            #expect(error.code == .noRecognisableSignature && error.message.contains("--profile"))
        }
    }

    @Test func theCaseIsTheUnionOfTheCapturesWithoutSecrets() throws {
        let profile = try #require(Profile.named("stripe"))
        let records = [
            Self.record(
                1,
                #"{"id":"evt_1A2b3C4d5E","type":"charge.succeeded","note":"a","gone":1,"client_secret":"pi_x_secret_y","at":"2024-01-01T00:00:00Z"}"#,
                headers: Self.stripeHeaders),
            Self.record(
                2,
                #"{"id":"evt_9Z8y7X6w5V","type":"charge.succeeded","note":null,"client_secret":"pi_z_secret_w","at":"2024-02-01T00:00:00Z"}"#,
                headers: Self.stripeHeaders),
        ]
        let outcome = try SuiteInference(profile: profile, secretVariable: "STRIPE_WEBHOOK_SECRET").infer(from: records)
        #expect(outcome.caseCount == 1)
        let text = JSONWriter.compact(outcome.suite)
        #expect(!text.contains("pi_x_secret_y") && !text.contains("pi_z_secret_w"))
        let testCase = try #require(outcome.suite["cases"]?.arrayValue?.first)
        let body = try #require(testCase["body"])
        #expect(body["gone"] == nil, "a key missing from one capture is left out")
        #expect(body["note"] == .null, "a key seen as a string and as null accepts both")
        #expect(body["client_secret"] == .string(SuiteInference.redactedText))
        let match = try #require(testCase["match"])
        #expect(match["id"]?["$regex"] == .string("^evt_"))
        #expect(match["at"]?["$format"] == .string("date-time"))
        #expect(match["note"]?["$type"] == .array([.string("string"), .string("null")]))
        #expect(outcome.suite["secret"]?["env"] == .string("STRIPE_WEBHOOK_SECRET"))
    }

    @Test func slackCasesAreOnePerSubEvent() throws {
        let profile = try #require(Profile.named("slack"))
        let headers: HTTPHeaders = [("X-Slack-Signature", "v0=00"), ("X-Slack-Request-Timestamp", "1")]
        let records = [
            Self.record(1, #"{"type":"event_callback","token":"t1","event":{"type":"app_mention"}}"#, headers: headers),
            Self.record(2, #"{"type":"event_callback","token":"t2","event":{"type":"message"}}"#, headers: headers),
        ]
        let outcome = try SuiteInference(profile: profile, secretVariable: "S").infer(from: records)
        let names = outcome.suite["cases"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["event_callback (app_mention)", "event_callback (message)"])
        #expect(!JSONWriter.compact(outcome.suite).contains("\"t1\""))
    }
}
