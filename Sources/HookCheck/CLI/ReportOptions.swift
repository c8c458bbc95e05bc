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
}
