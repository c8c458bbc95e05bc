import Foundation
import HookHTTP
import Testing

@testable import HookCheck
@testable import HookCheckCLI

/// `sign` and `verify` in-process: every signing built-in profile round-trips, and failures say why.
struct SignVerifyCommandTests {
    static let body = #"{"id":"evt_1","type":"user.created","event":"license.created","data":{"x":1}}"#
    static let environment = ["HOOKCHECK_SECRET": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]

    @Test(arguments: Profile.builtIn.map(\.name))
    func signedBodyVerifies(_ profile: String) async throws {
        let common = ["--profile", profile, "--url", "https://example.com/hooks"]
        let signed = await runCLI(
            ["sign", "--timestamp", "1700000000"] + common, environment: Self.environment, input: Self.body)
        #expect(signed.status == 0, "\(signed.errorOutput)")
        let headers = signed.output.split(separator: "\n").flatMap { ["--header", String($0)] }
        let verified = await runCLI(
            ["verify", "--now", "1700000000"] + common + headers, environment: Self.environment, input: Self.body)
        #expect(verified.status == 0, "\(verified.errorOutput)")
        #expect(verified.output == "valid\n")
    }

    @Test(arguments: Profile.builtIn.filter { !$0.scheme.authenticationHeaders.isEmpty }.map(\.name))
    func changedByteFails(_ profile: String) async throws {
        let common = ["--profile", profile, "--url", "https://example.com/hooks"]
        let signed = await runCLI(
            ["sign", "--timestamp", "1700000000"] + common, environment: Self.environment, input: Self.body)
        let headers = signed.output.split(separator: "\n").flatMap { ["--header", String($0)] }
        let tampered = Self.body.replacingOccurrences(of: "\"x\":1", with: "\"x\":2")
        let verified = await runCLI(
            ["verify", "--now", "1700000000"] + common + headers, environment: Self.environment, input: tampered)
        let scheme = try #require(Profile.named(profile)).scheme
        if scheme.isToken {
            #expect(verified.status == 0, "a token does not cover the body")
        } else {
            #expect(verified.status == 1)
            #expect(verified.errorOutput.hasPrefix("invalid: no signature in "), "\(verified.errorOutput)")
        }
        #expect(!verified.errorOutput.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
    }

    @Test func missingHeaderIsNamed() async {
        let outcome = await runCLI(
            ["verify", "--profile", "github"], environment: Self.environment, input: Self.body)
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput == "invalid: missing header X-Hub-Signature-256\n")
    }

    @Test func unknownProfileSuggests() async {
        let outcome = await runCLI(["sign", "--profile", "githb"], environment: Self.environment, input: "{}")
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.hasPrefix("error: unknown profile 'githb'; did you mean 'github'?\n"))
    }

    @Test func timestampMustBeUnixSecondsForTimestampedSchemes() async {
        let outcome = await runCLI(
            ["sign", "--profile", "stripe", "--timestamp", "yesterday"], environment: Self.environment, input: "{}")
        #expect(outcome.status == 2)
        #expect(
            outcome.errorOutput.hasPrefix("error: invalid value 'yesterday' for '--timestamp T': expected unix seconds")
        )
    }

    @Test func freshIdIsGeneratedForHeaderIds() async {
        let outcome = await runCLI(
            ["sign", "--profile", "standard-webhooks", "--timestamp", "1"], environment: Self.environment, input: "{}")
        #expect(outcome.status == 0)
        let idLine = outcome.output.split(separator: "\n").first { $0.hasPrefix("webhook-id: msg_") }
        #expect(idLine?.count == "webhook-id: msg_".count + 27)
    }

    @Test func defaultTimestampIsNow() async {
        let output = CapturedOutput()
        let console = Console(output: output, errorOutput: CapturedOutput(), environment: [:])
        let status = await HookCheckCLI.main(
            arguments: ["sign", "--profile", "stripe"], environment: Self.environment, standardInput: .text("{}"),
            console: console, now: { Date(timeIntervalSince1970: 1_234_567_890) })
        #expect(status == 0)
        #expect(output.text.hasPrefix("Stripe-Signature: t=1234567890,v1="))
    }

    @Test(arguments: [
        ("no colon", "header 1 has no ':'; expected 'Name: value'"),
        (": value", "header 1 has an invalid name ''; expected 'Name: value'"),
        ("Bad Name: v", "header 1 has an invalid name 'Bad Name'; expected 'Name: value'"),
    ])
    func malformedHeaderArguments(_ argument: String, _ message: String) {
        #expect(throws: CLIError.rejectedValue(synopsis: "--header HEADER", message: message)) {
            try VerifyCommand.headers([argument])
        }
    }

    @Test func headerArgumentsKeepOrderCaseAndDuplicates() throws {
        let headers = try VerifyCommand.headers(["X-A: 1", "x-a:2", "B:  spaced value  ", "C:"])
        #expect(headers.fields.map(\.name) == ["X-A", "x-a", "B", "C"])
        #expect(headers.fields.map(\.value) == ["1", "2", "spaced value", ""])
    }

    @Test func profilesTableListsEveryBuiltIn() async {
        let outcome = await runCLI(["profiles"])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("profile") == true)
        #expect(lines.count == Profile.builtIn.count + 1)
        #expect(outcome.output.contains("hmac X-Hub-Signature-256"))
    }
}
