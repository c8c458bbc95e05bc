import Foundation
import HookHTTP
import Synchronization
import Testing

@testable import HookCheck

/// The receiver's small parts: the bounded idempotency store, identities, the flawed re-serialisation,
/// route paths, and a round trip through a real socket.
struct ReceiverPartsTests {
    @Test func idempotencyStoreForgetsTheOldestPastItsCapacity() {
        var store = IdempotencyStore(capacity: 3)
        var inserted: [Bool] = []
        for identity in ["a", "b", "c", "b", "d"] { inserted.append(store.insert(identity)) }
        #expect(inserted == [true, true, true, false, true])
        #expect(!store.contains("a"))
        #expect(store.contains("b") && store.contains("c") && store.contains("d"))
        #expect(store.count == 3)
        let isReinserted = store.insert("a")
        #expect(isReinserted)
        #expect(!store.contains("b"))
    }

    @Test func identityIsTheIdWhenTheProfileHasOne() throws {
        let stripe = try #require(Profile.named("stripe"))
        let body = try JSONParser.parse(#"{"id":"evt_1","type":"charge.succeeded"}"#)
        #expect(DeliveryIdentity(profile: stripe, envelope: body, headers: [], body: []).key == "id:evt_1")
    }

    @Test func identityWithoutIdIgnoresTheTimestampOnly() throws {
        let cryptlex = try #require(Profile.named("cryptlex"))
        func identity(_ text: String) throws -> String {
            DeliveryIdentity(
                profile: cryptlex, envelope: try JSONParser.parse(text), headers: [], body: Array(text.utf8)
            ).key
        }
        let first = try identity(#"{"event":"license.created","data":{"k":1},"triggeredAt":"2024-01-01T00:00:00Z"}"#)
        let retry = try identity(#"{"event":"license.created","data":{"k":1},"triggeredAt":"2024-01-01T00:05:00Z"}"#)
        let other = try identity(#"{"event":"license.created","data":{"k":2},"triggeredAt":"2024-01-01T00:00:00Z"}"#)
        #expect(first == retry)
        #expect(first != other)
        #expect(first.hasPrefix("sha256:"))
    }

    @Test func reserializationIsCompactWithSortedKeys() {
        let bytes = ReserializedJSON.bytes(Array(#"{ "b": [ {"z": 1, "a": "\u00e9"} ], "a": null }"#.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":null,"b":[{"a":"é","z":1}]}"#)
        #expect(ReserializedJSON.bytes(Array("not json".utf8)) == Array("not json".utf8))
    }

    @Test(arguments: [("/cryptlex", "/cryptlex"), ("/cryptlex/", "/cryptlex"), ("cryptlex", "/cryptlex"), ("", "/")])
    func routePathsAreNormalized(_ given: String, _ expected: String) throws {
        let route = ReceiverRoute(path: given, profile: try #require(Profile.named("cryptlex")), secret: "s")
        #expect(route.path == expected)
        #expect(route.serves(expected + "/"))
    }

    @Test func defaultSecretsSuitEachScheme() throws {
        for profile in Profile.builtIn {
            let context = SigningContext(body: [], url: "http://h/", id: "msg_1", timestamp: "1")
            #expect(throws: Never.self, "\(profile.name)") {
                _ = try profile.scheme.sign(context, secret: ReceiverRoute.defaultSecret(for: profile))
            }
        }
        #expect(Set(Profile.builtIn.map(ReceiverRoute.defaultSecret(for:))).count == Profile.builtIn.count)
    }

    @Test func servesOverARealSocketAndLogsEachRequest() async throws {
        let lines = LogLines()
        let profile = try #require(Profile.named("slack"))
        let receiver = ReferenceReceiver.builtIn(configuration: .init(log: { lines.append($0) }))
        try await receiver.start()
        var delivery = try TestDelivery(profile: profile, now: Date())
        delivery.host = receiver.address.replacingOccurrences(of: "http://", with: "")
        let request = try delivery.request(secret: ReceiverRoute.defaultSecret(for: profile))
        let client = HTTPClient()
        let url = try HTTPURL(receiver.url(for: "/slack"))
        let first = try await client.send(request, to: url)
        let second = try await client.send(request, to: url)
        await receiver.shutdown()
        #expect(receiver.port > 0)
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(receiver.statistics(for: "/slack") == ReceiverStatistics(processed: 1, duplicates: 1))
        #expect(lines.all.first?.hasPrefix("POST /slack 200 processed") == true)
    }
}

/// Log lines collected from the receiver's handler tasks.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}
