import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// One ``SignatureVerifier`` judges many deliveries: its prepared key must come out of every
/// verification unchanged, so a good delivery after a bad one still verifies, and its verdicts
/// equal those of `SignatureScheme.verify` with the secret given each time.
@Suite struct SignatureVerifierTests {
    static let secret = "whsec_" + Data("hookcheck-verifier-test-key-0123".utf8).base64EncodedString()
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func signed(_ profile: Profile, body: String) throws -> (HTTPHeaders, [UInt8]) {
        let bytes = Array(body.utf8)
        let context = SigningContext(
            body: bytes, url: "http://127.0.0.1/hooks", id: "msg_1", timestamp: "1700000000")
        return (HTTPHeaders(fields: try profile.scheme.sign(context, secret: secret)), bytes)
    }

    @Test(arguments: Profile.builtIn.filter { $0.scheme != .none })
    func reusedVerifierGivesTheSchemesVerdicts(profile: Profile) throws {
        let verifier = SignatureVerifier(scheme: profile.scheme, secret: Self.secret)
        let (headers, body) = try Self.signed(profile, body: #"{"type":"a.b","n":1}"#)
        var tampered = body
        tampered[tampered.count - 2] = UInt8(ascii: "2")
        let deliveries = [body, tampered, body, tampered, body]
        for delivery in deliveries {
            let reused = verifier.verify(
                headers: headers, body: delivery, url: "http://127.0.0.1/hooks", id: "msg_1",
                timestamp: "1700000000", now: Self.now)
            let fresh = profile.scheme.verify(
                headers: headers, body: delivery, url: "http://127.0.0.1/hooks", id: "msg_1",
                timestamp: "1700000000", secret: Self.secret, now: Self.now)
            #expect(reused == fresh)
            // Token schemes do not sign the body: the tampered body still carries the right token.
            #expect((reused == .valid) == (delivery == body || profile.scheme.isToken))
        }
    }

    @Test func unusableSecretIsReportedOnEveryDeliveryWithoutQuotingIt() throws {
        let scheme = SignatureScheme.standardWebhooks(StandardWebhooksScheme())
        let profile = try #require(Profile.builtIn.first { $0.scheme == scheme })
        let (headers, body) = try Self.signed(profile, body: "{}")
        let verifier = SignatureVerifier(scheme: scheme, secret: "whsec_sec!ret")
        for _ in 0..<2 {
            let verdict = verifier.verify(headers: headers, body: body, now: Self.now)
            guard case .invalid(.invalidSecret(let reason)) = verdict else {
                Issue.record("expected an unusable secret, got \(verdict)")
                return
            }
            #expect(reason.contains("not base64"))
            #expect(!reason.contains("sec!ret"))
        }
    }
}
