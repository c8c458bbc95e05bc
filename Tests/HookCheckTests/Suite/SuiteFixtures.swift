import HookTestSupport

@testable import HookCheck

/// Helpers for the suite, pattern and profile tests.
enum SuiteFixtures {
    /// Parses JSON text written in a test; text that does not parse gives a string saying why, so the
    /// test fails on it visibly.
    static func json(_ text: String) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            return .string("unparsable test JSON: \(error)")
        }
    }

    /// Loads suite text as the file `t.json`.
    static func load(_ text: String) -> (suite: Suite?, diagnostics: [String]) {
        let (suite, diagnostics) = SuiteLoader.load(bytes: Array(text.utf8), path: "t.json")
        return (suite, diagnostics.map(\.description))
    }

    /// The repository's root folder (for the bundled `Suites/`).
    static var repositoryRoot: String { PackagePaths.root.path }
}
