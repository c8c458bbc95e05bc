import Foundation
import HookTestSupport

/// The malformed-input corpus under `Tests/Fixtures/malformed/`: each input file sits next to a
/// `.expected` file holding exactly the diagnostics it must produce. Set `RECORD_MALFORMED=1` to rewrite
/// the `.expected` files from the current output (then review the diff).
enum MalformedCorpus {
    /// `Tests/Fixtures/malformed`.
    static let folder: URL = PackagePaths.fixture("malformed")

    /// The names (with extension) of the inputs in `subfolder` that end in `fileExtension`, sorted.
    static func inputs(in subfolder: String, fileExtension: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path))
        return (names ?? []).filter { $0.hasSuffix("." + fileExtension) }.sorted()
    }

    /// The path of `name` in `subfolder`.
    static func path(_ name: String, in subfolder: String) -> String {
        folder.appendingPathComponent(subfolder).appendingPathComponent(name).path
    }

    /// The expected lines for input `name`, or the recorded `actual` lines when recording.
    static func expectedLines(for name: String, in subfolder: String, actual: [String]) -> [String] {
        let expected = folder.appendingPathComponent(subfolder)
            .appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
        if ProcessInfo.processInfo.environment["RECORD_MALFORMED"] == "1" {
            try? (actual.map { $0 + "\n" }.joined()).write(to: expected, atomically: true, encoding: .utf8)
            return actual
        }
        let text = (try? String(contentsOf: expected, encoding: .utf8)) ?? "missing \(expected.path)"
        return text.split(separator: "\n").map(String.init)
    }
}
