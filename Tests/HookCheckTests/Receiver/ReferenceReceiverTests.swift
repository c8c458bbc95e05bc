import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// The reference receiver judged request by request, without sockets: every built-in profile, the
/// deliveries a correct receiver must accept and the ones it must refuse.
struct ReferenceReceiverTests {
    typealias Fixtures = ReceiverFixtures

    static let authenticated = Profile.builtIn.filter { !$0.scheme.authenticationHeaders.isEmpty }.map(\.name)
    static let bodySigned = Profile.builtIn.filter {
        $0.method == .post && !$0.scheme.isToken && !$0.scheme.authenticationHeaders.isEmpty
    }.map(\.name)
    static let timestamped = Profile.builtIn.filter(\.scheme.isTimestamped).map(\.name)
    static let posted = Profile.builtIn.filter { $0.method == .post }.map(\.name)

    @Test(arguments: Fixtures.profileNames)
    func validDeliveryIsProcessedOnce(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        let delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let response = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == 200, "\(Fixtures.text(response))")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(Fixtures.text(response).contains(#""status":"processed""#))
        #expect(receiver.statistics(for: "/" + name) == ReceiverStatistics(processed: 1))
    }

    @Test(arguments: authenticated)
    func wrongSecretIsUnauthorizedWithoutRevealingTheSecret(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        let delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let response = await receiver.handle(try delivery.request(secret: Fixtures.wrongSecret(profile)))
        #expect(response.status == 401)
        let text = Fixtures.text(response)
        #expect(!text.contains(Fixtures.secret(profile)))
        #expect(!text.contains(Fixtures.wrongSecret(profile)))
        #expect(!text.contains("expected one starting"))
        #expect(receiver.statistics(for: "/" + name) == ReceiverStatistics(rejected: 1))
    }

    @Test(arguments: authenticated)
    func missingAuthenticationHeaderIsUnauthorized(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        var request = try TestDelivery(profile: profile, now: Fixtures.now).request(secret: Fixtures.secret(profile))
        for header in profile.scheme.authenticationHeaders { request.headers.remove(name: header) }
        let response = await receiver.handle(request)
        #expect(response.status == 401)
        #expect(Fixtures.text(response).contains("missing header"))
    }

    @Test(arguments: bodySigned)
    func bodyChangedAfterSigningIsUnauthorized(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        var request = try TestDelivery(profile: profile, now: Fixtures.now).request(secret: Fixtures.secret(profile))
        let position = try #require(request.body.lastIndex(of: UInt8(ascii: "}")))
        request.body.insert(UInt8(ascii: " "), at: position)
        let response = await receiver.handle(request)
        #expect(response.status == 401, "\(Fixtures.text(response))")
    }

    @Test(arguments: timestamped)
    func staleTimestampIsUnauthorized(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.timestamp = Fixtures.now.addingTimeInterval(-600)
        let response = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == 401)
        #expect(Fixtures.text(response).contains("stale timestamp"))
    }

    @Test(arguments: timestamped)
    func futureTimestampFollowsTheProfilePolicy(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.timestamp = Fixtures.now.addingTimeInterval(600)
        let response = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == (profile.futureTimestamps == .tolerate ? 200 : 401))
    }

    @Test(arguments: Fixtures.profileNames)
    func replayIsAcknowledgedAndNotProcessedTwice(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        let request = try TestDelivery(profile: profile, now: Fixtures.now).request(secret: Fixtures.secret(profile))
        let first = await receiver.handle(request)
        let second = await receiver.handle(request)
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(Fixtures.text(second).contains(#""status":"duplicate""#))
        #expect(receiver.statistics(for: "/" + name) == ReceiverStatistics(processed: 1, duplicates: 1))
    }

    @Test(arguments: Fixtures.profileNames)
    func unknownEventIsAcknowledgedNotProcessed(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.setEvent("hookcheck.Unknown Event")
        let response = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == 200, "\(Fixtures.text(response))")
        #expect(Fixtures.text(response).contains(#""status":"ignored""#))
        #expect(receiver.statistics(for: "/" + name) == ReceiverStatistics(ignored: 1))
    }

    @Test(arguments: posted)
    func malformedJSONIsABadRequest(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        let delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let request = try delivery.request(secret: Fixtures.secret(profile), bytes: Array(#"{"type": "x",,}"#.utf8))
        let response = await receiver.handle(request)
        #expect(response.status == 400)
        #expect(Fixtures.text(response).contains("malformed json: 1:14"))
    }

    @Test(arguments: posted)
    func reformattedJSONSignedOverItsOwnBytesIsAccepted(_ name: String) async throws {
        let profile = try Fixtures.profile(name)
        let receiver = Fixtures.receiver()
        let delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let bytes = Array(JSONWriter.reformatted(delivery.filledBody).utf8)
        let response = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile), bytes: bytes))
        #expect(response.status == 200, "\(Fixtures.text(response))")
    }

    @Test func bodyOutsideTheEnvelopeIsABadRequest() async throws {
        let profile = try Fixtures.profile("stripe")
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.body = profile.event.writing(.number("7"), into: delivery.body)
        let response = await Fixtures.receiver().handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == 400)
        #expect(Fixtures.text(response).contains("does not match the stripe envelope: /type: expected"))
    }

    @Test func profileWithoutIdDedupesOnTheBodyWithoutItsTimestamp() async throws {
        let profile = try Fixtures.profile("documenso")
        let receiver = Fixtures.receiver()
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        let first = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        delivery.timestamp = Fixtures.now.addingTimeInterval(30)  // a retry: createdAt regenerated
        let retry = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        delivery.setEvent("DOCUMENT_SENT")
        let other = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect([first.status, retry.status, other.status] == [HTTPStatus](repeating: .ok, count: 3))
        #expect(Fixtures.text(retry).contains("duplicate"))
        #expect(receiver.statistics(for: "/documenso") == ReceiverStatistics(processed: 2, duplicates: 1))
    }

    @Test func signatureURLComesFromHostUnlessTheRouteGivesOne() async throws {
        let profile = try Fixtures.profile("iinked-sign")
        let secret = Fixtures.secret(profile)
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.host = "hooks.example.com"
        var request = try delivery.request(secret: secret)
        let viaHost = ReferenceReceiver(routes: [ReceiverRoute(path: "/iinked-sign", profile: profile, secret: secret)])
        #expect(await viaHost.handle(request).status == 200)

        request.headers.replaceOrAdd(name: "Host", value: "127.0.0.1:9999")  // a proxy rewrote Host
        #expect(await viaHost.handle(request).status == 401)
        let configured = ReferenceReceiver(routes: [
            ReceiverRoute(
                path: "/iinked-sign", profile: profile, secret: secret,
                signatureURL: "http://hooks.example.com/iinked-sign")
        ])
        #expect(await configured.handle(request).status == 200)
    }

    @Test func unknownPathIsNotFoundAndWrongMethodNotAllowed() async throws {
        let receiver = Fixtures.receiver()
        let missing = await receiver.handle(HTTPRequest(method: "POST", target: "/nowhere", body: Array("{}".utf8)))
        #expect(missing.status == 404)
        #expect(Fixtures.text(missing).contains("/cryptlex"))
        let get = await receiver.handle(HTTPRequest(method: "GET", target: "/cryptlex/"))
        #expect(get.status == 405)
        #expect(get.headers["Allow"] == "POST")
    }

    @Test func routeWithoutPathServesEveryPath() async throws {
        let profile = try Fixtures.profile("github")
        let receiver = ReferenceReceiver(
            routes: [ReceiverRoute(path: nil, profile: profile, secret: "s3cr3t")],
            configuration: .init(now: { Fixtures.now }))
        var delivery = try TestDelivery(profile: profile, now: Fixtures.now)
        delivery.path = "/any/where"
        #expect(await receiver.handle(try delivery.request(secret: "s3cr3t")).status == 200)
        #expect(receiver.statistics(for: "*").processed == 1)
    }

    @Test func unusableSecretIsAServerErrorNotARejection() async throws {
        let profile = try Fixtures.profile("standard-webhooks")
        let receiver = ReferenceReceiver(routes: [ReceiverRoute(path: "/sw", profile: profile, secret: "not base64!")])
        var delivery = try TestDelivery(profile: profile, now: Date())
        delivery.path = "/sw"
        let response = await receiver.handle(try delivery.request(secret: Fixtures.secret(profile)))
        #expect(response.status == 500)
        #expect(Fixtures.text(response).contains("secret for standard-webhooks is unusable"))
        #expect(!Fixtures.text(response).contains("not base64!"))
    }
}
