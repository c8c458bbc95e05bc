import Foundation
import Testing

@testable import HookCheck
@testable import HookCheckCLI

@Suite struct InitCommandTests {
    @Test(arguments: Profile.builtIn.map(\.name))
    func starterSuiteIsTheBundledSuiteOfTheProfile(_ name: String) async throws {
        let outcome = await runCLI(["init", "--profile", name])
        #expect(outcome.status == 0)
        let loaded = SuiteLoader.load(bytes: Array(outcome.output.utf8), path: "\(name).json")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        let starter = try #require(loaded.suite)
        let bundled = try #require(
            SuiteLoader.loadAll(paths: [SuiteFixtures.repositoryRoot + "/Suites"]).suites.first {
                $0.profile.name == name
            })
        #expect(starter.secret == bundled.secret)
        #expect(starter.cases.map(\.name) == bundled.cases.map(\.name))
        for (mine, theirs) in zip(starter.cases, bundled.cases) {
            #expect(mine.body == theirs.body, "\(name): \(mine.name)")
            #expect(mine.headers == theirs.headers, "\(name): \(mine.name)")
        }
    }

    @Test(arguments: [
        ("slack", "SLACK_SIGNING_SECRET"), ("standard-webhooks", "STANDARD_WEBHOOKS_SECRET"),
        ("stripe", "STRIPE_WEBHOOK_SECRET"), ("github", "GITHUB_WEBHOOK_SECRET"),
    ])
    func starterSuiteNamesTheBundledSuitesSecretVariable(_ name: String, _ variable: String) async {
        let outcome = await runCLI(["init", "--profile", name])
        #expect(outcome.output.contains(#""env": "\#(variable)""#))
    }

    @Test func starterCaseNamesKeepTheEventNamesVerbatim() async throws {
        let outcome = await runCLI(["init", "--profile", "stripe"])
        let suite = try #require(SuiteLoader.load(bytes: Array(outcome.output.utf8), path: "stripe.json").suite)
        let names = suite.cases.map(\.name)
        #expect(names.contains("payment_intent.succeeded"))
        #expect(!names.contains { $0.contains(" ") && !$0.contains("(") })
    }

    @Test func starterSuiteNamesTheProfilesSecretVariable() async {
        let cryptlex = await runCLI(["init", "--profile", "cryptlex"])
        #expect(cryptlex.output.contains(#""env": "CRYPTLEX_WEBHOOK_SECRET""#))
        let custom = await runCLI(["init", "--profile", "github", "--secret-env", "GH_SECRET"])
        #expect(custom.output.contains(#""env": "GH_SECRET""#))
        #expect(!custom.output.contains("GITHUB_WEBHOOK_SECRET"))
        let unsigned = await runCLI(["init", "--profile", "clarityflow"])
        #expect(!unsigned.output.contains("\"secret\""))
    }

    @Test func initWritesTheFileAndRefusesToOverwriteIt() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hookcheck-init-\(UUID().uuidString)/suite.json").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let first = await runCLI(["init", "--profile", "documenso", "--out", path])
        #expect(first.status == 0)
        #expect(first.errorOutput.contains("14 cases"))
        #expect(FileManager.default.fileExists(atPath: path))
        let second = await runCLI(["init", "--profile", "documenso", "--out", path])
        #expect(second.status == 2)
        #expect(second.errorOutput.contains("--force"))
        let forced = await runCLI(["init", "--profile", "documenso", "--out", path, "--force"])
        #expect(forced.status == 0)
    }

    @Test func initSuggestsTheClosestProfile() async {
        let outcome = await runCLI(["init", "--profile", "cryptlx"])
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.contains("cryptlex"))
    }
}
