import HookCheck

/// One command-line argument after lexing, with its index in the argument list.
///
/// Lexing knows nothing about which options exist: `--x=y` becomes a long option with an inline
/// value, `--x` one without (the parser decides whether the next token is its value), `-h` a short
/// option, `--` the terminator, and everything after the terminator a plain value. A lone `-` and
/// negative numbers (`-5`, `-1.5`) are values.
public enum ArgumentToken: Sendable, Hashable {
    /// `--name` or `--name=value`.
    case longOption(name: String, value: String?, index: Int)
    /// `-x` (or `-xyz`, which the parser reports as unknown).
    case shortOption(String, index: Int)
    /// A positional value, or a value for the preceding option.
    case value(String, index: Int)
    /// `--`: everything after it is a positional value.
    case terminator(index: Int)

    /// Splits raw arguments into tokens.
    public static func tokenize(_ arguments: [String]) -> [ArgumentToken] {
        var tokens: [ArgumentToken] = []
        tokens.reserveCapacity(arguments.count)
        var isAfterTerminator = false
        for (index, argument) in arguments.enumerated() {
            if isAfterTerminator {
                tokens.append(.value(argument, index: index))
            } else if argument == "--" {
                isAfterTerminator = true
                tokens.append(.terminator(index: index))
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    tokens.append(
                        .longOption(
                            name: String(body[..<equals]), value: String(body[body.index(after: equals)...]),
                            index: index))
                } else {
                    tokens.append(.longOption(name: String(body), value: nil, index: index))
                }
            } else if argument.hasPrefix("-"), argument.count > 1, !isNumeric(argument.dropFirst()) {
                tokens.append(.shortOption(String(argument.dropFirst()), index: index))
            } else {
                tokens.append(.value(argument, index: index))
            }
        }
        return tokens
    }

    /// The token as the user typed it (for an option, without any inline value).
    public var text: String {
        switch self {
        case .longOption(let name, _, _): "--\(name)"
        case .shortOption(let letters, _): "-\(letters)"
        case .value(let value, _): value
        case .terminator: "--"
        }
    }

    private static func isNumeric(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber else { return false }
        return text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
    }
}
