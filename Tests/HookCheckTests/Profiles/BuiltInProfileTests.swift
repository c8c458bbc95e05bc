import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// A provider's published timestamp and the profile that must write it exactly.
struct TimestampExample: CustomTestStringConvertible, Sendable {
    let profile: String
    let text: String
    var testDescription: String { "\(profile) \(text)" }
}

@Suite("Built-in profiles")
struct BuiltInProfileTests {
    @Test func theBuiltInSetIsDesignsTenPlusIroncladsGetVariant() {
        #expect(
            Profile.builtInNames == [
                "ironclad-clickwrap", "ironclad-clickwrap-get", "clarityflow", "iinked-sign", "cryptlex", "documenso",
                "standard-webhooks", "github", "stripe", "slack", "shopify",
            ])
        #expect(Profile.named("stripe")?.name == "stripe")
        #expect(Profile.named("Stripe") == nil)
        #expect(Profile.named("ironclad-clickwrap-get")?.method == .get)
        #expect(Profile.named("ironclad-clickwrap")?.method == .post)
        for profile in Profile.builtIn {
            #expect(!profile.summary.isEmpty, "\(profile.name)")
            #expect(!profile.sources.isEmpty, "\(profile.name)")
            #expect(profile.eventNamePattern?.source != "(?!)", "\(profile.name): its event name pattern compiles")
        }
    }

    static let timestampExamples: [TimestampExample] = [
        TimestampExample(profile: "ironclad-clickwrap", text: "2020-10-21T13:45:51.087Z"),
        TimestampExample(profile: "ironclad-clickwrap", text: "2020-10-21T14:01:17.360Z"),
        TimestampExample(profile: "clarityflow", text: "2022-04-01T14:24:14.196+00:00"),
        TimestampExample(profile: "iinked-sign", text: "2022-02-23T20:19:28.9357901Z"),
        TimestampExample(profile: "iinked-sign", text: "2022-02-23T20:20:15.9714327Z"),
        TimestampExample(profile: "cryptlex", text: "2018-04-20T13:11:34.6926949Z"),
        TimestampExample(profile: "documenso", text: "2024-04-22T11:52:18.277Z"),
        TimestampExample(profile: "standard-webhooks", text: "1614265330"),
        TimestampExample(profile: "stripe", text: "1492774577"),
        TimestampExample(profile: "slack", text: "1531420618"),
    ]

    @Test(arguments: timestampExamples)
    func eachProfileWritesItsProvidersTimestampsExactly(example: TimestampExample) throws {
        let profile = try #require(Profile.named(example.profile))
        let date = try #require(profile.parseTimestamp(example.text))
        #expect(profile.formatTimestamp(date) == example.text)
    }

    @Test func timestampsFromKnownInstantsUseEachFormat() throws {
        let date = Date(timeIntervalSince1970: 1_614_265_330.5)
        #expect(try #require(Profile.named("standard-webhooks")).formatTimestamp(date) == "1614265330")
        #expect(try #require(Profile.named("documenso")).formatTimestamp(date) == "2021-02-25T15:02:10.500Z")
        #expect(try #require(Profile.named("clarityflow")).formatTimestamp(date) == "2021-02-25T15:02:10.500+00:00")
        #expect(try #require(Profile.named("cryptlex")).formatTimestamp(date) == "2021-02-25T15:02:10.5000000Z")
        let early = Date(timeIntervalSince1970: -0.25)
        #expect(try #require(Profile.named("documenso")).formatTimestamp(early) == "1969-12-31T23:59:59.750Z")
    }

    @Test func offsetsAndOtherPrecisionsParseToTheSameInstant() throws {
        let clarityflow = try #require(Profile.named("clarityflow"))
        let local = try #require(clarityflow.parseTimestamp("2022-04-01T10:06:53.992-04:00"))
        #expect(clarityflow.formatTimestamp(local) == "2022-04-01T14:06:53.992+00:00")
        #expect(clarityflow.parseTimestamp("2022-04-01T14:06:53Z") != nil)
        #expect(clarityflow.parseTimestamp("2022-04-01 14:23:1648823039") == nil)
        let slack = try #require(Profile.named("slack"))
        #expect(slack.parseTimestamp("1531420618.5") == nil)
        #expect(slack.parseTimestamp("-5") == nil)
        #expect(slack.parseTimestamp("") == nil)
        #expect(slack.parseTimestamp("99999999999999999999") == nil)
    }

    @Test func eventListsCarryTheProvidersRealStrings() throws {
        let clarityflow = try #require(Profile.named("clarityflow"))
        for event in ["message_played", "new_appointment", "new_purchase", "conversation_created", "message_created"] {
            #expect(clarityflow.isKnownEvent(event), "\(event)")
        }
        #expect(!clarityflow.isKnownEvent("message_viewed"))
        #expect(clarityflow.assumedEvents == ["form_submitted", "task_completed"])
        let documenso = try #require(Profile.named("documenso"))
        #expect(documenso.events.count == 14)
        #expect(documenso.events.first == "DOCUMENT_CREATED")
        #expect(documenso.events.last == "TEMPLATE_USED")
        #expect(!documenso.isKnownEvent("document.completed"))
        let cryptlex = try #require(Profile.named("cryptlex"))
        #expect(cryptlex.isKnownEvent("license.expiresAt.updated"))
        #expect(cryptlex.isKnownEvent("trial-activation.created"))
        #expect(!cryptlex.isKnownEvent("LicenseCreated"))
        let ironclad = try #require(Profile.named("ironclad-clickwrap"))
        #expect(ironclad.isKnownEvent("request_signed"))
        #expect(ironclad.isKnownEvent("activity_agreed"))
        #expect(ironclad.assumedEvents.allSatisfy { $0.hasPrefix("activity_") })
        #expect(try #require(Profile.named("iinked-sign")).assumedEvents == ["document_signed"])
    }

    @Test func probesFollowTheScheme() throws {
        #expect(
            try #require(Profile.named("clarityflow")).supportedProbes == [
                .valid, .reformattedJSON, .unknownEvent, .replay, .malformedJSON,
            ])
        #expect(
            try #require(Profile.named("documenso")).supportedProbes == [
                .valid, .wrongToken, .missingToken, .reformattedJSON, .unknownEvent, .replay, .malformedJSON,
                .unsignedMalformedJSON,
            ])
        #expect(
            try #require(Profile.named("ironclad-clickwrap-get")).supportedProbes == [
                .valid, .wrongToken, .missingToken, .unknownEvent, .replay,
            ])
        #expect(
            try #require(Profile.named("stripe")).supportedProbes == [
                .valid, .badSignature, .missingSignature, .tamperedBody, .staleTimestamp, .futureTimestamp,
                .reformattedJSON, .unknownEvent, .replay, .malformedJSON, .unsignedMalformedJSON,
            ])
        #expect(try #require(Profile.named("cryptlex")).supportedProbes.contains(.staleTimestamp) == false)
        #expect(try #require(Profile.named("slack")).supportedProbes.contains(.futureTimestamp))
    }

    @Test func futureTimestampsAreToleratedWhereTheProvidersLibrariesDo() {
        let tolerant = Profile.builtIn.filter { $0.futureTimestamps == .tolerate }.map(\.name)
        #expect(tolerant == ["stripe"])
        for profile in Profile.builtIn {
            if let policy = profile.scheme.timestampPolicy {
                #expect(policy.future == profile.futureTimestamps, "\(profile.name)")
                #expect(policy.tolerance == profile.tolerance, "\(profile.name)")
            }
        }
    }
}
