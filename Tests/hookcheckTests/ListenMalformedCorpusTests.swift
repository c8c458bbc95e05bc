import Foundation
import HookTestSupport
import Testing

@testable import HookCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Raw malformed bytes at a running `hookcheck listen`: each gets its status (or a close), nothing is
/// captured, and afterwards a valid signed delivery is still captured and judged.
@Suite struct ListenMalformedCorpusTests {
    /// What a malformed request must get.
    enum Answer: Sendable, CustomStringConvertible {
        /// The first response has one of these statuses.
        case status(Set<Int>)
        /// The responses, in order, have these statuses (pipelined requests).
        case statuses([Int])
        /// The connection is closed without any response.
        case close

        var description: String {
            switch self {
            case .status(let set): "status \(set.sorted())"
            case .statuses(let list): "statuses \(list)"
            case .close: "close without a response"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var chunks: [[UInt8]]
        var answer: Answer
        var pause: TimeInterval = 0
        var halfClose = false
        var description: String { name }
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static func status(_ code: Int) -> Answer { .status([code]) }

    /// A request to a path the listener does not accept, so even parseable requests are not captured.
    private static func junk(_ headers: String, body: String = "") -> [UInt8] {
        bytes("POST /junk HTTP/1.1\r\nHost: x\r\n\(headers)\r\n\(body)")
    }

    static let corpus: [Case] = {
        let manyFields = (0..<250).map { "X-F\($0): v\r\n" }.joined()
        let bigFields = (0..<100).map { "X-B\($0): \(String(repeating: "b", count: 1000))\r\n" }.joined()
        let cases: [Case] = [
            Case(name: "garbage request line", chunks: [bytes("HELLO\r\n\r\n")], answer: status(400)),
            Case(
                name: "request line without version", chunks: [bytes("POST /hooks\r\nHost: x\r\n\r\n")],
                answer: status(400)),
            Case(
                name: "lowercase version", chunks: [bytes("POST /hooks http/1.1\r\nHost: x\r\n\r\n")],
                answer: status(400)),
            Case(
                name: "HTTP/2.0 on the wire", chunks: [bytes("POST /hooks HTTP/2.0\r\nHost: x\r\n\r\n")],
                answer: .status([400, 505])),
            Case(
                name: "method with a delimiter", chunks: [bytes("PO(ST /hooks HTTP/1.1\r\nHost: x\r\n\r\n")],
                answer: status(400)),
            Case(name: "empty method", chunks: [bytes(" /hooks HTTP/1.1\r\nHost: x\r\n\r\n")], answer: status(400)),
            Case(
                name: "space inside the target", chunks: [bytes("POST /ho oks HTTP/1.1\r\nHost: x\r\n\r\n")],
                answer: status(400)),
            Case(
                name: "control byte in the target", chunks: [bytes("POST /ho\u{1}oks HTTP/1.1\r\nHost: x\r\n\r\n")],
                answer: status(400)),
            Case(
                name: "bare LF line endings", chunks: [bytes("POST /junk HTTP/1.1\nHost: x\n\n")], answer: status(400)),
            Case(
                name: "bare CR in the head", chunks: [bytes("POST /junk HTTP/1.1\rHost: x\r\n\r\n")],
                answer: status(400)),
            Case(name: "header without a colon", chunks: [junk("X-No-Colon\r\n")], answer: status(400)),
            Case(name: "whitespace before the colon", chunks: [junk("X-A : 1\r\n")], answer: status(400)),
            Case(name: "delimiter in a header name", chunks: [junk("Bad(Name: 1\r\n")], answer: status(400)),
            Case(name: "empty header name", chunks: [junk(": value\r\n")], answer: status(400)),
            Case(name: "NUL in a header value", chunks: [junk("X-A: a\u{0}b\r\n")], answer: status(400)),
            Case(name: "obsolete line folding", chunks: [junk("X-A: a\r\n  folded\r\n")], answer: status(400)),
            Case(
                name: "whitespace before the first field", chunks: [bytes("POST /junk HTTP/1.1\r\n Host: x\r\n\r\n")],
                answer: status(400)),
            Case(
                name: "one 70 KiB header line", chunks: [junk("X-Huge: \(String(repeating: "h", count: 70_000))\r\n")],
                answer: status(431)),
            Case(name: "100 KiB of headers", chunks: [junk(bigFields)], answer: status(431)),
            Case(name: "250 header fields", chunks: [junk(manyFields)], answer: status(431)),
            Case(
                name: "HTTP/1.1 without Host", chunks: [bytes("POST /junk HTTP/1.1\r\nContent-Length: 0\r\n\r\n")],
                answer: status(400)),
            Case(name: "two Host headers", chunks: [junk("Host: y\r\nContent-Length: 0\r\n")], answer: status(400)),
            Case(name: "Content-Length not a number", chunks: [junk("Content-Length: abc\r\n")], answer: status(400)),
            Case(name: "negative Content-Length", chunks: [junk("Content-Length: -1\r\n")], answer: status(400)),
            Case(
                name: "Content-Length overflowing 64 bits",
                chunks: [junk("Content-Length: 99999999999999999999999\r\n")], answer: .status([400, 413])),
            Case(
                name: "conflicting Content-Length headers",
                chunks: [junk("Content-Length: 5\r\nContent-Length: 6\r\n", body: "hello!")], answer: status(400)),
            Case(
                name: "Content-Length list of different values",
                chunks: [junk("Content-Length: 5, 6\r\n", body: "hello!")], answer: status(400)),
            Case(
                name: "Content-Length with Transfer-Encoding",
                chunks: [junk("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", body: "0\r\n\r\n")],
                answer: status(400)),
            Case(
                name: "unknown transfer coding", chunks: [junk("Transfer-Encoding: gzip\r\n")],
                answer: .status([400, 501])),
            Case(
                name: "chunked not the final coding", chunks: [junk("Transfer-Encoding: chunked, gzip\r\n")],
                answer: .status([400, 501])),
            Case(
                name: "chunk size not hex",
                chunks: [junk("Transfer-Encoding: chunked\r\n", body: "zz\r\nhello\r\n0\r\n\r\n")], answer: status(400)),
            Case(
                name: "negative chunk size",
                chunks: [junk("Transfer-Encoding: chunked\r\n", body: "-5\r\nhello\r\n0\r\n\r\n")], answer: status(400)),
            Case(
                name: "chunk size overflowing 64 bits",
                chunks: [junk("Transfer-Encoding: chunked\r\n", body: "ffffffffffffffffffff\r\n")],
                answer: .status([400, 413])),
            Case(
                name: "chunk data without its CRLF",
                chunks: [junk("Transfer-Encoding: chunked\r\n", body: "5\r\nhelloXX0\r\n\r\n")], answer: status(400)),
            Case(
                name: "body shorter than declared, then EOF", chunks: [junk("Content-Length: 100\r\n", body: "short")],
                answer: .close, halfClose: true),
            Case(
                name: "client stops mid-chunk", chunks: [junk("Transfer-Encoding: chunked\r\n", body: "10\r\nabc")],
                answer: .close, halfClose: true),
            Case(
                name: "body longer than declared", chunks: [junk("Content-Length: 5\r\n", body: "helloEXTRA\r\n\r\n")],
                answer: .statuses([404, 400])),
            Case(
                name: "body larger than the 10 MiB limit", chunks: [junk("Content-Length: 20000000\r\n", body: "x")],
                answer: status(413)),
            Case(
                name: "chunk larger than the 10 MiB limit",
                chunks: [junk("Transfer-Encoding: chunked\r\n", body: "A00001\r\nx")], answer: status(413)),
            Case(
                name: "unsupported Expect", chunks: [junk("Expect: teapot\r\nContent-Length: 0\r\n")],
                answer: status(417)),
            Case(
                name: "binary bytes", chunks: [[0xff, 0xfe, 0x00, 0x01, 0x0d, 0x0a, 0x0d, 0x0a]], answer: status(400)),
            Case(
                name: "TLS ClientHello on the plain port",
                chunks: [[0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]],
                answer: status(400)),
            Case(
                name: "valid request then garbage, pipelined",
                chunks: [junk("Content-Length: 0\r\n") + bytes("NOT HTTP\r\n\r\n")], answer: .statuses([404, 400])),
            Case(
                name: "slowloris head, one byte every 0.25 s",
                chunks: bytes("POST /junk HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmnopqrstuvwxyz").map { [$0] },
                answer: status(408), pause: 0.25),
            Case(name: "connection that never sends a byte", chunks: [], answer: .close),
        ]
        return cases
    }()

    @Test func corpusHasAtLeastFortyCases() {
        #expect(Self.corpus.count >= 40)
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count)
    }

    @Test func malformedRequestsGetTheirStatusAndAValidDeliveryIsStillCaptured() async throws {
        let folder = try ListenDeliveries.temporaryFolder()
        let suite = try ListenDeliveries.writeSuite(in: folder)
        let captures = folder.appendingPathComponent("captures.jsonl").path
        let listener = try ListenProcess(
            [
                suite, "--path", "/hooks", "--captures", captures, "--reports", folder.path, "--timeout", "120",
                // Room for the 1,000 idle connections plus the corpus's own, whatever the scheduling.
                "--max-connections", "2048",
            ],
            environment: ["LISTEN_SECRET": ListenDeliveries.secret, "NO_COLOR": "1"])
        let port = listener.port
        try #require(port > 0, "no address: \(listener.stderr)")

        // 1,000 idle connections held open while the corpus runs, by a child process (see IdleConnectionHolder).
        let idle = await IdleConnectionHolder.start(port: port, count: 1000)
        #expect(idle?.count == 1000)

        let received = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, item) in Self.corpus.enumerated() {
                group.addTask {
                    let bytes =
                        (try? await RawPeer(port: port).exchange(
                            item.chunks, pause: .milliseconds(Int(item.pause * 1000)), halfClose: item.halfClose,
                            timeout: .seconds(20))) ?? []
                    return (index, bytes)
                }
            }
            return await group.reduce(into: [Int: [UInt8]]()) { $0[$1.0] = $1.1 }
        }
        for (index, item) in Self.corpus.enumerated() {
            let bytes = received[index] ?? []
            let shown = String(decoding: bytes.prefix(120), as: UTF8.self)
            switch item.answer {
            case .status(let allowed):
                #expect(
                    bytes.firstStatus.map(allowed.contains) == true,
                    "\(item.name): expected \(item.answer), got \(shown)")
                #expect(
                    String(decoding: bytes, as: UTF8.self).contains("Connection: close"),
                    "\(item.name): an error response must close")
            case .statuses(let list):
                #expect(bytes.statuses == list, "\(item.name): expected \(item.answer), got \(shown)")
            case .close:
                #expect(bytes.isEmpty, "\(item.name): expected \(item.answer), got \(shown)")
            }
        }

        // With the idle connections still open, a valid signed delivery is captured and judged.
        let (request, body) = try ListenDeliveries.request(n: 1, port: port)
        let answer = try await RawPeer(port: port).exchange([request], timeout: .seconds(15))
        #expect(answer.firstStatus == 200, "\(String(decoding: answer.prefix(200), as: UTF8.self))")
        await idle?.releaseAndWait()
        listener.send(SIGTERM)
        let status = await listener.waitForExit()
        #expect(status == 0, "\(listener.stdout)\n\(listener.stderr)")
        let reader = try CaptureFileReader(path: captures)
        var records: [CaptureRecord] = []
        while let event = try reader.next() {
            if case .record(let record, _) = event { records.append(record) }
        }
        #expect(records.count == 1)
        #expect(records.first?.body == body)
    }
}
