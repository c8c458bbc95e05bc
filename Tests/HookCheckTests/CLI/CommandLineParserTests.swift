import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct CommandLineParserTests {
    static let options: [OptionSpec] = [
        .option("profile", short: "p", valueName: "NAME", help: "profile", required: true),
        .option("header", valueName: "H", help: "header", repeatable: true),
        .option("concurrency", valueName: "N", help: "parallel", default: "1"),
        .option("timeout", valueName: "S", help: "seconds"),
        .flag("until-complete", help: "stop early"),
    ]
    static let positionals = [ArgumentSpec("SUITE", help: "suites", variadic: true)]

    func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
        try CommandLineParser.parse(arguments, options: Self.options, positionals: Self.positionals)
    }

    @Test func readsSeparateAndInlineValues() throws {
        let parsed = try parse(["--profile", "github", "--timeout=2.5", "a.json", "b.json"])
        #expect(parsed.value("profile") == "github")
        #expect(parsed.value("timeout") == "2.5")
        #expect(parsed.arguments == ["a.json", "b.json"])
        #expect(parsed.isGiven("profile"))
        #expect(!parsed.isGiven("concurrency"))
    }

    @Test func appliesDefaults() throws {
        let parsed = try parse(["-p", "github", "s.json"])
        #expect(parsed.value("concurrency") == "1")
        #expect(try parsed.integer("concurrency") == 1)
        #expect(parsed.value("timeout") == nil)
        #expect(try parsed.number("timeout") == nil)
        #expect(parsed.values("header").isEmpty)
        #expect(!parsed.flag("until-complete"))
    }

    @Test func collectsRepeatedOptionsInOrder() throws {
        let parsed = try parse(["--profile=x", "--header", "A: 1", "--header=B: 2", "--header", "A: 3", "s"])
        #expect(parsed.values("header") == ["A: 1", "B: 2", "A: 3"])
    }

    @Test func terminatorMakesEverythingPositional() throws {
        let parsed = try parse(["--profile", "x", "--", "--until-complete", "-h", "--"])
        #expect(parsed.arguments == ["--until-complete", "-h", "--"])
        #expect(!parsed.flag("until-complete"))
        #expect(!parsed.isHelpRequested)
    }

    @Test func valueMayStartWithDash() throws {
        let parsed = try parse(["--profile", "x", "--header", "-x", "--timeout", "-1", "s"])
        #expect(parsed.values("header") == ["-x"])
        #expect(parsed.value("timeout") == "-1")
    }

    @Test func readsFlags() throws {
        let parsed = try parse(["--until-complete", "--profile", "x", "s"])
        #expect(parsed.flag("until-complete"))
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["--bogus", "--help"], ["--profile", "-h"], ["s", "--concurrency", "--help"],
    ])
    func helpWinsOverErrors(_ arguments: [String]) throws {
        #expect(try parse(arguments).isHelpRequested)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(arguments: ["--prfile", "x", "s"], message: "unknown option '--prfile'; did you mean '--profile'?"),
        ErrorCase(arguments: ["--profile=x", "--bogus", "s"], message: "unknown option '--bogus'"),
        ErrorCase(arguments: ["-profile", "x", "s"], message: "unknown option '-profile'; did you mean '--profile'?"),
        ErrorCase(arguments: ["-x", "s"], message: "unknown option '-x'"),
        ErrorCase(arguments: ["--profile"], message: "missing value for '--profile NAME'"),
        ErrorCase(arguments: ["--profile", "--header", "a"], message: "missing value for '--profile NAME'"),
        ErrorCase(arguments: ["--profile", "--", "s"], message: "missing value for '--profile NAME'"),
        ErrorCase(arguments: ["s"], message: "missing required option '--profile NAME'"),
        ErrorCase(arguments: ["--profile", "x"], message: "missing argument SUITE..."),
        ErrorCase(
            arguments: ["--profile", "x", "--profile", "y", "s"], message: "option '--profile' given more than once"),
        ErrorCase(
            arguments: ["--profile", "x", "--until-complete=yes", "s"],
            message: "option '--until-complete' takes no value"),
        ErrorCase(
            arguments: ["--profile", "x", "--until-complete", "--until-complete", "s"],
            message: "option '--until-complete' given more than once"),
        ErrorCase(
            arguments: ["--profile", "x", "--secret", "hunter2", "s"],
            message: CLIError.secretOnCommandLine(option: "--secret").description),
        ErrorCase(
            arguments: ["--secret=hunter2", "--bogus"],
            message: CLIError.secretOnCommandLine(option: "--secret").description),
    ]

    @Test(arguments: errorCases)
    func reportsUsageErrors(_ testCase: ErrorCase) {
        #expect {
            try parse(testCase.arguments)
        } throws: { error in
            (error as? CLIError)?.description == testCase.message
        }
    }

    @Test func reportsFirstErrorFirst() {
        #expect(throws: CLIError.unknownOption("--a", suggestion: nil)) {
            try parse(["--a", "--b", "s"])
        }
    }

    @Test func rejectsExtraPositional() {
        let specs = [ArgumentSpec("FILE", help: "file")]
        #expect(throws: CLIError.unexpectedArgument("two")) {
            try CommandLineParser.parse(["one", "two"], options: [], positionals: specs)
        }
        #expect(throws: CLIError.unexpectedArgument("x")) {
            try CommandLineParser.parse(["x"], options: [], positionals: [])
        }
    }

    @Test func optionalPositionalMayBeAbsent() throws {
        let specs = [ArgumentSpec("FILE", help: "file", required: false)]
        #expect(try CommandLineParser.parse([], options: [], positionals: specs).arguments.isEmpty)
    }

    @Test(arguments: [
        ("abc", "invalid value 'abc' for '--concurrency N': expected an integer from 1 to 64"),
        ("0", "invalid value '0' for '--concurrency N': expected an integer from 1 to 64"),
        ("65", "invalid value '65' for '--concurrency N': expected an integer from 1 to 64"),
        ("1.5", "invalid value '1.5' for '--concurrency N': expected an integer from 1 to 64"),
        ("", "invalid value '' for '--concurrency N': expected an integer from 1 to 64"),
    ])
    func rejectsBadIntegers(_ value: String, _ message: String) throws {
        let parsed = try parse(["--profile", "x", "--concurrency", value, "s"])
        #expect {
            try parsed.integer("concurrency", in: 1...64)
        } throws: { error in
            (error as? CLIError)?.description == message
        }
    }

    @Test(arguments: ["abc", "nan", "inf", "1e400", "-1", "0x10", " 1"])
    func rejectsBadNumbers(_ value: String) throws {
        let parsed = try parse(["--profile", "x", "--timeout=\(value)", "s"])
        #expect(
            throws: CLIError.invalidValue(synopsis: "--timeout S", value: value, expected: "a number of at least 0")
        ) {
            try parsed.number("timeout", minimum: 0)
        }
    }

    @Test(arguments: [("0", 0.0), ("2.5", 2.5), ("10", 10.0)])
    func readsNumbers(_ value: String, _ expected: Double) throws {
        let parsed = try parse(["--profile", "x", "--timeout", value, "s"])
        #expect(try parsed.number("timeout", minimum: 0) == expected)
    }

    @Test func integerWithoutRangeAcceptsNegative() throws {
        let parsed = try parse(["--profile", "x", "--concurrency", "-3", "s"])
        #expect(try parsed.integer("concurrency") == -3)
        #expect(
            throws: CLIError.invalidValue(
                synopsis: "--concurrency N", value: "-3", expected: "an integer of at least 0")
        ) {
            try parsed.integer("concurrency", in: 0...Int.max)
        }
    }
}
