import Foundation
import Testing

/// `validate` and `profiles` through the built binary.
struct ValidateEndToEndTests {
    /// A fresh folder holding `files` (name → contents).
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test func duplicateKeyNamesBothPositionsAndExitsTwo() async throws {
        let directory = try folder(["dup.json": "{\n  \"suite\": \"a\",\n  \"suite\": \"b\",\n  \"cases\": []\n}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dup.json").path
        let result = try await runHookcheck(args: ["validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):3:3: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("2:3"), "\(result.stderr)")
    }

    @Test func validSuiteExitsZeroWithASummary() async throws {
        let suite = """
            {"suite": "ok", "profile": "github", "secret": {"env": "GH_SECRET"},
             "cases": [{"name": "push", "body": {"ref": "refs/heads/main"}, "headers": {"X-GitHub-Event": "push"}}]}
            """
        let directory = try folder(["ok.json": suite])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await runHookcheck(args: ["validate", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 suite"), "\(result.stdout)")
    }

    @Test func missingFileExitsTwo() async throws {
        let result = try await runHookcheck(args: ["validate", "/nonexistent/suite.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/suite.json"))
    }

    @Test func profilesListsTheBuiltIns() async throws {
        let result = try await runHookcheck(args: ["profiles"])
        #expect(result.status == 0)
        for name in [
            "ironclad-clickwrap", "clarityflow", "iinked-sign", "cryptlex", "documenso", "standard-webhooks", "github",
            "stripe", "slack", "shopify",
        ] {
            #expect(result.stdout.contains(name), "\(name) missing")
        }
    }
}
