import HookCheck

/// Parses one command's arguments (everything after the command name) against its declared
/// options and positional arguments. Pure: no I/O.
///
/// - `--name value` and `--name=value`; a value option takes the next argument unless it is
///   another long option or `--` (use `--name=--value` for such values).
/// - Flags take no value. Repeatable options collect every value; others may appear once.
/// - `--` ends options; `-h`/`--help` anywhere before it asks for help and wins over other errors.
/// - `--secret` (with or without a value) is always rejected, before anything else, without
///   echoing its value.
public enum CommandLineParser {
    /// Option names that would put a secret on the command line.
    static let forbiddenSecretOptions: Set<String> = ["secret", "secret-value", "secret-key"]

    /// Parses `arguments` against `options` and `positionals`.
    /// - Throws: the first ``CLIError`` found, unless help was requested.
    public static func parse(
        _ arguments: [String], options: [OptionSpec], positionals: [ArgumentSpec]
    ) throws(CLIError) -> ParsedArguments {
        let tokens = ArgumentToken.tokenize(arguments)
        try rejectSecrets(in: tokens)

        var parsed = ParsedArguments(options: options)
        var firstError: CLIError?
        func record(_ error: CLIError) {
            if firstError == nil { firstError = error }
        }

        var position = 0
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .terminator:
                continue
            case .value(let value, _):
                parsed.appendPositional(value)
            case .shortOption(let letters, _):
                if letters == "h" {
                    parsed.isHelpRequested = true
                } else if letters.count == 1, let spec = options.first(where: { $0.shortName == letters.first }) {
                    if let error = take(spec, typed: "-\(letters)", inline: nil, tokens, &position, into: &parsed) {
                        record(error)
                    }
                } else {
                    let suggestion = Suggestion.closest(to: letters, among: options.map(\.name) + ["help"])
                    record(.unknownOption("-\(letters)", suggestion: suggestion.map { "--\($0)" }))
                }
            case .longOption(let name, let inline, _):
                if name == "help" {
                    parsed.isHelpRequested = true
                } else if let spec = options.first(where: { $0.name == name }) {
                    if let error = take(spec, typed: "--\(name)", inline: inline, tokens, &position, into: &parsed) {
                        record(error)
                    }
                } else {
                    let suggestion = Suggestion.closest(to: name, among: options.map(\.name) + ["help"])
                    record(.unknownOption("--\(name)", suggestion: suggestion.map { "--\($0)" }))
                }
            }
        }
        if parsed.isHelpRequested { return parsed }
        if let firstError { throw firstError }
        try checkRequired(options, in: parsed)
        try checkPositionals(parsed.positionals, against: positionals)
        return parsed
    }

    /// Throws ``CLIError/secretOnCommandLine(option:)`` for any `--secret`-like option before the
    /// terminator. Used before the command name is even known.
    static func rejectSecrets(in tokens: [ArgumentToken]) throws(CLIError) {
        for token in tokens {
            if case .longOption(let name, _, _) = token, forbiddenSecretOptions.contains(name.lowercased()) {
                throw .secretOnCommandLine(option: "--\(name)")
            }
        }
    }

    /// Records one occurrence of `spec`, taking its value from `inline` or the next token.
    private static func take(
        _ spec: OptionSpec, typed: String, inline: String?, _ tokens: [ArgumentToken], _ position: inout Int,
        into parsed: inout ParsedArguments
    ) -> CLIError? {
        if !spec.isRepeatable, parsed.isGiven(spec.name) {
            return .repeatedOption("--\(spec.name)")
        }
        if spec.isFlag {
            if inline != nil { return .unexpectedValue(option: "--\(spec.name)") }
            parsed.setFlag(spec.name)
            return nil
        }
        if let inline {
            parsed.append(inline, for: spec.name)
            return nil
        }
        guard position < tokens.count else { return .missingValue(synopsis: spec.synopsis) }
        switch tokens[position] {
        case .value(let value, _):
            position += 1
            parsed.append(value, for: spec.name)
            return nil
        case .shortOption(let letters, _) where letters != "h":
            // `-x` after a value option is its value; `-h` stays a request for help.
            position += 1
            parsed.append("-\(letters)", for: spec.name)
            return nil
        case .shortOption, .longOption, .terminator:
            return .missingValue(synopsis: spec.synopsis)
        }
    }

    private static func checkRequired(_ options: [OptionSpec], in parsed: ParsedArguments) throws(CLIError) {
        for spec in options where spec.isRequired && !parsed.isGiven(spec.name) && spec.defaultValue == nil {
            throw .missingOption(synopsis: spec.synopsis)
        }
    }

    private static func checkPositionals(_ values: [String], against specs: [ArgumentSpec]) throws(CLIError) {
        var remaining = values[...]
        for spec in specs {
            if remaining.isEmpty {
                if spec.isRequired { throw .missingArgument(spec.isVariadic ? "\(spec.name)..." : spec.name) }
                continue
            }
            if spec.isVariadic {
                remaining = []
            } else {
                remaining = remaining.dropFirst()
            }
        }
        if let extra = remaining.first {
            throw .unexpectedArgument(extra)
        }
    }
}
