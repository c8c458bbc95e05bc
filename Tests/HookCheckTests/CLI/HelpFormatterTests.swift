import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct HelpFormatterTests {
    struct Sample: Command {
        let name = "sample"
        let summary = "do a sample thing"
        let usageSuffix = "< body"
        let arguments = [ArgumentSpec("FILE", help: "input file", required: false)]
        let options: [OptionSpec] = [
            .option("profile", valueName: "NAME", help: "the profile", required: true),
            .option("header", valueName: "H", help: "a header", repeatable: true),
            .option("port", short: "p", valueName: "N", help: "the port", default: "0"),
            .flag("quiet", help: "say less"),
        ]
        let discussion = "more words."

        func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode { .success }
    }

    @Test func usageListsArgumentsThenRequiredThenOptional() {
        #expect(
            HelpFormatter.usage(of: Sample())
                == "usage: hookcheck sample [FILE] --profile NAME [--header H...] [--port N] [--quiet] < body")
    }

    @Test func helpShowsEveryPart() {
        #expect(
            HelpFormatter.help(of: Sample()) == """
                hookcheck sample: do a sample thing

                usage: hookcheck sample [FILE] --profile NAME [--header H...] [--port N] [--quiet] < body

                arguments:
                  [FILE]  input file

                options:
                  --profile NAME  the profile (required)
                  --header H      a header (repeatable)
                  -p, --port N    the port (default: 0)
                  --quiet         say less
                  -h, --help      show this help

                more words.

                """)
    }

    @Test func longUsageWrapsUnderTheCommand() throws {
        let command = try #require(HookCheckCLI.command(named: "listen"))
        let lines = HelpFormatter.usage(of: command).split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines {
            #expect(line.count <= 100)
        }
        for line in lines.dropFirst() {
            #expect(line.hasPrefix(String(repeating: " ", count: "usage: hookcheck listen ".count) + "["))
        }
    }
}
