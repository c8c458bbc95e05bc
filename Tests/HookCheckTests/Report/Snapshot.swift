import Foundation
import Testing

/// Compares `text` with the snapshot file `Snapshots/<name>` beside the tests; records it instead
/// when `RECORD_SNAPSHOTS=1` or when the file does not exist yet (which fails the test).
func expectSnapshot(
    _ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(filePath: filePath).deletingLastPathComponent().appending(path: "Snapshots")
    let file = folder.appending(path: name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            return
        }
        if !record {
            Issue.record("recorded missing snapshot \(name); run again", sourceLocation: sourceLocation)
        }
        return
    }
    guard stored != text else { return }
    let storedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index =
        zip(storedLines, lines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(storedLines.count, lines.count)
    let expected = index < storedLines.count ? String(storedLines[index]) : "<end of snapshot>"
    let actual = index < lines.count ? String(lines[index]) : "<end of output>"
    let report =
        "output differs from snapshot \(name) at line \(index + 1):\n  snapshot: \(expected)\n  output:   \(actual)"
    Issue.record("\(report)\n(re-record with RECORD_SNAPSHOTS=1)", sourceLocation: sourceLocation)
}
