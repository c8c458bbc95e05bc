import Foundation
import HookHTTP
import HookTestSupport
import Synchronization
import Testing

@testable import HookCheck
@testable import HookCheckCLI

/// `hookcheck run` through the built binary, against receivers served by this test process.
@Suite("hookcheck run")
struct RunCommandTests {
    static let secret = "e2e-github-secret"

    /// A GitHub suite with two cases, written to a fresh folder.
    static func writeSuite(in folder: URL, extra: String = "") throws -> String {
        let path = folder.appendingPathComponent("github.json").path
        let suite = """
            {
              "suite": "GitHub e2e",
              "profile": "github",
              "secret": {"env": "E2E_GITHUB_SECRET"},\(extra)
              "cases": [
                {"name": "ping", "headers": {"X-GitHub-Event": "ping"}, "body": {"zen": "Speak like a human.", "hook_id": 1}},
                {"name": "push", "headers": {"X-GitHub-Event": "push"}, "body": {"ref": "refs/heads/main", "size": 1}}
              ]
            }
            """
        try Data(suite.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Serves `handler` on 127.0.0.1 port 0 for the duration of `body`.
    static func serving<T: Sendable>(
        _ handler: @escaping HTTPServer.Handler, run body: (String) async throws -> T
    ) async throws -> T {
        let server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0), handler: handler)
        try await server.start()
        do {
            let value = try await body(server.address)
            await server.shutdown(gracePeriod: .seconds(1))
            return value
        } catch {
            await server.shutdown(gracePeriod: .seconds(1))
            throw error
        }
    }

    /// A correct GitHub receiver: 401 without a valid signature, 400 for a body that is not JSON, else 204.
    static let correctReceiver: HTTPServer.Handler = { request in
        let profile = Profile.named("github") ?? Profile(name: "github")
        let verification = profile.scheme.verify(
            headers: request.headers, body: request.body, secret: secret, now: Date())
        guard verification.isValid else { return HTTPResponse(status: 401) }
        guard (try? JSONParser.parse(request.body)) != nil else { return HTTPResponse(status: 400) }
        return HTTPResponse(status: 204)
    }

    @Test func correctReceiverRunsGreenAndWritesReports() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try Self.writeSuite(in: folder)
        let result = try await Self.serving(Self.correctReceiver) { base in
            try await runHookcheck(
                args: ["run", suite, "--target", base + "/hooks", "--concurrency", "4", "--reports", folder.path],
                env: ["E2E_GITHUB_SECRET": Self.secret])
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("hookcheck: 18 passed, 0 failed, 0 errors, 0 skipped\n"))
        #expect(result.stdout.contains("latency: p50 "))
        #expect(result.stderr.contains("PASS  GitHub e2e › ping · valid ("))
        #expect(!result.stderr.contains("stale-timestamp"), "a probe that cannot apply to github is not a result")
        let junit = try String(contentsOfFile: folder.path + "/junit.xml", encoding: .utf8)
        #expect(junit.contains(#"name="ping · bad-signature""#))
        #expect(!junit.contains(Self.secret))
        let markdown = try String(contentsOfFile: folder.path + "/report.md", encoding: .utf8)
        #expect(!markdown.contains(Self.secret))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/results.json"))
    }

    @Test func receiverAcceptingEverythingFailsTheRejectionProbes() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try Self.writeSuite(in: folder)
        let acceptAll: HTTPServer.Handler = { _ in HTTPResponse(status: 200) }
        let result = try await Self.serving(acceptAll) { base in
            try await runHookcheck(
                args: ["run", suite, "--target", base, "--only", "ping · *", "--reports", folder.path],
                env: ["E2E_GITHUB_SECRET": Self.secret])
        }
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("hookcheck: 4 passed, 5 failed, 0 errors, 0 skipped\n"))
        #expect(
            result.stderr.contains(
                "FAIL  GitHub e2e › ping · bad-signature (")
                && result.stderr.contains(
                    "answered 200 (a success status) to a delivery signed with a wrong secret: expected 4xx, got 200")
        )
        #expect(!result.stderr.contains("push ·"))
    }

    @Test func refusedTargetGivesErrorResultsNotACrash() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try Self.writeSuite(in: folder)
        let acceptAll: HTTPServer.Handler = { _ in HTTPResponse(status: 200) }
        let address = try await Self.serving(acceptAll) { $0 }
        let result = try await runHookcheck(
            args: ["run", suite, "--target", address, "--shard", "2/2", "--reports", folder.path],
            env: ["E2E_GITHUB_SECRET": Self.secret])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("hookcheck: 0 passed, 0 failed, 9 errors, 0 skipped\n"))
        #expect(result.stderr.contains("ERROR GitHub e2e › push · valid ("))
        #expect(result.stderr.contains("connection refused by 127.0.0.1:"))
    }

    @Test func missingSecretForAnExternalTargetStopsBeforeSending() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try Self.writeSuite(in: folder)
        let result = try await runHookcheck(
            args: ["run", suite, "--target", "http://127.0.0.1:9/", "--reports", folder.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: suite 'GitHub e2e': environment variable E2E_GITHUB_SECRET is not set or empty"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/junit.xml"))
    }

    @Test func suiteErrorsStopBeforeSending() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try Self.writeSuite(in: folder, extra: #" "expect": "fast","#)
        let result = try await runHookcheck(
            args: ["run", suite, "--target", "http://127.0.0.1:9/"], env: ["E2E_GITHUB_SECRET": Self.secret])
        #expect(result.status == 2)
        #expect(result.stderr.contains("github.json:"))
        #expect(result.stderr.contains("error: suite errors: nothing was sent"))
    }

    @Test func invalidTargetIsAUsageError() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = try Self.writeSuite(in: folder)
        let result = try await runHookcheck(
            args: ["run", suite, "--target", "ftp://example.com/"], env: ["E2E_GITHUB_SECRET": Self.secret])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: --target URL: invalid URL 'ftp://example.com/': scheme 'ftp'"))
    }

    @Test
    func noTargetRunsTheBundledSuitesAgainstTheReferenceReceiver() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The bundled suites, with the providers' response deadlines (Slack's 3 s) widened: this test is about
        // correctness, and a loaded test machine can be slow to answer a first request.
        let suites = folder.appendingPathComponent("suites")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        let bundled = SuiteFixturesPath.repositoryRoot + "/Suites"
        for file in try FileManager.default.contentsOfDirectory(atPath: bundled) where file.hasSuffix(".json") {
            let text = try String(contentsOfFile: bundled + "/" + file, encoding: .utf8)
            let widened = text.replacingOccurrences(
                of: #""within": [0-9.]+"#, with: #""within": 60"#, options: .regularExpression)
            try widened.write(to: suites.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        // The GitHub suite names its schemas in Suites/schemas.
        try FileManager.default.copyItem(atPath: bundled + "/schemas", toPath: suites.path + "/schemas")
        let result = try await runHookcheck(
            args: ["run", suites.path, "--concurrency", "8", "--reports", folder.path], timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("no target given: using the built-in reference receiver at http://127.0.0.1:"))
        #expect(result.stdout.contains(" 0 failed, 0 errors"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/junit.xml"))
    }
}

/// Where the repository is, from this file's path.
enum SuiteFixturesPath {
    static var repositoryRoot: String { PackagePaths.root.path }
}
