import HookCheck

extension ValidateCommand {
    /// `validate`'s arguments, decoded once from the command line: one source for their help.
    struct Options {
        /// The declarations `validate` parses and `--help` shows: no options, only suites.
        static let specs: [OptionSpec] = []
        /// The positional arguments: suite files or folders.
        static let arguments = [
            ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)
        ]

        /// The suite files and folders to check, in order.
        var paths: [String]

        /// Decodes `arguments`.
        init(decoding arguments: ParsedArguments) {
            paths = arguments.arguments
        }
    }
}
