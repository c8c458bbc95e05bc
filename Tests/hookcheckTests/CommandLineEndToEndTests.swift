import Testing

/// The command line through the built binary: help, suggestions, usage errors and exit codes.
struct CommandLineEndToEndTests {
    @Test func helpPrintsCommandsToStdout() async throws {
        let result = try await runHookcheck(args: ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for name in ["run", "listen", "check", "serve", "validate", "sign", "verify", "profiles", "init"] {
            #expect(result.stdout.contains("\n  \(name) "), "\(name) missing from --help")
        }
    }

    @Test(arguments: ["sign", "verify", "validate", "run"])
    func commandHelpExitsZero(_ command: String) async throws {
        let result = try await runHookcheck(args: [command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("hookcheck \(command): "))
        #expect(result.stdout.contains("usage: hookcheck \(command)"))
        #expect(result.stderr.isEmpty)
    }

    @Test func unknownCommandSuggestsAndExitsTwo() async throws {
        let result = try await runHookcheck(args: ["verfy"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: unknown command 'verfy'; did you mean 'verify'?\n"))
        #expect(result.stderr.hasSuffix("see 'hookcheck --help'\n"))
    }

    @Test func unknownOptionSuggestsAndExitsTwo() async throws {
        let result = try await runHookcheck(args: ["sign", "--profle", "github"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: unknown option '--profle'; did you mean '--profile'?\nusage: hookcheck sign"))
        #expect(result.stderr.hasSuffix("see 'hookcheck sign --help'\n"))
    }

    @Test(arguments: [
        (["sign"], "error: missing required option '--profile NAME'"),
        (["run", "--concurrency", "abc", "Suites"], "error: invalid value 'abc' for '--concurrency N'"),
        (["sign", "--profile"], "error: missing value for '--profile NAME'"),
        (["validate"], "error: missing argument SUITE..."),
        (["profiles", "x"], "error: unexpected argument 'x'"),
    ])
    func usageErrorsExitTwo(_ args: [String], _ prefix: String) async throws {
        let result = try await runHookcheck(args: args)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
    }

    @Test func secretFlagIsRejectedAndNeverEchoed() async throws {
        let result = try await runHookcheck(args: ["sign", "--profile", "github", "--secret", "hunter2"], stdin: "{}")
        #expect(result.status == 2)
        #expect(result.stderr.contains("secrets are read from the environment only"))
        #expect(!result.stderr.contains("hunter2"))
        #expect(!result.stdout.contains("hunter2"))
    }

    @Test func noColorCodesWhenNotATerminal() async throws {
        let result = try await runHookcheck(args: ["sing"])
        #expect(!result.stderr.contains("\u{1B}["))
    }
}
