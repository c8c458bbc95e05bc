import HookCheck

/// Reading a delivery body from stdin for `sign` and `verify`.
enum BodyInput {
    /// The exact bytes on stdin; on a terminal, says first on stderr that it is waiting for them.
    static func read(from context: CommandContext) throws(CommandFailure) -> [UInt8] {
        if context.standardInput.isTerminal {
            context.console.writeErrorLine("reading the body from stdin; end it with ctrl-D")
        }
        return try context.standardInput.readAll()
    }
}
