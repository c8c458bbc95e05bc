import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// Negative cases: the official negatives of research/signatures.md §2.6, rotation, tolerance edges
/// and malformed headers, each failing for the stated reason.
@Suite struct VerificationFailureTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let body = Array(#"{"test": 2432232314}"#.utf8)
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp = 1_614_265_330
    static let valid = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let scheme = SignatureScheme.standardWebhooks(StandardWebhooksScheme())
    static let signedByteCount = 60

    static func headers(signature: String?, timestamp: String? = String(timestamp), id: String? = id) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let id { headers.add(name: "webhook-id", value: id) }
        if let timestamp { headers.add(name: "webhook-timestamp", value: timestamp) }
        if let signature { headers.add(name: "webhook-signature", value: signature) }
        return headers
    }

    static func verify(_ headers: HTTPHeaders, now: Int = timestamp, policy: TimestampPolicy? = nil)
        -> SignatureVerification
    {
        scheme.verify(
            headers: headers, body: body, secret: secret, now: Date(timeIntervalSince1970: Double(now)), policy: policy)
    }

    // MARK: - Standard Webhooks

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var headers: HTTPHeaders
        var failure: SignatureFailure
        var testDescription: String { name }
    }

    static func noMatch(_ length: Int, _ mismatch: FoundSignature.Mismatch) -> SignatureFailure {
        .noSignatureMatched(
            header: "webhook-signature", candidates: 1, signedByteCount: signedByteCount,
            found: [FoundSignature(lead: "v1,", length: length, mismatch: mismatch)])
    }

    static let standardWebhooksCases: [Case] = [
        .init(
            name: "last character differs (Python)",
            headers: headers(signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="),
            failure: noMatch(44, .differentValue(byteCount: 32))),
        .init(
            name: "another message's signature (Go)",
            headers: headers(signature: "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="),
            failure: noMatch(44, .differentValue(byteCount: 32))),
        .init(
            name: "garbage (JS)", headers: headers(signature: "v1,dawfeoifkpqwoekfpqoekf"),
            failure: noMatch(22, .notEncoded("base64"))),
        .init(name: "partial: v1, only", headers: headers(signature: "v1,"), failure: noMatch(0, .empty)),
        .init(
            name: "partial: first 8 characters", headers: headers(signature: String(valid.prefix(8))),
            failure: noMatch(5, .notEncoded("base64"))),
        .init(
            name: "a SHA-1 length MAC", headers: headers(signature: "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAA="),
            failure: noMatch(28, .wrongLength(found: 20, expected: 32))),
        .init(
            name: "v1,invalid_signature (Java)", headers: headers(signature: "v1,invalid_signature"),
            failure: noMatch(17, .notEncoded("base64"))),
        .init(
            name: "unpadded base64", headers: headers(signature: String(valid.dropLast())),
            failure: noMatch(43, .notEncoded("base64"))),
        .init(
            name: "wrong version v2 (Java)",
            headers: headers(signature: "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
            failure: .malformedHeader(
                "webhook-signature", reason: "no \"v1,\" entry among 1 space-separated entries")),
        .init(
            name: "no comma (Java)", headers: headers(signature: "invalid_signature"),
            failure: .malformedHeader(
                "webhook-signature", reason: "no \"v1,\" entry among 1 space-separated entries")),
        .init(
            name: "empty signature header", headers: headers(signature: ""),
            failure: .malformedHeader("webhook-signature", reason: "no signatures")),
        .init(
            name: "missing webhook-signature", headers: headers(signature: nil),
            failure: .missingHeader("webhook-signature")),
        .init(
            name: "missing webhook-timestamp", headers: headers(signature: valid, timestamp: nil),
            failure: .missingHeader("webhook-timestamp")),
        .init(
            name: "missing webhook-id", headers: headers(signature: valid, id: nil),
            failure: .missingHeader("webhook-id")),
        .init(
            name: "timestamp hello", headers: headers(signature: valid, timestamp: "hello"),
            failure: .malformedHeader(
                "webhook-timestamp", reason: "timestamp \"hello\" is not a whole number of seconds since 1970")),
        .init(
            name: "fractional timestamp", headers: headers(signature: valid, timestamp: "1614265330.5"),
            failure: .malformedHeader(
                "webhook-timestamp", reason: "timestamp \"1614265330.5\" is not a whole number of seconds since 1970")),
        .init(
            name: "negative timestamp", headers: headers(signature: valid, timestamp: "-161426533"),
            failure: .malformedHeader(
                "webhook-timestamp", reason: "timestamp \"-161426533\" is not a whole number of seconds since 1970")),
        .init(
            name: "timestamp with suffix", headers: headers(signature: valid, timestamp: "1614265330abc"),
            failure: .malformedHeader(
                "webhook-timestamp", reason: "timestamp \"1614265330abc\" is not a whole number of seconds since 1970")),
        .init(
            name: "different id", headers: headers(signature: valid, id: "msg_other"),
            failure: .noSignatureMatched(
                header: "webhook-signature", candidates: 1, signedByteCount: 41,
                found: [FoundSignature(lead: "v1,", length: 44, mismatch: .differentValue(byteCount: 32))])),
    ]

    @Test(arguments: standardWebhooksCases)
    func standardWebhooksRejects(_ row: Case) {
        #expect(Self.verify(row.headers) == .invalid(row.failure))
    }

    @Test func rotationHeaderAcceptsAnyV1Entry() {
        let bad = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        let header = "\(bad) v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= \(Self.valid) \(bad)"
        #expect(Self.verify(Self.headers(signature: header)) == .valid)
        #expect(Self.verify(Self.headers(signature: "  \(Self.valid)  v1a,AAAA")) == .valid)
        let different = FoundSignature(lead: "v1,", length: 44, mismatch: .differentValue(byteCount: 32))
        #expect(
            Self.verify(Self.headers(signature: "\(bad) \(bad)"))
                == .invalid(
                    .noSignatureMatched(
                        header: "webhook-signature", candidates: 2, signedByteCount: Self.signedByteCount,
                        found: [different, different])))
    }

    @Test func headerNamesAreCaseInsensitive() {
        let headers: HTTPHeaders = [
            ("Webhook-Id", Self.id), ("WEBHOOK-TIMESTAMP", String(Self.timestamp)), ("Webhook-Signature", Self.valid),
        ]
        #expect(Self.verify(headers) == .valid)
    }

    @Test func rotationSigningEmitsEverySecret() throws {
        let context = SigningContext(body: Self.body, id: Self.id, timestamp: String(Self.timestamp))
        let old = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
        let fields = try Self.scheme.sign(context, secrets: [old, Self.secret])
        let signature = HTTPHeaders(fields: fields)["webhook-signature"] ?? ""
        #expect(signature.split(separator: " ").count == 2)
        #expect(signature.hasSuffix(" " + Self.valid))
        #expect(Self.verify(HTTPHeaders(fields: fields)) == .valid)

        let stripe = SignatureScheme.stripe(StripeScheme())
        let stripeFields = try stripe.sign(
            SigningContext(body: Self.body, timestamp: "1492774577"), secrets: ["whsec_old", "whsec_new"])
        #expect(stripeFields.count == 1)
        #expect(stripeFields.first?.value.components(separatedBy: ",v1=").count == 3)
        for secret in ["whsec_old", "whsec_new"] {
            #expect(
                stripe.verify(
                    headers: HTTPHeaders(fields: stripeFields), body: Self.body, secret: secret,
                    now: Date(timeIntervalSince1970: 1_492_774_577)) == .valid)
        }
    }

    // MARK: - Tolerance

    struct Edge: CustomTestStringConvertible, Sendable {
        var offset: Int  // now - timestamp
        var policy: TimestampPolicy?
        var failure: SignatureFailure?
        var testDescription: String { "now = ts \(offset >= 0 ? "+" : "")\(offset), \(String(describing: policy))" }
    }

    static let edges: [Edge] = [
        .init(offset: 0, failure: nil),
        .init(offset: 300, failure: nil),
        .init(offset: -300, failure: nil),
        .init(
            offset: 301, failure: .staleTimestamp(header: "webhook-timestamp", age: 301, tolerance: 300)),
        .init(
            offset: -301, failure: .futureTimestamp(header: "webhook-timestamp", ahead: 301, tolerance: 300)),
        .init(offset: -301, policy: TimestampPolicy(tolerance: 300, future: .tolerate), failure: nil),
        .init(offset: -100_000, policy: TimestampPolicy(tolerance: 300, future: .tolerate), failure: nil),
        .init(offset: 100_000_000, policy: TimestampPolicy(tolerance: 0), failure: nil),
        .init(offset: -100_000_000, policy: TimestampPolicy(tolerance: 0), failure: nil),
        .init(
            offset: 61, policy: TimestampPolicy(tolerance: 60),
            failure: .staleTimestamp(header: "webhook-timestamp", age: 61, tolerance: 60)),
    ]

    @Test(arguments: edges)
    func standardWebhooksToleranceEdges(_ edge: Edge) {
        let result = Self.verify(
            Self.headers(signature: Self.valid), now: Self.timestamp + edge.offset, policy: edge.policy)
        #expect(result == (edge.failure.map { .invalid($0) } ?? .valid))
    }

    @Test func schemeToleranceIsTheDefaultPolicy() {
        let strict = SignatureScheme.standardWebhooks(StandardWebhooksScheme(tolerance: 10))
        let result = strict.verify(
            headers: Self.headers(signature: Self.valid), body: Self.body, secret: Self.secret,
            now: Date(timeIntervalSince1970: Double(Self.timestamp + 11)))
        #expect(result == .invalid(.staleTimestamp(header: "webhook-timestamp", age: 11, tolerance: 10)))
        #expect(strict.timestampPolicy == TimestampPolicy(tolerance: 10, future: .reject))
    }

    static let stripeHeader = "t=1492774577,v1=88a022085c6bdb887b02cb26ff76dd681234d9675c0f22844059f55552a8883a"
    static let stripeBody = Array(#"{"id":"evt_test_webhook","object":"event"}"#.utf8)

    static func verifyStripe(_ header: String?, offset: Int = 0, policy: TimestampPolicy? = nil)
        -> SignatureVerification
    {
        var headers = HTTPHeaders()
        if let header { headers.add(name: "Stripe-Signature", value: header) }
        return SignatureScheme.stripe(StripeScheme()).verify(
            headers: headers, body: stripeBody, secret: "whsec_test_secret",
            now: Date(timeIntervalSince1970: Double(1_492_774_577 + offset)), policy: policy)
    }

    @Test func stripeRejectsOnlyStaleByDefault() {
        #expect(Self.verifyStripe(Self.stripeHeader, offset: 300) == .valid)
        #expect(
            Self.verifyStripe(Self.stripeHeader, offset: 301)
                == .invalid(.staleTimestamp(header: "Stripe-Signature", age: 301, tolerance: 300)))
        #expect(Self.verifyStripe(Self.stripeHeader, offset: -100_000) == .valid)
        #expect(
            Self.verifyStripe(Self.stripeHeader, offset: -301, policy: TimestampPolicy(tolerance: 300, future: .reject))
                == .invalid(.futureTimestamp(header: "Stripe-Signature", ahead: 301, tolerance: 300)))
    }

    @Test func slackToleranceUsesItsTimestampHeader() {
        let slack = SigningVectorTests.slack
        let headers: HTTPHeaders = [
            ("X-Slack-Request-Timestamp", "1531420618"),
            ("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"),
        ]
        let body = Array(SigningVectorTests.slackBody.utf8)
        func verify(at now: Int) -> SignatureVerification {
            slack.verify(
                headers: headers, body: body, secret: "8f742231b10e8888abcd99yyyzzz85a5",
                now: Date(timeIntervalSince1970: Double(now)))
        }
        #expect(verify(at: 1_531_420_618 + 300) == .valid)
        #expect(
            verify(at: 1_531_420_618 + 301)
                == .invalid(.staleTimestamp(header: "X-Slack-Request-Timestamp", age: 301, tolerance: 300)))
        #expect(verify(at: 1_531_420_618 - 10_000) == .valid, "the slack profile tolerates future timestamps")
        // The real clock is years later: the official SDK's expiration test.
        #expect(verify(at: Int(Date().timeIntervalSince1970)).failure != nil)
    }

    // MARK: - Malformed headers

    struct Malformed: CustomTestStringConvertible, Sendable {
        var header: String?
        var failure: SignatureFailure
        var testDescription: String { String(reflecting: header) }
    }

    static let stripeMalformed: [Malformed] = [
        .init(header: nil, failure: .missingHeader("Stripe-Signature")),
        .init(header: "", failure: .malformedHeader("Stripe-Signature", reason: "no t= timestamp")),
        .init(
            header: "v1=88a022085c6bdb887b02cb26ff76dd681234d9675c0f22844059f55552a8883a",
            failure: .malformedHeader("Stripe-Signature", reason: "no t= timestamp")),
        .init(header: "t=1492774577", failure: .malformedHeader("Stripe-Signature", reason: "no v1= signature")),
        .init(
            header: "t=1492774577,v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39",
            failure: .malformedHeader("Stripe-Signature", reason: "no v1= signature")),
        .init(
            header: "t=abc,v1=88a0",
            failure: .malformedHeader(
                "Stripe-Signature", reason: "t=: timestamp \"abc\" is not a whole number of seconds since 1970")),
        .init(
            header: "t=1492774577,v1=88A022085C6BDB887B02CB26FF76DD681234D9675C0F22844059F55552A8883A",
            failure: .noSignatureMatched(
                header: "Stripe-Signature", candidates: 1, signedByteCount: 53,
                found: [FoundSignature(lead: "v1=", length: 64, mismatch: .upperCaseHex)])),
        .init(
            header: "t=1492774578,v1=88a022085c6bdb887b02cb26ff76dd681234d9675c0f22844059f55552a8883a",
            failure: .noSignatureMatched(
                header: "Stripe-Signature", candidates: 1, signedByteCount: 53,
                found: [FoundSignature(lead: "v1=", length: 64, mismatch: .differentValue(byteCount: 32))])),
    ]

    @Test(arguments: stripeMalformed)
    func stripeRejectsMalformedHeader(_ row: Malformed) {
        #expect(Self.verifyStripe(row.header) == .invalid(row.failure))
    }

    @Test func stripeIgnoresUnknownElementsAndAcceptsAnyV1() {
        let signature = "88a022085c6bdb887b02cb26ff76dd681234d9675c0f22844059f55552a8883a"
        #expect(Self.verifyStripe("t=1492774577,v0=abc,junk,v1=00,v1=\(signature)") == .valid)
        #expect(Self.verifyStripe("v1=\(signature), t=1492774577") == .valid)
    }

    static let github = SigningVectorTests.github
    static let githubMalformed: [Malformed] = [
        .init(header: nil, failure: .missingHeader("X-Hub-Signature-256")),
        .init(
            header: "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            failure: .malformedHeader("X-Hub-Signature-256", reason: "expected the prefix \"sha256=\"")),
        .init(
            header: "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            failure: .malformedHeader("X-Hub-Signature-256", reason: "expected the prefix \"sha256=\"")),
        .init(
            header: "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17",
            failure: .noSignatureMatched(
                header: "X-Hub-Signature-256", candidates: 1, signedByteCount: 13,
                found: [FoundSignature(lead: "sha256=", length: 64, mismatch: .upperCaseHex)])),
        .init(
            header: "sha256=",
            failure: .noSignatureMatched(
                header: "X-Hub-Signature-256", candidates: 1, signedByteCount: 13,
                found: [FoundSignature(lead: "sha256=", length: 0, mismatch: .empty)])),
    ]

    @Test(arguments: githubMalformed)
    func githubRejectsMalformedHeader(_ row: Malformed) {
        var headers = HTTPHeaders()
        if let header = row.header { headers.add(name: "X-Hub-Signature-256", value: header) }
        let result = Self.github.verify(
            headers: headers, body: Array("Hello, World!".utf8), secret: "It's a Secret to Everybody",
            now: Date(timeIntervalSince1970: 0))
        #expect(result == .invalid(row.failure))
    }

    @Test func slackMissingOrMalformedTimestampHeader() {
        let slack = SigningVectorTests.slack
        let signature = ("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
        let body = Array(SigningVectorTests.slackBody.utf8)
        let now = Date(timeIntervalSince1970: 1_531_420_618)
        #expect(
            slack.verify(headers: [signature], body: body, secret: "s", now: now)
                == .invalid(.missingHeader("X-Slack-Request-Timestamp")))
        #expect(
            slack.verify(
                headers: [("X-Slack-Request-Timestamp", "soon"), signature], body: body, secret: "s", now: now)
                == .invalid(
                    .malformedHeader(
                        "X-Slack-Request-Timestamp",
                        reason: "timestamp \"soon\" is not a whole number of seconds since 1970")))
    }

    // MARK: - Tokens and secrets

    @Test func tokenComparesTheWholeValue() {
        let scheme = SignatureScheme.token(TokenScheme(header: "X-Documenso-Secret"))
        let now = Date(timeIntervalSince1970: 0)
        #expect(scheme.verify(headers: [("X-Documenso-Secret", "abc")], body: [], secret: "abc", now: now) == .valid)
        #expect(
            scheme.verify(headers: [("X-Documenso-Secret", "abd")], body: [], secret: "abc", now: now)
                == .invalid(.tokenMismatch(header: "X-Documenso-Secret")))
        #expect(
            scheme.verify(headers: [("X-Documenso-Secret", "ab")], body: [], secret: "abc", now: now)
                == .invalid(.tokenMismatch(header: "X-Documenso-Secret")))
        #expect(
            scheme.verify(headers: [], body: [], secret: "abc", now: now)
                == .invalid(.missingHeader("X-Documenso-Secret")))
        #expect(scheme.verify(headers: [("X-Documenso-Secret", "")], body: [], secret: "", now: now) == .valid)
    }

    @Test func invalidSecretsAreReportedWithoutTheSecret() {
        let context = SigningContext(body: Self.body, id: Self.id, timestamp: "1")
        for secret in ["", "whsec_", "whsec_not*base64!", "whsec_A"] {
            #expect(throws: SignatureError.self) { try Self.scheme.sign(context, secret: secret) }
            let result = Self.scheme.verify(
                headers: Self.headers(signature: Self.valid), body: Self.body, secret: secret,
                now: Date(timeIntervalSince1970: Double(Self.timestamp)))
            guard case .invalid(.invalidSecret(let reason)) = result else {
                Issue.record("expected invalidSecret for a malformed secret, got \(result)")
                continue
            }
            #expect(!secret.dropFirst(6).isEmpty ? !reason.contains(secret.dropFirst(6)) : true)
        }
        #expect(throws: SignatureError.invalidSecret(reason: "no secret given")) {
            try Self.scheme.sign(context, secrets: [])
        }
    }

    @Test func missingContextValuesCannotBeSigned() {
        #expect(throws: SignatureError.missingValue("id")) {
            try Self.scheme.sign(SigningContext(body: [], timestamp: "1"), secret: Self.secret)
        }
        #expect(throws: SignatureError.missingValue("timestamp")) {
            try Self.scheme.sign(SigningContext(body: [], id: "x"), secret: Self.secret)
        }
        #expect(throws: SignatureError.missingValue("timestamp")) {
            try SignatureScheme.stripe(StripeScheme()).sign(SigningContext(body: []), secret: "s")
        }
        #expect(throws: SignatureError.missingValue("timestamp")) {
            try SigningVectorTests.slack.sign(SigningContext(body: []), secret: "s")
        }
    }

    @Test func failureDescriptionsNameTheHeaderButNoPartOfTheExpectedSignature() {
        let result = Self.verify(Self.headers(signature: "v1,AAAA"))
        let text = result.description
        #expect(text.contains("webhook-signature"))
        #expect(text.contains("60 signed bytes"))
        #expect(text.contains("found v1,[redacted] (4 characters), decodes to 3 bytes, but the scheme's MAC has 32"))
        // Not even the first characters of the expected `v1,g0hM9SsE…`: they are part of a valid MAC.
        #expect(!text.contains("g0hM"))
        #expect(!text.contains(Self.secret))
        #expect(
            SignatureFailure.noSignatureMatched(
                header: "H", candidates: 4, signedByteCount: 3,
                found: [
                    FoundSignature(lead: "v1=", length: 64, mismatch: .differentValue(byteCount: 32)),
                    FoundSignature(lead: "v1=", length: 3, mismatch: .notEncoded("hex")),
                ]
            ).description
                == "no signature in H matched: 4 signatures checked over 3 signed bytes; found v1=[redacted] "
                + "(64 characters), a well-formed 32-byte MAC of another value: made with another secret, or over "
                + "other bytes; v1=[redacted] (3 characters), not valid hex; and 2 more")
        #expect(
            SignatureFailure.staleTimestamp(header: "webhook-timestamp", age: 301, tolerance: 300).description
                == "stale timestamp in webhook-timestamp: 301 s old, tolerance 300 s")
    }
}
