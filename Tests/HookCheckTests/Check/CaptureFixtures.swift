import Foundation
import HookHTTP

@testable import HookCheck

/// Builds signed captured deliveries and suites for the checker tests. Signatures come from
/// `SignatureScheme.sign`, over exactly the bytes stored in the record.
enum CaptureFixtures {
    /// The Standard Webhooks secret the deliveries are signed with.
    static let secret = "whsec_" + Data("hookcheck-checker-test-secret-32".utf8).base64EncodedString()
    /// A different, well-formed secret.
    static let wrongSecret = "whsec_" + Data("a-different-secret-of-32-bytes!!".utf8).base64EncodedString()
    /// When the first delivery arrives.
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// A Standard Webhooks suite with two cases and the issue's retry bounds.
    static let suiteText = """
        {
          "suite": "acme sender",
          "profile": "standard-webhooks",
          "secret": {"env": "ACME_SECRET"},
          "retries": {"expect": true, "min": 1, "max": 600, "attempts": 3},
          "cases": [
            {"name": "user created",
             "body": {"type": "user.created", "data": {"id": "u_1", "email": "ada@example.com"}},
             "match": {"data": {"email": {"$format": "email"}}}},
            {"name": "invoice paid", "body": {"type": "invoice.paid", "data": {"amount": 4900}}}
          ]
        }
        """

    static let userCreated = #"{"type":"user.created","data":{"id":"u_9","email":"grace@example.com"}}"#
    static let invoicePaid = #"{"type":"invoice.paid","data":{"amount":120}}"#

    /// Loads suite text; a suite that does not load fails the test through an empty case list.
    static func suite(_ text: String = suiteText) -> Suite {
        let (suite, diagnostics) = SuiteLoader.load(bytes: Array(text.utf8), path: "acme.json")
        guard let suite else {
            return Suite(
                name: "unloadable: \(diagnostics.map(\.description))", profile: Profile(name: "none"), cases: [])
        }
        return suite
    }

    /// A captured Standard Webhooks delivery.
    /// - Parameters:
    ///   - seq: the delivery's number.
    ///   - body: the exact body sent.
    ///   - signedBody: the bytes the signature covers (default: `body`).
    ///   - id: the `webhook-id`.
    ///   - after: seconds after ``start`` the delivery was received.
    ///   - age: how old its signed timestamp was on arrival.
    ///   - status: what listen answered.
    static func delivery(
        seq: Int, body: String = userCreated, signedBody: String? = nil, id: String = "msg_1", after: Double = 0,
        age: Double = 1, status: Int? = 200, secret: String = secret, omitting omitted: [String] = [],
        contentType: String = "application/json", method: String = "POST"
    ) -> CaptureRecord {
        let receivedAt = start.addingTimeInterval(after)
        let timestamp = String(Int((receivedAt.timeIntervalSince1970 - age).rounded(.down)))
        let scheme = SignatureScheme.standardWebhooks(StandardWebhooksScheme())
        let context = SigningContext(body: Array((signedBody ?? body).utf8), id: id, timestamp: timestamp)
        let signature = (try? scheme.sign(context, secret: secret)) ?? []
        var headers: HTTPHeaders = [("Host", "127.0.0.1:8080"), ("Content-Type", contentType)]
        for field in signature where !omitted.contains(field.name) {
            headers.add(name: field.name, value: field.value)
        }
        return CaptureRecord(
            seq: seq, receivedAt: receivedAt, remote: "127.0.0.1:50000", method: method, target: "/hooks",
            version: "HTTP/1.1", headers: headers, body: Array(body.utf8), responseStatus: status)
    }

    /// The results of checking `records` against `suite`.
    static func check(
        _ records: [CaptureRecord], suite: Suite = suite(), secret: String = secret,
        options: CheckOptions = CheckOptions()
    ) -> [CaseResult] {
        var checker = Checker(suites: [suite], secrets: [secret], options: options, startedAt: start)
        for record in records { checker.consume(record) }
        return checker.finish(now: start).flatMap(\.results)
    }

    /// A file in a fresh temporary folder holding `lines` joined by newlines (plus `tail` as is).
    static func captureFile(_ records: [CaptureRecord], extra: [UInt8] = [], insertingAfterFirst: String? = nil)
        throws -> String
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        for (index, record) in records.enumerated() {
            bytes += record.jsonLine()
            if index == 0, let inserted = insertingAfterFirst { bytes += Array((inserted + "\n").utf8) }
        }
        bytes += extra
        let path = folder.appendingPathComponent("captures.jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

extension [CaseResult] {
    /// The result called `name` (`case · check`).
    func named(_ name: String) -> CaseResult? {
        first { $0.name == name }
    }

    /// The names of the failed and error results.
    var failingNames: [String] {
        filter(\.isFailure).map(\.name)
    }
}
