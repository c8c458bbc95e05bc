import Foundation
import HookCheck
import Testing

/// The bundled GitHub suite names GitHub's published schemas (Suites/schemas/github, octokit/webhooks) for
/// every case, and its real bodies pass them.
@Suite("Bundled schemas")
struct BundledSchemaTests {
    static let githubSuite = SuiteFixtures.repositoryRoot + "/Suites/github.json"

    @Test func everyGitHubCaseHasItsEventsSchemaAndItsBodyPassesIt() throws {
        let (suite, diagnostics) = SuiteLoader.load(path: Self.githubSuite)
        let loaded = try #require(suite, "\(diagnostics.map(\.description))")
        let schemaWarnings = diagnostics.filter { $0.message.contains("schema") }.map(\.description)
        #expect(schemaWarnings.isEmpty, "\(schemaWarnings)")
        for suiteCase in loaded.cases {
            let schema = try #require(suiteCase.schema, "\(suiteCase.name) has no schema")
            let failures = schema.compiled.validate(suiteCase.body)
            #expect(failures.isEmpty, "\(suiteCase.name): \(failures.prefix(3).map(\.description))")
        }
    }

    @Test func aGitHubBodyMissingARequiredFieldFailsItsSchema() throws {
        let loaded = try #require(SuiteLoader.load(path: Self.githubSuite).suite)
        let issues = try #require(loaded.cases.first { $0.name == "issues" })
        var body = issues.body
        guard case .object(var object) = body, case .object(var issue)? = object["issue"] else {
            Issue.record("the issues body has no issue object")
            return
        }
        issue["number"] = .string("1347")
        object["issue"] = .object(issue)
        object["sender"] = nil
        body = .object(object)
        let failures = try #require(issues.schema).compiled.validate(body)
        let pairs = failures.map { "\($0.instanceLocation) \($0.keywordLocation)" }
        #expect(pairs.contains("/issue/number /$ref/properties/issue/allOf/0/$ref/properties/number/type"), "\(pairs)")
        #expect(pairs.contains(" /$ref/required"), "\(pairs)")
    }
}
