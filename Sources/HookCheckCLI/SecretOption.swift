import HookCheck

/// The `--secret-env NAME` option and how a command finds its secret: always in the environment,
/// never on the command line.
public enum SecretOption {
    /// `--secret-env NAME`, defaulting to `HOOKCHECK_SECRET`.
    public static let spec = OptionSpec.option(
        "secret-env", valueName: "NAME", help: "environment variable that holds the secret",
        default: SecretLookup.defaultVariable)

    /// The variable `--secret-env` names, else `HOOKCHECK_SECRET`.
    public static func variable(from arguments: ParsedArguments) -> String {
        arguments.value(spec.name) ?? SecretLookup.defaultVariable
    }

    /// The secret from the variable named by `--secret-env` (or its default).
    /// - Throws: ``CommandFailure`` (exit 2) when the name is not a variable name, or the
    ///   variable is unset or empty. The message names the variable, never a value.
    public static func secret(
        from arguments: ParsedArguments, environment: [String: String]
    ) throws(CommandFailure) -> String {
        try secret(named: variable(from: arguments), environment: environment)
    }

    /// The secret `scheme` needs: empty for `none` (nothing to read), else the one in variable `name`
    /// (as ``secret(named:environment:)``).
    public static func secret(
        for scheme: SignatureScheme, named name: String, environment: [String: String]
    ) throws(CommandFailure) -> String {
        if case .none = scheme { return "" }
        return try secret(named: name, environment: environment)
    }

    /// The lookup `--secret-env` selects: its variable when given, else each suite's own.
    public static func lookup(from arguments: ParsedArguments) -> SecretLookup {
        SecretLookup(variable: arguments.isGiven(spec.name) ? arguments.value(spec.name) : nil)
    }

    /// `suite`'s secret by ``SecretLookup``'s precedence, read from `environment`.
    /// - Throws: ``CommandFailure`` (exit 2) naming the variable that is unset or empty, never a value.
    public static func secret(
        for suite: Suite, lookup: SecretLookup, environment: [String: String]
    ) throws(CommandFailure) -> String {
        switch lookup.source(for: suite) {
        case .notNeeded: return ""
        case .inline(let secret): return secret.value
        case .variable(let name): return try secret(named: name, environment: environment)
        }
    }

    /// The secret in variable `name`.
    /// - Throws: ``CommandFailure`` (exit 2) when `name` is not a variable name, or the variable
    ///   is unset or empty.
    public static func secret(named name: String, environment: [String: String]) throws(CommandFailure) -> String {
        let isVariableName =
            !name.isEmpty && name.first.map { !$0.isNumber } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        // A name with lowercase letters may be a secret passed by mistake: it is never echoed.
        let isQuotable = isVariableName && name.count <= 64 && !name.contains { $0.isLowercase }
        guard isVariableName else {
            throw .invalidInput(
                "'--secret-env' expects the name of an environment variable (letters, digits, '_'), "
                    + "not a value; the value given is not shown")
        }
        guard let secret = environment[name], !secret.isEmpty else {
            guard isQuotable else {
                throw .invalidInput(
                    "the environment variable named by '--secret-env' is not set or empty "
                        + "(its name is not shown: it may be a secret passed by mistake)")
            }
            let hint =
                name == SecretLookup.defaultVariable
                ? "export the secret as \(name), or name another variable with --secret-env NAME"
                : "export the secret as \(name)"
            throw .invalidInput("environment variable \(name) is not set or empty; \(hint)")
        }
        return secret
    }
}
