import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// One row of the routing table: a delivery and where it must go.
struct RouteRow: CustomTestStringConvertible, Sendable {
    let label: String
    let suite: String
    let body: String?
    let headers: [String]
    /// The case name routed to, or `nil` for none.
    let caseName: String?
    let fits: Bool
    /// A fragment of the first mismatch, for closest routes.
    let mismatch: String?
    var testDescription: String { label }

    init(
        _ label: String, suite: String, body: String?, headers: [String] = [], to caseName: String?, fits: Bool = true,
        mismatch: String? = nil
    ) {
        self.label = label
        self.suite = suite
        self.body = body
        self.headers = headers
        self.caseName = caseName
        self.fits = fits
        self.mismatch = mismatch
    }
}

@Suite("Case routing: one rule for listen and check")
struct CaseRouterTests {
    static let suites: [String: String] = [
        "paid": """
        {"suite": "s", "profile": "standard-webhooks",
         "cases": [
           {"name": "big", "body": {"type": "paid", "data": {"n": 1}}, "match": {"data": {"n": {"$min": 100}}}},
           {"name": "any", "body": {"type": "paid", "data": {"n": 1}}},
           {"name": "refund", "body": {"type": "refunded", "data": {"id": "r_1"}}}
         ]}
        """,
        "slack": """
        {"suite": "s", "profile": "slack",
         "cases": [
           {"name": "url_verification", "body": {"type": "url_verification", "challenge": "c"}},
           {"name": "mention", "body": {"type": "event_callback", "event": {"type": "app_mention", "text": "hi"}}},
           {"name": "message", "body": {"type": "event_callback", "event": {"type": "message", "text": "hi"}}}
         ]}
        """,
        "github": """
        {"suite": "s", "profile": "github",
         "cases": [
           {"name": "opened", "headers": {"X-GitHub-Event": "issues"},
            "body": {"action": "opened", "issue": {"number": 1}}, "match": {"action": "opened"}},
           {"name": "closed", "headers": {"X-GitHub-Event": "issues"},
            "body": {"action": "closed", "issue": {"number": 1}}, "match": {"action": "closed"}}
         ]}
        """,
    ]

    static let rows: [RouteRow] = [
        RouteRow(
            "match picks the first fitting case", suite: "paid", body: #"{"type":"paid","data":{"n":500}}"#, to: "big"),
        RouteRow(
            "a later case when the first's match fails", suite: "paid", body: #"{"type":"paid","data":{"n":5}}"#,
            to: "any"),
        RouteRow(
            "fitting no case of its event: the closest, with the mismatch", suite: "paid",
            body: #"{"type":"paid","data":{"n":"5"}}"#, to: "any", fits: false, mismatch: "/data/n: expected a number"),
        RouteRow(
            "one case of its event, shape missed: that case, not fitting", suite: "paid", body: #"{"type":"refunded"}"#,
            to: "refund", fits: false, mismatch: "/data: expected an object"),
        RouteRow("an event no case has", suite: "paid", body: #"{"type":"disputed","data":{}}"#, to: nil),
        RouteRow("no body", suite: "paid", body: nil, to: nil),
        RouteRow(
            "Slack: sub-event message", suite: "slack",
            body: #"{"type":"event_callback","event":{"type":"message","text":"x"}}"#, to: "message"),
        RouteRow(
            "Slack: sub-event app_mention", suite: "slack",
            body: #"{"type":"event_callback","event":{"type":"app_mention","text":"x"}}"#, to: "mention"),
        RouteRow(
            "Slack: a sub-event no case has", suite: "slack",
            body: #"{"type":"event_callback","event":{"type":"reaction_added"}}"#, to: nil),
        RouteRow(
            "Slack: an event without sub-event rule", suite: "slack",
            body: #"{"type":"url_verification","challenge":"z"}"#,
            to: "url_verification"),
        RouteRow(
            "GitHub issues closed", suite: "github", body: #"{"action":"closed","issue":{"number":7}}"#,
            headers: ["X-GitHub-Event: issues"], to: "closed"),
        RouteRow(
            "GitHub issues opened", suite: "github", body: #"{"action":"opened","issue":{"number":7}}"#,
            headers: ["X-GitHub-Event: issues"], to: "opened"),
        RouteRow(
            "GitHub issues reopened: closest is the first of equals", suite: "github",
            body: #"{"action":"reopened","issue":{"number":7}}"#, headers: ["X-GitHub-Event: issues"], to: "opened",
            fits: false, mismatch: #"/action: expected "opened", found "reopened""#),
    ]

    @Test(arguments: rows)
    func deliveryGoesToTheFirstFittingCaseElseTheClosest(row: RouteRow) throws {
        let suite = try #require(
            SuiteLoader.load(bytes: Array((Self.suites[row.suite] ?? "").utf8), path: "s.json").suite)
        let router = CaseRouter(suite: suite)
        var headers = HTTPHeaders()
        for line in row.headers {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            headers.add(name: parts[0], value: parts[1])
        }
        let envelope = row.body.map(SuiteFixtures.json)
        let route = router.route(envelope: envelope, headers: headers)
        #expect(route.map { suite.cases[$0.caseIndex].name } == row.caseName)
        if let route {
            #expect(route.fits == row.fits)
            if let fragment = row.mismatch {
                #expect(route.mismatches.first?.description.contains(fragment) == true, "\(route.mismatches)")
            }
        }
    }
}
