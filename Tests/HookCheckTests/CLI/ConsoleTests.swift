import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct ConsoleTests {
    func console(terminal: Bool, environment: [String: String] = [:]) -> (Console, CapturedOutput) {
        let errors = CapturedOutput(isTerminal: terminal)
        return (
            Console(output: CapturedOutput(isTerminal: terminal), errorOutput: errors, environment: environment), errors
        )
    }

    @Test func diagnosticColorsOnlyTheSeverity() {
        let (colored, errors) = console(terminal: true)
        colored.diagnostic("a.json:1:2: error: /x: bad")
        colored.diagnostic("a.json:3:4: warning: /y: odd")
        #expect(
            errors.text
                == "a.json:1:2: \u{1B}[1;31merror:\u{1B}[0m /x: bad\na.json:3:4: \u{1B}[1;33mwarning:\u{1B}[0m /y: odd\n"
        )
    }

    @Test func diagnosticIsPlainWithoutTerminal() {
        let (plain, errors) = console(terminal: false)
        plain.diagnostic("a.json:1:2: error: /x: bad")
        #expect(errors.text == "a.json:1:2: error: /x: bad\n")
    }

    @Test func noColorDisablesColorOnTerminals() {
        let (quiet, errors) = console(terminal: true, environment: ["NO_COLOR": "1"])
        quiet.error("boom")
        #expect(errors.text == "error: boom\n")
        #expect(!quiet.isOutputColored)
    }
}
