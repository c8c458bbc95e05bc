import Foundation
import HookHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One captured delivery: everything `listen` saw of a request, byte for byte, plus the status it
/// answered with. It is one line of a capture file (JSON Lines):
///
/// ```
/// {"seq":1,"receivedAt":"2026-11-23T10:00:00.123Z","remote":"127.0.0.1:50412","method":"POST",
///  "target":"/hooks?x=1","version":"HTTP/1.1","headers":[["Content-Type","application/json"]],
///  "body":"{…}","response":{"status":500}}
/// ```
///
/// The body is stored as `body` (its exact UTF-8 text) when the bytes are valid UTF-8, else as
/// `bodyBase64`. Header names keep their case and order; duplicates are kept.
public struct CaptureRecord: Sendable, Hashable {
    /// The delivery's 1-based number in arrival order.
    public var seq: Int
    /// When the request was fully received.
    public var receivedAt: Date
    /// The peer as `host:port`.
    public var remote: String
    public var method: String
    /// The request target exactly as on the request line.
    public var target: String
    /// The protocol version text, e.g. `HTTP/1.1`.
    public var version: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The status `listen` answered with, when recorded.
    public var responseStatus: Int?

    /// Creates a record.
    public init(
        seq: Int, receivedAt: Date, remote: String, method: String, target: String, version: String,
        headers: HTTPHeaders, body: [UInt8], responseStatus: Int?
    ) {
        self.seq = seq
        self.receivedAt = receivedAt
        self.remote = remote
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.responseStatus = responseStatus
    }

    /// The record as one JSON line, newline included. Built byte by byte: `listen` writes one per
    /// delivery on the request path.
    public func jsonLine() -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(body.count + 256 + headers.count * 48)
        line.append(contentsOf: #"{"seq":"#.utf8)
        line.append(contentsOf: String(seq).utf8)
        line.append(contentsOf: #","receivedAt":""#.utf8)
        line.append(contentsOf: CaptureTime.format(receivedAt).utf8)
        line.append(contentsOf: #"","remote":"#.utf8)
        JSONLineBuilder.appendQuoted(remote.utf8, to: &line)
        line.append(contentsOf: #","method":"#.utf8)
        JSONLineBuilder.appendQuoted(method.utf8, to: &line)
        line.append(contentsOf: #","target":"#.utf8)
        JSONLineBuilder.appendQuoted(target.utf8, to: &line)
        line.append(contentsOf: #","version":"#.utf8)
        JSONLineBuilder.appendQuoted(version.utf8, to: &line)
        line.append(contentsOf: #","headers":["#.utf8)
        for (index, field) in headers.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(UInt8(ascii: "["))
            JSONLineBuilder.appendQuoted(field.name.utf8, to: &line)
            line.append(UInt8(ascii: ","))
            JSONLineBuilder.appendQuoted(field.value.utf8, to: &line)
            line.append(UInt8(ascii: "]"))
        }
        line.append(UInt8(ascii: "]"))
        if JSONLineBuilder.isValidUTF8(body) {
            line.append(contentsOf: #","body":"#.utf8)
            JSONLineBuilder.appendQuoted(body, to: &line)
        } else {
            line.append(contentsOf: #","bodyBase64":""#.utf8)
            line.append(contentsOf: Base64.encode(body).utf8)
            line.append(UInt8(ascii: "\""))
        }
        if let responseStatus {
            line.append(contentsOf: #","response":{"status":"#.utf8)
            line.append(contentsOf: String(responseStatus).utf8)
            line.append(UInt8(ascii: "}"))
        }
        line.append(contentsOf: "}\n".utf8)
        return line
    }

    /// Parses one capture line (without its newline).
    /// - Throws: ``CaptureLineError`` naming the field that is missing or has the wrong type.
    public static func parse(line: [UInt8]) throws(CaptureLineError) -> CaptureRecord {
        if let record = CaptureLineScanner.record(in: line) { return record }
        return try parseGenerically(line: line)
    }

    /// Parses one capture line with the generic JSON parser: every shape JSON allows, and the errors,
    /// each located by column and JSON pointer.
    static func parseGenerically(line: [UInt8]) throws(CaptureLineError) -> CaptureRecord {
        do {
            return try decode(line: line)
        } catch {
            throw error.located(in: line)
        }
    }

    private static func decode(line: [UInt8]) throws(CaptureLineError) -> CaptureRecord {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw .at(column: error.location.column, pointer: error.pointer, .invalidJSON(error.reason.description))
        }
        guard let object = value.objectValue else { throw .wrongType(field: "/", expected: "an object") }
        func string(_ key: String) throws(CaptureLineError) -> String {
            guard let found = object[key] else { throw .missingField(key) }
            guard let text = found.stringValue else { throw .wrongType(field: key, expected: "a string") }
            return text
        }
        guard let seqValue = object["seq"] else { throw .missingField("seq") }
        guard let seq = seqValue.intValue else { throw .wrongType(field: "seq", expected: "an integer") }
        let receivedText = try string("receivedAt")
        guard let receivedAt = CaptureTime.parse(receivedText) else {
            throw .wrongType(field: "receivedAt", expected: "an RFC 3339 date-time")
        }
        guard let headerList = object["headers"] else { throw .missingField("headers") }
        guard let headerArray = headerList.arrayValue else {
            throw .wrongType(field: "headers", expected: "an array of [name, value] pairs")
        }
        var headers = HTTPHeaders()
        for (index, pair) in headerArray.enumerated() {
            guard let parts = pair.arrayValue, parts.count == 2, let name = parts[0].stringValue,
                let fieldValue = parts[1].stringValue
            else { throw .wrongType(field: "headers/\(index)", expected: "a [name, value] pair of strings") }
            headers.add(name: name, value: fieldValue)
        }
        let body: [UInt8]
        if let text = object["body"] {
            guard let bodyText = text.stringValue else { throw .wrongType(field: "body", expected: "a string") }
            body = Array(bodyText.utf8)
        } else if let encoded = object["bodyBase64"] {
            guard let encodedText = encoded.stringValue, let bytes = try? Base64.decode(encodedText) else {
                throw .wrongType(field: "bodyBase64", expected: "standard base64")
            }
            body = bytes
        } else {
            throw .missingField("body")
        }
        var responseStatus: Int?
        if let response = object["response"] {
            guard let status = response["status"]?.intValue else {
                throw .wrongType(field: "response", expected: "an object with an integer status")
            }
            responseStatus = status
        }
        return CaptureRecord(
            seq: seq, receivedAt: receivedAt, remote: (try? string("remote")) ?? "", method: try string("method"),
            target: try string("target"), version: (try? string("version")) ?? "HTTP/1.1", headers: headers,
            body: body, responseStatus: responseStatus)
    }
}

/// Why one line of a capture file could not be read.
public indirect enum CaptureLineError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidJSON(String)
    case missingField(String)
    case wrongType(field: String, expected: String)
    case tooLong(limit: Int)
    /// `problem`, at a 1-based column of the line and the JSON pointer of the value concerned.
    case at(column: Int, pointer: JSONPointer, CaptureLineError)

    /// The 1-based column of the problem in its line, when known.
    public var column: Int? {
        if case .at(let column, _, _) = self { column } else { nil }
    }

    /// The JSON pointer of the value concerned, when known.
    public var pointer: JSONPointer? {
        if case .at(_, let pointer, _) = self { pointer } else { nil }
    }

    /// What is wrong, without its location.
    public var problem: String {
        switch self {
        case .invalidJSON(let detail): "not a JSON object: \(detail)"
        case .missingField(let field): "missing field \"\(field)\""
        case .wrongType(_, let expected): "expected \(expected)"
        case .tooLong(let limit): "line longer than the limit of \(limit) bytes"
        case .at(_, _, let inner): inner.problem
        }
    }

    /// `column 37: /headers/0: expected a [name, value] pair of strings`, or the problem alone.
    public var description: String {
        switch self {
        case .at(let column, let pointer, let inner): "column \(column): \(pointer.displayText): \(inner.problem)"
        default: problem
        }
    }

    /// This error with its column and pointer found in `line` (a field error's pointer is the field's; a
    /// missing field's is the object's).
    func located(in line: [UInt8]) -> CaptureLineError {
        let pointer: JSONPointer
        switch self {
        case .at, .tooLong, .invalidJSON: return self
        case .missingField: pointer = .root
        case .wrongType(let field, _): pointer = JSONPointer(field == "/" ? "" : "/" + field) ?? .root
        }
        let column = (try? JSONParser.parseDocument(line))?.location(of: pointer)?.column ?? 1
        return .at(column: column, pointer: pointer, self)
    }
}

/// Capture-file times: RFC 3339 in UTC with milliseconds, e.g. `2026-11-23T10:00:00.123Z`.
enum CaptureTime {
    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds.quotient(dividingBy: 1000))
        let fraction = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = ""
        text.reserveCapacity(24)
        appendDigits(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text.append("-")
        appendDigits(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text.append("-")
        appendDigits(Int(parts.tm_mday), width: 2, to: &text)
        text.append("T")
        appendDigits(Int(parts.tm_hour), width: 2, to: &text)
        text.append(":")
        appendDigits(Int(parts.tm_min), width: 2, to: &text)
        text.append(":")
        appendDigits(Int(parts.tm_sec), width: 2, to: &text)
        text.append(".")
        appendDigits(fraction, width: 3, to: &text)
        text.append("Z")
        return text
    }

    static func parse(_ text: String) -> Date? {
        if let date = parseUTC(Array(text.utf8)) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// The common `YYYY-MM-DDTHH:MM:SS[.f…]Z` form, without Foundation's parser.
    static func parseUTC(_ bytes: [UInt8]) -> Date? {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            // At most nine fraction digits here (longer ones go to Foundation's parser): checked before
            // the digits are read, so they cannot overflow.
            guard bytes[19] == UInt8(ascii: "."), bytes.count > 21, bytes.count - 21 <= 9,
                let digits = number(20..<(bytes.count - 1))
            else { return nil }
            var scale = 1.0
            for _ in 20..<(bytes.count - 1) { scale *= 10 }
            fraction = Double(digits) / scale
        } else if bytes[19] != UInt8(ascii: "Z") {
            return nil
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func appendDigits(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}

extension Int64 {
    fileprivate func quotient(dividingBy divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}

/// Byte-level JSON string writing for capture lines: the same escaping as ``JSONWriter/quoted(_:)``
/// (`"`, `\` and control characters; everything else, valid UTF-8 included, as is).
enum JSONLineBuilder {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendQuoted(_ bytes: some Sequence<UInt8>, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                line.append(contentsOf: Array(#"\u00"#.utf8))
                line.append(hexDigits[Int(byte >> 4)])
                line.append(hexDigits[Int(byte & 0x0F)])
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.withUnsafeBufferPointer(ByteScan.isASCII) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
