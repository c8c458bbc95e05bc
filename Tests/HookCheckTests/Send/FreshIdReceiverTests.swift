import Foundation
import HookHTTP
import Synchronization
import Testing

@testable import HookCheck

/// A receiver that deduplicates by id, as Stripe and Standard Webhooks advise, and answers 500 to event
/// types it does not handle: with one id per case, every probe after `valid` was a "duplicate" and passed.
@Suite("Fresh ids against a deduplicating receiver")
struct FreshIdReceiverTests {
    /// The ids the receiver has handled.
    final class SeenIDs: Sendable {
        private let ids = Mutex<Set<String>>([])

        /// Whether `id` is new (and records it).
        func insert(_ id: String) -> Bool { ids.withLock { $0.insert(id).inserted } }
    }

    @Test func dedupingReceiverThatCrashesOnUnknownTypesFailsUnknownEvent() async throws {
        let stripe = try #require(Profile.named("stripe"))
        let secret = "whsec_test_stripe_secret"
        let verify = verifyingHandler(profile: stripe, secret: secret, url: { "" })
        let body = try JSONParser.parse(
            #"{"id": "evt_3YnZBIPzTFJ9VfOS0lh5R9SY", "object": "event", "type": "payment_intent.succeeded", "data": {"object": {"id": "pi_1"}}}"#
        )
        let suite = Suite(
            name: "Stripe", profile: stripe, probes: [.valid, .reformattedJSON, .unknownEvent, .replay],
            cases: [SuiteCase(name: "payment_intent.succeeded", body: body)])
        let seen = SeenIDs()
        let run = try await withStubServer(
            answering: { request in
                let verdict = try await verify(request)
                guard verdict.status == 200 else { return verdict }
                let envelope = try? JSONParser.parse(request.body)
                // Already handled: acknowledge without looking further, as the providers' docs advise.
                guard let id = envelope?["id"]?.stringValue, seen.insert(id) else { return HTTPResponse(status: 200) }
                let type = envelope?["type"]?.stringValue ?? ""
                return type == "payment_intent.succeeded" ? verdict : HTTPResponse(status: 500)
            },
            run: { base in await SendRunner().run([SuitePlan(suite: suite, target: base + "/stripe", secret: secret)]) }
        )
        #expect(run.results.map(\.check) == ["valid", "reformatted-json", "unknown-event", "replay"])
        #expect(run.results.map(\.status) == [.passed, .passed, .failed, .passed], "\(run.results.map(\.message))")
    }
}
