import HookCheck

/// The report flags shared by `run`, `listen` and `check`.
public enum ReportOptions {
    /// `--junit PATH`, `--markdown PATH`, `--json PATH`, `--reports DIR`.
    public static let specs: [OptionSpec] = [
        .option("junit", valueName: "PATH", help: "write the JUnit XML report here", default: "Reports/junit.xml"),
        .option("markdown", valueName: "PATH", help: "write the Markdown report here", default: "Reports/report.md"),
        .option("json", valueName: "PATH", help: "also write the results as JSON here"),
        .option(
            "reports", valueName: "DIR",
            help: "folder for the reports not given a path (junit.xml, report.md; default Reports)"),
    ]

    /// Where the report flags send the reports: `--junit`, `--markdown` and `--json` where given; the rest
    /// into `--reports DIR` (as junit.xml, report.md, results.json) when given, else the defaults
    /// (Reports/junit.xml, Reports/report.md, no JSON).
    public static func destinations(from arguments: ParsedArguments) -> ReportDestinations {
        var destinations =
            arguments.value("reports").map { ReportDestinations(reportsDirectory: $0) }
            ?? ReportDestinations()
        for (name, keyPath) in [
            ("junit", \ReportDestinations.junit), ("markdown", \ReportDestinations.markdown),
            ("json", \ReportDestinations.json),
        ] where arguments.isGiven(name) {
            destinations[keyPath: keyPath] = arguments.value(name)
        }
        return destinations
    }
}
