import Foundation
import Testing

@testable import HookCheck

/// The limits on documents hookcheck reads — JSON nesting depth, suite file size and depth, capture line
/// length — each at its value (accepted) and one past it (rejected with a message naming the limit).
@Suite("Document limits")
struct DocumentLimitTests {
    static func nested(_ depth: Int) -> [UInt8] {
        Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
    }

    @Test(arguments: [1, 3, 512])
    func jsonDepthAtLimitParsesOnePastFails(limit: Int) throws {
        let options = JSONParser.Options(maxDepth: limit)
        #expect(throws: Never.self) { try JSONParser.parse(Self.nested(limit), options: options) }
        #expect(throws: Never.self) { try JSONParser.parseDocument(Self.nested(limit), options: options) }
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parse(Self.nested(limit + 1), options: options)
        }
        #expect(error.reason == .depthLimitExceeded(limit: limit))
        #expect(error.location == TextPosition(line: 1, column: limit + 1))
    }

    @Test func jsonDepthDefaultIs512() {
        #expect(JSONParser.Options().maxDepth == 512)
        #expect(throws: Never.self) { try JSONParser.parse(Self.nested(512)) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Self.nested(513)) }
    }

    @Test func jsonSizeAtLimitParsesOnePastFails() throws {
        let text = Array(#"{"a":"xxxx"}"#.utf8)
        let options = JSONParser.Options(maxBytes: text.count)
        #expect(throws: Never.self) { try JSONParser.parse(text, options: options) }
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parse(text + [0x20], options: options)
        }
        #expect(error.reason == .tooLarge(size: text.count + 1, limit: text.count))
    }

    /// A valid suite padded with spaces to exactly `size` bytes.
    static func suite(size: Int, bodyDepth: Int = 1) -> [UInt8] {
        let body =
            String(repeating: #"{"a":"#, count: bodyDepth - 1) + #"{"type":"x"}"#
            + String(repeating: "}", count: bodyDepth - 1)
        let text = #"{"suite":"s","profile":"standard-webhooks","cases":[{"name":"c","body":\#(body)}]}"#
        return Array(text.utf8) + [UInt8](repeating: 0x20, count: max(0, size - text.utf8.count))
    }

    @Test func suiteSizeAtLimitLoadsOnePastIsAnError() {
        let limit = 4096
        let options = SuiteLoader.Options(maxFileSize: limit)
        let atLimit = SuiteLoader.load(bytes: Self.suite(size: limit), path: "s.json", options: options)
        #expect(atLimit.suite != nil, "\(atLimit.diagnostics)")
        let past = SuiteLoader.load(bytes: Self.suite(size: limit + 1), path: "s.json", options: options)
        #expect(past.suite == nil)
        #expect(
            past.diagnostics.map(\.description) == [
                "s.json: error: file is 4097 bytes, more than the limit of 4096 bytes"
            ])
    }

    @Test func suiteSizeLimitAppliesToFilesBeforeReadingThem() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-size-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Self.suite(size: 2049)).write(to: URL(fileURLWithPath: path))
        let atLimit = SuiteLoader.load(path: path, options: .init(maxFileSize: 2049))
        #expect(atLimit.suite != nil)
        let past = SuiteLoader.load(path: path, options: .init(maxFileSize: 2048))
        #expect(past.diagnostics.map(\.message) == ["file is 2049 bytes, more than the limit of 2048 bytes"])
        #expect(SuiteLoader.Options().maxFileSize == 8 << 20)
    }

    @Test func suiteDepthAtLimitLoadsOnePastIsLocatedError() throws {
        // The body sits at depth 4 (suite object, cases array, case object, body object); 6 more levels make 10.
        let options = SuiteLoader.Options(maxDepth: 10)
        let atLimit = SuiteLoader.load(bytes: Self.suite(size: 0, bodyDepth: 7), path: "s.json", options: options)
        #expect(atLimit.suite != nil, "\(atLimit.diagnostics)")
        let past = SuiteLoader.load(bytes: Self.suite(size: 0, bodyDepth: 8), path: "s.json", options: options)
        #expect(past.suite == nil)
        let error = try #require(past.diagnostics.first)
        #expect(error.description.hasPrefix("s.json:1:"))
        #expect(error.message == "arrays and objects nested deeper than 10 levels")
        #expect(error.pointer?.description.hasPrefix("/cases/0/body/a/a/a/a/a/a") == true)
        #expect(SuiteLoader.Options().maxDepth == 512)
    }

    /// A capture file whose second line is exactly `length` bytes (without its newline).
    static func captureFile(secondLineLength length: Int) throws -> String {
        func line(seq: Int, body: String) -> String {
            #"{"seq":\#(seq),"receivedAt":"2026-11-23T10:00:00.123Z","method":"POST","target":"/","headers":[],"body":"\#(body)"}"#
        }
        let empty = line(seq: 2, body: "").utf8.count
        let text =
            line(seq: 1, body: "a") + "\n" + line(seq: 2, body: String(repeating: "b", count: length - empty)) + "\n"
            + line(seq: 3, body: "c") + "\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-line-\(UUID()).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func events(_ path: String, lineLimit: Int) throws -> [String] {
        let reader = try CaptureFileReader(path: path, lineLimit: lineLimit)
        var events: [String] = []
        while let event = try reader.next() {
            switch event {
            case .record(let record, let line): events.append("\(line): seq \(record.seq)")
            case .malformed(let line, let error): events.append("\(line): \(error)")
            case .tornLastLine(let line, _): events.append("\(line): torn")
            }
        }
        return events
    }

    @Test(arguments: [200, 100_000])
    func captureLineAtLimitReadsOnePastIsReportedAndSkipped(limit: Int) throws {
        let atLimit = try Self.captureFile(secondLineLength: limit)
        defer { try? FileManager.default.removeItem(atPath: atLimit) }
        #expect(try Self.events(atLimit, lineLimit: limit) == ["1: seq 1", "2: seq 2", "3: seq 3"])
        let past = try Self.captureFile(secondLineLength: limit + 1)
        defer { try? FileManager.default.removeItem(atPath: past) }
        #expect(
            try Self.events(past, lineLimit: limit)
                == ["1: seq 1", "2: line longer than the limit of \(limit) bytes", "3: seq 3"])
        #expect(CaptureFileReader.defaultLineLimit == 16 * 1024 * 1024)
    }
}
