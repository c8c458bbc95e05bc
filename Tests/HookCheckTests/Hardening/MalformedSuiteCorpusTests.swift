import Foundation
import Testing

@testable import HookCheck

/// Every malformed suite in `Tests/Fixtures/malformed/suites/` makes `hookcheck validate` exit 2 with
/// exactly its expected diagnostics, each naming file, line, column and JSON pointer; none traps or hangs.
@Suite("Malformed suite corpus")
struct MalformedSuiteCorpusTests {
    static let suites = MalformedCorpus.inputs(in: "suites", fileExtension: "json")

    @Test func corpusHasAtLeastForty() {
        #expect(Self.suites.count >= 40)
    }

    @Test(.timeLimit(.minutes(1)), arguments: suites)
    func validateRejectsWithLocatedDiagnostics(name: String) async throws {
        let path = MalformedCorpus.path(name, in: "suites")
        let folder = (path as NSString).deletingLastPathComponent + "/"
        let outcome = await runCLI(["validate", path])
        let lines = outcome.errorOutput.split(separator: "\n").map { $0.replacingOccurrences(of: folder, with: "") }
        #expect(outcome.status == 2, "\(name): exit \(outcome.status)")
        #expect(lines == MalformedCorpus.expectedLines(for: name, in: "suites", actual: lines))
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty, "\(name): no error reported")
        for error in errors {
            #expect(
                error.wholeMatch(of: #/[A-Za-z0-9.-]+\.json:[0-9]+:[0-9]+: error: /[^ ]*: .+/#) != nil,
                "\(name): not file:line:column: error: /pointer: message — \(error)")
        }
    }

    @Test(arguments: suites)
    func loaderReturnsNoSuiteAndAnError(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: MalformedCorpus.path(name, in: "suites"))))
        let (suite, diagnostics) = SuiteLoader.load(bytes: bytes, path: name)
        #expect(suite == nil)
        #expect(diagnostics.contains { $0.isError && $0.location != nil && $0.pointer != nil })
    }
}
