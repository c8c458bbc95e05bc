import Foundation
import Testing

@testable import HookCheck

@Suite("JSONResultWriter")
struct JSONResultWriterTests {
    let json = JSONResultWriter.render(ReportFixture.run, redactor: ReportFixture.redactor)

    @Test func fixtureMatchesSnapshot() {
        expectSnapshot(json, named: "fixture-results.json")
    }

    @Test func parsesWithFormatCountsAndResultsInOrder() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "hookcheck-results/1")
        #expect(object["exitStatus"] as? Int == 1)
        #expect(object["startedAt"] as? String == "2026-11-23T10:00:00.250Z")
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["tests": 8, "passed": 4, "failed": 2, "errors": 1, "skipped": 1])
        let suites = try #require(object["suites"] as? [[String: Any]])
        let results = try #require(suites.first?["results"] as? [[String: Any]])
        #expect(
            results.map { $0["check"] as? String } == [
                "valid", "bad-signature", "unknown-event", "future-timestamp", "valid", "valid",
            ])
        #expect(results[4]["case"] as? String == "Zahlung <&\"'> | erstattet")
        #expect(results[4]["message"] as? String == "expected 2xx, found 500\nthe receiver said: secret [redacted]")
        let latency = try #require(object["latency"] as? [String: Any])
        #expect(latency["p95"] as? Double == 0.04)
    }

    @Test func secretsAreRedactedAndNoEscapeCodesRemain() {
        #expect(!json.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        #expect(!json.contains("5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
        #expect(!json.contains(ReportFixture.documensoToken))
        #expect(json.contains(#"["Stripe-Signature", "[redacted]"]"#) || json.contains("\"[redacted]\""))
        #expect(!json.contains("\\u001b"))
    }
}
