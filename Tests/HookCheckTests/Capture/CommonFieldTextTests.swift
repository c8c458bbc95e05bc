import Foundation
import Testing

@testable import HookCheck

/// The shared spellings the capture-line scanner hands out instead of new strings: only exact matches,
/// and a record read through them equals the one written.
@Suite struct CommonFieldTextTests {
    private func lookUp(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { CommonFieldText.text(matching: $0) }
    }

    @Test(arguments: [
        "webhook-signature", "X-Hub-Signature-256", "X-Slack-Request-Timestamp", "application/json",
        "application/x-www-form-urlencoded", "X-GitHub-Hook-Installation-Target-Type",
    ])
    func listedTextsAreFound(_ text: String) {
        #expect(lookUp(text) == text)
    }

    @Test(arguments: [
        "webhook-signaturE",  // same length, last byte differs
        "Webhook-signature",  // same length, case differs: spellings are kept as sent
        "application/jsonx", "application/jso", "webhook-id", "", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
    ])
    func anythingElseIsNot(_ text: String) {
        #expect(lookUp(text) == nil)
    }

    @Test func aCaptureLineReadThroughTheListStillEqualsItsRecord() throws {
        let record = CaptureRecord(
            seq: 7, receivedAt: Date(timeIntervalSince1970: 1_795_428_000), remote: "127.0.0.1:9", method: "POST",
            target: "/hooks", version: "HTTP/1.1",
            headers: [
                ("Content-Type", "application/json"), ("webhook-id", "msg_1"), ("webhook-timestamp", "1795428000"),
                ("webhook-signature", "v1,abc"), ("X-Unlisted-Long-Header-Name", "application/json; charset=utf-8"),
            ],
            body: Array(#"{"type":"a"}"#.utf8), responseStatus: 200)
        let line = Array(record.jsonLine().dropLast())
        let read = try #require(CaptureLineScanner.record(in: line))
        #expect(read == record)
        #expect(read.headers.fields.map(\.name) == record.headers.fields.map(\.name))
    }
}
