import Foundation
import HookHTTP
import Testing

@testable import HookCheck

@Suite("Response rules")
struct ResponseRuleTests {
    static func load(_ json: String) -> (suite: Suite?, diagnostics: [Diagnostic]) {
        SuiteLoader.load(bytes: Array(json.utf8), path: "s.json")
    }

    static func suite(expect: String, match: String = "{}") -> String {
        """
        {"suite": "s", "profile": "slack", "secret": {"env": "X"}, "cases": [{"name": "url_verification",
         "body": {"type": "url_verification", "challenge": "abc"}, "match": \(match), "expect": \(expect)}]}
        """
    }

    static let slackEcho = """
        {"response": {"headers": {"Content-Type": {"$regex": "^(text/plain|application/json)"}},
          "body": {"$anyOf": [{"$request": "/challenge"}, {"challenge": {"$request": "/challenge"}}]}}}
        """

    struct Answer: Sendable, CustomTestStringConvertible {
        let contentType: String
        let body: String
        let conforms: Bool
        var testDescription: String { "\(contentType) \(body) → \(conforms)" }
    }

    static let answers: [Answer] = [
        Answer(contentType: "text/plain", body: "fresh-challenge", conforms: true),
        Answer(contentType: "application/json", body: #"{"challenge":"fresh-challenge"}"#, conforms: true),
        Answer(contentType: "application/json", body: #"{"challenge":"fresh-challenge","ok":true}"#, conforms: true),
        Answer(contentType: "text/plain", body: "ok", conforms: false),
        Answer(contentType: "application/json", body: #"{"challenge":"abc"}"#, conforms: false),
        Answer(contentType: "text/html", body: "fresh-challenge", conforms: false),
        Answer(contentType: "text/plain", body: "", conforms: false),
    ]

    @Test(arguments: answers)
    func theSlackEchoRuleJudgesTheAnswerAgainstTheChallengeSent(_ answer: Answer) throws {
        let (suite, diagnostics) = Self.load(Self.suite(expect: Self.slackEcho))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let rule = try #require(suite?.cases.first?.expect.response)
        let response = HTTPResponse(
            status: 200, headers: [("Content-Type", answer.contentType)], body: Array(answer.body.utf8))
        let sent = Array(#"{"type":"url_verification","challenge":"fresh-challenge"}"#.utf8)
        let mismatches = rule.mismatches(in: response, requestBody: sent)
        #expect(mismatches.isEmpty == answer.conforms, "\(mismatches)")
    }

    @Test func aFailingRuleFailsTheValidProbeWithTheMismatch() throws {
        let (suite, _) = Self.load(Self.suite(expect: Self.slackEcho))
        let expectation = try #require(suite?.cases.first?.expect)
        let delivery = Delivery(
            method: "POST", url: "http://127.0.0.1:1/", headers: [],
            body: Array(#"{"type":"url_verification","challenge":"c-1"}"#.utf8))
        let exchange = Exchange(
            delivery: delivery, sentAt: Date(), latency: .milliseconds(1),
            outcome: .success(
                HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Array("ok".utf8))))
        guard
            case .failed(let message, _, let found) = ProbeJudge.judge(
                [exchange], probe: .valid, expectation: expectation)
        else {
            Issue.record("an accept-everything answer must fail the echo rule")
            return
        }
        #expect(message.contains("response rule") && message.contains("/body"))
        #expect(found == #""ok""#)
        // Probes of other events are not held to the case's answer.
        #expect(ProbeJudge.judge([exchange], probe: .unknownEvent, expectation: expectation) == .passed)
    }

    @Test func requestReferencesAreOnlyAllowedInResponseRules() {
        let (suite, diagnostics) = Self.load(
            Self.suite(expect: "{}", match: #"{"challenge": {"$request": "/challenge"}}"#))
        #expect(suite == nil)
        #expect(diagnostics.contains { $0.isError && $0.description.contains("response rule") })
    }

    @Test func badResponseRulesAreLocatedErrors() {
        let (_, diagnostics) = Self.load(Self.suite(expect: #"{"response": {"body": {"$anyOf": []}}}"#))
        #expect(diagnostics.contains { $0.isError && $0.description.contains("/cases/0/expect/response/body/$anyOf") })
        let (_, typo) = Self.load(Self.suite(expect: #"{"response": {"bdy": 1}}"#))
        #expect(typo.contains { !$0.isError && $0.description.contains("did you mean \"body\"") })
    }

    @Test func theReferenceReceiverEchoesSlacksChallenge() async throws {
        let receiver = ReferenceReceiver.builtIn(configuration: .init(now: { Date() }))
        let slack = try #require(Profile.named("slack"))
        let secret = ReceiverRoute.defaultSecret(for: slack)
        let suiteCase = SuiteCase(
            name: "url_verification",
            body: .object(JSONObject([("type", .string("url_verification")), ("challenge", .string("ch-42"))])))
        let delivery = try DeliveryBuilder(profile: slack, secret: secret).deliveries(
            for: suiteCase, probe: .valid, target: receiver.url(for: "/slack"))[0]
        var request = HTTPRequest(method: HTTPMethod(delivery.method), target: "/slack", headers: delivery.headers)
        request.body = delivery.body
        let response = await receiver.handle(request)
        #expect(response.status == 200)
        let sent = try JSONParser.parse(delivery.body)["challenge"]
        #expect(sent != .string("ch-42"), "run sends a fresh challenge")
        #expect(try JSONParser.parse(response.body)["challenge"] == sent)
        #expect(slack.handshake?.responseRule.mismatches(in: response, requestBody: delivery.body) == [])
    }
}
