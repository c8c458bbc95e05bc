import Foundation
import HookHTTP

/// A fast reader for capture lines in the exact shape ``CaptureRecord/jsonLine()`` writes them:
/// compact JSON, the known keys (in any order, each once), plain integers, ASCII escapes. It reads
/// the record straight from the bytes, without building a ``JSONValue`` for the line.
///
/// It never judges a line: anything it does not recognise — whitespace, an unknown key, a `\u`
/// escape above ASCII, a number that is not a plain integer, a missing field, malformed JSON —
/// makes it return `nil`, and ``CaptureRecord/parse(line:)`` falls back to the generic parser, so
/// records and errors are exactly the generic parser's.
struct CaptureLineScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The record on `line`, or `nil` when the line needs the generic parser.
    static func record(in line: UnsafeBufferPointer<UInt8>) -> CaptureRecord? {
        var scanner = CaptureLineScanner(bytes: line)
        return scanner.scanRecord()
    }

    /// The record on `line`, or `nil` when the line needs the generic parser.
    static func record(in line: [UInt8]) -> CaptureRecord? {
        line.withUnsafeBufferPointer { record(in: $0) }
    }

    private enum Key: UInt16 {
        case seq = 1
        case receivedAt = 2
        case remote = 4
        case method = 8
        case target = 16
        case version = 32
        case headers = 64
        case body = 128
        case bodyBase64 = 256
        case response = 512
    }

    private mutating func scanRecord() -> CaptureRecord? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var seen: UInt16 = 0
        var seq: Int?
        var receivedAt: Date?
        var remote = ""
        var method: String?
        var target: String?
        var version = "HTTP/1.1"
        var headers = HTTPHeaders()
        var body: [UInt8]?
        var responseStatus: Int?
        if peek() == UInt8(ascii: "}") { return nil }
        repeat {
            guard let key = scanKey(), seen & key.rawValue == 0 else { return nil }
            seen |= key.rawValue
            guard take(UInt8(ascii: ":")) else { return nil }
            switch key {
            case .seq:
                guard let value = scanInteger() else { return nil }
                seq = value
            case .receivedAt:
                guard let text = scanStringBytes(), let date = CaptureTime.parseUTC(text) else { return nil }
                receivedAt = date
            case .remote:
                guard let text = scanString() else { return nil }
                remote = text
            case .method:
                guard let text = scanString() else { return nil }
                method = text
            case .target:
                guard let text = scanString() else { return nil }
                target = text
            case .version:
                guard let text = scanString() else { return nil }
                version = text
            case .headers:
                guard let fields = scanHeaders() else { return nil }
                headers = fields
            case .body:
                guard let decoded = scanStringBytes(), Self.isValidUTF8(decoded) else { return nil }
                body = decoded
            case .bodyBase64:
                return nil
            case .response:
                guard take(UInt8(ascii: "{")), let name = scanPlainKey(), Self.bytes(name, equal: Self.statusKey),
                    take(UInt8(ascii: ":")),
                    let status = scanInteger(), take(UInt8(ascii: "}"))
                else { return nil }
                responseStatus = status
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), position == bytes.count else { return nil }
        guard let seq, let receivedAt, let method, let target, let body, seen & Key.headers.rawValue != 0 else {
            return nil
        }
        return CaptureRecord(
            seq: seq, receivedAt: receivedAt, remote: remote, method: method, target: target, version: version,
            headers: headers, body: body, responseStatus: responseStatus)
    }

    // MARK: - Pieces

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// The record keys' bytes, in the order of their ``Key`` bits.
    private static let keyNames: [[UInt8]] = [
        "seq", "receivedAt", "remote", "method", "target", "version", "headers", "body", "bodyBase64", "response",
    ].map { Array($0.utf8) }

    /// The one key of the `response` object.
    private static let statusKey = Array("status".utf8)

    private mutating func scanKey() -> Key? {
        guard let name = scanPlainKey() else { return nil }
        // The length and first byte narrow the ten keys to one candidate (`remote`/`response` by the third).
        let candidate: Key
        switch (name.count, name.first) {
        case (3, UInt8(ascii: "s")): candidate = .seq
        case (10, UInt8(ascii: "r")): candidate = .receivedAt
        case (6, UInt8(ascii: "r")): candidate = .remote
        case (6, UInt8(ascii: "m")): candidate = .method
        case (6, UInt8(ascii: "t")): candidate = .target
        case (7, UInt8(ascii: "v")): candidate = .version
        case (7, UInt8(ascii: "h")): candidate = .headers
        case (4, UInt8(ascii: "b")): candidate = .body
        case (10, UInt8(ascii: "b")): candidate = .bodyBase64
        case (8, UInt8(ascii: "r")): candidate = .response
        default: return nil
        }
        return Self.bytes(name, equal: Self.keyNames[Int(candidate.rawValue.trailingZeroBitCount)]) ? candidate : nil
    }

    /// A key's bytes when it is plain ASCII without escapes (every key the writer produces).
    private mutating func scanPlainKey() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        let end = ByteScan.plainStringRunEnd(in: bytes, from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        position = end + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func bytes(_ name: UnsafeBufferPointer<UInt8>, equal stored: [UInt8]) -> Bool {
        stored.count == name.count
            && stored.withUnsafeBufferPointer { stored in
                guard let storedBase = stored.baseAddress, let nameBase = name.baseAddress else { return true }
                return memcmp(storedBase, nameBase, name.count) == 0
            }
    }

    /// A non-negative integer without sign, fraction or exponent, as ``JSONValue/intValue`` reads it.
    private mutating func scanInteger() -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
            guard position - start < 18 else { return nil }
            value = value * 10 + Int(bytes[position] - 48)
            position += 1
        }
        let count = position - start
        guard count > 0, count <= 18, count == 1 || bytes[start] != 48 else { return nil }
        if let next = peek(), next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            return nil
        }
        return value
    }

    /// A string's decoded bytes; `nil` for a `\u` escape above ASCII, a control character or a bad escape.
    private mutating func scanStringBytes() -> [UInt8]? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while true {
            position = ByteScan.plainStringRunEnd(in: bytes, from: position)
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte >= 0x80 {
                // UTF-8 is checked once the string is whole.
                position += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                let decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                return decoded
            }
            guard byte == UInt8(ascii: "\\") else { return nil }  // a control character
            break
        }
        // An escape: decode into one array sized by the rest of the line, which bounds the decoded size.
        var isValid = false
        let decoded = [UInt8](unsafeUninitializedCapacity: bytes.count - start) { output, count in
            isValid = decodeEscapedString(from: start, into: output, count: &count)
            if !isValid { count = 0 }
        }
        return isValid ? decoded : nil
    }

    /// Decodes the string that starts at `start` (after its quote) and has an escape at `position`
    /// into `output`, leaving `position` after the closing quote; `false` for what ``scanStringBytes()``
    /// rejects.
    private mutating func decodeEscapedString(
        from start: Int, into output: UnsafeMutableBufferPointer<UInt8>, count: inout Int
    ) -> Bool {
        guard let source = bytes.baseAddress, let target = output.baseAddress else { return false }
        var run = start
        var written = 0
        func copyRun() {
            let length = position - run
            (target + written).update(from: source + run, count: length)
            written += length
        }
        while true {
            // `position` is at a byte that ends a plain run: `"`, `\`, a control or a non-ASCII byte.
            let byte = bytes[position]
            if byte >= 0x80 {
                position += 1
            } else if byte == UInt8(ascii: "\"") {
                copyRun()
                position += 1
                count = written
                return true
            } else if byte == UInt8(ascii: "\\") {
                copyRun()
                guard position + 1 < bytes.count else { return false }
                let escaped = bytes[position + 1]
                position += 2
                let decoded: UInt8
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = escaped
                case UInt8(ascii: "n"): decoded = 0x0A
                case UInt8(ascii: "r"): decoded = 0x0D
                case UInt8(ascii: "t"): decoded = 0x09
                case UInt8(ascii: "b"): decoded = 0x08
                case UInt8(ascii: "f"): decoded = 0x0C
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count, let value = Self.hex4(bytes, at: position), value < 0x80 else {
                        return false
                    }
                    decoded = UInt8(value)
                    position += 4
                default: return false
                }
                target[written] = decoded
                written += 1
                run = position
            } else {
                return false  // a control character
            }
            position = ByteScan.plainStringRunEnd(in: bytes, from: position)
            guard position < bytes.count else { return false }
        }
    }

    /// A string as text; `nil` when it needs the generic parser or is not valid UTF-8.
    private mutating func scanString() -> String? {
        // Most strings (header names and values) are plain ASCII: make the text straight from the line.
        let quote = position
        if take(UInt8(ascii: "\"")) {
            let end = ByteScan.plainStringRunEnd(in: bytes, from: position)
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                let plain = UnsafeBufferPointer(rebasing: bytes[position..<end])
                let text = CommonFieldText.text(matching: plain) ?? String(decoding: plain, as: UTF8.self)
                position = end + 1
                return text
            }
            position = quote
        }
        guard let decoded = scanStringBytes(), Self.isValidUTF8(decoded) else { return nil }
        return String(decoding: decoded, as: UTF8.self)
    }

    private mutating func scanHeaders() -> HTTPHeaders? {
        guard take(UInt8(ascii: "[")) else { return nil }
        if take(UInt8(ascii: "]")) { return HTTPHeaders() }
        var fields: [HTTPField] = []
        fields.reserveCapacity(8)
        repeat {
            guard take(UInt8(ascii: "[")), let name = scanString(), take(UInt8(ascii: ",")), let value = scanString(),
                take(UInt8(ascii: "]"))
            else { return nil }
            fields.append(HTTPField(name: name, value: value))
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
        return HTTPHeaders(fields: fields)
    }

    // MARK: - Helpers

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 48...57: digit = byte - 48
            case 65...70: digit = byte - 55
            case 97...102: digit = byte - 87
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        JSONLineBuilder.isValidUTF8(bytes)
    }
}
