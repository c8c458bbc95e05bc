import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// The run side sends what each provider really sends: both of GitHub's signature headers, the headers the
/// providers document, an unknown event where receivers dispatch, and the probes that catch receivers built on
/// the providers' own libraries.
@Suite("Provider fidelity")
struct ProviderFidelityTests {
    typealias Fixture = BuilderFixture

    static func profile(_ name: String) throws -> Profile { try #require(Profile.named(name)) }

    static func body(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(pairs)) }

    // MARK: GitHub's two signature headers

    /// GitHub's published test values: secret "It's a Secret to Everybody", payload "Hello, World!"; the
    /// SHA-1 value is derived (signatures.md, GitHub section).
    @Test func githubSendsBothSignatureHeadersOverTheBody() throws {
        let profile = try Self.profile("github")
        let context = SigningContext(
            body: Array("Hello, World!".utf8), url: "", method: "POST", id: nil, timestamp: nil)
        let fields = try profile.scheme.sign(context, secret: "It's a Secret to Everybody")
        let headers = HTTPHeaders(fields.map { ($0.name, $0.value) })
        #expect(
            headers["X-Hub-Signature-256"] == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
        #expect(headers["X-Hub-Signature"] == "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")
        #expect(profile.scheme.authenticationHeaders == ["X-Hub-Signature-256", "X-Hub-Signature"])
    }

    @Test func githubSignatureProbesRemoveOrCorruptBothHeaders() throws {
        let profile = try Self.profile("github")
        let suiteCase = SuiteCase(
            name: "ping", body: Self.body([("zen", .string("Keep it logically awesome."))]),
            headers: [("X-GitHub-Event", "ping")])
        let builder = Fixture.builder(profile)
        let valid = try builder.deliveries(for: suiteCase, probe: .valid, target: Fixture.target)[0]
        let bad = try builder.deliveries(for: suiteCase, probe: .badSignature, target: Fixture.target)[0]
        let missing = try builder.deliveries(for: suiteCase, probe: .missingSignature, target: Fixture.target)[0]
        let secret = Fixture.secret(for: profile)
        #expect(
            valid.headers["X-Hub-Signature"]
                == "sha1=" + Hex.encode(HMAC<SHA1>.authenticationCode(for: valid.body, key: Array(secret.utf8))))
        for header in ["X-Hub-Signature-256", "X-Hub-Signature"] {
            #expect(bad.headers[header] != nil && bad.headers[header] != valid.headers[header], "\(header)")
            #expect(missing.headers[header] == nil, "\(header)")
        }
    }

    // MARK: Headers the providers document

    @Test func githubAndShopifySendTheirDocumentedHeaders() throws {
        let github = try Self.profile("github")
        let ping = SuiteCase(
            name: "ping", body: Self.body([("zen", .string("z"))]), headers: [("X-GitHub-Event", "ping")])
        let delivery = try Fixture.builder(github).deliveries(for: ping, probe: .valid, target: Fixture.target)[0]
        #expect(delivery.headers["User-Agent"]?.hasPrefix("GitHub-Hookshot/") == true)
        for name in [
            "X-GitHub-Hook-ID", "X-GitHub-Hook-Installation-Target-Type", "X-GitHub-Hook-Installation-Target-ID",
        ] {
            #expect(delivery.headers[name] != nil, "\(name)")
        }

        let shopify = try Self.profile("shopify")
        let order = SuiteCase(
            name: "orders/create", body: Self.body([("id", .number("1"))]),
            headers: [("X-Shopify-Topic", "orders/create")])
        let builder = DeliveryBuilder(
            profile: shopify, secret: "hush", now: { Fixture.now }, makeID: { UUID().uuidString.lowercased() })
        let first = try builder.deliveries(for: order, probe: .valid, target: Fixture.target)[0]
        let second = try builder.deliveries(for: order, probe: .valid, target: Fixture.target)[0]
        #expect(first.headers["X-Shopify-Triggered-At"] == "2024-11-19T07:06:40.000000000Z")
        #expect(first.headers["X-Shopify-Event-Id"] != nil)
        #expect(first.headers["X-Shopify-Event-Id"] != second.headers["X-Shopify-Event-Id"])
        for name in ["X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Hmac-Sha256", "X-Shopify-Webhook-Id"]
        {
            #expect(first.headers[name] != nil, "\(name)")
        }
    }

    @Test func slackMarksOnlyTheRedeliveryAsARetry() throws {
        let slack = try Self.profile("slack")
        let suiteCase = SuiteCase(name: "app_rate_limited", body: Self.body([("type", .string("app_rate_limited"))]))
        let deliveries = try Fixture.builder(slack).deliveries(for: suiteCase, probe: .replay, target: Fixture.target)
        #expect(deliveries.count == 2)
        #expect(deliveries[0].headers["X-Slack-Retry-Num"] == nil)
        #expect(deliveries[1].headers["X-Slack-Retry-Num"] == "1")
        #expect(deliveries[1].headers["X-Slack-Retry-Reason"] == "http_timeout")
        #expect(deliveries[0].body == deliveries[1].body)
        #expect(Fixture.verify(deliveries[1], profile: slack) == .valid)
        let valid = try Fixture.builder(slack).deliveries(for: suiteCase, probe: .valid, target: Fixture.target)[0]
        #expect(valid.headers["X-Slack-Retry-Num"] == nil)
    }

    // MARK: Slack's future timestamps

    @Test func slackRejectsFutureTimestampsAsSlackSDKDoes() throws {
        let slack = try Self.profile("slack")
        #expect(slack.futureTimestamps == .reject)
        #expect(slack.skipReason(for: .futureTimestamp) == nil)
        let suiteCase = SuiteCase(name: "app_rate_limited", body: Self.body([("type", .string("app_rate_limited"))]))
        let future = try Fixture.builder(slack).deliveries(
            for: suiteCase, probe: .futureTimestamp, target: Fixture.target)[0]
        guard case .invalid(.futureTimestamp) = Fixture.verify(future, profile: slack) else {
            Issue.record("a Slack delivery 600 s ahead must fail verification")
            return
        }
    }

    // MARK: unknown-event where receivers dispatch

    struct NamingRow: Sendable, CustomTestStringConvertible {
        let profile: String
        let unknown: String
        var testDescription: String { "\(profile) → \(unknown)" }
    }

    static let namingRows: [NamingRow] = [
        NamingRow(profile: "github", unknown: "hookcheck_unknown_event"),
        NamingRow(profile: "shopify", unknown: "hookcheck/unknown_event"),
        NamingRow(profile: "stripe", unknown: "hookcheck.unknown_event"),
        NamingRow(profile: "standard-webhooks", unknown: "hookcheck.unknown_event"),
        NamingRow(profile: "cryptlex", unknown: "hookcheck.unknown-event"),
        NamingRow(profile: "documenso", unknown: "HOOKCHECK_UNKNOWN_EVENT"),
        NamingRow(profile: "clarityflow", unknown: "hookcheck_unknown_event"),
        NamingRow(profile: "ironclad-clickwrap", unknown: "hookcheck_unknown_event"),
    ]

    @Test(arguments: namingRows)
    func unknownEventNamesFollowTheProvidersStyle(_ row: NamingRow) throws {
        let profile = try Self.profile(row.profile)
        #expect(profile.eventNaming.unknownName == row.unknown)
        #expect(!profile.events.contains(row.unknown))
    }

    @Test func slackUnknownEventChangesTheInnerEventType() throws {
        let slack = try Self.profile("slack")
        let suiteCase = SuiteCase(
            name: "event_callback (app_mention)",
            body: Self.body([
                ("type", .string("event_callback")),
                ("event", Self.body([("type", .string("app_mention")), ("text", .string("hi"))])),
            ]))
        let delivery = try Fixture.builder(slack).deliveries(
            for: suiteCase, probe: .unknownEvent, target: Fixture.target)[0]
        let sent = try JSONParser.parse(delivery.body)
        #expect(sent["type"] == .string("event_callback"))
        #expect(sent["event"]?["type"] == .string("hookcheck_unknown_event"))
        #expect(sent["event"]?["text"] == .string("hi"))
        #expect(Fixture.verify(delivery, profile: slack) == .valid)
    }

    /// A Slack receiver that verifies correctly but answers 500 to an inner event type it does not handle
    /// fails `unknown-event`, and nothing else.
    @Test func slackReceiverCrashingOnUnknownInnerTypesFailsUnknownEvent() async throws {
        let slack = try Self.profile("slack")
        let secret = "slack-signing-secret-for-tests"
        let verify = verifyingHandler(profile: slack, secret: secret, url: { "" })
        let suite = Suite(
            name: "Slack", profile: slack, probes: [.valid, .unknownEvent, .replay],
            cases: [
                SuiteCase(
                    name: "event_callback (app_mention)",
                    body: Self.body([
                        ("type", .string("event_callback")),
                        ("event", Self.body([("type", .string("app_mention"))])),
                    ]))
            ])
        let run = try await withStubServer(
            answering: { request in
                let verdict = try await verify(request)
                guard verdict.status == 200 else { return verdict }
                let inner = (try? JSONParser.parse(request.body))?["event"]?["type"]?.stringValue
                return ["app_mention", "message"].contains(inner ?? "") ? verdict : HTTPResponse(status: 500)
            },
            run: { base in await SendRunner().run([SuitePlan(suite: suite, target: base + "/slack", secret: secret)]) })
        #expect(run.results.map(\.status) == [.passed, .failed, .passed], "\(run.results.map(\.message))")
    }

    // MARK: The unsigned malformed-JSON probe

    @Test func unsignedMalformedJSONAppliesToSignedPOSTProfilesOnly() throws {
        #expect(try Self.profile("slack").supportedProbes.contains(.unsignedMalformedJSON))
        #expect(try Self.profile("documenso").supportedProbes.contains(.unsignedMalformedJSON))
        #expect(try !Self.profile("clarityflow").supportedProbes.contains(.unsignedMalformedJSON))
        #expect(try !Self.profile("ironclad-clickwrap-get").supportedProbes.contains(.unsignedMalformedJSON))
        #expect(!ProbeKind.unsignedMalformedJSON.expectsAcceptance)
    }

    @Test func aParseBeforeVerify500FailsTheUnsignedProbe() {
        let delivery = Delivery(method: "POST", url: "http://127.0.0.1:1/", headers: [], body: Array("{\"a\"".utf8))
        func judged(_ status: Int) -> ProbeJudge.Verdict {
            let exchange = Exchange(
                delivery: delivery, sentAt: Date(), latency: .milliseconds(1),
                outcome: .success(HTTPResponse(status: HTTPStatus(code: status))))
            return ProbeJudge.judge([exchange], probe: .unsignedMalformedJSON, expectation: .standard)
        }
        #expect(judged(401) == .passed)
        #expect(judged(400) == .passed)
        guard case .failed(let message, _, let found) = judged(500) else {
            Issue.record("a 500 must fail")
            return
        }
        #expect(found == "500")
        #expect(message.contains("never a 5xx"))
    }
}
