import HookCheck

/// `hookcheck validate SUITE...`: load suites and print their diagnostics; nothing is sent.
public struct ValidateCommand: Command {
    public init() {}

    public let name = "validate"
    public let summary = "check suite files and print diagnostics; nothing is sent"
    public let arguments = Options.arguments
    public let options = Options.specs
    public let discussion = """
        diagnostics go to stderr in compiler format (path:line:col: error: /pointer: message), then one summary
        line to stdout. exit 0 when no suite has an error (warnings allowed), 2 otherwise.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = Options(decoding: arguments)
        let (files, expansionDiagnostics) = SuiteLoader.expand(paths: options.paths)
        var diagnostics = expansionDiagnostics
        for file in files {
            diagnostics += SuiteLoader.load(path: file).diagnostics
        }
        for diagnostic in diagnostics {
            context.console.diagnostic(diagnostic.description)
        }
        let total = files.count + expansionDiagnostics.count
        let invalid = Set(diagnostics.filter(\.isError).map(\.file)).count
        context.console.writeLine(Self.summary(total: total, invalid: invalid, diagnostics: diagnostics))
        return invalid == 0 ? .success : .usageError
    }

    /// `3 suites valid, 1 warning` or `1 of 3 suites invalid: 2 errors, 1 warning`.
    static func summary(total: Int, invalid: Int, diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        let suites = Self.count(total, "suite", "suites")
        if invalid == 0 {
            return "\(suites) valid" + (warnings > 0 ? ", \(Self.count(warnings, "warning", "warnings"))" : "")
        }
        return "\(invalid) of \(suites) invalid: \(Self.count(errors, "error", "errors")), "
            + Self.count(warnings, "warning", "warnings")
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
