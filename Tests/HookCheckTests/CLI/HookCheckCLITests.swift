import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct HookCheckCLITests {
    @Test func topLevelHelpGoesToStdout() async {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let outcome = await runCLI(arguments)
            #expect(outcome.status == 0)
            #expect(outcome.errorOutput.isEmpty)
            for command in HookCheckCLI.commands {
                #expect(outcome.output.contains("\n  \(command.name) "), "\(command.name) missing from help")
            }
        }
    }

    @Test func noArgumentsIsAUsageError() async {
        let outcome = await runCLI([])
        #expect(outcome.status == 2)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errorOutput.contains("usage: hookcheck <command>"))
    }

    @Test func printsVersion() async {
        let outcome = await runCLI(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "hookcheck \(HookCheck.version)\n")
    }

    @Test(arguments: HookCheckCLI.commands.map(\.name))
    func everyCommandHasHelp(_ name: String) async throws {
        let command = try #require(HookCheckCLI.command(named: name))
        for arguments in [[name, "--help"], [name, "-h"], ["help", name]] {
            let outcome = await runCLI(arguments)
            #expect(outcome.status == 0)
            #expect(outcome.errorOutput.isEmpty)
            #expect(outcome.output.hasPrefix("hookcheck \(name): \(command.summary)\n"))
            #expect(outcome.output.contains("usage: hookcheck \(name)"))
            for option in command.options {
                #expect(outcome.output.contains("  \(option.synopsis)"), "\(option.synopsis) missing from help")
            }
        }
    }

    @Test func unknownCommandSuggests() async {
        let outcome = await runCLI(["sing", "--profile", "x"])
        #expect(outcome.status == 2)
        #expect(outcome.output.isEmpty)
        #expect(
            outcome.errorOutput == """
                error: unknown command 'sing'; did you mean 'sign'?
                usage: hookcheck <command> [options] [arguments]
                see 'hookcheck --help'

                """)
    }

    @Test func unknownHelpTopicSuggests() async {
        let outcome = await runCLI(["help", "verfy"])
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.hasPrefix("error: unknown command 'verfy'; did you mean 'verify'?\n"))
    }

    @Test func unknownTopLevelOptionSuggests() async {
        let outcome = await runCLI(["--verison"])
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.hasPrefix("error: unknown option '--verison'; did you mean '--version'?\n"))
    }

    @Test func unknownOptionShowsCommandUsage() async {
        let outcome = await runCLI(["sign", "--prfile", "x"])
        #expect(outcome.status == 2)
        let lines = outcome.errorOutput.split(separator: "\n")
        #expect(lines.first == "error: unknown option '--prfile'; did you mean '--profile'?")
        #expect(lines.dropFirst().first?.hasPrefix("usage: hookcheck sign --profile NAME") == true)
        #expect(lines.last == "see 'hookcheck sign --help'")
    }

    @Test func badNumberIsAUsageError() async {
        let outcome = await runCLI(["run", "--concurrency", "abc", "Suites"])
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.hasPrefix("error: invalid value 'abc' for '--concurrency N': expected an integer"))
        #expect(outcome.errorOutput.hasSuffix("see 'hookcheck run --help'\n"))
    }

    @Test(arguments: [
        ["sign", "--profile", "github", "--secret", "hunter2"],
        ["sign", "--secret=hunter2", "--profile", "github"],
        ["--secret", "hunter2"],
        ["frobnicate", "--secret=hunter2"],
        ["run", "--Secret=hunter2", "Suites"],
    ])
    func secretFlagIsRejectedWithoutEchoingIt(_ arguments: [String]) async {
        let outcome = await runCLI(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.contains("secrets are read from the environment only"))
        #expect(outcome.errorOutput.contains("--secret-env NAME"))
        #expect(!outcome.errorOutput.contains("hunter2"))
        #expect(!outcome.output.contains("hunter2"))
    }

    @Test(arguments: [
        (
            ["listen", "--port", "70000", "S"],
            "invalid value '70000' for '--port N': expected an integer from 0 to 65535"
        ),
        (["serve", "--flaw", "nope"], "unknown flaw 'nope'"),
        (["check", "S"], "missing required option '--captures FILE'"),
        (["listen", "--until-complete=1", "S"], "option '--until-complete' takes no value"),
        (["validate"], "missing argument SUITE..."),
        (["run", "--shard", "3/2", "S"], "'--shard K/N': invalid shard '3/2': K must be between 1 and 2"),
        (
            ["listen", "--respond", "500x0,200", "S"],
            "'--respond PLAN': invalid respond plan '500x0,200': step '500x0': expected a repeat"
        ),
        (["profiles", "extra"], "unexpected argument 'extra'"),
    ])
    func commandsCheckTheirOptions(_ arguments: [String], _ message: String) async {
        let outcome = await runCLI(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.hasPrefix("error: " + message), "\(outcome.errorOutput)")
    }

    @Test func colourOnlyOnTerminalsWithoutNoColor() async {
        let plain = await runCLI(["sing"], isTerminal: false)
        #expect(!plain.errorOutput.contains("\u{1B}["))
        let colored = await runCLI(["sing"], isTerminal: true)
        #expect(colored.errorOutput.hasPrefix("\u{1B}[1;31merror:\u{1B}[0m unknown command"))
        let noColor = await runCLI(["sing"], environment: ["NO_COLOR": "1"], isTerminal: true)
        #expect(!noColor.errorOutput.contains("\u{1B}["))
        let dumb = await runCLI(["sing"], environment: ["TERM": "dumb"], isTerminal: true)
        #expect(!dumb.errorOutput.contains("\u{1B}["))
        let emptyNoColor = await runCLI(["sing"], environment: ["NO_COLOR": ""], isTerminal: true)
        #expect(emptyNoColor.errorOutput.contains("\u{1B}["))
    }
}
