/// The engine behind ``JSONParser``: a byte-level scanner over an unsafe buffer with an explicit
/// stack of open containers (no recursion), optionally recording the location of every value and key.
struct JSONScanner {
    /// A failure inside the scanner: the rule, the byte offset, and whether it concerns the innermost
    /// open container (between its members) rather than the value being read.
    private struct Failure: Error {
        var reason: JSONParseError.Reason
        var offset: Int
        var isAtContainer: Bool
    }

    /// One open array or object.
    private struct Frame {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONObject.Member] = []
        /// The key of the member being read (objects only).
        var key = ""
        /// Every key so far, once the object is large enough for linear search to cost more.
        var keySet: Set<String>? = nil

        /// The pointer token of the child being read.
        var childToken: String { isObject ? key : String(elements.count) }

        /// Records `newKey` as read; `false` when the object already has it.
        mutating func register(_ newKey: String) -> Bool {
            if keySet == nil && members.count >= 16 { keySet = Set(members.map(\.key)) }
            if keySet != nil { return keySet?.insert(newKey).inserted ?? false }
            let length = newKey.utf8.count
            return !members.contains { $0.key.utf8.count == length && $0.key == newKey }
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let options: JSONParser.Options
    private let tracksLocations: Bool
    private var index = 0
    private var frames: [Frame] = []
    private var scratch: [UInt8] = []
    private var locator = Locator()
    private(set) var valueLocations: [JSONPointer: TextPosition] = [:]
    private(set) var keyLocations: [JSONPointer: TextPosition] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParser.Options, tracksLocations: Bool) {
        self.bytes = bytes
        self.options = options
        self.tracksLocations = tracksLocations
    }

    /// Parses the whole buffer as one JSON document.
    mutating func parse() throws(JSONParseError) -> JSONValue {
        do {
            return try parseDocument()
        } catch {
            throw makeError(error)
        }
    }

    // MARK: - Structure

    private mutating func parseDocument() throws(Failure) -> JSONValue {
        if let limit = options.maxBytes, bytes.count > limit {
            throw Failure(reason: .tooLarge(size: bytes.count, limit: limit), offset: 0, isAtContainer: false)
        }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw Failure(reason: .byteOrderMark, offset: 0, isAtContainer: false)
        }
        var value: JSONValue
        readValue: while true {
            skipWhitespace()
            guard index < bytes.count else { throw unexpected(.value, isAtContainer: false) }
            if tracksLocations { valueLocations[currentPointer(includingChild: true)] = locate(index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    frames.removeLast()
                    value = .object(JSONObject())
                } else {
                    try readKey(expected: .keyOrEndOfObject)
                    continue readValue
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    frames.removeLast()
                    value = .array([])
                } else {
                    continue readValue
                }
            case UInt8(ascii: "\""):
                value = .string(try readString(isKey: false))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            default:
                value = try readLiteral()
            }
            // Hand the finished value to its container; close containers while they end.
            while let top = frames.indices.last {
                skipWhitespace()
                if frames[top].isObject {
                    if frames[top].members.isEmpty { frames[top].members.reserveCapacity(8) }
                    frames[top].members.append(JSONObject.Member(key: frames[top].key, value: value))
                    if try readSeparator(close: UInt8(ascii: "}"), expected: .commaOrEndOfObject) {
                        try readKey(expected: .key)
                        continue readValue
                    }
                    value = .object(JSONObject(uniqueMembers: frames.removeLast().members))
                } else {
                    if frames[top].elements.isEmpty { frames[top].elements.reserveCapacity(8) }
                    frames[top].elements.append(value)
                    if try readSeparator(close: UInt8(ascii: "]"), expected: .commaOrEndOfArray) {
                        continue readValue
                    }
                    value = .array(frames.removeLast().elements)
                }
            }
            skipWhitespace()
            guard index == bytes.count else {
                if isAtComment() { throw Failure(reason: .comment, offset: index, isAtContainer: false) }
                throw Failure(reason: .trailingData, offset: index, isAtContainer: false)
            }
            return value
        }
    }

    /// Opens a container at `index` after checking the depth limit.
    private mutating func open(isObject: Bool) throws(Failure) {
        guard frames.count < options.maxDepth else {
            throw Failure(
                reason: .depthLimitExceeded(limit: options.maxDepth), offset: index, isAtContainer: false)
        }
        // Room for a few levels at once: most documents nest two or three deep.
        if frames.isEmpty { frames.reserveCapacity(8) }
        frames.append(Frame(isObject: isObject))
        index += 1
    }

    /// After a member or element: `true` for a `,` (another one follows), `false` for `close`.
    private mutating func readSeparator(close: UInt8, expected: JSONParseError.Expectation) throws(Failure) -> Bool {
        guard index < bytes.count else { throw unexpected(expected, isAtContainer: true) }
        let byte = bytes[index]
        if byte == close {
            index += 1
            return false
        }
        guard byte == UInt8(ascii: ",") else { throw unexpected(expected, isAtContainer: true) }
        let comma = index
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == close {
            throw Failure(reason: .trailingComma, offset: comma, isAtContainer: true)
        }
        return true
    }

    /// Reads `"key" :` into the innermost object, rejecting duplicates.
    private mutating func readKey(expected: JSONParseError.Expectation) throws(Failure) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw unexpected(expected, isAtContainer: true)
        }
        let keyOffset = index
        let key = try readString(isKey: true)
        let top = frames.count - 1
        guard frames[top].register(key) else {
            var first = TextPosition(line: 0, column: 0)  // The fast path re-parses with locations.
            if tracksLocations, let location = keyLocations[currentPointer(includingChild: false).appending(key)] {
                first = location
            }
            throw Failure(reason: .duplicateKey(key, first: first), offset: keyOffset, isAtContainer: true)
        }
        frames[top].key = key
        if tracksLocations { keyLocations[currentPointer(includingChild: true)] = locate(keyOffset) }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw unexpected(.colon, isAtContainer: true)
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        let buffer = bytes
        var position = index
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default:
                index = position
                return
            }
        }
        index = position
    }

    // MARK: - Scalars

    /// Reads a string starting at its opening quote. Strings without escapes are made straight from
    /// the validated UTF-8 slice.
    private mutating func readString(isKey: Bool) throws(Failure) -> String {
        let quote = index
        index += 1
        let start = index
        // Plain ASCII is the common case: scan it eight bytes at a time.
        index = ByteScan.plainStringRunEnd(in: bytes, from: index)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                return try readEscapedString(openingQuote: quote, isKey: isKey)
            }
            if byte < 0x20 {
                throw Failure(reason: .controlCharacterInString(byte), offset: index, isAtContainer: isKey)
            }
            if byte < 0x80 {
                index += 1
            } else {
                try skipUTF8Sequence(isAtContainer: isKey)
            }
        }
        throw Failure(reason: .unterminatedString, offset: quote, isAtContainer: isKey)
    }

    /// Continues a string at its first `\`, decoding into `scratch`.
    private mutating func readEscapedString(openingQuote: Int, isKey: Bool) throws(Failure) -> String {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try readEscape(openingQuote: openingQuote, isKey: isKey)
            } else if byte < 0x20 {
                throw Failure(reason: .controlCharacterInString(byte), offset: index, isAtContainer: isKey)
            } else if byte < 0x80 {
                scratch.append(byte)
                index += 1
            } else {
                let start = index
                try skipUTF8Sequence(isAtContainer: isKey)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
        }
        throw Failure(reason: .unterminatedString, offset: openingQuote, isAtContainer: isKey)
    }

    /// Decodes one escape at `index` (a `\`) into `scratch`.
    private mutating func readEscape(openingQuote: Int, isKey: Bool) throws(Failure) {
        let escape = index
        guard escape + 1 < bytes.count else {
            throw Failure(reason: .unterminatedString, offset: openingQuote, isAtContainer: isKey)
        }
        let decoded: UInt8
        switch bytes[escape + 1] {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            let unit = try readHex4(at: escape, openingQuote: openingQuote, isKey: isKey)
            index = escape + 6
            var scalarValue = UInt32(unit)
            if (0xDC00...0xDFFF).contains(unit) {
                throw Failure(reason: .loneSurrogate(escapeText(escape)), offset: escape, isAtContainer: isKey)
            }
            if (0xD800...0xDBFF).contains(unit) {
                let next = index
                guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u")
                else {
                    throw Failure(reason: .loneSurrogate(escapeText(escape)), offset: escape, isAtContainer: isKey)
                }
                let low = try readHex4(at: next, openingQuote: openingQuote, isKey: isKey)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(reason: .loneSurrogate(escapeText(escape)), offset: escape, isAtContainer: isKey)
                }
                index = next + 6
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            appendUTF8(scalarValue)
            return
        default:
            let text = "\\" + characterText(at: escape + 1)
            throw Failure(reason: .invalidEscape(text), offset: escape, isAtContainer: isKey)
        }
        scratch.append(decoded)
        index = escape + 2
    }

    /// The code unit of `\uXXXX` at `escape`.
    private func readHex4(at escape: Int, openingQuote: Int, isKey: Bool) throws(Failure) -> UInt16 {
        var unit: UInt16 = 0
        for position in (escape + 2)..<(escape + 6) {
            guard position < bytes.count else {
                throw Failure(reason: .unterminatedString, offset: openingQuote, isAtContainer: isKey)
            }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                let text = asciiText(escape..<position)
                throw Failure(reason: .invalidEscape(text), offset: escape, isAtContainer: isKey)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// The six-character `\uXXXX` text at `escape`, for messages.
    private func escapeText(_ escape: Int) -> String {
        asciiText(escape..<min(escape + 6, bytes.count))
    }

    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(0xC0 | UInt8(value >> 6))
            scratch.append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            scratch.append(0xE0 | UInt8(value >> 12))
            scratch.append(0x80 | UInt8((value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(value >> 18))
            scratch.append(0x80 | UInt8((value >> 12) & 0x3F))
            scratch.append(0x80 | UInt8((value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 sequence at `index` (RFC 3629 section 4).
    private mutating func skipUTF8Sequence(isAtContainer: Bool) throws(Failure) {
        let length = try utf8SequenceLength(at: index, isAtContainer: isAtContainer)
        index += length
    }

    /// The length of the well-formed UTF-8 sequence at `start`, or a failure naming its bytes.
    private func utf8SequenceLength(at start: Int, isAtContainer: Bool) throws(Failure) -> Int {
        let lead = bytes[start]
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, lower) = (3, 0xA0)  // no overlongs
        case 0xED: (length, upper) = (3, 0x9F)  // no surrogates
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xF0: (length, lower) = (4, 0x90)  // no overlongs
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, upper) = (4, 0x8F)  // nothing above U+10FFFF
        default:
            throw Failure(reason: .invalidUTF8([lead]), offset: start, isAtContainer: isAtContainer)
        }
        for offset in 1..<length {
            let position = start + offset
            guard position < bytes.count else {
                throw Failure(
                    reason: .invalidUTF8(Array(bytes[start..<position])), offset: start, isAtContainer: isAtContainer)
            }
            let byte = bytes[position]
            let range = offset == 1 ? lower...upper : 0x80...0xBF
            guard range.contains(byte) else {
                throw Failure(
                    reason: .invalidUTF8(Array(bytes[start...position])), offset: start, isAtContainer: isAtContainer)
            }
        }
        return length
    }

    /// Reads a number, keeping its exact text.
    private mutating func readNumber() throws(Failure) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw invalidNumber(from: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && isDigit(bytes[index]) {
                throw Failure(reason: .leadingZero(wordText(from: start)), offset: start, isAtContainer: false)
            }
        } else {
            skipDigits()
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalidNumber(from: start) }
            skipDigits()
        }
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalidNumber(from: start) }
            skipDigits()
        }
        if index < bytes.count && isWordByte(bytes[index]) { throw invalidNumber(from: start) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func skipDigits() {
        let buffer = bytes
        var position = index
        while position < buffer.count && isDigit(buffer[position]) { position += 1 }
        index = position
    }

    private func invalidNumber(from start: Int) -> Failure {
        Failure(reason: .invalidNumber(wordText(from: start)), offset: start, isAtContainer: false)
    }

    /// Reads `true`, `false` or `null`, or fails on whatever else starts a value here.
    private mutating func readLiteral() throws(Failure) -> JSONValue {
        let start = index
        let byte = bytes[index]
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") { throw invalidNumber(from: start) }
        guard isWordByte(byte) else { throw unexpected(.value, isAtContainer: false) }
        var end = start
        while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
        let value: JSONValue
        if matches(start, end, "true") {
            value = .bool(true)
        } else if matches(start, end, "false") {
            value = .bool(false)
        } else if matches(start, end, "null") {
            value = .null
        } else {
            throw Failure(reason: .invalidLiteral(wordText(from: start)), offset: start, isAtContainer: false)
        }
        index = end
        return value
    }

    /// Whether `bytes[start..<end]` spells `word` (ASCII).
    private func matches(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<(end - start) where bytes[start + offset] != pointer[offset] { return false }
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Letters, digits, `_`, `+`, `-` and `.`: what a malformed number or literal is made of.
    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    // MARK: - Messages and locations

    /// The run of word bytes at `start` (at most 40), for messages.
    private func wordText(from start: Int) -> String {
        var end = start
        while end < bytes.count && end - start < 40 && isWordByte(bytes[end]) { end += 1 }
        let text = asciiText(start..<end)
        return end < bytes.count && isWordByte(bytes[end]) ? text + "…" : text
    }

    private func asciiText(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The character at `position`, or its escaped scalar value when it is not visible.
    private func characterText(at position: Int) -> String {
        guard position < bytes.count else { return "" }
        guard let length = try? utf8SequenceLength(at: position, isAtContainer: false) else {
            return "\\x" + String(bytes[position], radix: 16, uppercase: true)
        }
        let text = asciiText(position..<position + length)
        let isControl = text.unicodeScalars.allSatisfy { $0.value < 0x20 || $0.value == 0x7F }
        return isControl ? "U+" + String(bytes[position], radix: 16, uppercase: true) : text
    }

    private func isAtComment() -> Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "/")
            && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*"))
    }

    /// The failure for whatever is at `index` when `expected` should be there.
    private func unexpected(_ expected: JSONParseError.Expectation, isAtContainer: Bool) -> Failure {
        guard index < bytes.count else {
            return Failure(reason: .unexpectedEnd(expected: expected), offset: index, isAtContainer: isAtContainer)
        }
        if isAtComment() { return Failure(reason: .comment, offset: index, isAtContainer: isAtContainer) }
        let length: Int
        do {
            length = try utf8SequenceLength(at: index, isAtContainer: isAtContainer)
        } catch {
            return error
        }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[index..<index + length]).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
            return Failure(reason: .invalidUTF8([bytes[index]]), offset: index, isAtContainer: isAtContainer)
        }
        return Failure(
            reason: .unexpectedCharacter(scalar, expected: expected), offset: index, isAtContainer: isAtContainer)
    }

    /// The pointer of the innermost open container, or (`includingChild`) of the value being read in it.
    private func currentPointer(includingChild: Bool) -> JSONPointer {
        let count = includingChild ? frames.count : max(0, frames.count - 1)
        var tokens: [String] = []
        tokens.reserveCapacity(count)
        for frame in frames.prefix(count) { tokens.append(frame.childToken) }
        return JSONPointer(tokens: tokens)
    }

    /// The location of `offset`; offsets must not decrease between calls.
    private mutating func locate(_ offset: Int) -> TextPosition {
        locator.advance(to: offset, in: bytes)
    }

    private func makeError(_ failure: Failure) -> JSONParseError {
        var fresh = Locator()
        return JSONParseError(
            reason: failure.reason, location: fresh.advance(to: failure.offset, in: bytes),
            pointer: currentPointer(includingChild: !failure.isAtContainer))
    }
}

/// Turns byte offsets into 1-based line and column (columns count Unicode scalars; lines end at LF),
/// moving forward only so a whole document costs one pass.
private struct Locator {
    private var offset = 0
    private var line = 1
    private var column = 1

    mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        while offset < target && offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return TextPosition(line: line, column: column)
    }
}
