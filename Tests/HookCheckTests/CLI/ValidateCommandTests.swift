import Foundation
import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct ValidateCommandTests {
    static let error = Diagnostic(severity: .error, file: "a.json", message: "bad")
    static let warning = Diagnostic(severity: .warning, file: "b.json", message: "odd")

    @Test(arguments: [
        (1, 0, [Diagnostic](), "1 suite valid"),
        (3, 0, [warning], "3 suites valid, 1 warning"),
        (3, 0, [warning, warning], "3 suites valid, 2 warnings"),
        (2, 1, [error, warning], "1 of 2 suites invalid: 1 error, 1 warning"),
        (1, 1, [error, error], "1 of 1 suite invalid: 2 errors, 0 warnings"),
    ])
    func summarizes(_ total: Int, _ invalid: Int, _ diagnostics: [Diagnostic], _ expected: String) {
        #expect(ValidateCommand.summary(total: total, invalid: invalid, diagnostics: diagnostics) == expected)
    }

    @Test func reportsEveryFileAndExitsTwoOnErrors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"suite\": 1}".utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data("[1,]".utf8).write(to: folder.appendingPathComponent("b.json"))
        let outcome = await runCLI(["validate", folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.contains("\(folder.path)/a.json:1:"))
        #expect(outcome.errorOutput.contains("\(folder.path)/b.json:1:"), "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("trailing comma"))
        #expect(outcome.output.hasPrefix("2 of 2 suites invalid: "))
    }
}
