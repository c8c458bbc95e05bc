import Foundation
import HookHTTP
import Testing

@testable import HookCheck
@testable import HookCheckCLI

/// Each deliberate flaw flips exactly the answer its probe looks at, on every profile where that probe
/// applies (hand-built requests; the table through the send runner is `FlawTableTests`).
struct ReceiverFlawTests {
    typealias Fixtures = ReceiverFixtures
    typealias Cases = ReferenceReceiverTests

    @Test(arguments: Cases.authenticated)
    func acceptAnySignatureAcceptsWrongAndMissingAuthentication(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver(flaws: [.acceptAnySignature])
        let delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let wrong = await receiver.handle(try delivery.request(secret: Fixtures.wrongSecret(profile)))
        var missing = try delivery.request(secret: Fixtures.secret(profile))
        for header in profile.scheme.authenticationHeaders { missing.headers.remove(name: header) }
        #expect(wrong.status == 200)
        #expect(await receiver.handle(missing).status == 200)
    }

    @Test(arguments: Cases.timestamped)
    func noTimestampCheckAcceptsAStaleTimestamp(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.timestamp = Fixtures.now.addingTimeInterval(-600)
        let request = try delivery.request(secret: Fixtures.secret(profile))
        #expect(await Fixtures.receiver(flaws: [.noTimestampCheck]).handle(request).status == 200)
        #expect(
            await Fixtures.receiver(flaws: [.noTimestampCheck]).handle(
                try {
                    var wrong = delivery
                    wrong.timestamp = Fixtures.now
                    return try wrong.request(secret: Fixtures.wrongSecret(profile))
                }()
            ).status == 401, "the signature is still verified")
    }

    @Test(arguments: Cases.bodySigned)
    func reserializeBeforeVerifyRejectsReformattedJSON(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let bytes = Array(JSONWriter.reformatted(delivery.filledBody).utf8)
        let request = try delivery.request(secret: Fixtures.secret(profile), bytes: bytes)
        #expect(await Fixtures.receiver().handle(request).status == 200)
        let response = await Fixtures.receiver(flaws: [.reserializeBeforeVerify]).handle(request)
        #expect(response.status == 401)
    }

    @Test(arguments: Fixtures.profileNames)
    func rejectReplayRefusesTheSecondDelivery(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver(flaws: [.rejectReplay])
        let request = try TestDelivery(profile: profile, now: Fixtures.now).request(secret: Fixtures.secret(profile))
        #expect(await receiver.handle(request).status == 200)
        #expect(await receiver.handle(request).status == 409)
        #expect(receiver.statistics(for: "/" + name) == ReceiverStatistics(processed: 1, duplicates: 1))
    }

    @Test(arguments: Fixtures.profileNames)
    func crashOnUnknownEventAnswers500(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.setEvent("hookcheck.Unknown Event")
        let response = await Fixtures.receiver(flaws: [.crashOnUnknownEvent])
            .handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == 500)
    }

    @Test func slowWaitsTheConfiguredDelayBeforeAnswering() async throws {
        let profile = try Fixtures.profile("cryptlex")
        let request = try TestDelivery(profile: profile, now: Fixtures.now).request(secret: Fixtures.secret(profile))
        let receiver = Fixtures.receiver(flaws: [.slow], slowDelay: .milliseconds(150))
        let clock = ContinuousClock()
        let start = clock.now
        let response = await receiver.handle(request)
        #expect(clock.now - start >= .milliseconds(150))
        #expect(response.status == 200)
    }

    @Test func everyFlawHasItsCommandLineName() {
        #expect(ReceiverFlaw.names == ServeCommand.flaws)
        #expect(ReceiverFlaw.names.allSatisfy { ReceiverFlaw(rawValue: $0)?.description == $0 })
    }
}
