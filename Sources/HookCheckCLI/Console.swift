import HookCheck

/// The command's two output streams, with colour decided once: only when the stream is a
/// terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
public struct Console: Sendable {
    /// Standard output: results a script may read.
    public let output: any TextOutput
    /// Standard error: diagnostics, progress, errors.
    public let errorOutput: any TextOutput
    /// Whether colour codes may be written to ``output``.
    public let isOutputColored: Bool
    /// Whether colour codes may be written to ``errorOutput``.
    public let isErrorOutputColored: Bool

    /// Creates a console over two outputs, deciding colour from `environment`.
    public init(output: any TextOutput, errorOutput: any TextOutput, environment: [String: String]) {
        self.output = output
        self.errorOutput = errorOutput
        let allowsColor = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        isOutputColored = allowsColor && output.isTerminal
        isErrorOutputColored = allowsColor && errorOutput.isTerminal
    }

    /// The process's stdout and stderr.
    public static func standard(environment: [String: String]) -> Console {
        Console(
            output: FileDescriptorOutput.standardOutput, errorOutput: FileDescriptorOutput.standardError,
            environment: environment)
    }

    /// Writes `text` to stdout.
    public func write(_ text: String) {
        output.write(text)
    }

    /// Writes `line` and a newline to stdout.
    public func writeLine(_ line: String = "") {
        output.write(line + "\n")
    }

    /// Writes `line` and a newline to stderr.
    public func writeErrorLine(_ line: String) {
        errorOutput.write(line + "\n")
    }

    /// Writes `error: <message>` to stderr.
    public func error(_ message: String) {
        writeErrorLine(styled("error:", .red, onErrorOutput: true) + " " + message)
    }

    /// Writes `warning: <message>` to stderr.
    public func warning(_ message: String) {
        writeErrorLine(styled("warning:", .yellow, onErrorOutput: true) + " " + message)
    }

    /// Writes a compiler-style diagnostic line (`path:line:col: error: …`) to stderr, colouring
    /// its severity word when colour is on.
    public func diagnostic(_ line: String) {
        guard isErrorOutputColored else { return writeErrorLine(line) }
        var colored = line
        for (word, color) in [(": error:", Color.red), (": warning:", .yellow), (": note:", .bold)] {
            if let range = colored.range(of: word) {
                colored.replaceSubrange(
                    range, with: ": " + styled(String(word.dropFirst(2)), color, onErrorOutput: true))
                break
            }
        }
        writeErrorLine(colored)
    }

    /// `text` wrapped in the ANSI codes for `color` when colour is on for that stream.
    public func styled(_ text: String, _ color: Color, onErrorOutput: Bool = false) -> String {
        let isColored = onErrorOutput ? isErrorOutputColored : isOutputColored
        return isColored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The ANSI styles the CLI uses.
    public enum Color: String, Sendable {
        case red = "1;31"
        case green = "32"
        case yellow = "1;33"
        case bold = "1"
        case dim = "2"
    }
}
