import HookHTTP
import Testing

@testable import HookCheck

@Suite struct DeliveryIdentityTests {
    private func json(_ text: String) -> JSONValue? { try? JSONParser.parse(text) }

    @Test func headerIDIsTheIdentity() throws {
        let profile = try #require(Profile.named("standard-webhooks"))
        let identity = DeliveryIdentity(
            profile: profile, envelope: json(#"{"type":"a"}"#), headers: [("Webhook-Id", "msg_1")],
            body: Array(#"{"type":"a"}"#.utf8))
        #expect(identity == .id("msg_1"))
        #expect(identity.description == "id msg_1")
    }

    @Test func bodyHashIgnoresTheTimestampFieldOnly() throws {
        let profile = try #require(Profile.named("documenso"))
        func identity(_ text: String) -> DeliveryIdentity {
            DeliveryIdentity(profile: profile, envelope: json(text), headers: [], body: Array(text.utf8))
        }
        let first = identity(#"{"event":"DOCUMENT_SIGNED","payload":{"id":1},"createdAt":"2024-01-01T00:00:00Z"}"#)
        let retry = identity(#"{"event":"DOCUMENT_SIGNED","payload":{"id":1},"createdAt":"2024-01-01T00:05:00Z"}"#)
        let other = identity(#"{"event":"DOCUMENT_SIGNED","payload":{"id":2},"createdAt":"2024-01-01T00:00:00Z"}"#)
        #expect(first == retry)
        #expect(first != other)
        guard case .bodyHash(let hash) = first else {
            Issue.record("expected a body hash, got \(first)")
            return
        }
        #expect(hash.count == 64)
    }

    @Test func bodyThatIsNotJSONHashesItsRawBytes() throws {
        let profile = try #require(Profile.named("cryptlex"))
        let one = DeliveryIdentity(profile: profile, envelope: nil, headers: [], body: [0xff, 0x00])
        let two = DeliveryIdentity(profile: profile, envelope: nil, headers: [], body: [0xff, 0x01])
        #expect(one != two)
        // The empty body's SHA-256.
        let empty = DeliveryIdentity(profile: profile, envelope: nil, headers: [], body: [])
        #expect(empty == .bodyHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    @Test func getProfilesReadTheEnvelopeFromTheQuery() throws {
        let profile = try #require(Profile.named("ironclad-clickwrap-get"))
        let envelope = profile.envelope(target: "/hooks?event_type=activity_agreed&id=7", body: [])
        #expect(envelope?["event_type"] == .string("activity_agreed"))
        #expect(envelope?["id"] == .string("7"))
        let post = try #require(Profile.named("ironclad-clickwrap"))
        #expect(post.envelope(target: "/h", body: Array("{\"a\":1,\"a\":2}".utf8)) == nil)
    }
}
