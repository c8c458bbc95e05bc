import Foundation
import HookTestSupport
import Testing

/// `hookcheck check` end to end through the built binary, on the hand-made capture files.
@Suite("check command end to end")
struct CheckCommandTests {
    static let fixtures: String = PackagePaths.fixture("captures").path + "/"
    static let secret = "whsec_aG9va2NoZWNrLWZpeHR1cmUtc2VjcmV0LTMyYnl0ZXM="
    static let environment = ["ACME_WEBHOOK_SECRET": secret]

    static func reportsFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-check-e2e-\(UUID())").path
    }

    func check(_ capture: String, env: [String: String] = environment, extra: [String] = []) async throws -> (
        HookcheckResult, String
    ) {
        let reports = Self.reportsFolder()
        let result = try await runHookcheck(
            args: ["check", Self.fixtures + "acme.json", "--captures", Self.fixtures + capture, "--reports", reports]
                + extra,
            env: env)
        return (result, reports)
    }

    @Test func conformingCaptureExitsZeroAndWritesReports() async throws {
        let (result, reports) = try await check("good.jsonl")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "hookcheck: 20 passed, 0 failed, 0 errors, 0 skipped\n")
        let junit = try String(contentsOfFile: reports + "/junit.xml", encoding: .utf8)
        #expect(junit.contains(#"<testcase classname="acme sender" name="user created · retries""#))
        #expect(junit.contains(#"tests="20" failures="0" errors="0" skipped="0""#))
        #expect(FileManager.default.fileExists(atPath: reports + "/report.md"))
    }

    @Test func brokenSendersAreEachCaughtAndTheSecretNeverPrinted() async throws {
        let (result, reports) = try await check("broken.jsonl")
        #expect(result.status == 1)
        for line in [
            "FAIL user created · signature: 2 of 3 deliveries failed (seq 1, 2)",
            "FAIL user created · retries: 1 of 1 event failed (seq 9): seq 9: answered 500, never retried",
            "FAIL invoice paid · envelope: 1 of 6 deliveries failed (seq 5): seq 5: /data: expected an object",
            "FAIL invoice paid · signature: 1 of 6 deliveries failed (seq 4): seq 4: missing header webhook-signature",
            "FAIL invoice paid · timestamp: 1 of 6 deliveries failed (seq 3): seq 3: stale timestamp",
            "FAIL invoice paid · id: 2 of 6 deliveries failed (seq 7, 8)",
        ] {
            #expect(result.stderr.contains(line), "\(line)")
        }
        #expect(result.stdout.hasSuffix("hookcheck: 15 passed, 6 failed, 0 errors, 0 skipped\n"))
        let secretBody = String(Self.secret.dropFirst(6))
        for name in ["junit.xml", "report.md", "results.json"] {
            let text = try String(contentsOfFile: reports + "/" + name, encoding: .utf8)
            #expect(!text.contains(secretBody), "\(name)")
        }
        #expect(!result.stderr.contains(secretBody) && !result.stdout.contains(secretBody))
    }

    @Test func tornLastLineWarnsAndMalformedLineErrs() async throws {
        let (torn, _) = try await check("torn.jsonl")
        #expect(torn.status == 0)
        #expect(torn.stderr.contains("warning: capture file · records: line 5: torn last line"))
        let (malformed, _) = try await check("malformed.jsonl")
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("ERROR capture file · records: 1 malformed line: "))
        #expect(malformed.stderr.contains("malformed.jsonl:3:23: /receivedAt: expected an RFC 3339 date-time"))
    }

    @Test func unreadableCaptureFileExitsThreeNamingIt() async throws {
        let (result, _) = try await check("missing.jsonl")
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot open capture file '\(Self.fixtures)missing.jsonl'"))
    }

    @Test func unsetSecretVariableExitsTwoNamingIt() async throws {
        let (result, _) = try await check("good.jsonl", env: [:])
        #expect(result.status == 2)
        #expect(result.stderr.contains("environment variable ACME_WEBHOOK_SECRET is not set or empty"))
        let (overridden, _) = try await check(
            "good.jsonl", env: ["OTHER": Self.secret], extra: ["--secret-env", "OTHER"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
    }

    @Test func suiteErrorsExitTwoBeforeReadingCaptures() async throws {
        let result = try await runHookcheck(
            args: ["check", Self.fixtures + "good.jsonl", "--captures", Self.fixtures + "good.jsonl"],
            env: Self.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error:"))
    }
}
