import Foundation
import Testing

@testable import HookCheck

/// `hookcheck init` writes the bundled suites from a compiled-in copy; these tests keep the copy equal to
/// `Suites/` and the starters equal to the bundled suites, so the two cannot drift.
@Suite("Bundled suites, compiled in")
struct BundledSuitesCopyTests {
    static let suitesDirectory = SuiteFixtures.repositoryRoot + "/Suites"

    static var suiteFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suitesDirectory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func theCopyHasExactlyTheFilesOfSuites() {
        #expect(BundledSuites.fileNames.sorted() == Self.suiteFiles)
    }

    @Test(arguments: suiteFiles)
    func theCopyIsTheFileByteForByte(_ name: String) throws {
        let file = try String(contentsOfFile: "\(Self.suitesDirectory)/\(name).json", encoding: .utf8)
        #expect(
            BundledSuites.text(ofFile: name) == file,
            "Suites/\(name).json changed: run python3 Scripts/generate-bundled-suites.py")
    }

    @Test(arguments: Profile.builtIn.map(\.name))
    func everyBuiltInProfileHasABundledSuite(_ name: String) {
        #expect(BundledSuites.text(forProfile: name) != nil)
    }
}
