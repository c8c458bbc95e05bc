import Testing

@testable import HookCheck

/// A suite file and the exact diagnostics it must produce.
struct DiagnosticRow: CustomTestStringConvertible, Sendable {
    let label: String
    let text: String
    let diagnostics: [String]
    var testDescription: String { label }

    init(_ label: String, _ text: String, _ diagnostics: String...) {
        self.label = label
        self.text = text
        self.diagnostics = diagnostics
    }
}

@Suite("Suite diagnostics")
struct SuiteDiagnosticTests {
    /// Malformed suites: each never loads, and says exactly where and why.
    static let errors: [DiagnosticRow] = [
        DiagnosticRow(
            "trailing comma",
            #"{"suite": "x", "profile": "stripe", "cases": [],}"#,
            "t.json:1:48: error: /: trailing comma"),
        DiagnosticRow(
            "duplicate key names both positions",
            """
            {"suite": "x", "profile": "stripe",
             "cases": [{"name": "a", "body": {"id": 1,
                                              "id": 2}}]}
            """,
            #"t.json:3:35: error: /cases/0/body: duplicate key "id" (first at 2:35)"#),
        DiagnosticRow(
            "comment",
            "{\"suite\": \"x\" // name\n}",
            "t.json:1:15: error: /: comments are not allowed in JSON"),
        DiagnosticRow(
            "root is not an object",
            #"[{"suite": "x"}]"#,
            "t.json:1:1: error: /: expected an object, found an array"),
        DiagnosticRow(
            "missing suite and cases",
            #"{"profile": "stripe"}"#,
            #"t.json:1:1: error: /: missing required key "suite""#,
            #"t.json:1:1: error: /: missing required key "cases""#),
        DiagnosticRow(
            "missing profile",
            #"{"suite": "x", "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:1: error: /: missing required key "profile""#),
        DiagnosticRow(
            "empty cases and a blank name",
            #"{"suite": " ", "profile": "stripe", "cases": []}"#,
            "t.json:1:11: error: /suite: expected a non-empty string",
            "t.json:1:46: error: /cases: expected at least one case"),
        DiagnosticRow(
            "wrong types",
            #"{"suite": 7, "profile": "stripe", "strict": "yes", "cases": {"name": "a"}}"#,
            "t.json:1:11: error: /suite: expected a string, found a number",
            "t.json:1:45: error: /strict: expected a boolean, found a string",
            "t.json:1:61: error: /cases: expected an array, found an object"),
        DiagnosticRow(
            "unknown profile",
            #"{"suite": "x", "profile": "stipe", "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:27: error: /profile: unknown profile "stipe" (did you mean "stripe"?); built-in profiles: "#
                + "ironclad-clickwrap, ironclad-clickwrap-get, clarityflow, iinked-sign, cryptlex, documenso, "
                + "standard-webhooks, github, stripe, slack, shopify"),
        DiagnosticRow(
            "body of the wrong type",
            """
            {"suite": "x", "profile": "clarityflow",
             "cases": [{"name": "a", "body": "{}"}, {"name": "b"}]}
            """,
            "t.json:2:34: error: /cases/0/body: expected an object, found a string",
            #"t.json:2:41: error: /cases/1: missing required key "body""#),
        DiagnosticRow(
            "unknown probes",
            #"{"suite": "x", "profile": "stripe", "probes": ["valid", "bad-sig", "replays", 3], "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:57: error: /probes/1: unknown probe "bad-sig" (did you mean "bad-signature"?)"#,
            #"t.json:1:68: error: /probes/2: unknown probe "replays" (did you mean "replay"?)"#,
            "t.json:1:79: error: /probes/3: expected a string, found a number"),
        DiagnosticRow(
            "invalid regex and unknown matcher",
            """
            {"suite": "x", "profile": "clarityflow", "cases": [
              {"name": "a", "body": {}, "match": {"id": {"$regex": "([0-9"}}},
              {"name": "b", "body": {}, "match": {"type": {"$rgex": "x"}}}]}
            """,
            #"t.json:2:56: error: /cases/0/match/id/$regex: invalid regular expression "([0-9""#,
            #"t.json:3:48: error: /cases/1/match/type/$rgex: unknown matcher "$rgex" (did you mean "$regex"?)"#),
        DiagnosticRow(
            "bad matcher argument",
            #"{"suite": "x", "profile": "clarityflow", "cases": [{"name": "a", "body": {}, "match": {"id": {"$format": "guid"}}}]}"#,
            #"t.json:1:106: error: /cases/0/match/id/$format: $format expects one of uuid, date-time, date, email, uri, hex, base64 (did you mean "uuid"?), found "guid""#
        ),
        DiagnosticRow(
            "duplicate case names",
            """
            {"suite": "x", "profile": "clarityflow", "cases": [
              {"name": "created", "body": {}},
              {"name": "created", "body": {}}]}
            """,
            #"t.json:3:12: error: /cases/1/name: duplicate case name "created" (first at 2:12)"#),
        DiagnosticRow(
            "bad expectations",
            #"{"suite": "x", "profile": "stripe", "expect": {"accept": ["2xx", "2xxx"], "reject": true, "within": 0}, "cases": [{"name": "a", "body": {}, "expect": {"within": -1}}]}"#,
            #"t.json:1:66: error: /expect/accept/1: invalid status "2xxx"; expected a status 100–599 such as "401" or a class such as "4xx""#,
            #"t.json:1:85: error: /expect/reject: expected a status such as "401" or a class such as "4xx", found a boolean"#,
            "t.json:1:101: error: /expect/within: expected a number of seconds above 0, found 0",
            "t.json:1:162: error: /cases/0/expect/within: expected a number of at least 0, found -1"),
        DiagnosticRow(
            "bad secrets",
            #"{"suite": "x", "profile": "stripe", "secret": {"env": "MY-SECRET"}, "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:55: error: /secret/env: invalid environment variable name "MY-SECRET"; use letters, digits and _"#
        ),
        DiagnosticRow(
            "secret with both sources",
            #"{"suite": "x", "profile": "stripe", "secret": {"env": "A", "value": "hunter2"}, "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:47: error: /secret: give either "env" or "value", not both"#),
        DiagnosticRow(
            "target that is not an http URL",
            #"{"suite": "x", "profile": "stripe", "target": "ftp://h/x", "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:47: error: /target: invalid target URL "ftp://h/x"; expected http://host[:port]/path"#),
        DiagnosticRow(
            "retries and counts out of range",
            #"{"suite": "x", "profile": "stripe", "retries": {"min": 60, "max": 5, "attempts": 0}, "cases": [{"name": "a", "body": {}, "count": 1.5}]}"#,
            #"t.json:1:67: error: /retries/max: "min" (60) is greater than "max" (5)"#,
            "t.json:1:131: error: /cases/0/count: expected an integer, found 1.5"),
        DiagnosticRow(
            "bad headers",
            #"{"suite": "x", "profile": "github", "cases": [{"name": "a", "body": {}, "headers": {"X-GitHub-Event": 5, "Bad Name": "v"}}]}"#,
            "t.json:1:103: error: /cases/0/headers/X-GitHub-Event: expected a string, found a number",
            #"t.json:1:106: error: /cases/0/headers/Bad Name: invalid header name "Bad Name""#),
        DiagnosticRow(
            "bad inline profile",
            #"{"suite": "x", "profile": {"extends": "cryptlex", "scheme": {"type": "hmca"}, "timestamp": "data", "method": "PUT"}, "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:70: error: /profile/scheme/type: unknown scheme "hmca" (did you mean "hmac"?); expected one of standard-webhooks, stripe, hmac, token, none"#,
            #"t.json:1:92: error: /profile/timestamp: invalid JSON pointer "data"; expected one such as "/data/id""#,
            #"t.json:1:110: error: /profile/method: unknown method "PUT"; expected "POST" or "GET""#),
        DiagnosticRow(
            "inline profile extending an unknown profile, hmac without a header",
            #"{"suite": "x", "profile": {"extends": "github2", "scheme": {"type": "hmac"}}, "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:39: error: /profile/extends: unknown profile "github2" (did you mean "github"?); built-in profiles: "#
                + "ironclad-clickwrap, ironclad-clickwrap-get, clarityflow, iinked-sign, cryptlex, documenso, "
                + "standard-webhooks, github, stripe, slack, shopify"),
        DiagnosticRow(
            "invalid UTF-8",
            "{\"suite\": \"\u{FFFD}\", \"profile\": \"stripe\", \"cases\": [{\"name\": \"a\", \"body\": {}}]}",
            "t.json:1:12: error: /suite: invalid UTF-8 sequence 0xC3 0x28"),
    ]

    @Test(arguments: errors)
    func malformedSuitesNeverLoadAndSayWhereAndWhy(row: DiagnosticRow) {
        var bytes = Array(row.text.utf8)
        if row.label == "invalid UTF-8" {
            // Replace U+FFFD (EF BF BD) with the invalid sequence C3 28.
            if let index = bytes.firstIndex(of: 0xEF) { bytes.replaceSubrange(index..<index + 3, with: [0xC3, 0x28]) }
        }
        let (suite, diagnostics) = SuiteLoader.load(bytes: bytes, path: "t.json")
        #expect(suite == nil)
        #expect(diagnostics.map(\.description) == row.diagnostics)
        #expect(diagnostics.contains { $0.isError })
    }

    @Test func anOversizedFileIsRejectedBeforeParsing() {
        let text = #"{"suite": "x", "profile": "stripe", "cases": [{"name": "a", "body": {}}]}"#
        let (suite, diagnostics) = SuiteLoader.load(
            bytes: Array(text.utf8), path: "big.json", options: SuiteLoader.Options(maxFileSize: 16))
        #expect(suite == nil)
        #expect(
            diagnostics.map(\.description) == ["big.json: error: file is 73 bytes, more than the limit of 16 bytes"])
    }

    @Test func theInlineSecretValueNeverAppearsInDiagnostics() {
        let text =
            #"{"suite": "x", "profile": "stripe", "secret": {"value": "hunter2"}, "cases": [{"name": "a", "body": {}}]}"#
        let (suite, diagnostics) = SuiteFixtures.load(text)
        #expect(diagnostics.allSatisfy { !$0.contains("hunter2") })
        #expect(suite.map { "\($0)" }?.contains("hunter2") == false)
        #expect(suite.map { String(reflecting: $0) }?.contains("hunter2") == false)
        guard case .inline(let secret)? = suite?.secret else {
            Issue.record("expected an inline secret")
            return
        }
        #expect(secret.value == "hunter2")
    }
}
