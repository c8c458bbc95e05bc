import Foundation
import HookCheck
import Testing

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
                lines.append("\(name):\(line): error: \(error)")
            case .tornLastLine(let line, let byteCount):
                lines.append("\(name):\(line): warning: torn last line of \(byteCount) bytes skipped")
            }
        }
        #expect(lines == MalformedCorpus.expectedLines(for: name, in: "captures", actual: lines))
        #expect(lines.contains { $0.contains(": error: ") || $0.contains(": warning: ") }, "\(name): nothing reported")
    }
}
