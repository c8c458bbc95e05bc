import Foundation
import HookHTTP
import Testing

@testable import HookCheck
@testable import HookCheckCLI

/// Decoding each command's `Options` from argument arrays: defaults, every option, and one bad value each.
@Suite struct CommandOptionsTests {
    private func parse(_ arguments: [String], _ specs: [OptionSpec], _ positionals: [ArgumentSpec] = [])
        throws(CLIError) -> ParsedArguments
    {
        try CommandLineParser.parse(arguments, options: specs, positionals: positionals)
    }

    /// The message of the error `body` throws, or `nil` when it throws none.
    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: - sign

    @Test func sign_Defaults() throws {
        let options = try SignCommand.Options(decoding: parse(["--profile", "github"], SignCommand.Options.specs))
        #expect(options.profile.name == "github")
        #expect(options.id == nil)
        #expect(options.timestamp == nil)
        #expect(options.url == "")
        #expect(options.method == "POST")
        #expect(options.secretVariable == "HOOKCHECK_SECRET")
    }

    @Test func sign_EveryOption() throws {
        let arguments = [
            "--profile", "standard-webhooks", "--id", "msg_1", "--timestamp", "1700000000", "--url",
            "http://127.0.0.1/h", "--method", "PUT", "--secret-env", "MY_SECRET",
        ]
        let options = try SignCommand.Options(decoding: parse(arguments, SignCommand.Options.specs))
        #expect(options.profile.name == "standard-webhooks")
        #expect(options.id == "msg_1")
        #expect(options.timestamp == "1700000000")
        #expect(options.url == "http://127.0.0.1/h")
        #expect(options.method == "PUT")
        #expect(options.secretVariable == "MY_SECRET")
    }

    @Test(arguments: [
        (
            ["--profile", "standard-webhooks", "--timestamp", "soon"],
            "invalid value 'soon' for '--timestamp T': expected unix seconds"
        ),
        (["--profile", "githb"], "unknown profile 'githb'; did you mean 'github'?"),
    ])
    func sign_BadValue(_ arguments: [String], _ expected: String) throws {
        let parsed = try parse(arguments, SignCommand.Options.specs)
        #expect(message { _ = try SignCommand.Options(decoding: parsed) } == expected)
    }

    // MARK: - verify

    @Test func verify_Defaults() throws {
        let options = try VerifyCommand.Options(decoding: parse(["--profile", "github"], VerifyCommand.Options.specs))
        #expect(options.profile.name == "github")
        #expect(options.headers.isEmpty)
        #expect(options.url == "")
        #expect(options.method == "POST")
        #expect(options.now == nil)
        #expect(options.tolerance == nil)
        #expect(options.secretVariable == "HOOKCHECK_SECRET")
    }

    @Test func verify_EveryOption() throws {
        let arguments = [
            "--profile", "stripe", "--header", "Stripe-Signature: t=1,v1=ab", "--header", "X-A:  b ", "--url",
            "http://127.0.0.1/h", "--method", "PATCH", "--now", "1700000000", "--tolerance", "0", "--secret-env",
            "STRIPE_SECRET",
        ]
        let options = try VerifyCommand.Options(decoding: parse(arguments, VerifyCommand.Options.specs))
        #expect(options.profile.name == "stripe")
        #expect(options.headers.map(\.name) == ["Stripe-Signature", "X-A"])
        #expect(options.headers.map(\.value) == ["t=1,v1=ab", "b"])
        #expect(options.url == "http://127.0.0.1/h")
        #expect(options.method == "PATCH")
        #expect(options.now == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(options.tolerance == 0)
        #expect(options.secretVariable == "STRIPE_SECRET")
    }

    @Test(arguments: [
        (
            ["--profile", "github", "--now", "-5"],
            "invalid value '-5' for '--now T': expected an integer of at least 0"
        ),
        (
            ["--profile", "github", "--tolerance", "1.5"],
            "invalid value '1.5' for '--tolerance S': expected an integer of at least 0"
        ),
        (
            ["--profile", "github", "--header", "no colon"],
            "'--header HEADER': header 1 has no ':'; expected 'Name: value'"
        ),
    ])
    func verify_BadValue(_ arguments: [String], _ expected: String) throws {
        let parsed = try parse(arguments, VerifyCommand.Options.specs)
        #expect(message { _ = try VerifyCommand.Options(decoding: parsed) } == expected)
    }

    // MARK: - validate

    @Test func validate_KeepsThePathsInOrder() throws {
        let parsed = try parse(
            ["b.json", "Suites/", "a.json"], ValidateCommand.Options.specs, ValidateCommand.Options.arguments)
        #expect(ValidateCommand.Options(decoding: parsed).paths == ["b.json", "Suites/", "a.json"])
    }

    @Test func validate_RejectsAnyOption() {
        #expect(throws: CLIError.self) {
            try parse(["--strict", "a.json"], ValidateCommand.Options.specs, ValidateCommand.Options.arguments)
        }
    }

    // MARK: - init

    @Test func init_Defaults() throws {
        let options = try InitCommand.Options(decoding: parse(["--profile", "slack"], InitCommand.Options.specs))
        guard case .bundled(let profile) = options.source else {
            Issue.record("expected the bundled suite, got \(options.source)")
            return
        }
        #expect(profile.name == "slack")
        #expect(options.secretVariable == nil)
        #expect(options.outputPath == nil)
        #expect(!options.overwrites)
    }

    @Test func init_EveryOption() throws {
        let arguments = [
            "--profile", "stripe", "--from-captures", "c.jsonl", "--openapi", "o.json", "--out", "s.json",
            "--secret-env", "STRIPE_SECRET", "--force",
        ]
        let options = try InitCommand.Options(decoding: parse(arguments, InitCommand.Options.specs))
        // --from-captures wins over --openapi, as before.
        guard case .captures(let path, let profile) = options.source else {
            Issue.record("expected captures, got \(options.source)")
            return
        }
        #expect(path == "c.jsonl")
        #expect(profile?.name == "stripe")
        #expect(options.secretVariable == "STRIPE_SECRET")
        #expect(options.outputPath == "s.json")
        #expect(options.overwrites)
    }

    @Test func init_CapturesWithoutProfile() throws {
        let options = try InitCommand.Options(
            decoding: parse(["--from-captures", "c.jsonl"], InitCommand.Options.specs))
        guard case .captures("c.jsonl", nil) = options.source else {
            Issue.record("expected captures with no profile, got \(options.source)")
            return
        }
    }

    @Test func init_OpenAPI() throws {
        let arguments = ["--openapi", "o.json", "--profile", "standard-webhooks"]
        let options = try InitCommand.Options(decoding: parse(arguments, InitCommand.Options.specs))
        guard case .openAPI("o.json", let profile) = options.source else {
            Issue.record("expected an OpenAPI document, got \(options.source)")
            return
        }
        #expect(profile.name == "standard-webhooks")
    }

    @Test(arguments: [
        ([], "'--profile NAME': missing: name a built-in profile, or pass --from-captures FILE"),
        (["--openapi", "o.json"], "'--profile NAME': missing: --openapi needs the profile the webhooks are sent with"),
        (["--profile", "strip"], "unknown profile 'strip'; did you mean 'stripe'?"),
    ])
    func init_BadValue(_ arguments: [String], _ expected: String) throws {
        let parsed = try parse(arguments, InitCommand.Options.specs)
        #expect(message { _ = try InitCommand.Options(decoding: parsed) } == expected)
    }

    // MARK: - replay

    @Test func replay_Defaults() throws {
        let parsed = try parse(
            ["c.jsonl", "--suite", "s.json"], ReplayCommand.Options.specs, ReplayCommand.Options.arguments)
        let options = try ReplayCommand.Options(decoding: parsed)
        #expect(options.suitePath == "s.json")
        #expect(options.capturePath == "c.jsonl")
        #expect(options.probes == [.valid])
        #expect(options.target == nil)
        #expect(options.send == SendOptions(concurrency: 1, repeatCount: 1, timeout: nil, only: nil, shard: .all))
        #expect(options.lookup == SecretLookup(variable: nil))
        #expect(options.reports == ReportDestinations())
    }

    @Test func replay_EveryOption() throws {
        let arguments = [
            "c.jsonl", "--suite", "s.json", "--target", "http://127.0.0.1:9/h", "--only", "*#1*", "--probes",
            "valid, reformatted-json,valid", "--concurrency", "4", "--timeout", "2.5", "--secret-env", "S",
            "--junit", "j.xml", "--markdown", "m.md", "--json", "r.json",
        ]
        let parsed = try parse(arguments, ReplayCommand.Options.specs, ReplayCommand.Options.arguments)
        let options = try ReplayCommand.Options(decoding: parsed)
        #expect(options.probes == [.valid, .reformattedJSON])
        #expect(options.target == "http://127.0.0.1:9/h")
        #expect(
            options.send
                == SendOptions(
                    concurrency: 4, repeatCount: 1, timeout: .milliseconds(2500), only: GlobPattern("*#1*"),
                    shard: .all))
        #expect(options.lookup == SecretLookup(variable: "S"))
        #expect(options.reports == ReportDestinations(junit: "j.xml", markdown: "m.md", json: "r.json"))
    }

    @Test(arguments: [
        (
            ["--probes", "valid,replya"],
            "'--probes LIST': unknown probe 'replya' (did you mean \"replay\"?); probes: "
                + ProbeKind.allCases.map(\.rawValue).joined(separator: ", ")
        ),
        (["--probes", " , "], "'--probes LIST': no probe named"),
        (["--concurrency", "0"], "invalid value '0' for '--concurrency N': expected an integer from 1 to 1024"),
    ])
    func replay_BadValue(_ extra: [String], _ expected: String) throws {
        let parsed = try parse(
            ["c.jsonl", "--suite", "s.json"] + extra, ReplayCommand.Options.specs, ReplayCommand.Options.arguments)
        #expect(message { _ = try ReplayCommand.Options(decoding: parsed) } == expected)
    }
}
