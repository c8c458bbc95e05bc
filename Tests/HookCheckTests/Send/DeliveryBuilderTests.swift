import Foundation
import HookHTTP
import Synchronization
import Testing

@testable import HookCheck

/// Distinct seeds for fresh ids, from any thread.
final class SeedCounter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}

/// A fixed clock and id source, and a verification helper over exactly the bytes a delivery carries.
enum BuilderFixture {
    static let now = Date(timeIntervalSince1970: 1_732_000_000)
    static let target = "http://127.0.0.1:8080/hooks/receiver"

    static func secret(for profile: Profile) -> String {
        switch profile.scheme {
        case .standardWebhooks: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        case .stripe: "whsec_test_stripe_secret"
        default: "s3cr3t-for-\(profile.name)"
        }
    }

    static func builder(_ profile: Profile) -> DeliveryBuilder {
        DeliveryBuilder(profile: profile, secret: secret(for: profile), now: { now }, makeID: { "fresh-id-1" })
    }

    /// The suites shipped in `Suites/`, one per built-in profile.
    static let bundledSuites: [Suite] = SuiteLoader.loadAll(paths: [SuiteFixtures.repositoryRoot + "/Suites"]).suites

    /// The envelope a receiver reads: the JSON body, or for GET the query's fields.
    static func envelope(_ delivery: Delivery, profile: Profile) -> JSONValue? {
        if profile.method == .get {
            let query = delivery.url.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            return Profile.envelope(fromQuery: query)
        }
        return try? JSONParser.parse(delivery.body)
    }

    /// Verifies as a receiver would: the profile's scheme over the exact bytes, URL and headers sent.
    static func verify(_ delivery: Delivery, profile: Profile, secret: String? = nil) -> SignatureVerification {
        let envelope = envelope(delivery, profile: profile)
        return profile.scheme.verify(
            headers: delivery.headers, body: delivery.body, url: delivery.url, method: delivery.method,
            id: profile.id(in: envelope, headers: delivery.headers),
            timestamp: profile.timestampText(in: envelope, headers: delivery.headers),
            secret: secret ?? self.secret(for: profile), now: now)
    }
}

@Suite("Delivery builder")
struct DeliveryBuilderTests {
    typealias Fixture = BuilderFixture

    @Test func bundledSuitesCoverEveryBuiltInProfile() {
        #expect(Set(Fixture.bundledSuites.map(\.profile.name)) == Set(Profile.builtInNames))
    }

    @Test(arguments: Profile.builtInNames)
    func validDeliveryVerifiesOverExactlyTheSentBytes(_ name: String) throws {
        let suite = try #require(Fixture.bundledSuites.first { $0.profile.name == name })
        let profile = suite.profile
        for suiteCase in suite.cases {
            let deliveries = try Fixture.builder(profile).deliveries(
                for: suiteCase, probe: .valid, target: Fixture.target)
            let delivery = try #require(deliveries.first)
            #expect(deliveries.count == 1)
            #expect(delivery.method == profile.method.rawValue)
            #expect(Fixture.verify(delivery, profile: profile) == .valid, "\(name) · \(suiteCase.name)")
            if profile.method == .post {
                #expect(delivery.body == Array(JSONWriter.compact(try JSONParser.parse(delivery.body)).utf8))
                #expect(delivery.headers["Content-Type"] == profile.contentType)
            } else {
                #expect(delivery.body.isEmpty)
                #expect(delivery.url.hasPrefix(Fixture.target + "?"))
                #expect(delivery.headers["Content-Type"] == nil)
            }
            for field in profile.headers {
                #expect(delivery.headers[field.name] != nil, "profile header \(field.name)")
            }
            for field in suiteCase.headers {
                #expect(delivery.headers[field.name] == field.value, "case header \(field.name)")
            }
        }
    }

    @Test(arguments: Profile.builtInNames)
    func everyApplicableProbeBuildsWhatItNames(_ name: String) throws {
        let suite = try #require(Fixture.bundledSuites.first { $0.profile.name == name })
        let profile = suite.profile
        let suiteCase = try #require(suite.cases.first)
        let builder = Fixture.builder(profile)
        for probe in profile.reportedProbes {
            guard profile.skipReason(for: probe) == nil else {
                #expect(throws: DeliveryBuildError.self) {
                    try builder.deliveries(for: suiteCase, probe: probe, target: Fixture.target)
                }
                continue
            }
            let deliveries = try builder.deliveries(for: suiteCase, probe: probe, target: Fixture.target)
            let delivery = try #require(deliveries.first)
            let verification = Fixture.verify(delivery, profile: profile)
            let label = "\(name) · \(probe)"
            switch probe {
            case .valid, .unknownEvent:
                #expect(verification == .valid, "\(label)")
            case .reformattedJSON:
                #expect(verification == .valid, "\(label)")
                let valid = try builder.deliveries(for: suiteCase, probe: .valid, target: Fixture.target)[0]
                #expect(delivery.body != valid.body)
                #expect(try JSONParser.parse(delivery.body).isEquivalent(to: JSONParser.parse(valid.body)))
            case .malformedJSON:
                #expect(verification == .valid, "\(label): the malformed bytes are signed")
                #expect(throws: JSONParseError.self) { try JSONParser.parse(delivery.body) }
            case .unsignedMalformedJSON:
                for header in profile.scheme.authenticationHeaders {
                    #expect(delivery.headers[header] == nil, "\(label): \(header)")
                }
                #expect(throws: JSONParseError.self) { try JSONParser.parse(delivery.body) }
            case .replay:
                #expect(deliveries.count == 2)
                #expect(deliveries[0].body == deliveries[1].body)
                #expect(
                    profile.id(in: Fixture.envelope(deliveries[0], profile: profile), headers: deliveries[0].headers)
                        == profile.id(
                            in: Fixture.envelope(deliveries[1], profile: profile), headers: deliveries[1].headers))
                #expect(verification == .valid)
                #expect(Fixture.verify(deliveries[1], profile: profile) == .valid)
            case .badSignature, .tamperedBody:
                if case .invalid(.noSignatureMatched) = verification {
                } else {
                    Issue.record("\(label): \(verification)")
                }
            case .wrongToken:
                #expect(verification.failure == .tokenMismatch(header: profile.scheme.authenticationHeaders[0]))
            case .missingSignature, .missingToken:
                for header in profile.scheme.authenticationHeaders {
                    #expect(delivery.headers[header] == nil, "\(label): \(header)")
                }
                #expect(!verification.isValid, "\(label)")
            case .staleTimestamp:
                if case .invalid(.staleTimestamp(_, let age, _)) = verification {
                    #expect(age == DeliveryBuilder.timestampSkew)
                } else {
                    Issue.record("\(label): \(verification)")
                }
            case .futureTimestamp:
                if case .invalid(.futureTimestamp(_, let ahead, _)) = verification {
                    #expect(ahead == DeliveryBuilder.timestampSkew)
                } else {
                    Issue.record("\(label): \(verification)")
                }
            }
            if probe == .unknownEvent {
                let envelope = Fixture.envelope(delivery, profile: profile)
                let event = profile.eventType(in: envelope, headers: delivery.headers)
                let original = profile.eventType(in: suiteCase.body, headers: suiteCase.headers)
                if let original, profile.subEvent(for: original) != nil, let envelope {
                    #expect(event == original, "\(label): the outer event stays")
                    #expect(profile.subEventName(of: envelope, event: original) == "hookcheck_unknown_event")
                } else {
                    #expect(event == profile.eventNaming.unknownName, "\(label)")
                    #expect(event.map { !profile.events.contains($0) } ?? false, "\(label)")
                }
            }
        }
    }

    @Test func tamperedBodyChangesOneValueAndKeepsTheSignedHeaders() throws {
        let profile = try #require(Profile.named("cryptlex"))
        let suiteCase = SuiteCase(
            name: "c",
            body: .object(
                JSONObject([
                    ("event", .string("license.created")), ("data", .object(JSONObject([("key", .string("ABC"))]))),
                    ("triggeredAt", .string("2018-04-20T13:11:34.6926949Z")),
                ])))
        let builder = Fixture.builder(profile)
        let valid = try builder.deliveries(for: suiteCase, probe: .valid, target: Fixture.target)[0]
        let tampered = try builder.deliveries(for: suiteCase, probe: .tamperedBody, target: Fixture.target)[0]
        #expect(String(decoding: valid.body, as: UTF8.self).contains(#""key":"ABC""#))
        #expect(
            String(decoding: tampered.body, as: UTF8.self)
                == String(decoding: valid.body, as: UTF8.self).replacingOccurrences(of: "ABC", with: "ABx"))
        #expect(tampered.headers == valid.headers)
        #expect(Fixture.verify(valid, profile: profile) == .valid)
        #expect(!Fixture.verify(tampered, profile: profile).isValid)
    }

    @Test func missingIdAndTimestampAreFilledInTheProfileFormat() throws {
        let profile = try #require(Profile.named("clarityflow"))
        let suiteCase = SuiteCase(
            name: "c",
            body: .object(JSONObject([("type", .string("message_created")), ("payload", .object(JSONObject()))])))
        let delivery = try Fixture.builder(profile).deliveries(for: suiteCase, probe: .valid, target: Fixture.target)[0]
        let body = try JSONParser.parse(delivery.body)
        #expect(body["id"] == .string("fresh-id-1"))
        #expect(body["occurred_at"] == .string(profile.formatTimestamp(Fixture.now)))
        #expect(body["occurred_at"]?.stringValue?.hasSuffix("+00:00") == true)
    }

    @Test func idAndTimestampInTheCaseBodyAreRefreshedInTheirOwnStyle() throws {
        let profile = try #require(Profile.named("iinked-sign"))
        let body = JSONValue.object(
            JSONObject([
                ("action", .string("package_add")), ("eventId", .string("c3a1c0de-0000-4000-8000-000000000001")),
                ("eventTime", .string("2021-01-02T03:04:05.1234567Z")),
            ]))
        let delivery = try Fixture.builder(profile).deliveries(
            for: SuiteCase(name: "c", body: body), probe: .valid, target: Fixture.target)[0]
        let sent = try JSONParser.parse(delivery.body)
        let id = try #require(sent["eventId"]?.stringValue)
        #expect(id != "c3a1c0de-0000-4000-8000-000000000001")
        #expect(try Pattern.compile(SuiteFixtures.json(#"{"$format": "uuid"}"#)).matches(.string(id)))
        // The sending time, with the example's seven fractional digits and Z.
        #expect(sent["eventTime"] == .string("2024-11-19T07:06:40.0000000Z"))
        #expect(Fixture.verify(delivery, profile: profile) == .valid)
    }

    @Test func pinnedFieldsAreSentAsWrittenExceptByTheTimestampProbes() throws {
        let profile = try #require(Profile.named("iinked-sign"))
        let body = JSONValue.object(
            JSONObject([
                ("action", .string("package_add")), ("eventId", .string("c3a1c0de-0000-4000-8000-000000000001")),
                ("eventTime", .string("2021-01-02T03:04:05.1234567Z")),
            ]))
        let pinned = SuiteCase(name: "c", body: body, pins: [.id, .timestamp])
        let builder = Fixture.builder(profile)
        let delivery = try builder.deliveries(for: pinned, probe: .valid, target: Fixture.target)[0]
        #expect(delivery.body == Array(JSONWriter.compact(body).utf8))
        // A pinned signed timestamp still moves for the timestamp probes.
        let webhooks = try #require(Profile.named("standard-webhooks"))
        let header = SuiteCase(
            name: "c", body: .object(JSONObject([("type", .string("user.created"))])),
            headers: [("webhook-timestamp", "1600000000")], pins: [.timestamp])
        let headerBuilder = Fixture.builder(webhooks)
        let valid = try headerBuilder.deliveries(for: header, probe: .valid, target: Fixture.target)[0]
        #expect(valid.headers.values(for: "webhook-timestamp") == ["1600000000"])
        let stale = try headerBuilder.deliveries(for: header, probe: .staleTimestamp, target: Fixture.target)[0]
        #expect(stale.headers.values(for: "webhook-timestamp") == ["1731999400"], "moved 600 s back from now")
    }

    @Test func everyDeliveryGetsAFreshIdExceptReplaysSecondCopy() throws {
        let counter = SeedCounter()
        for name in ["stripe", "standard-webhooks", "github", "shopify", "clarityflow"] {
            let profile = try #require(Profile.named(name))
            let suite = try #require(Fixture.bundledSuites.first { $0.profile.name == name })
            let builder = DeliveryBuilder(
                profile: profile, secret: Fixture.secret(for: profile), now: { Fixture.now },
                makeID: { "seed-\(counter.next())" })
            var ids: [String] = []
            for probe in profile.supportedProbes where profile.skipReason(for: probe) == nil {
                let deliveries = try builder.deliveries(for: suite.cases[0], probe: probe, target: Fixture.target)
                let sent = deliveries.map { profile.id(in: try? JSONParser.parse($0.body), headers: $0.headers) }
                if probe == .replay {
                    #expect(sent.count == 2 && sent[0] == sent[1], "\(name): replay repeats its id")
                }
                if probe != .malformedJSON, let id = sent[0] { ids.append(id) }
            }
            #expect(Set(ids).count == ids.count, "\(name): \(ids)")
            #expect(ids.count >= 4, "\(name)")
            let example = profile.id(in: suite.cases[0].body, headers: suite.cases[0].headers)
            #expect(example.map { !ids.contains($0) } ?? true, "\(name): the example's id is never sent")
        }
    }

    @Test func headerIdsAndTimestampsAreFreshUnlessTheCaseSetsThem() throws {
        let profile = try #require(Profile.named("standard-webhooks"))
        let body = JSONValue.object(JSONObject([("type", .string("user.created"))]))
        let builder = Fixture.builder(profile)
        let fresh = try builder.deliveries(for: SuiteCase(name: "c", body: body), probe: .valid, target: Fixture.target)
        #expect(fresh[0].headers["webhook-id"] == "fresh-id-1")
        #expect(fresh[0].headers["webhook-timestamp"] == "1732000000")
        let given = SuiteCase(
            name: "c", body: body, headers: [("webhook-id", "msg_2f9Kq81"), ("webhook-timestamp", "1600000000")])
        let refreshed = try builder.deliveries(for: given, probe: .valid, target: Fixture.target)[0]
        let id = try #require(refreshed.headers.values(for: "webhook-id").first)
        #expect(refreshed.headers.values(for: "webhook-id").count == 1)
        #expect(id != "msg_2f9Kq81" && id.hasPrefix("msg_") && id.count == "msg_2f9Kq81".count)
        #expect(refreshed.headers.values(for: "webhook-timestamp") == ["1732000000"])
        #expect(Fixture.verify(refreshed, profile: profile) == .valid)
        var pinned = given
        pinned.pins = [.id]
        let kept = try builder.deliveries(for: pinned, probe: .valid, target: Fixture.target)[0]
        #expect(kept.headers.values(for: "webhook-id") == ["msg_2f9Kq81"])
        #expect(kept.headers.values(for: "webhook-timestamp") == ["1732000000"])
        #expect(Fixture.verify(kept, profile: profile) == .valid)
    }

    @Test func urlTemplatesSignTheExactTargetSent() throws {
        let profile = try #require(Profile.named("iinked-sign"))
        let suite = try #require(Fixture.bundledSuites.first { $0.profile.name == "iinked-sign" })
        let target = "http://127.0.0.1:9/a/b?x=1"
        let delivery = try Fixture.builder(profile).deliveries(for: suite.cases[0], probe: .valid, target: target)[0]
        #expect(delivery.url == target)
        #expect(Fixture.verify(delivery, profile: profile) == .valid)
        var moved = delivery
        moved.url = "http://127.0.0.1:9/a/b"
        #expect(!Fixture.verify(moved, profile: profile).isValid)
    }

    @Test func getProfileSendsTheEnvelopeAsQuery() throws {
        let profile = try #require(Profile.named("ironclad-clickwrap-get"))
        let body = JSONValue.object(
            JSONObject([
                ("type", .string("webhook")), ("event_type", .string("activity_agreed")), ("id", .string("a b")),
                ("created_time", .string("2024-01-01T00:00:00.000Z")), ("custom_data", .object(JSONObject())),
            ]))
        let delivery = try Fixture.builder(profile).deliveries(
            for: SuiteCase(name: "c", body: body, pins: [.id, .timestamp]), probe: .valid,
            target: "http://127.0.0.1:1/get?k=v")[0]
        #expect(delivery.method == "GET")
        #expect(
            delivery.url
                == "http://127.0.0.1:1/get?k=v&type=webhook&event_type=activity_agreed&id=a%20b"
                + "&created_time=2024-01-01T00%3A00%3A00.000Z")
        #expect(delivery.headers["Pactsafe-Webhook-Token"] == Fixture.secret(for: profile))
    }

    @Test func wrongSecretIsNeverTheSecretAndIsAUsableKey() throws {
        for secret in ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "plain", "aG9va2NoZWNrLXdyb25nLXNlY3JldC0x"] {
            let builder = DeliveryBuilder(profile: Profile(name: "x"), secret: secret)
            #expect(builder.wrongSecret != secret)
            #expect(throws: Never.self) {
                try KeyEncoding.base64.key(from: String(builder.wrongSecret.trimmingPrefix("whsec_")))
            }
        }
    }

    struct SkipCase: Sendable, CustomTestStringConvertible {
        let profile: String
        let probe: ProbeKind
        let reason: String?
        var testDescription: String { "\(profile) · \(probe)" }
    }

    @Test(arguments: [
        SkipCase(profile: "clarityflow", probe: .badSignature, reason: "clarityflow has no signature"),
        SkipCase(profile: "clarityflow", probe: .tamperedBody, reason: "clarityflow has no signature"),
        SkipCase(profile: "clarityflow", probe: .wrongToken, reason: "clarityflow has no token"),
        SkipCase(profile: "clarityflow", probe: .staleTimestamp, reason: "clarityflow signs no timestamp"),
        SkipCase(profile: "clarityflow", probe: .replay, reason: nil),
        SkipCase(profile: "stripe", probe: .futureTimestamp, reason: "stripe tolerates future timestamps"),
        SkipCase(profile: "slack", probe: .futureTimestamp, reason: nil),
        SkipCase(profile: "slack", probe: .unsignedMalformedJSON, reason: nil),
        SkipCase(
            profile: "clarityflow", probe: .unsignedMalformedJSON,
            reason: "clarityflow has no signature, so malformed-json covers it"),
        SkipCase(profile: "standard-webhooks", probe: .futureTimestamp, reason: nil),
        SkipCase(profile: "github", probe: .staleTimestamp, reason: "github signs no timestamp"),
        SkipCase(profile: "github", probe: .badSignature, reason: nil),
        SkipCase(
            profile: "documenso", probe: .tamperedBody, reason: "documenso sends a token that does not cover the body"),
        SkipCase(profile: "documenso", probe: .wrongToken, reason: nil),
        SkipCase(
            profile: "ironclad-clickwrap-get", probe: .malformedJSON,
            reason: "ironclad-clickwrap-get sends no body (GET with the fields in the query string)"),
    ])
    func inapplicableProbesSaySo(_ example: SkipCase) throws {
        let profile = try #require(Profile.named(example.profile))
        #expect(profile.skipReason(for: example.probe) == example.reason)
    }

    @Test func reportedProbesNameTokenProbesForTokenProfiles() throws {
        let token = try #require(Profile.named("documenso")).reportedProbes
        #expect(token.contains(.wrongToken) && token.contains(.missingToken) && !token.contains(.badSignature))
        let signed = try #require(Profile.named("github")).reportedProbes
        #expect(signed.contains(.badSignature) && !signed.contains(.wrongToken))
        #expect(signed.count == 11)
    }
}

@Suite("Fresh handshake challenges")
struct HandshakeChallengeTests {
    static let example = "53rWfymsBALTcdnOJg6zZDZZwqGtfzQkQOQxOYT8MtK72VC1"

    static func challenge(pins: Set<SuiteCase.PinnedField> = [], seed: String) throws -> String? {
        let profile = try #require(Profile.named("slack"))
        let body = JSONValue.object(
            JSONObject([
                ("token", .string("t")), ("challenge", .string(example)), ("type", .string("url_verification")),
            ]))
        let builder = DeliveryBuilder(
            profile: profile, secret: "s3cr3t-for-slack", now: { BuilderFixture.now }, makeID: { seed })
        let delivery = try #require(
            try builder.deliveries(
                for: SuiteCase(name: "url_verification", body: body, pins: pins), probe: .valid,
                target: "http://127.0.0.1:1/"
            ).first)
        return try JSONParser.parse(delivery.body)["challenge"]?.stringValue
    }

    @Test func everyDeliveryCarriesAFreshChallengeInTheExamplesStyle() throws {
        let first = try #require(try Self.challenge(seed: "seed-1"))
        let second = try #require(try Self.challenge(seed: "seed-2"))
        #expect(first != Self.example && second != Self.example && first != second)
        #expect(first.count == Self.example.count)
        #expect(first.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    @Test func aPinnedIdKeepsTheExamplesChallenge() throws {
        #expect(try Self.challenge(pins: [.id], seed: "seed-1") == Self.example)
    }
}
