import HookCheck

/// Renders help and usage text from command declarations. Pure: returns strings.
public enum HelpFormatter {
    /// The width text is wrapped to.
    static let width = 100

    /// The usage line of `command`: positional arguments, required options, optional ones in
    /// brackets, and the command's usage suffix, wrapped under the command name.
    public static func usage(of command: any Command) -> String {
        var items = command.arguments.map(\.synopsis)
        for spec in command.options where spec.isRequired {
            items.append(spec.synopsis + (spec.isRepeatable ? "..." : ""))
        }
        for spec in command.options where !spec.isRequired {
            items.append("[\(spec.synopsis)\(spec.isRepeatable ? "..." : "")]")
        }
        if !command.usageSuffix.isEmpty { items.append(command.usageSuffix) }
        let lead = "usage: hookcheck \(command.name)"
        return wrap(items, lead: lead, indent: String(repeating: " ", count: lead.count + 1))
    }

    /// The full help of `command`: summary, usage, arguments, options, discussion.
    public static func help(of command: any Command) -> String {
        var text = "hookcheck \(command.name): \(command.summary)\n\n\(usage(of: command))\n"
        if !command.arguments.isEmpty {
            text += "\narguments:\n"
            text += table(command.arguments.map { ($0.synopsis, $0.help) })
        }
        var rows = command.options.map { spec in
            var help = spec.help
            if spec.isRequired { help += " (required)" }
            if let value = spec.defaultValue { help += " (default: \(value))" }
            if spec.isRepeatable { help += " (repeatable)" }
            let short = spec.shortName.map { "-\($0), " } ?? ""
            return (short + spec.synopsis, help)
        }
        rows.append(("-h, --help", "show this help"))
        text += "\noptions:\n" + table(rows)
        if !command.discussion.isEmpty {
            text += "\n" + command.discussion + (command.discussion.hasSuffix("\n") ? "" : "\n")
        }
        return text
    }

    /// The top-level help: what the tool is, its commands, exit codes and where secrets come from.
    public static func overview(of commands: [any Command]) -> String {
        var text = """
            hookcheck \(HookCheck.version): webhook conformance test harness

            usage: hookcheck <command> [options] [arguments]

            commands:

            """
        text += table(commands.map { ($0.name, $0.summary) } + [("help [COMMAND]", "show help for a command")])
        text += """

            options:
              -h, --help        show this help ('hookcheck <command> --help' for a command's options)
              --version         print the version

            exit codes: 0 every result passed, 1 a result failed, 2 usage or suite error (nothing ran),
                        3 the environment stopped the run (port in use, capture file unwritable)
            secrets are read from the environment only: --secret-env NAME, else the suite's {"env": NAME},
                        else \(SecretLookup.defaultVariable)

            """
        return text
    }

    /// Two columns: names padded to a common width (at most 30), help wrapped after them.
    static func table(_ rows: [(String, String)]) -> String {
        let column = min(30, (rows.map(\.0.count).max() ?? 0) + 2)
        var text = ""
        for (name, help) in rows {
            let lead = "  " + name
            let pad = String(repeating: " ", count: 2 + column)
            let words = help.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if lead.count >= 2 + column {
                text += lead + "\n" + wrap(words, lead: pad.dropLast().description, indent: pad) + "\n"
            } else {
                let first = lead + String(repeating: " ", count: 2 + column - lead.count - 1)
                text += wrap(words, lead: first, indent: pad) + "\n"
            }
        }
        return text
    }

    /// Joins `items` after `lead` with spaces, breaking lines before `width` and starting each
    /// continuation line with `indent`.
    static func wrap(_ items: [String], lead: String, indent: String) -> String {
        var lines: [String] = []
        var line = lead
        var lineHasItem = false
        for item in items {
            if lineHasItem, line.count + 1 + item.count > width {
                lines.append(line)
                line = indent + item
            } else {
                line += " " + item
            }
            lineHasItem = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
