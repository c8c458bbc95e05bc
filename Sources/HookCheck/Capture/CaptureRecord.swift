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
        try parse(lineSlice: line[...])
    }

    /// Parses one capture line (without its newline) that is part of a larger buffer.
    /// - Throws: ``CaptureLineError`` naming the field that is missing or has the wrong type.
    static func parse(lineSlice line: ArraySlice<UInt8>) throws(CaptureLineError) -> CaptureRecord {
        if let record = line.withUnsafeBufferPointer(CaptureLineScanner.record(in:)) { return record }
        return try parseGenerically(line: Array(line))
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
