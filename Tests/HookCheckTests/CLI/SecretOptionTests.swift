import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct SecretOptionTests {
    func parsed(_ arguments: [String]) throws -> ParsedArguments {
        try CommandLineParser.parse(arguments, options: [SecretOption.spec], positionals: [])
    }

    @Test func readsDefaultVariable() throws {
        let secret = try SecretOption.secret(from: parsed([]), environment: ["HOOKCHECK_SECRET": "s3cr3t"])
        #expect(secret == "s3cr3t")
    }

    @Test func readsNamedVariable() throws {
        let environment = ["HOOKCHECK_SECRET": "default", "GITHUB_SECRET": "gh"]
        #expect(
            try SecretOption.secret(from: parsed(["--secret-env", "GITHUB_SECRET"]), environment: environment) == "gh")
    }

    @Test(arguments: [
        (
            "HOOKCHECK_SECRET",
            "environment variable HOOKCHECK_SECRET is not set or empty; export the secret as HOOKCHECK_SECRET, "
                + "or name another variable with --secret-env NAME"
        ),
        ("MY_SECRET", "environment variable MY_SECRET is not set or empty; export the secret as MY_SECRET"),
    ])
    func missingVariableIsNamed(_ name: String, _ message: String) throws {
        #expect(throws: CommandFailure.invalidInput(message)) {
            try SecretOption.secret(named: name, environment: ["OTHER": "x", "MY_SECRET": ""])
        }
    }

    @Test(arguments: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "s3cr3t value", "=abc", "1ABC", ""])
    func valueLikeNamesAreNeverEchoed(_ name: String) {
        #expect {
            try SecretOption.secret(named: name, environment: [:])
        } throws: { error in
            guard let failure = error as? CommandFailure, failure.exitCode == .usageError else { return false }
            return name.isEmpty || !failure.message.contains(name)
        }
    }
}
