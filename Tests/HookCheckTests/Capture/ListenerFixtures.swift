import Foundation
import HookHTTP
import Synchronization

@testable import HookCheck

/// Suites, requests and files for the listener tests.
enum ListenerFixtures {
    /// A Standard Webhooks suite with two cases (`user.created` ×1, `user.deleted` ×`deletedCount`).
    static func suite(deletedCount: Int = 1, retries: String = #"{"expect": true, "attempts": 3}"#) -> Suite? {
        let text = """
            {"suite": "listener", "profile": "standard-webhooks", "secret": {"env": "LISTENER_SECRET"},
             "retries": \(retries),
             "cases": [
               {"name": "created", "body": {"type": "user.created", "data": {"id": "u1"}}},
               {"name": "deleted", "body": {"type": "user.deleted", "data": {"id": "u1"}}, "count": \(deletedCount)}
             ]}
            """
        return SuiteLoader.load(bytes: Array(text.utf8), path: "listener.json").suite
    }

    /// A POST of `body` with a `webhook-id` header, optional extra headers after it.
    static func request(
        id: String, body: String, target: String = "/hooks", extra: [(String, String)] = []
    ) -> HTTPRequest {
        HTTPRequest(
            method: "POST", target: target,
            headers: HTTPHeaders([("Content-Type", "application/json"), ("webhook-id", id)] + extra),
            body: Array(body.utf8))
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-\(UUID().uuidString)-\(name)").path
    }

    /// Every record in a capture file, in order.
    static func records(at path: String) throws -> [CaptureRecord] {
        let reader = try CaptureFileReader(path: path)
        var records: [CaptureRecord] = []
        while let event = try reader.next() {
            if case .record(let record, _) = event { records.append(record) }
        }
        return records
    }
}

/// Collects a listener's events for assertions.
final class EventLog: Sendable {
    private let events = Mutex<[ListenerEvent]>([])

    func append(_ event: ListenerEvent) { events.withLock { $0.append(event) } }

    var all: [ListenerEvent] { events.withLock { $0 } }
}
