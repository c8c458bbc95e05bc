import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// Official and derived vectors from research/signatures.md (§2.6, §4, §5.3, §6, §7, §8, §9): each
/// signs to exactly the published header, and that header verifies.
@Suite struct SigningVectorTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var name: String
        var scheme: SignatureScheme
        var secret: String
        var context: SigningContext
        var expected: [HTTPField]
        var testDescription: String { name }
    }

    /// Parses a template known to be valid (a parse failure would fail every vector using it).
    static func template(_ text: String) -> SignedTemplate {
        (try? SignedTemplate(parsing: text)) ?? .body
    }

    static let sw1Body = #"{"test": 2432232314}"#
    static let github = SignatureScheme.hmac(HMACScheme(header: "X-Hub-Signature-256", prefix: "sha256="))
    static let githubLegacy = SignatureScheme.hmac(
        HMACScheme(algorithm: .sha1, header: "X-Hub-Signature", prefix: "sha1="))
    static let slack = SignatureScheme.hmac(
        HMACScheme(
            header: "X-Slack-Signature", prefix: "v0=", signed: template("v0:{timestamp}:{body}"),
            timestampHeader: "X-Slack-Request-Timestamp", future: .tolerate))
    static let shopify = SignatureScheme.hmac(HMACScheme(header: "X-Shopify-Hmac-Sha256", encoding: .base64))
    static let iinked = SignatureScheme.hmac(
        HMACScheme(
            header: "X-Syngrafii-Signature", encoding: .base64, signed: template("{url}{body}")))
    static let twilio = SignatureScheme.hmac(
        HMACScheme(
            algorithm: .sha1, header: "X-Twilio-Signature", encoding: .base64,
            signed: template("{url}")))
    static let slackBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"

    static func standardWebhooks(
        _ prefix: String, id: String, timestamp: String, signature: String
    ) -> [HTTPField] {
        [
            HTTPField(name: prefix + "id", value: id), HTTPField(name: prefix + "timestamp", value: timestamp),
            HTTPField(name: prefix + "signature", value: signature),
        ]
    }

    static let vectors: [Vector] = [
        Vector(
            name: "Standard Webhooks SW-1", scheme: .standardWebhooks(StandardWebhooksScheme()),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            context: SigningContext(
                body: Array(sw1Body.utf8), id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330"),
            expected: standardWebhooks(
                "webhook-", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330",
                signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")),
        Vector(
            name: "Svix headers, SW-1", scheme: .standardWebhooks(StandardWebhooksScheme(headerPrefix: "svix-")),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            context: SigningContext(
                body: Array(sw1Body.utf8), id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330"),
            expected: standardWebhooks(
                "svix-", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330",
                signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")),
        Vector(
            name: "Standard Webhooks SW-2 (Rust)", scheme: .standardWebhooks(StandardWebhooksScheme()),
            secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
            context: SigningContext(
                body: Array(#"{"email":"test@example.com","username":"test_user"}"#.utf8),
                id: "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", timestamp: "1649367553"),
            expected: standardWebhooks(
                "webhook-", id: "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", timestamp: "1649367553",
                signature: "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=")),
        Vector(
            name: "Standard Webhooks, empty body (derived)", scheme: .standardWebhooks(StandardWebhooksScheme()),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            context: SigningContext(body: [], id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330"),
            expected: standardWebhooks(
                "webhook-", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330",
                signature: "v1,v48jdbgvh29KJz2Qc+ghw8G6vG3nAKnujWBg8oM/62A=")),
        Vector(
            name: "Standard Webhooks, UTF-8 body (derived)", scheme: .standardWebhooks(StandardWebhooksScheme()),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            context: SigningContext(
                body: Array(#"{"name":"Zoë 🌍"}"#.utf8), id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
                timestamp: "1614265330"),
            expected: standardWebhooks(
                "webhook-", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330",
                signature: "v1,OEl0ArzcEUhjyF/6twEF3ghcknmnc4mgOtrQFmVbqjw=")),
        Vector(
            name: "OpenAI", scheme: .standardWebhooks(StandardWebhooksScheme()),
            secret: "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=",
            context: SigningContext(
                body: Array(
                    #"{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}"#
                        .utf8), id: "wh_685c059ae39c8190af8c71ed1022a24d", timestamp: "1750861210"),
            expected: standardWebhooks(
                "webhook-", id: "wh_685c059ae39c8190af8c71ed1022a24d", timestamp: "1750861210",
                signature: "v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=")),
        Vector(
            name: "GitHub X-Hub-Signature-256", scheme: github, secret: "It's a Secret to Everybody",
            context: SigningContext(body: Array("Hello, World!".utf8)),
            expected: [
                HTTPField(
                    name: "X-Hub-Signature-256",
                    value: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
            ]),
        Vector(
            name: "GitHub legacy X-Hub-Signature (derived)", scheme: githubLegacy, secret: "It's a Secret to Everybody",
            context: SigningContext(body: Array("Hello, World!".utf8)),
            expected: [HTTPField(name: "X-Hub-Signature", value: "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")]),
        Vector(
            name: "Slack", scheme: slack, secret: "8f742231b10e8888abcd99yyyzzz85a5",
            context: SigningContext(body: Array(slackBody.utf8), timestamp: "1531420618"),
            expected: [
                HTTPField(name: "X-Slack-Request-Timestamp", value: "1531420618"),
                HTTPField(
                    name: "X-Slack-Signature",
                    value: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"),
            ]),
        Vector(
            name: "Stripe (derived)", scheme: .stripe(StripeScheme()), secret: "whsec_test_secret",
            context: SigningContext(
                body: Array(#"{"id":"evt_test_webhook","object":"event"}"#.utf8), timestamp: "1492774577"),
            expected: [
                HTTPField(
                    name: "Stripe-Signature",
                    value: "t=1492774577,v1=88a022085c6bdb887b02cb26ff76dd681234d9675c0f22844059f55552a8883a")
            ]),
        Vector(
            name: "Shopify (derived)", scheme: shopify, secret: "hush",
            context: SigningContext(body: Array(#"{"id":1,"topic":"orders/create"}"#.utf8)),
            expected: [HTTPField(name: "X-Shopify-Hmac-Sha256", value: "rlYwtxSz64KhPygOLXbekmzsjq0OqrcotnlUzAe2yuQ=")]),
        Vector(
            name: "iinked Sign URL + body (derived)", scheme: iinked, secret: "s3cr3t",
            context: SigningContext(
                body: Array(#"{"action":"PackageComplete","eventId":"42"}"#.utf8),
                url: "https://example.com/hooks/iinked"),
            expected: [HTTPField(name: "X-Syngrafii-Signature", value: "+PF0VTeCLR3EnxGsZE+O1L8070icvQdOk+vQTuJmYNw=")]),
        Vector(
            name: "Twilio HMAC-SHA1 over URL + sorted params", scheme: twilio, secret: "12345",
            context: SigningContext(
                body: [],
                url:
                    "https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212"
            ),
            expected: [HTTPField(name: "X-Twilio-Signature", value: "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]),
        Vector(
            name: "Twilio JSON body (bodySHA256 in the URL)", scheme: twilio, secret: "12345",
            context: SigningContext(
                body: Array(#"{"property": "value", "boolean": true}"#.utf8),
                url: "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256="
                    + Hex.encode(SHA256.hash(Array(#"{"property": "value", "boolean": true}"#.utf8)))),
            expected: [HTTPField(name: "X-Twilio-Signature", value: "a9nBmqA0ju/hNViExpshrM61xv4=")]),
        Vector(
            name: "token header", scheme: .token(TokenScheme(header: "Pactsafe-Webhook-Token")), secret: "tok-123",
            context: SigningContext(body: Array("{}".utf8)),
            expected: [HTTPField(name: "Pactsafe-Webhook-Token", value: "tok-123")]),
        Vector(
            name: "none", scheme: .none, secret: "unused", context: SigningContext(body: Array("{}".utf8)),
            expected: []),
    ]

    @Test(arguments: vectors)
    func signProducesPublishedHeaders(_ vector: Vector) throws {
        #expect(try vector.scheme.sign(vector.context, secret: vector.secret) == vector.expected)
    }

    @Test(arguments: vectors)
    func publishedHeadersVerify(_ vector: Vector) {
        let now = Date(timeIntervalSince1970: Double(vector.context.timestamp.flatMap { Int($0) } ?? 0))
        let result = vector.scheme.verify(
            headers: HTTPHeaders(fields: vector.expected), body: vector.context.body, url: vector.context.url,
            secret: vector.secret, now: now)
        #expect(result == .valid)
    }

    @Test(arguments: vectors.filter { $0.scheme.name != "none" })
    func oneChangedBodyByteFails(_ vector: Vector) {
        var body = vector.context.body
        if body.isEmpty {
            body = [0x20]
        } else {
            body[body.count / 2] ^= 0x01
        }
        let now = Date(timeIntervalSince1970: Double(vector.context.timestamp.flatMap { Int($0) } ?? 0))
        let result = vector.scheme.verify(
            headers: HTTPHeaders(fields: vector.expected), body: body, url: vector.context.url,
            secret: vector.secret, now: now)
        var changed = vector.context
        changed.body = body
        if vector.scheme.isToken
            || vector.scheme.signedBytes(for: changed) == vector.scheme.signedBytes(for: vector.context)
        {
            #expect(result == .valid, "the body is not signed")
        } else {
            guard case .invalid(.noSignatureMatched(let header, _, let count, _)) = result else {
                Issue.record("expected noSignatureMatched, got \(result)")
                return
            }
            #expect(vector.scheme.authenticationHeaders == [header])
            #expect(count >= body.count)
        }
    }

    @Test(arguments: vectors.filter { !$0.scheme.isToken && $0.scheme.name != "none" })
    func wrongSecretFails(_ vector: Vector) throws {
        let wrong = vector.secret.hasPrefix("whsec_") ? "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" : "wrong secret"
        let headers = try vector.scheme.sign(vector.context, secret: wrong)
        let now = Date(timeIntervalSince1970: Double(vector.context.timestamp.flatMap { Int($0) } ?? 0))
        let result = vector.scheme.verify(
            headers: HTTPHeaders(fields: headers), body: vector.context.body, url: vector.context.url,
            secret: vector.secret, now: now)
        #expect(result.failure != nil)
    }

    @Test func signedBytesAreExact() {
        let context = SigningContext(
            body: Array(Self.sw1Body.utf8), id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330")
        let bytes = SignatureScheme.standardWebhooks(StandardWebhooksScheme()).signedBytes(for: context)
        #expect(bytes == Array(#"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}"#.utf8))
        #expect(Self.slack.signedBytes(for: SigningContext(body: [0x41], timestamp: "9")) == Array("v0:9:A".utf8))
        #expect(SignatureScheme.token(TokenScheme(header: "X")).signedBytes(for: context) == nil)
    }

    @Test func templateCoversMethodIdAndTimestamp() throws {
        let scheme = SignatureScheme.hmac(
            HMACScheme(header: "X-Sig", signed: try SignedTemplate(parsing: "{method} {url} {id} {timestamp} {body}")))
        let context = SigningContext(
            body: Array("{}".utf8), url: "https://x.test/h", method: "POST", id: "7", timestamp: "1700000000")
        let fields = try scheme.sign(context, secret: "k")
        #expect(
            fields == [
                HTTPField(name: "X-Sig", value: "0d48526c103918a1e15113eb9c6003a9194020b61637ceef9d52698c5c2787bf")
            ])
        let headers = HTTPHeaders(fields: fields)
        let now = Date(timeIntervalSince1970: 0)
        #expect(
            scheme.verify(
                headers: headers, body: context.body, url: context.url, id: "7", timestamp: "1700000000", secret: "k",
                now: now) == .valid)
        #expect(
            scheme.verify(
                headers: headers, body: context.body, url: context.url, id: "8", timestamp: "1700000000", secret: "k",
                now: now
            ).failure != nil)
        #expect(
            scheme.verify(
                headers: headers, body: context.body, url: context.url, method: "PUT", id: "7", timestamp: "1700000000",
                secret: "k", now: now
            ).failure != nil)
        #expect(
            scheme.verify(headers: headers, body: context.body, url: context.url, secret: "k", now: now)
                == .invalid(.missingValue("{id}")))
    }
}
