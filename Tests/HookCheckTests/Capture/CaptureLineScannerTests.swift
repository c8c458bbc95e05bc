import Foundation
import HookHTTP
import Testing

@testable import HookCheck

private let base =
    #"{"seq":7,"receivedAt":"2026-11-23T10:00:00.123Z","remote":"127.0.0.1:5","method":"POST","target":"/h?x=1","#
    + #""version":"HTTP/1.1","headers":[["Content-Type","application/json"],["X-Dup","a"],["x-dup",""]],"#

/// Lines the fast scanner reads itself, and lines it must hand to the generic parser (odd but valid,
/// or malformed): either way `parse(line:)` must give what the generic parser gives.
private let lines: [String] = [
    base + #""body":"{\"a\":1}","response":{"status":500}}"#,
    base + #""body":"{\"a\":1}"}"#,
    base + #""body":"","response":{"status":0}}"#,
    base + #""body":"Zoë 🌍 \\ \/ \b\f\n\r\t \u0001 \u007f","response":{"status":200}}"#,
    base + #""body":"\u00e9 \ud83c\udf0d"}"#,
    base + #""bodyBase64":"/w==","response":{"status":200}}"#,
    base + #""body":"x","bodyBase64":"/w=="}"#,
    #"{"method":"GET","target":"/","headers":[],"body":"","seq":1,"receivedAt":"2026-11-23T10:00:00Z"}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00+01:00","method":"GET","target":"/","headers":[],"body":""}"#,
    #" {"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""} "#,
    #"{"seq": 1, "receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","x":[1]}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","seq":2}"#,
    #"{"seq":1.0,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":-3,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":01,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":1e2,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":99999999999999999999,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":"1","receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":1,"receivedAt":"yesterday","method":"GET","target":"/","headers":[],"body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":7,"target":"/","headers":[],"body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","headers":[],"body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[["a"]],"body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":{},"body":""}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[]}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":3}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","remote":1}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","version":2}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","response":{}}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","response":{"status":"x"}}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"a\qb"}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"\ud800"}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"x"},"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"x""#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"x",}"#,
    "[1,2]", "{}", "", "nul", "{\"seq\":1,\"body\":\"a\u{01}b\"}",
]

private func outcome(_ parse: () throws(CaptureLineError) -> CaptureRecord) -> Result<CaptureRecord, CaptureLineError> {
    do {
        return .success(try parse())
    } catch {
        return .failure(error)
    }
}

@Test(arguments: lines)
func captureLineParsingAgreesWithTheGenericParser(_ text: String) {
    let line = Array(text.utf8)
    let generic = outcome { () throws(CaptureLineError) in try CaptureRecord.parseGenerically(line: line) }
    #expect(outcome { () throws(CaptureLineError) in try CaptureRecord.parse(line: line) } == generic)
    if let fast = CaptureLineScanner.record(in: line) {
        #expect(Result<CaptureRecord, CaptureLineError>.success(fast) == generic)
    }
}

@Test func captureLineScannerReadsTheLinesListenWrites() throws {
    let body = Array(#"{"type":"a\"b","n":"Zoë","c":"\u{1}\n"}"#.utf8) + [0x7F]
    let record = CaptureRecord(
        seq: 123_456, receivedAt: Date(timeIntervalSince1970: 1_795_428_000.5), remote: "[::1]:9", method: "POST",
        target: "/hooks?a=\"b\"", version: "HTTP/1.1",
        headers: [("webhook-id", "msg_1"), ("X-Quote", #"a "b" \c"#), ("X-Empty", "")], body: body,
        responseStatus: 503)
    let line = Array(record.jsonLine().dropLast())
    let fast = try #require(CaptureLineScanner.record(in: line))
    #expect(fast == record)
}

@Test(arguments: [
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"","x":1}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"body":"\u00e9"}"#,
    #"{"seq":1,"receivedAt":"2026-11-23T10:00:00Z","method":"GET","target":"/","headers":[],"bodyBase64":""}"#,
])
func captureLineScannerLeavesUnusualLinesToTheGenericParser(_ text: String) {
    #expect(CaptureLineScanner.record(in: Array(text.utf8)) == nil)
}
