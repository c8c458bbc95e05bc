import Foundation
import HookHTTP
import Testing

@testable import HookCheck

private func sampleRecord(seq: Int, body: [UInt8]) -> CaptureRecord {
    CaptureRecord(
        seq: seq, receivedAt: Date(timeIntervalSince1970: 1_795_428_000.123), remote: "127.0.0.1:50412",
        method: "POST", target: "/hooks?x=1", version: "HTTP/1.1",
        headers: [("Content-Type", "application/json"), ("X-Dup", "a"), ("x-dup", "b"), ("X-Empty", "")],
        body: body, responseStatus: 500)
}

private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-\(UUID().uuidString)-\(name)").path
}

@Test(arguments: [
    Array(#"{"test": 2432232314, "name": "Zoë 🌍", "esc": "a\"b\\c\n"}"#.utf8),
    [0xff, 0x00, 0xc3, 0x28, 0x7b],
    [],
])
func captureRecordRoundTripsExactBytes(_ body: [UInt8]) throws {
    let record = sampleRecord(seq: 7, body: body)
    let line = record.jsonLine()
    #expect(line.last == UInt8(ascii: "\n"))
    #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
    var parsed = try CaptureRecord.parse(line: Array(line.dropLast()))
    // Capture files keep milliseconds.
    #expect(abs(parsed.receivedAt.timeIntervalSince(record.receivedAt)) < 0.0005)
    parsed.receivedAt = record.receivedAt
    #expect(parsed == record)
    #expect(parsed.headers.map(\.name) == ["Content-Type", "X-Dup", "x-dup", "X-Empty"])
}

@Test func captureRecordUsesBase64OnlyForNonUTF8Bodies() {
    let text = String(decoding: sampleRecord(seq: 1, body: Array("{}".utf8)).jsonLine(), as: UTF8.self)
    #expect(text.contains(#""body":"{}""#))
    #expect(text.contains(#""receivedAt":"2026-11-23T10:00:00.123Z""#))
    let binary = String(decoding: sampleRecord(seq: 1, body: [0xff]).jsonLine(), as: UTF8.self)
    #expect(binary.contains(#""bodyBase64":"/w==""#))
}

@Test(arguments: [
    (#"{"seq":1}"#, "column 1: /: missing field \"receivedAt\""),
    (#"[1]"#, "column 1: /: expected an object"),
    (#"{"seq":"1"}"#, "column 8: /seq: expected an integer"),
    (#"{"seq":1,"receivedAt":"yesterday"}"#, "column 23: /receivedAt: expected an RFC 3339 date-time"),
    (
        #"{"seq":1,"receivedAt":"2026-11-23T10:00:00.123Z","method":"POST","target":"/","headers":[["a"]],"body":""}"#,
        "column 90: /headers/0: expected a [name, value] pair of strings"
    ),
    (
        #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"POST","target":"/","headers":[],"bodyBase64":"!!"}"#,
        "column 101: /bodyBase64: expected standard base64"
    ),
])
func captureLineErrorsNameTheField(_ example: (String, String)) {
    #expect(throws: CaptureLineError.self) { try CaptureRecord.parse(line: Array(example.0.utf8)) }
    do {
        _ = try CaptureRecord.parse(line: Array(example.0.utf8))
    } catch {
        #expect(error.description == example.1)
    }
}

@Test func writerAppendsAndReaderStreamsWithLineNumbers() throws {
    let path = temporaryPath("captures.jsonl")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try CaptureFileWriter(path: path, fsync: true)
    for seq in 1...3 { try writer.append(sampleRecord(seq: seq, body: Array("{\"n\":\(seq)}".utf8))) }
    writer.close()
    #expect(throws: CaptureFileError.self) { try writer.append(sampleRecord(seq: 4, body: [])) }

    // A blank line, a malformed line, then a torn (unterminated, unparsable) last line.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("\n{\"seq\":\n".utf8))
    handle.write(Data(sampleRecord(seq: 9, body: []).jsonLine().dropLast(10)))
    try handle.close()

    let reader = try CaptureFileReader(path: path)
    var seqs: [Int] = []
    var malformed: [Int] = []
    var torn: [Int] = []
    while let event = try reader.next() {
        switch event {
        case .record(let record, let line):
            seqs.append(record.seq)
            #expect(line == record.seq)
        case .malformed(let line, _): malformed.append(line)
        case .tornLastLine(let line, _): torn.append(line)
        }
    }
    #expect(seqs == [1, 2, 3])
    #expect(malformed == [5])
    #expect(torn == [6])
}

@Test func readerReportsOverlongLinesAndCarriesOn() throws {
    let path = temporaryPath("long.jsonl")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var data = Data(repeating: UInt8(ascii: "x"), count: 200_000)
    data.append(UInt8(ascii: "\n"))
    data.append(contentsOf: sampleRecord(seq: 2, body: []).jsonLine())
    try data.write(to: URL(fileURLWithPath: path))
    let reader = try CaptureFileReader(path: path, lineLimit: 1000)
    guard case .malformed(1, .tooLong(1000))? = try reader.next() else {
        Issue.record("expected an over-long first line")
        return
    }
    guard case .record(let record, 2)? = try reader.next() else {
        Issue.record("expected the second line's record")
        return
    }
    #expect(record.seq == 2)
    #expect(try reader.next() == nil)
}

@Test func readerAndWriterReportUnusablePaths() {
    #expect(throws: CaptureFileError.self) { try CaptureFileReader(path: "/nonexistent/dir/captures.jsonl") }
    #expect(throws: CaptureFileError.self) { try CaptureFileWriter(path: "/nonexistent/dir/captures.jsonl") }
}

@Test func captureLineQuotingMatchesTheJSONWriter() throws {
    var text = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
    text += "\"\\/ plain Zoë 🌍 \u{7f} \u{2028}"
    var record = sampleRecord(seq: 1, body: Array(text.utf8))
    record.headers = [(text, text)]
    record.remote = text
    let line = String(decoding: record.jsonLine(), as: UTF8.self)
    let quoted = JSONWriter.quoted(text)
    #expect(line.contains(#""remote":\#(quoted),"#))
    #expect(line.contains(#""headers":[[\#(quoted),\#(quoted)]]"#))
    #expect(line.contains(#""body":\#(quoted)"#))
}

@Test(arguments: [
    ("1970-01-01T00:00:00.000Z", 0.0),
    ("2026-11-23T10:00:00.123Z", 1_795_428_000.123),
    ("1969-12-31T23:59:59.999Z", -0.001),
    ("2024-02-29T23:59:59.500Z", 1_709_251_199.5),
])
func captureTimesFormatAndParseExactly(_ example: (String, Double)) throws {
    var record = sampleRecord(seq: 1, body: [])
    record.receivedAt = Date(timeIntervalSince1970: example.1)
    let line = record.jsonLine()
    #expect(String(decoding: line, as: UTF8.self).contains(#""receivedAt":"\#(example.0)""#))
    let parsed = try CaptureRecord.parse(line: Array(line.dropLast()))
    #expect(abs(parsed.receivedAt.timeIntervalSince1970 - example.1) < 0.0005)
}

/// Regression (found by FuzzCaptureLine): a `receivedAt` with dozens of fraction digits overflowed the
/// fast time parser instead of going to the general one.
@Test func captureTimeWithManyFractionDigitsDoesNotTrap() throws {
    let digits = String(repeating: "6", count: 40)
    let line =
        #"{"seq":1,"receivedAt":"2026-11-23T10:00:00.1\#(digits)3Z","remote":"127.0.0.1:1","#
        + #""method":"POST","target":"/","version":"HTTP/1.1","headers":[],"body":""}"#
    let record = try? CaptureRecord.parse(line: Array(line.utf8))
    if let record {
        #expect(abs(record.receivedAt.timeIntervalSince1970 - 1_795_428_000.166) < 0.01)
    }
}

/// The capture-time reader does `timegm`'s arithmetic itself: leap days, and a day past the month's
/// end or a leap second carried forward as `timegm` carries them.
@Test(arguments: [
    ("1970-01-01T00:00:00Z", 0.0),
    ("2026-11-23T10:00:00.123Z", 1_795_428_000.123),
    ("2024-02-29T23:59:59Z", 1_709_251_199.0),
    ("2000-03-01T00:00:00.5Z", 951_868_800.5),
    ("2026-02-31T00:00:00Z", 1_772_496_000.0),
    ("2026-12-31T23:59:60Z", 1_798_761_600.0),
    ("1969-12-31T23:59:59Z", -1.0),
])
func captureTimeReadsUTCWithoutTheCalendar(_ text: String, seconds: Double) throws {
    let date = try #require(CaptureTime.parseUTC(Array(text.utf8)))
    #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_5)
}

/// Lines read a batch at a time (sharing one buffer) make the same events, with the same line
/// numbers, as lines read one by one: blank lines skipped, an over-long line reported in its place,
/// an unterminated last line torn.
@Test(arguments: [1, 2, 3, 256])
func batchedReadingGivesTheEventsOfReadingOneByOne(batchSize: Int) throws {
    let path = temporaryPath("batched.jsonl")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var data = Data()
    data.append(contentsOf: sampleRecord(seq: 1, body: Array(#"{"a":1}"#.utf8)).jsonLine())
    data.append(contentsOf: Array("  \n\n".utf8))
    data.append(contentsOf: Array(repeating: UInt8(ascii: "x"), count: 3_000) + [0x0A])
    data.append(contentsOf: sampleRecord(seq: 2, body: []).jsonLine())
    data.append(contentsOf: Array(#"{"seq":3}"#.utf8) + [0x0A])
    data.append(contentsOf: sampleRecord(seq: 4, body: Array("tail".utf8)).jsonLine().dropLast(5))
    try data.write(to: URL(fileURLWithPath: path))

    func describe(_ event: CaptureFileReader.Event) -> String {
        switch event {
        case .record(let record, let line): "record \(record.seq) at \(line), body \(record.body)"
        case .malformed(let line, let error): "malformed \(line): \(error.problem)"
        case .tornLastLine(let line, let count): "torn \(line), \(count) bytes"
        }
    }
    let single = try CaptureFileReader(path: path, lineLimit: 1_000)
    var expected: [String] = []
    while let event = try single.next() { expected.append(describe(event)) }

    let batched = try CaptureFileReader(path: path, lineLimit: 1_000)
    var found: [String] = []
    while true {
        let lines = try batched.nextLines(upTo: batchSize)
        #expect(lines.count <= batchSize)
        found += lines.map { describe($0.event) }
        if lines.count < batchSize { break }
    }
    #expect(found == expected)
    #expect(expected.count == 5)
    #expect(expected.first?.hasPrefix("record 1 at 1") == true)
    #expect(expected.last?.hasPrefix("torn 7") == true)
}
