/// The body of a command whose implementation has not landed yet: it says so and exits 2, after
/// its options have been parsed and checked like any other command's.
enum UnavailableCommand {
    static func run(_ name: String, console: Console) -> ExitCode {
        console.error("'\(name)' is not available yet")
        return .usageError
    }
}
