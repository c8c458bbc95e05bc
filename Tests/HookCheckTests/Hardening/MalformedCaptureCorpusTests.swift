import Foundation
import Testing

@testable import HookCheck

/// Every malformed capture file in `Tests/Fixtures/malformed/captures/` reads to exactly its expected
/// events: each bad line named by number with what is wrong, a torn last line skipped with a warning,
/// the good lines around them still read. The reader runs with a 64 KiB line limit so the over-long
/// line fixture stays small.
@Suite("Malformed capture corpus")
struct MalformedCaptureCorpusTests {
    static let captures = MalformedCorpus.inputs(in: "captures", fileExtension: "jsonl")
    static let lineLimit = 64 * 1024

    @Test func corpusHasAtLeastFifteen() {
        #expect(Self.captures.count >= 15)
    }

    @Test(.timeLimit(.minutes(1)), arguments: captures)
    func readerReportsEveryBadLine(name: String) throws {
        let reader = try CaptureFileReader(path: MalformedCorpus.path(name, in: "captures"), lineLimit: Self.lineLimit)
        var lines: [String] = []
        while let event = try reader.next() {
            switch event {
            case .record(let record, let line):
                lines.append("\(name):\(line): record seq \(record.seq)")
            case .malformed(let line, let error):
                if let column = error.column, let pointer = error.pointer {
                    lines.append("\(name):\(line):\(column): error: \(pointer.displayText): \(error.problem)")
                } else {
                    lines.append("\(name):\(line): error: \(error.problem)")
                }
            case .tornLastLine(let line, let byteCount):
                lines.append("\(name):\(line): warning: torn last line of \(byteCount) bytes skipped")
            }
        }
        #expect(lines == MalformedCorpus.expectedLines(for: name, in: "captures", actual: lines))
        #expect(lines.contains { $0.contains(": error: ") || $0.contains(": warning: ") }, "\(name): nothing reported")
    }

    /// `hookcheck check` over each file: never a trap or a hang, a non-zero exit, and every bad line and
    /// torn last line named (line number and what is wrong) in the results it writes.
    @Test(.timeLimit(.minutes(1)), arguments: captures)
    func checkReportsEveryBadLineAsAnErrorResult(name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-malformed-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = folder.appendingPathComponent("suite.json")
        try Data(
            #"{"suite":"s","profile":"standard-webhooks","secret":{"env":"HOOKCHECK_SECRET"},"cases":[{"name":"c","body":{"type":"user.created","data":{}}}]}"#
                .utf8
        ).write(to: suite)
        let json = folder.appendingPathComponent("results.json")
        let outcome = await runCLI(
            [
                "check", suite.path, "--captures", MalformedCorpus.path(name, in: "captures"), "--json", json.path,
                "--junit", folder.appendingPathComponent("junit.xml").path, "--markdown",
                folder.appendingPathComponent("report.md").path,
            ],
            environment: ["HOOKCHECK_SECRET": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(outcome.status == 1 || outcome.status == 2, "\(name): exit \(outcome.status) \(outcome.errorOutput)")
        let results = try JSONParser.parse([UInt8](Data(contentsOf: json)))
        let texts = Self.strings(in: results)
        let expected = MalformedCorpus.expectedLines(for: name, in: "captures", actual: [])
        // `check` reads with the default 16 MiB line limit, so the over-long fixture line is a record there.
        for line in expected where !line.contains(": record seq ") && !line.contains("longer than the limit") {
            if line.contains(": warning: torn last line") {
                let number = line.dropFirst(name.count + 1).prefix { $0.isNumber }
                #expect(
                    texts.contains { $0.contains("line \(number): torn last line") },
                    "\(name): nothing says line \(number): torn last line")
                continue
            }
            // "name.jsonl:2:14: error: /x: problem" is worded "…/name.jsonl:2:14: /x: problem" by check.
            let reported = line.replacingOccurrences(of: ": error: ", with: ": ")
            #expect(texts.contains { $0.contains(reported) }, "\(name): nothing says \(reported)")
        }
    }

    static func strings(in value: JSONValue) -> [String] {
        if let text = value.stringValue { return [text] }
        if let elements = value.arrayValue { return elements.flatMap(strings(in:)) }
        if let object = value.objectValue { return object.flatMap { strings(in: $0.value) } }
        return []
    }
}
