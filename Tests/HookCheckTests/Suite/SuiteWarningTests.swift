import Testing

@testable import HookCheck

@Suite("Suite warnings")
struct SuiteWarningTests {
    static let rows: [DiagnosticRow] = [
        DiagnosticRow(
            "unknown keys everywhere, with suggestions",
            """
            {"suite": "s", "profile": "clarityflow", "probs": [], "expect": {"acept": "2xx"},
             "cases": [{"name": "a", "bdy": {}, "body": {"type": "new_purchase", "id": "c6ec4301-8d97-4c53-8dff-06947ff750ca",
               "occurred_at": "2022-04-01T14:24:14.196+00:00", "payload": {}}}]}
            """,
            #"t.json:1:42: warning: /probs: unknown key "probs" (did you mean "probes"?)"#,
            #"t.json:1:66: warning: /expect/acept: unknown key "acept" (did you mean "accept"?)"#,
            #"t.json:2:26: warning: /cases/0/bdy: unknown key "bdy" (did you mean "body"?)"#),
        DiagnosticRow(
            "inline secret",
            #"{"suite": "s", "profile": "clarityflow", "secret": {"value": "hunter2"}, "cases": [{"name": "a", "body": {"type": "new_purchase", "id": "c6ec4301-8d97-4c53-8dff-06947ff750ca", "occurred_at": "2022-04-01T14:24:14.196+00:00", "payload": {}}}]}"#,
            #"t.json:1:62: warning: /secret/value: inline secret value: secrets belong in the environment; use {"env": "NAME"}"#
        ),
        DiagnosticRow(
            "event type the profile does not list",
            #"{"suite": "s", "profile": "clarityflow", "cases": [{"name": "a", "body": {"type": "message_viewed", "id": "c6ec4301-8d97-4c53-8dff-06947ff750ca", "occurred_at": "2022-04-01T14:24:14.196+00:00", "payload": {}}}]}"#,
            #"t.json:1:83: warning: /cases/0/body/type: event type "message_viewed" is not one profile "clarityflow" lists"#
        ),
        DiagnosticRow(
            "a dotted event name where the provider sends the enum name",
            #"{"suite": "s", "profile": "documenso", "cases": [{"name": "a", "body": {"event": "document.completed", "payload": {}, "createdAt": "2024-04-22T11:52:18.277Z", "webhookEndpoint": "http://x"}}]}"#,
            #"t.json:1:82: warning: /cases/0/body/event: event type "document.completed" is not one profile "documenso" lists (did you mean "DOCUMENT_COMPLETED"?)"#
        ),
        DiagnosticRow(
            "body outside the profile's envelope",
            #"{"suite": "s", "profile": "clarityflow", "cases": [{"name": "a", "body": {"type": "new_purchase", "id": "42", "payload": []}}]}"#,
            #"t.json:1:74: warning: /cases/0/body/occurred_at: body does not match profile "clarityflow"'s envelope: expected an RFC 3339 date-time, found nothing"#,
            #"t.json:1:105: warning: /cases/0/body/id: body does not match profile "clarityflow"'s envelope: expected a uuid, found "42""#,
            #"t.json:1:122: warning: /cases/0/body/payload: body does not match profile "clarityflow"'s envelope: expected an object, found an empty array"#
        ),
        DiagnosticRow(
            "a header event missing from the case",
            #"{"suite": "s", "profile": "github", "cases": [{"name": "a", "body": {}}]}"#,
            #"t.json:1:47: warning: /cases/0: the case has no event type where profile "github" reads it (header X-GitHub-Event)"#
        ),
        DiagnosticRow(
            "a case whose body fails its own match",
            #"{"suite": "s", "profile": "github", "cases": [{"name": "a", "body": {"n": 1}, "headers": {"X-GitHub-Event": "push"}, "match": {"n": {"$min": 2}}}]}"#,
            #"t.json:1:75: warning: /cases/0/body/n: the case's own body does not match its "match": expected a number at least 2, found 1"#
        ),
        DiagnosticRow(
            "probes that cannot apply",
            #"{"suite": "s", "profile": "documenso", "probes": ["valid", "bad-signature", "stale-timestamp"], "cases": [{"name": "a", "body": {"event": "DOCUMENT_SENT", "payload": {}, "createdAt": "2024-04-22T11:52:18.277Z", "webhookEndpoint": "http://x"}}]}"#,
            #"t.json:1:60: warning: /probes/1: probe "bad-signature" does not apply to profile "documenso" (it sends a token: use wrong-token and missing-token); it will be skipped"#,
            #"t.json:1:77: warning: /probes/2: probe "stale-timestamp" does not apply to profile "documenso" (its scheme signs no timestamp); it will be skipped"#
        ),
    ]

    @Test(arguments: rows)
    func warningsDoNotStopASuiteFromLoading(row: DiagnosticRow) throws {
        let (suite, diagnostics) = SuiteLoader.load(bytes: Array(row.text.utf8), path: "t.json")
        #expect(diagnostics.map(\.description) == row.diagnostics)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        let loaded = try #require(suite)
        #expect(loaded.warnings == diagnostics)
    }
}
