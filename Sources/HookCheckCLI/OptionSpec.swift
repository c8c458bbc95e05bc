import HookCheck

/// The declaration of one command-line option, as data: its long name, the name of its value
/// (`nil` for a flag), help text, whether it may repeat, whether it is required, and a default.
public struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes: `profile` for `--profile`.
    public var name: String
    /// An optional one-letter short name: `p` for `-p`.
    public var shortName: Character?
    /// The placeholder for the value in help (`NAME`, `N`, `PATH`), or `nil` for a flag.
    public var valueName: String?
    /// One line of help.
    public var help: String
    /// Whether the option may be given several times (`--header` …); otherwise a second
    /// occurrence is an error.
    public var isRepeatable: Bool
    /// Whether the option must be given.
    public var isRequired: Bool
    /// The value used when the option is absent.
    public var defaultValue: String?

    /// Creates an option that takes a value.
    public static func option(
        _ name: String, short: Character? = nil, valueName: String, help: String, default defaultValue: String? = nil,
        repeatable: Bool = false, required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, shortName: short, valueName: valueName, help: help, isRepeatable: repeatable,
            isRequired: required, defaultValue: defaultValue)
    }

    /// Creates a flag: an option without a value.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(
            name: name, shortName: short, valueName: nil, help: help, isRepeatable: false, isRequired: false,
            defaultValue: nil)
    }

    /// Whether the option is a flag (takes no value).
    public var isFlag: Bool { valueName == nil }

    /// The option as written in messages and usage: `--profile NAME`, or `--until-complete`.
    public var synopsis: String {
        valueName.map { "--\(name) \($0)" } ?? "--\(name)"
    }
}

/// The declaration of a positional argument (`SUITE...`).
public struct ArgumentSpec: Sendable, Hashable {
    /// The placeholder shown in usage: `SUITE`.
    public var name: String
    /// One line of help.
    public var help: String
    /// Whether at least one value must be given.
    public var isRequired: Bool
    /// Whether the argument takes every remaining positional value (only the last may).
    public var isVariadic: Bool

    /// Creates a positional argument declaration.
    public init(_ name: String, help: String, required: Bool = true, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.isRequired = required
        self.isVariadic = variadic
    }

    /// The argument as written in usage: `SUITE...`, `[FILE]`.
    public var synopsis: String {
        let text = isVariadic ? "\(name)..." : name
        return isRequired ? text : "[\(text)]"
    }
}
