import Foundation
import Testing

/// `sign` and `verify` through the built binary, with Standard Webhooks' official vector.
struct SignVerifyEndToEndTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let environment = ["HOOKCHECK_SECRET": secret]
    static let body = #"{"test": 2432232314}"#
    static let signArguments = [
        "sign", "--profile", "standard-webhooks", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330",
    ]
    static let signedHeaders = [
        "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp: 1614265330",
        "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    ]

    static func verifyArguments(_ extra: [String]) -> [String] {
        ["verify", "--profile", "standard-webhooks"] + signedHeaders.flatMap { ["--header", $0] } + extra
    }

    @Test func signPrintsTheOfficialVector() async throws {
        let result = try await runHookcheck(args: Self.signArguments, env: Self.environment, stdin: Self.body)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.signedHeaders.joined(separator: "\n") + "\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func signReadsTheSecretFromTheNamedVariable() async throws {
        let result = try await runHookcheck(
            args: Self.signArguments + ["--secret-env", "SW_SECRET"], env: ["SW_SECRET": Self.secret],
            stdin: Self.body)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.signedHeaders[2]))
    }

    @Test func signWithoutSecretExitsTwoNamingTheVariable() async throws {
        let result = try await runHookcheck(args: Self.signArguments, env: [:], stdin: Self.body)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("HOOKCHECK_SECRET is not set"))
    }

    @Test func signRejectsUnknownProfileWithSuggestion() async throws {
        let result = try await runHookcheck(
            args: ["sign", "--profile", "standard-webhook"], env: Self.environment, stdin: Self.body)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown profile 'standard-webhook'"))
        #expect(result.stderr.contains("did you mean 'standard-webhooks'?"))
    }

    @Test(arguments: [["--now", "1614265330"], ["--tolerance", "0"], ["--now", "1614265630"]])
    func verifyAcceptsTheSignedBody(_ extra: [String]) async throws {
        let result = try await runHookcheck(
            args: Self.verifyArguments(extra), env: Self.environment, stdin: Self.body)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func verifyRejectsOneChangedByteWithAReason() async throws {
        let tampered = #"{"test": 2432232315}"#
        let result = try await runHookcheck(
            args: Self.verifyArguments(["--now", "1614265330"]), env: Self.environment, stdin: tampered)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no signature in webhook-signature matched"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.secret.dropFirst(6)))
        #expect(!result.stdout.contains(Self.secret.dropFirst(6)))
    }

    @Test func verifyRejectsAStaleTimestamp() async throws {
        let result = try await runHookcheck(
            args: Self.verifyArguments(["--now", "1614265631"]), env: Self.environment, stdin: Self.body)
        #expect(result.status == 1)
        #expect(result.stderr.contains("stale timestamp in webhook-timestamp"), "\(result.stderr)")
    }

    @Test func verifyRejectsAMalformedHeaderArgument() async throws {
        let result = try await runHookcheck(
            args: ["verify", "--profile", "standard-webhooks", "--header", "no colon here"], env: Self.environment,
            stdin: Self.body)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'--header HEADER'"), "\(result.stderr)")
    }

    @Test func githubRoundTripsThroughSignAndVerify() async throws {
        let environment = ["GH": "It's a Secret to Everybody"]
        let body = "Hello, World!"
        let signed = try await runHookcheck(
            args: ["sign", "--profile", "github", "--secret-env", "GH"], env: environment, stdin: body)
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(
            signed.stdout.contains(
                "X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"))
        let headers = signed.stdout.split(separator: "\n").flatMap { ["--header", String($0)] }
        let verified = try await runHookcheck(
            args: ["verify", "--profile", "github", "--secret-env", "GH"] + headers, env: environment, stdin: body)
        #expect(verified.status == 0, "\(verified.stderr)")
    }
}
