import Testing

@testable import HookCheck

@Suite("Bundled suites")
struct BundledSuiteTests {
    @Test func everyBundledSuiteLoadsWithoutErrorsOrWarnings() {
        let (suites, diagnostics) = SuiteLoader.loadAll(paths: [SuiteFixtures.repositoryRoot + "/Suites"])
        #expect(diagnostics.map(\.description) == [])
        #expect(suites.count >= 10)
        for suite in suites {
            #expect(!suite.cases.isEmpty, "\(suite.name)")
        }
    }
}
