import Foundation
import HookCheck
import Testing

@Suite struct InitCommandTests {
    @Test(arguments: Profile.builtIn.map(\.name))
    func starterSuiteLoadsCleanlyWithOneCasePerEvent(_ name: String) async throws {
        let outcome = await runCLI(["init", "--profile", name])
        #expect(outcome.status == 0)
        let loaded = SuiteLoader.load(bytes: Array(outcome.output.utf8), path: "\(name).json")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        let suite = try #require(loaded.suite)
        let profile = try #require(Profile.named(name))
        #expect(suite.cases.count == max(profile.events.count, 1))
        for (testCase, event) in zip(suite.cases, profile.events) {
            let headers = testCase.headers
            #expect(profile.eventType(in: testCase.body, headers: headers) == event)
        }
    }

    @Test func starterSuiteNamesTheProfilesSecretVariable() async {
        let cryptlex = await runCLI(["init", "--profile", "cryptlex"])
        #expect(cryptlex.output.contains(#""env": "CRYPTLEX_WEBHOOK_SECRET""#))
        let custom = await runCLI(["init", "--profile", "github", "--secret-env", "GH_SECRET"])
        #expect(custom.output.contains(#""env": "GH_SECRET""#))
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
