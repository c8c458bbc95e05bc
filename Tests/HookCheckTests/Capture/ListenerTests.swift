import Foundation
import HookHTTP
import Testing

@testable import HookCheck

@Suite struct ListenerTests {
    private let client = HTTPClient()

    private func start(
        _ suite: Suite, plan: String = "200", path: String? = nil, log: EventLog = EventLog()
    ) async throws -> (Listener, String) {
        let capturePath = ListenerFixtures.temporaryPath("captures.jsonl")
        let listener = Listener(
            suites: [suite],
            configuration: .init(path: path, capturePath: capturePath, respondPlan: try RespondPlan(parsing: plan)),
            observer: { log.append($0) })
        try await listener.start()
        return (listener, capturePath)
    }

    private func send(_ request: HTTPRequest, to listener: Listener) async throws -> Int {
        let url = try HTTPURL("http://127.0.0.1:\(listener.port)\(request.target)")
        return try await client.send(request, to: url).status.code
    }

    @Test func capturesExactBytesAndHeaderOrderBeforeAnswering() async throws {
        let suite = try #require(ListenerFixtures.suite())
        let (listener, capturePath) = try await start(suite)
        let body = "{\"type\":\"user.created\",  \"data\":{\"id\":\"u1\",\"name\":\"Zoë 🌍\"}}\n"
        let request = ListenerFixtures.request(
            id: "msg_1", body: body, target: "/hooks?x=1", extra: [("X-Dup", "a"), ("x-dup", "b")])
        #expect(try await send(request, to: listener) == 200)
        // The answer has arrived, so the record must already be in the file.
        let records = try ListenerFixtures.records(at: capturePath)
        await listener.stop()
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.body == Array(body.utf8))
        #expect(record.target == "/hooks?x=1")
        #expect(record.method == "POST")
        #expect(record.version == "HTTP/1.1")
        #expect(record.responseStatus == 200)
        #expect(record.seq == 1)
        #expect(record.remote.hasPrefix("127.0.0.1:"))
        let names = record.headers.map(\.name)
        #expect(Array(names.prefix(4)) == ["Content-Type", "webhook-id", "X-Dup", "x-dup"])
    }

    @Test func respondPlanCountsAttemptsPerIdentity() async throws {
        let suite = try #require(ListenerFixtures.suite())
        let log = EventLog()
        let (listener, capturePath) = try await start(suite, plan: "500x2,200", log: log)
        let created = #"{"type":"user.created","data":{"id":"u1"}}"#
        var statuses: [Int] = []
        for id in ["a", "a", "b", "a", "a", "b"] {
            statuses.append(try await send(ListenerFixtures.request(id: id, body: created), to: listener))
        }
        await listener.stop()
        #expect(statuses == [500, 500, 500, 200, 200, 500])
        let records = try ListenerFixtures.records(at: capturePath)
        #expect(records.map(\.responseStatus) == statuses.map { Optional($0) })
        #expect(records.map(\.seq) == Array(1...6))
        let attempts = log.all.compactMap { event -> Int? in
            if case .captured(let delivery) = event { delivery.attempt } else { nil }
        }
        #expect(attempts == [1, 2, 1, 3, 4, 2])
    }

    @Test func otherPathsAreAnswered404AndNotCaptured() async throws {
        let suite = try #require(ListenerFixtures.suite())
        let log = EventLog()
        let (listener, capturePath) = try await start(suite, path: "/hooks", log: log)
        let body = #"{"type":"user.created","data":{"id":"u1"}}"#
        #expect(try await send(ListenerFixtures.request(id: "1", body: body, target: "/other"), to: listener) == 404)
        #expect(
            try await send(ListenerFixtures.request(id: "2", body: body, target: "/hooks?q=1"), to: listener) == 200)
        await listener.stop()
        let records = try ListenerFixtures.records(at: capturePath)
        #expect(records.map(\.target) == ["/hooks?q=1"])
        #expect(log.all.contains(.ignored(method: "POST", target: "/other")))
    }

    @Test func completeOnlyOnceEveryCaseIsAcknowledgedItsCountTimes() async throws {
        let suite = try #require(ListenerFixtures.suite(deletedCount: 2))
        let log = EventLog()
        let (listener, _) = try await start(suite, plan: "500,200", log: log)
        let created = #"{"type":"user.created","data":{"id":"u1"}}"#
        let deleted = #"{"type":"user.deleted","data":{"id":"u1"}}"#
        var completeAfter: [Bool] = []
        for (id, body) in [("c", created), ("c", created), ("d1", deleted), ("d1", deleted), ("d2", deleted)] {
            _ = try await send(ListenerFixtures.request(id: id, body: body), to: listener)
            completeAfter.append(listener.isComplete)
        }
        _ = try await send(ListenerFixtures.request(id: "d2", body: deleted), to: listener)
        completeAfter.append(listener.isComplete)
        await listener.stop()
        #expect(completeAfter == [false, false, false, false, false, true])
        #expect(log.all.filter { $0 == .complete }.count == 1)
    }

    @Test func aPlanThatNeverSucceedsSettlesAfterTheExpectedAttempts() async throws {
        let suite = try #require(ListenerFixtures.suite(retries: #"{"expect": true, "attempts": 2}"#))
        let (listener, _) = try await start(suite, plan: "410")
        let created = #"{"type":"user.created","data":{"id":"u1"}}"#
        let deleted = #"{"type":"user.deleted","data":{"id":"u1"}}"#
        for (id, body) in [("c", created), ("d", deleted), ("c", created)] {
            #expect(try await send(ListenerFixtures.request(id: id, body: body), to: listener) == 410)
        }
        #expect(!listener.isComplete)
        _ = try await send(ListenerFixtures.request(id: "d", body: deleted), to: listener)
        #expect(listener.isComplete)
        await listener.stop()
    }

    @Test func concurrentDeliveriesAreAllOnDiskOnceAcknowledged() async throws {
        let suite = try #require(ListenerFixtures.suite())
        let (listener, capturePath) = try await start(suite)
        let port = listener.port
        let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let body = #"{"type":"user.created","data":{"id":"u\#(index)"}}"#
                    let request = ListenerFixtures.request(id: "m\(index)", body: body)
                    let url = try HTTPURL("http://127.0.0.1:\(port)/hooks")
                    return (index, try await HTTPClient().send(request, to: url).status.code)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        await listener.stop()
        #expect(statuses.count == 64 && statuses.values.allSatisfy { $0 == 200 })
        let records = try ListenerFixtures.records(at: capturePath)
        #expect(records.count == 64)
        #expect(Set(records.map(\.seq)) == Set(1...64))
        #expect(Set(records.compactMap { $0.headers["webhook-id"] }) == Set((0..<64).map { "m\($0)" }))
    }

    @Test func unwritableCaptureFileAndBusyPortFailToStart() async throws {
        let suite = try #require(ListenerFixtures.suite())
        let blocked = Listener(
            suites: [suite], configuration: .init(capturePath: "/proc/hookcheck-no/captures.jsonl"))
        await #expect(throws: ListenerError.self) { try await blocked.start() }

        let (first, _) = try await start(suite)
        let second = Listener(
            suites: [suite],
            configuration: .init(
                server: .init(port: first.port), capturePath: ListenerFixtures.temporaryPath("second.jsonl")))
        do {
            try await second.start()
            Issue.record("a second listener bound the same port")
        } catch {
            guard error.code == .cannotListen else {
                Issue.record("expected cannotListen, got \(error)")
                return
            }
            #expect(error.port == first.port)
        }
        await first.stop()
    }

    @Test func redactedCapturesDropSignatureValuesOnly() async throws {
        let suite = try #require(ListenerFixtures.suite())
        let capturePath = ListenerFixtures.temporaryPath("redacted.jsonl")
        let listener = Listener(suites: [suite], configuration: .init(capturePath: capturePath, redactsCaptures: true))
        try await listener.start()
        let request = ListenerFixtures.request(
            id: "r", body: #"{"type":"user.created","data":{"id":"u1"}}"#,
            extra: [("webhook-signature", "v1,c2VjcmV0")])
        _ = try await send(request, to: listener)
        await listener.stop()
        let record = try #require(try ListenerFixtures.records(at: capturePath).first)
        #expect(record.headers["webhook-signature"] == "[redacted]")
        #expect(record.headers["webhook-id"] == "r")
    }
}
