import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// One ``SignatureSigner`` signs many deliveries (as `run` does): its prepared keys must come out of every
/// signature unchanged, so each delivery's signature is the one a signer made for it alone would give, and
/// it verifies under the same secret.
@Suite struct SignatureSignerTests {
    static let secret = "whsec_" + Data("hookcheck-signer-test-key-456789".utf8).base64EncodedString()
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func context(_ body: String, id: String) -> SigningContext {
        SigningContext(body: Array(body.utf8), url: "http://127.0.0.1/hooks", id: id, timestamp: "1700000000")
    }

    @Test(arguments: Profile.builtIn.filter { $0.scheme != .none })
    func reusedSignerSignsEachDeliveryAsAFreshOneWould(profile: Profile) throws {
        let signer = SignatureSigner(scheme: profile.scheme, secret: Self.secret)
        let bodies = [#"{"type":"a.b","n":1}"#, "", String(repeating: "x", count: 1000), #"{"type":"a.b","n":1}"#]
        var signatures: [[HTTPField]] = []
        for (index, body) in bodies.enumerated() {
            let context = Self.context(body, id: "msg_\(index % 3)")
            let reused = try signer.sign(context)
            let fresh = try SignatureSigner(scheme: profile.scheme, secret: Self.secret).sign(context)
            #expect(reused == fresh)
            let verdict = profile.scheme.verify(
                headers: HTTPHeaders(fields: reused), body: context.body, url: context.url, id: context.id,
                timestamp: context.timestamp, secret: Self.secret, now: Self.now)
            #expect(verdict == .valid)
            signatures.append(reused)
        }
        // The same delivery signed first and last: the keys were left as they started.
        #expect(signatures[0] == signatures[3])
        if !profile.scheme.isToken { #expect(signatures[0] != signatures[1]) }
    }

    @Test func gitHubsTwoSignaturesMatchTheDocumentedExample() throws {
        // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
        let github = try #require(Profile.named("github"))
        let signer = SignatureSigner(scheme: github.scheme, secret: "It's a Secret to Everybody")
        let fields = try signer.sign(SigningContext(body: Array("Hello, World!".utf8)))
        let headers = HTTPHeaders(fields: fields)
        #expect(
            headers["X-Hub-Signature-256"]
                == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
        #expect(
            headers["X-Hub-Signature"] == "sha1="
                + Hex.encode(
                    HMAC<SHA1>.authenticationCode(
                        for: Array("Hello, World!".utf8), key: Array("It's a Secret to Everybody".utf8))))
    }

    @Test func rotatingSecretsEachSignTheirOwnEntry() throws {
        let other = "whsec_" + Data("hookcheck-signer-second-key-0001".utf8).base64EncodedString()
        let scheme = try #require(Profile.named("standard-webhooks")).scheme
        let context = Self.context(#"{"a":1}"#, id: "msg_1")
        let both = try SignatureSigner(scheme: scheme, secrets: [Self.secret, other]).sign(context)
        let first = try SignatureSigner(scheme: scheme, secret: Self.secret).sign(context)
        let second = try SignatureSigner(scheme: scheme, secret: other).sign(context)
        let value = { (fields: [HTTPField]) in HTTPHeaders(fields: fields)["webhook-signature"] ?? "" }
        #expect(value(both) == value(first) + " " + value(second))
    }

    @Test func unusableAndMissingSecretsAreReportedWithoutTheSecret() {
        let scheme = SignatureScheme.standardWebhooks(StandardWebhooksScheme())
        let bad = "whsec_not*base64*at*all"
        #expect {
            try SignatureSigner(scheme: scheme, secret: bad).sign(Self.context("{}", id: "msg_1"))
        } throws: { error in
            guard let error = error as? SignatureError, error.code == .invalidSecret else { return false }
            return !error.description.contains("not*base64")
        }
        #expect {
            try SignatureSigner(scheme: scheme, secrets: []).sign(Self.context("{}", id: "msg_1"))
        } throws: { error in
            (error as? SignatureError)?.reason == "no secret given"
        }
    }
}
