import Foundation

@testable import HookCheck
@testable import HookCheckCLI

/// What one in-process `hookcheck` invocation produced.
struct CLIOutcome: Sendable {
    var status: Int32
    var output: String
    var errorOutput: String
}

/// Runs `hookcheck` in-process with captured stdout and stderr.
func runCLI(
    _ arguments: [String], environment: [String: String] = [:], input: String = "", isTerminal: Bool = false
) async -> CLIOutcome {
    let output = CapturedOutput(isTerminal: isTerminal)
    let errorOutput = CapturedOutput(isTerminal: isTerminal)
    let console = Console(output: output, errorOutput: errorOutput, environment: environment)
    let status = await HookCheckCLI.main(
        arguments: arguments, environment: environment, standardInput: .text(input), console: console)
    return CLIOutcome(status: status, output: output.text, errorOutput: errorOutput.text)
}
