/// Where a run's reports go; a `nil` path writes no such report.
public struct ReportDestinations: Sendable, Hashable {
    /// The default JUnit path (`--junit`).
    public static let defaultJUnit = "Reports/junit.xml"
    /// The default Markdown path (`--markdown`).
    public static let defaultMarkdown = "Reports/report.md"

    /// The JUnit XML file.
    public var junit: String?
    /// The Markdown file.
    public var markdown: String?
    /// The JSON results file.
    public var json: String?

    /// Creates destinations; by default JUnit and Markdown go to `Reports/`, and no JSON is written.
    public init(junit: String? = defaultJUnit, markdown: String? = defaultMarkdown, json: String? = nil) {
        self.junit = junit
        self.markdown = markdown
        self.json = json
    }

    /// All three reports in `directory` (`--reports DIR`): `junit.xml`, `report.md`, `results.json`.
    public init(reportsDirectory directory: String) {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let prefix = folder.isEmpty ? "" : folder + "/"
        self.init(junit: prefix + "junit.xml", markdown: prefix + "report.md", json: prefix + "results.json")
    }
}
