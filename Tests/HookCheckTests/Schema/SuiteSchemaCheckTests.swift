import Foundation
import HookCheck
import Testing

private typealias F = CaptureFixtures

@Suite("Suite schema")
struct SuiteSchemaCheckTests {
    /// The fixture suite with a schema on "user created" (email required, id a `u_` string) and a suite-wide one.
    static func suiteText(formats: String = "annotate") -> String {
        F.suiteText.replacingOccurrences(
            of: #""match": {"data": {"email": {"$format": "email"}}}},"#,
            with: #"""
                "schema": {"$ref": "#/$defs/user", "$defs": {"user": {"type": "object", "required": ["type", "data"],
                  "properties": {"data": {"required": ["id", "email"],
                    "properties": {"id": {"type": "string", "pattern": "^u_"}, "email": {"format": "email"}}}}}}}},
                """#
        ).replacingOccurrences(
            of: #""retries":"#, with: #""formats": "\#(formats)", "schema": {"required": ["type"]}, "retries":"#)
    }

    @Test func bodyThatBreaksTheSchemaFailsNamingBothPointers() {
        let suite = F.suite(Self.suiteText())
        #expect(suite.cases.count == 2, "\(suite.name)")
        let broken = #"{"type":"user.created","data":{"id":"x_9","email":"grace@example.com"}}"#
        let results = F.check([F.delivery(seq: 1, body: broken)], suite: suite)
        let schema = results.named("user created · schema")
        #expect(schema?.isFailure == true)
        #expect(
            schema?.message.contains("/data/id: schema /$ref/properties/data/properties/id/pattern") == true,
            "\(schema?.message ?? "no result")")
        #expect(schema?.message.contains("expected a string matching /^u_/, found a string \"x_9\"") == true)
        #expect(results.named("user created · envelope")?.isFailure == false)
    }

    @Test func conformingBodyPassesAndCasesWithoutTheirOwnUseTheSuiteSchema() {
        let results = F.check(CheckerTests.good, suite: F.suite(Self.suiteText()))
        #expect(results.named("user created · schema")?.isFailure == false)
        #expect(results.named("invoice paid · schema")?.isFailure == false)
        #expect(results.failingNames.isEmpty, "\(results.filter(\.isFailure).map(\.message))")
    }

    @Test func formatsAreAssertedOnlyWhenTheSuiteAsks() {
        let body = #"{"type":"user.created","data":{"id":"u_9","email":"not an address"}}"#
        let annotated = F.check([F.delivery(seq: 1, body: body)], suite: F.suite(Self.suiteText()))
        #expect(annotated.named("user created · schema")?.isFailure == false)
        let asserted = F.check([F.delivery(seq: 1, body: body)], suite: F.suite(Self.suiteText(formats: "assert")))
        #expect(asserted.named("user created · schema")?.message.contains("/data/email") == true)
    }

    @Test func unresolvableRefIsALocatedSuiteError() {
        let text = F.suiteText.replacingOccurrences(
            of: #""name": "invoice paid","#, with: #""name": "invoice paid", "schema": {"$ref": "nowhere.json"},"#)
        let (suite, diagnostics) = SuiteLoader.load(bytes: Array(text.utf8), path: "acme.json")
        #expect(suite == nil)
        #expect(
            diagnostics.contains { $0.pointer?.description == "/cases/1/schema" && $0.message.contains("nowhere.json") }
        )
    }
}
