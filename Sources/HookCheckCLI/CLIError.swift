import HookCheck

/// A command-line usage error: what the user typed cannot be understood. Rendered as
/// `error: … / usage: … / see 'hookcheck <cmd> --help'` and answered with exit code 2.
///
/// Messages quote the offending option or argument as typed, never the value of an option that
/// might carry a secret.
public enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command name is not known; `suggestion` is the closest known command.
    case unknownCommand(String, suggestion: String?)
    /// The option (as typed, e.g. `--prfile`) is not known; `suggestion` is the closest known
    /// option, with its dashes.
    case unknownOption(String, suggestion: String?)
    /// An option that takes a value was given without one (`synopsis` is `--profile NAME`).
    case missingValue(synopsis: String)
    /// A flag was given a value (`--until-complete=yes`).
    case unexpectedValue(option: String)
    /// An option that may appear once appeared again.
    case repeatedOption(String)
    /// A required option is absent (`synopsis` is `--profile NAME`).
    case missingOption(synopsis: String)
    /// A required positional argument is absent.
    case missingArgument(String)
    /// A positional argument the command does not take.
    case unexpectedArgument(String)
    /// An option's value is not of the expected form, e.g. `--concurrency abc`.
    case invalidValue(synopsis: String, value: String, expected: String)
    /// A name given as an option's value is not one of the known ones (`kind` is `profile`, say);
    /// `suggestion` is the closest known name.
    case unknownName(kind: String, name: String, suggestion: String?)
    /// An option's value was rejected by the parser of its type; `message` is that parser's own
    /// description (quoting the value), e.g. `invalid shard '3/2': K must be between 1 and 2`.
    case rejectedValue(synopsis: String, message: String)
    /// A secret was passed as a flag (`--secret`); secrets come from the environment only.
    case secretOnCommandLine(option: String)

    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            "unknown command '\(name)'" + Self.didYouMean(suggestion)
        case .unknownOption(let option, let suggestion):
            "unknown option '\(option)'" + Self.didYouMean(suggestion)
        case .missingValue(let synopsis):
            "missing value for '\(synopsis)'"
        case .unexpectedValue(let option):
            "option '\(option)' takes no value"
        case .repeatedOption(let option):
            "option '\(option)' given more than once"
        case .missingOption(let synopsis):
            "missing required option '\(synopsis)'"
        case .missingArgument(let name):
            "missing argument \(name)"
        case .unexpectedArgument(let argument):
            "unexpected argument '\(argument)'"
        case .invalidValue(let synopsis, let value, let expected):
            "invalid value '\(value)' for '\(synopsis)': expected \(expected)"
        case .unknownName(let kind, let name, let suggestion):
            "unknown \(kind) '\(name)'" + Self.didYouMean(suggestion)
        case .rejectedValue(let synopsis, let message):
            "'\(synopsis)': \(message)"
        case .secretOnCommandLine(let option):
            "'\(option)' is not accepted: secrets are read from the environment only; export the secret "
                + "in a variable and name it with --secret-env NAME (default \(SecretLookup.defaultVariable))"
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
