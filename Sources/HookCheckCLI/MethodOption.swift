/// `--method M` of `sign` and `verify`: the HTTP method schemes that sign it (`{method}`) cover.
enum MethodOption {
    /// The method when `--method` is absent.
    static let defaultMethod = "POST"

    /// `--method M` with `help`, defaulting to ``defaultMethod``.
    static func spec(help: String) -> OptionSpec {
        .option("method", valueName: "M", help: help, default: defaultMethod)
    }

    /// The method given, else ``defaultMethod``.
    static func method(from arguments: ParsedArguments) -> String {
        arguments.value("method") ?? defaultMethod
    }
}
