import Foundation
import Testing

/// `hookcheck init --openapi` through the built binary: a small OpenAPI 3.1 document with two webhooks
/// becomes a suite that validates and runs green against the reference receiver, and whose schemas fail
/// a delivery that breaks them.
@Suite("init --openapi, end to end")
struct InitOpenAPIEndToEndTests {
    static let document = SuiteFixturesPath.repositoryRoot + "/Tests/Fixtures/openapi/acme-3.1.json"
    static let secret = "whsec_" + Data("hookcheck-openapi-test-secret-32".utf8).base64EncodedString()

    @Test func writesASuiteThatValidatesAndRunsGreen() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = folder.path + "/acme.json"
        let written = try await runHookcheck(
            args: ["init", "--openapi", Self.document, "--profile", "standard-webhooks", "--out", suite])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("2 cases from the webhooks of"))
        let text = try String(contentsOfFile: suite, encoding: .utf8)
        #expect(text.contains(##""$ref": "#/$defs/UserCreated""##))
        #expect(text.contains(#""Event": {"#), "components refs gathered into $defs")
        let validated = try await runHookcheck(args: ["validate", suite])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(!validated.stderr.contains("breaks its schema"), "\(validated.stderr)")
        let run = try await runHookcheck(
            args: ["run", suite, "--reports", folder.path + "/reports"], env: ["STANDARD_WEBHOOKS_SECRET": Self.secret],
            timeout: 120)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains(" 0 failed, 0 errors"))
    }

    @Test func withoutAProfileOrWebhooksItSaysWhat() async throws {
        let missing = try await runHookcheck(args: ["init", "--openapi", Self.document])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--openapi needs the profile"))
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.path + "/empty.json"
        try Data(#"{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}"#.utf8)
            .write(to: URL(fileURLWithPath: empty))
        let none = try await runHookcheck(args: ["init", "--openapi", empty, "--profile", "standard-webhooks"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("no /webhooks"), "\(none.stderr)")
    }
}
