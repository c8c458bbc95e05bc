import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct ArgumentTokenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var tokens: [ArgumentToken]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["--profile", "x"],
            tokens: [.longOption(name: "profile", value: nil, index: 0), .value("x", index: 1)]),
        Case(arguments: ["--profile=x"], tokens: [.longOption(name: "profile", value: "x", index: 0)]),
        Case(arguments: ["--header=A: b=c"], tokens: [.longOption(name: "header", value: "A: b=c", index: 0)]),
        Case(arguments: ["--url="], tokens: [.longOption(name: "url", value: "", index: 0)]),
        Case(arguments: ["-h"], tokens: [.shortOption("h", index: 0)]),
        Case(arguments: ["-profile"], tokens: [.shortOption("profile", index: 0)]),
        Case(arguments: ["-"], tokens: [.value("-", index: 0)]),
        Case(arguments: ["-5", "-1.5"], tokens: [.value("-5", index: 0), .value("-1.5", index: 1)]),
        Case(
            arguments: ["a", "--", "--help", "-h", "--"],
            tokens: [
                .value("a", index: 0), .terminator(index: 1), .value("--help", index: 2), .value("-h", index: 3),
                .value("--", index: 4),
            ]),
        Case(arguments: [], tokens: []),
    ]

    @Test(arguments: cases)
    func tokenizes(_ testCase: Case) {
        #expect(ArgumentToken.tokenize(testCase.arguments) == testCase.tokens)
    }

    @Test func textOmitsInlineValue() {
        #expect(ArgumentToken.longOption(name: "secret", value: "hunter2", index: 0).text == "--secret")
    }
}
