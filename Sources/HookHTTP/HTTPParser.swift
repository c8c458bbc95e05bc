/// An incremental HTTP/1.1 parser (RFC 9112) shared by the server (requests) and the client
/// (responses). Feed it bytes as they arrive with `append(_:)`, then call `next()` until it returns
/// `nil` (more bytes needed). Each message yields a head event, then the complete message with its
/// body decoded from `Content-Length`, `chunked` or (responses only) the end of the connection,
/// which the caller signals with `finish()`. Errors are sticky: once `next()` throws, it throws the
/// same error again.
///
/// The parser is strict where leniency enables request smuggling: bare LF or CR, obsolete line
/// folding, whitespace before a colon, `Content-Length` with `Transfer-Encoding`, and conflicting
/// lengths are errors.
public struct HTTPParser: Sendable {
    /// What the parser reads.
    public enum Kind: Sendable, Hashable {
        case request
        case response
    }

    /// What `next()` produces.
    public enum Event: Sendable, Hashable {
        /// A request head was parsed; its body (empty here) follows. A server answers
        /// `Expect: 100-continue` at this point.
        case requestHead(HTTPRequest)
        /// A response head was parsed; its body (empty here) follows.
        case responseHead(HTTPResponse)
        /// A complete request, body decoded.
        case request(HTTPRequest)
        /// A complete response, body decoded.
        case response(HTTPResponse)
    }

    /// Whether this parser reads requests or responses.
    public let kind: Kind
    /// The size limits enforced.
    public var limits: HTTPLimits
    /// Set before parsing the response to a `HEAD` request: that response has no body whatever
    /// its headers say (RFC 9110 §9.3.2).
    public var isExpectingBodylessResponse = false

    private enum State: Sendable {
        case startLine
        case fields
        case bodyless
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case closeDelimited
    }

    private struct Head: Sendable {
        var method = ""
        var target = ""
        var status = 0
        var reason = ""
        var version = HTTPVersion.http11
        var fields: [HTTPField] = []
    }

    private var buffer: [UInt8] = []
    private var position = 0
    private var scanIndex = 0
    private var state = State.startLine
    private var line = 0
    private var sectionBytes = 0
    private var head = Head()
    private var body: [UInt8] = []
    private var trailerFields: [HTTPField] = []
    private var failure: HTTPParseError?

    /// The longest chunk-size line accepted, extensions included.
    private static let maxChunkLineBytes = 4096

    /// Creates a parser for requests or responses with the given limits.
    public init(kind: Kind, limits: HTTPLimits = .standard) {
        self.kind = kind
        self.limits = limits
    }

    /// Whether the parser sits between messages with nothing buffered (an idle connection).
    public var isAtMessageBoundary: Bool {
        if case .startLine = state, position == buffer.count { return true }
        return false
    }

    /// Whether the current message's body is delimited by the end of the connection.
    public var isReadingUntilClose: Bool {
        if case .closeDelimited = state { return true }
        return false
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends `bytes` and returns every event they complete.
    /// - Throws: `HTTPParseError` for the first rule the bytes break.
    public mutating func parse(_ bytes: [UInt8]) throws(HTTPParseError) -> [Event] {
        append(bytes)
        var events: [Event] = []
        while let event = try next() { events.append(event) }
        return events
    }

    /// The next event the buffered bytes complete, or `nil` when more bytes are needed.
    /// - Throws: `HTTPParseError` for the first rule the bytes break.
    public mutating func next() throws(HTTPParseError) -> Event? {
        if let failure { throw failure }
        do {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    /// Signals the end of the connection: completes a close-delimited response body.
    /// - Returns: the completed response, or `nil` when the connection ended between messages.
    /// - Throws: `HTTPParseError.incompleteMessage` when it ended inside a message.
    public mutating func finish() throws(HTTPParseError) -> Event? {
        if let failure { throw failure }
        switch state {
        case .closeDelimited:
            return complete()
        case .startLine where position == buffer.count:
            return nil
        default:
            failure = .incompleteMessage
            throw .incompleteMessage
        }
    }

    // MARK: - Steps

    private mutating func step() throws(HTTPParseError) -> Event? {
        while true {
            switch state {
            case .startLine:
                guard let range = try nextLine(limit: limits.maxHeaderBytes, tooLong: headersTooLarge) else {
                    return nil
                }
                if range.isEmpty && kind == .request {
                    line = 0  // RFC 9112 §2.2: ignore empty lines before the request line
                    continue
                }
                try parseStartLine(range)
                state = .fields
            case .fields:
                guard let range = try nextLine(limit: limits.maxHeaderBytes, tooLong: headersTooLarge) else {
                    return nil
                }
                if range.isEmpty {
                    try frameBody()
                    sectionBytes = 0
                    return headEvent()
                }
                if head.fields.isEmpty { head.fields.reserveCapacity(16) }  // one allocation for a typical head
                head.fields.append(try parseField(range, existing: head.fields.count, isTrailer: false))
            case .bodyless:
                return complete()
            case .fixedBody(let remaining):
                let count = min(remaining, buffer.count - position)
                body.append(contentsOf: buffer[position..<position + count])
                position += count
                if count == remaining { return complete() }
                state = .fixedBody(remaining: remaining - count)
                return nil
            case .chunkSize:
                sectionBytes = 0  // the chunk-line limit is per line, not per body
                guard let range = try nextLine(limit: Self.maxChunkLineBytes, tooLong: chunkLineTooLong) else {
                    return nil
                }
                let size = try parseChunkSize(range)
                if size == 0 {
                    sectionBytes = 0
                    state = .trailers
                } else {
                    guard size <= limits.maxBodyBytes - body.count else {
                        throw .bodyTooLarge(limit: limits.maxBodyBytes)
                    }
                    body.reserveCapacity(body.count + size)
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let count = min(remaining, buffer.count - position)
                body.append(contentsOf: buffer[position..<position + count])
                position += count
                guard count == remaining else {
                    state = .chunkData(remaining: remaining - count)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard buffer.count - position >= 2 else {
                    if position < buffer.count && buffer[position] != cr { throw .missingChunkTerminator }
                    return nil
                }
                guard buffer[position] == cr && buffer[position + 1] == lf else { throw .missingChunkTerminator }
                position += 2
                scanIndex = position
                state = .chunkSize
            case .trailers:
                guard let range = try nextLine(limit: limits.maxHeaderBytes, tooLong: headersTooLarge) else {
                    return nil
                }
                if range.isEmpty { return complete() }
                trailerFields.append(try parseField(range, existing: trailerFields.count, isTrailer: true))
            case .closeDelimited:
                let count = buffer.count - position
                guard count <= limits.maxBodyBytes - body.count else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
                body.append(contentsOf: buffer[position...])
                position = buffer.count
                return nil
            }
        }
    }

    private var headersTooLarge: HTTPParseError { .headersTooLarge(limit: limits.maxHeaderBytes) }

    private var chunkLineTooLong: HTTPParseError {
        .invalidChunkSize(String(decoding: buffer[position..<min(buffer.count, position + 40)], as: UTF8.self))
    }

    /// Finds the next CRLF-terminated line, returning its range without the CRLF and consuming it.
    private mutating func nextLine(limit: Int, tooLong: HTTPParseError) throws(HTTPParseError) -> Range<Int>? {
        let start = position
        var index = max(scanIndex, start)
        let end = buffer.count
        var found = -1
        var bareCR = false
        buffer.withUnsafeBufferPointer { bytes in
            while index < end {
                let byte = bytes[index]
                if byte == lf {
                    found = index
                    return
                }
                if byte == cr && index + 1 < end && bytes[index + 1] != lf {
                    bareCR = true
                    return
                }
                index += 1
            }
        }
        line += 1
        if bareCR { throw .bareCarriageReturn(line: line) }
        guard found >= 0 else {
            line -= 1
            scanIndex = max(start, end - 1)  // rescan a trailing CR once its LF arrives
            if sectionBytes + (end - start) > limit { throw tooLong }
            return nil
        }
        guard found > start && buffer[found - 1] == cr else { throw .bareLineFeed(line: line) }
        sectionBytes += found + 1 - start
        if sectionBytes > limit { throw tooLong }
        position = found + 1
        scanIndex = position
        return start..<(found - 1)
    }

    private mutating func compact() {
        guard position > 0 else { return }
        if position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if position >= 4096 && position * 2 >= buffer.count {
            buffer.removeSubrange(0..<position)
        } else {
            return
        }
        scanIndex -= position
        position = 0
    }

    // MARK: - Start lines

    private mutating func parseStartLine(_ range: Range<Int>) throws(HTTPParseError) {
        switch kind {
        case .request: try parseRequestLine(range)
        case .response: try parseStatusLine(range)
        }
    }

    private mutating func parseRequestLine(_ range: Range<Int>) throws(HTTPParseError) {
        var spaces = 0
        var first = -1
        var second = -1
        for index in range where buffer[index] == space {
            spaces += 1
            if first < 0 { first = index } else { second = index }
        }
        guard spaces == 2, first > range.lowerBound, second > first + 1, second + 1 < range.upperBound else {
            throw .invalidRequestLine(String(decoding: buffer[range], as: UTF8.self))
        }
        let method = buffer[range.lowerBound..<first]
        let target = buffer[(first + 1)..<second]
        let version = buffer[(second + 1)..<range.upperBound]
        guard method.allSatisfy(isTokenByte) else { throw .invalidMethod(String(decoding: method, as: UTF8.self)) }
        head.method = String(decoding: method, as: UTF8.self)
        head.target = String(decoding: target, as: UTF8.self)
        head.version = try parseVersion(version)
        guard target.allSatisfy({ $0 > space && $0 < 0x7F && $0 != UInt8(ascii: "#") }) else {
            throw .invalidTarget(head.target)
        }
        if target.first == UInt8(ascii: "/") { return }  // origin form, by far the most common
        let isAsterisk = head.target == "*" && head.method == "OPTIONS"
        let isAuthority = head.method == "CONNECT" && !target.contains(UInt8(ascii: "/"))
        let isAbsolute =
            target.first != UInt8(ascii: ":") && target.indices.contains { target[$0...].starts(with: "://".utf8) }
        guard isAsterisk || isAuthority || isAbsolute else { throw .invalidTarget(head.target) }
    }

    private mutating func parseStatusLine(_ range: Range<Int>) throws(HTTPParseError) {
        var text: String { String(decoding: buffer[range], as: UTF8.self) }
        let versionEnd = buffer[range].firstIndex(of: space) ?? range.upperBound
        head.version = try parseVersion(buffer[range.lowerBound..<versionEnd])
        guard versionEnd < range.upperBound else { throw .invalidStatusLine(text) }
        let codeStart = versionEnd + 1
        let codeEnd = buffer[codeStart..<range.upperBound].firstIndex(of: space) ?? range.upperBound
        let code = buffer[codeStart..<codeEnd]
        guard code.count == 3, code.allSatisfy(isDigit) else {
            throw .invalidStatusCode(String(decoding: code, as: UTF8.self))
        }
        let status = code.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard (100...599).contains(status) else { throw .invalidStatusCode(String(decoding: code, as: UTF8.self)) }
        head.status = status
        if codeEnd < range.upperBound {
            let reason = buffer[(codeEnd + 1)..<range.upperBound]
            guard reason.allSatisfy(isFieldValueByte) else { throw .invalidStatusLine(text) }
            head.reason = String(decoding: reason, as: UTF8.self)
        } else {
            head.reason = ""
        }
    }

    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        var text: String { String(decoding: bytes, as: UTF8.self) }
        guard bytes.count == 8, bytes.prefix(5).elementsEqual("HTTP/".utf8), isDigit(bytes[bytes.startIndex + 5]),
            bytes[bytes.startIndex + 6] == UInt8(ascii: "."), isDigit(bytes[bytes.startIndex + 7])
        else { throw .invalidVersion(text) }
        let major = Int(bytes[bytes.startIndex + 5] - UInt8(ascii: "0"))
        let minor = Int(bytes[bytes.startIndex + 7] - UInt8(ascii: "0"))
        guard major == 1 else { throw .unsupportedVersion(text) }
        return HTTPVersion(major: major, minor: minor)
    }

    // MARK: - Fields

    private func parseField(
        _ range: Range<Int>, existing: Int, isTrailer: Bool
    ) throws(HTTPParseError) -> HTTPField {
        let first = buffer[range.lowerBound]
        if first == space || first == tab {
            if existing == 0 && !isTrailer { throw .whitespaceBeforeFirstField(line: line) }
            throw .obsoleteLineFolding(line: line)
        }
        guard let colon = buffer[range].firstIndex(of: UInt8(ascii: ":")) else { throw .missingColon(line: line) }
        let nameBytes = buffer[range.lowerBound..<colon]
        let name = String(decoding: nameBytes, as: UTF8.self)
        if let last = nameBytes.last, last == space || last == tab {
            throw .whitespaceBeforeColon(name: String(name.prefix { $0 != " " && $0 != "\t" }))
        }
        guard !nameBytes.isEmpty, nameBytes.allSatisfy(isTokenByte) else { throw .invalidHeaderName(name) }
        var valueStart = colon + 1
        var valueEnd = range.upperBound
        while valueStart < valueEnd && (buffer[valueStart] == space || buffer[valueStart] == tab) { valueStart += 1 }
        while valueEnd > valueStart && (buffer[valueEnd - 1] == space || buffer[valueEnd - 1] == tab) { valueEnd -= 1 }
        let value = buffer[valueStart..<valueEnd]
        guard value.allSatisfy(isFieldValueByte) else { throw .invalidHeaderValue(name: name) }
        guard existing < limits.maxHeaderFields else { throw .tooManyHeaderFields(limit: limits.maxHeaderFields) }
        return HTTPField(name: name, value: String(decoding: value, as: UTF8.self))
    }

    // MARK: - Body framing (RFC 9112 §6)

    private mutating func frameBody() throws(HTTPParseError) {
        var hosts = 0
        var lengthFields = 0
        var encodingFields = 0
        var lengthValue = ""
        for field in head.fields {
            let name = field.name
            if name.caseInsensitiveEquals(HTTPHeaderName.host) {
                hosts += 1
            } else if name.caseInsensitiveEquals(HTTPHeaderName.contentLength) {
                lengthFields += 1
                lengthValue = field.value
            } else if name.caseInsensitiveEquals(HTTPHeaderName.transferEncoding) {
                encodingFields += 1
            }
        }
        if kind == .request && head.version == .http11 {
            if hosts == 0 { throw .missingHost }
            if hosts > 1 { throw .multipleHost }
        }
        if kind == .response
            && (head.status < 200 || head.status == 204 || head.status == 304 || isExpectingBodylessResponse)
        {
            state = .bodyless
            return
        }
        // The usual cases without building lists: no framing field, or one plain Content-Length.
        if encodingFields == 0 && lengthFields == 0 {
            state = kind == .request ? .bodyless : .closeDelimited
            return
        }
        if encodingFields == 0 && lengthFields == 1, let count = plainLength(lengthValue) {
            guard count <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
            state = count == 0 ? .bodyless : .fixedBody(remaining: count)
            if count > 0 { body.reserveCapacity(count) }
            return
        }
        let headers = HTTPHeaders(fields: head.fields)
        let lengths = headers.values(for: HTTPHeaderName.contentLength).flatMap { listElements($0, keepEmpty: true) }
        let encodings = headers.values(for: HTTPHeaderName.transferEncoding)
        if !encodings.isEmpty {
            guard lengths.isEmpty else { throw .contentLengthWithTransferEncoding }
            let joined = encodings.joined(separator: ", ")
            let codings = encodings.flatMap { listElements($0, keepEmpty: false) }.map { $0.lowercased() }
            let chunkedCount = codings.count { $0 == "chunked" }
            if chunkedCount > 1 || (kind == .request && codings.last != "chunked") { throw .chunkedNotFinal(joined) }
            guard codings == ["chunked"] else { throw .unsupportedTransferEncoding(joined) }
            state = .chunkSize
            return
        }
        if !lengths.isEmpty {
            var length: Int?
            for text in lengths {
                if text.hasPrefix("-") && text.count > 1 && text.dropFirst().allSatisfy(\.isASCIIDigitCharacter) {
                    throw .negativeContentLength(text)
                }
                guard !text.isEmpty, text.count <= 18, text.allSatisfy(\.isASCIIDigitCharacter), let value = Int(text)
                else { throw .invalidContentLength(text) }
                if let length, length != value { throw .conflictingContentLength(lengths) }
                length = value
            }
            let count = length ?? 0
            guard count <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
            state = count == 0 ? .bodyless : .fixedBody(remaining: count)
            if count > 0 { body.reserveCapacity(count) }
            return
        }
        state = kind == .request ? .bodyless : .closeDelimited
    }

    /// A `Content-Length` value of 1 to 18 ASCII digits and nothing else, or `nil`.
    private func plainLength(_ value: String) -> Int? {
        let digits = value.utf8
        guard (1...18).contains(digits.count) else { return nil }
        var length = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            length = length * 10 + Int(byte - 0x30)
        }
        return length
    }

    private func parseChunkSize(_ range: Range<Int>) throws(HTTPParseError) -> Int {
        let text = String(decoding: buffer[range], as: UTF8.self)
        var index = range.lowerBound
        var size = 0
        while index < range.upperBound, let digit = hexValue(buffer[index]) {
            guard size <= (Int.max - 15) / 16 else { throw .invalidChunkSize(text) }
            size = size * 16 + digit
            index += 1
        }
        guard index > range.lowerBound else { throw .invalidChunkSize(text) }
        // chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )
        let extensions = buffer[index..<range.upperBound]
        guard validChunkExtensions(extensions) else {
            if let first = extensions.first, first != space, first != tab, first != UInt8(ascii: ";") {
                throw .invalidChunkSize(text)
            }
            throw .invalidChunkExtension(String(decoding: extensions, as: UTF8.self))
        }
        return size
    }

    private func validChunkExtensions(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func skipWhitespace() {
            while index < end && (bytes[index] == space || bytes[index] == tab) { index += 1 }
        }
        func token() -> Bool {
            let start = index
            while index < end && isTokenByte(bytes[index]) { index += 1 }
            return index > start
        }
        while true {
            skipWhitespace()
            if index == end { return true }
            guard bytes[index] == UInt8(ascii: ";") else { return false }
            index += 1
            skipWhitespace()
            guard token() else { return false }
            skipWhitespace()
            if index < end && bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipWhitespace()
                if index < end && bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    var closed = false
                    while index < end {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: "\\") {
                            index += 2
                            continue
                        }
                        index += 1
                        if byte == UInt8(ascii: "\"") {
                            closed = true
                            break
                        }
                        guard isFieldValueByte(byte) else { return false }
                    }
                    guard closed, index <= end else { return false }
                } else {
                    guard token() else { return false }
                }
            }
        }
    }

    // MARK: - Events

    private func headEvent() -> Event {
        switch kind {
        case .request:
            .requestHead(
                HTTPRequest(
                    method: HTTPMethod(head.method), target: head.target, version: head.version,
                    headers: HTTPHeaders(fields: head.fields)))
        case .response:
            .responseHead(
                HTTPResponse(
                    status: HTTPStatus(code: head.status), reason: head.reason, version: head.version,
                    headers: HTTPHeaders(fields: head.fields)))
        }
    }

    private mutating func complete() -> Event {
        let headers = HTTPHeaders(fields: head.fields)
        let trailers = HTTPHeaders(fields: trailerFields)
        let event: Event
        switch kind {
        case .request:
            event = .request(
                HTTPRequest(
                    method: HTTPMethod(head.method), target: head.target, version: head.version, headers: headers,
                    body: body,
                    trailers: trailers))
        case .response:
            event = .response(
                HTTPResponse(
                    status: HTTPStatus(code: head.status), reason: head.reason, version: head.version, headers: headers,
                    body: body,
                    trailers: trailers))
        }
        head = Head()
        body = []
        trailerFields = []
        line = 0
        sectionBytes = 0
        state = .startLine
        return event
    }
}

// MARK: - Byte classes

private let cr = UInt8(ascii: "\r")
private let lf = UInt8(ascii: "\n")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")

/// tchar (RFC 9110 §5.6.2).
private let tokenTable: [Bool] = (0..<256).map { value in
    let byte = UInt8(value)
    if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return true }
    return "!#$%&'*+-.^_`|~".utf8.contains(byte)
}

func isTokenByte(_ byte: UInt8) -> Bool { tokenTable[Int(byte)] }

/// field-vchar, SP and HTAB (RFC 9110 §5.5): everything but controls and DEL.
private func isFieldValueByte(_ byte: UInt8) -> Bool {
    byte == tab || (byte >= space && byte != 0x7F)
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

private func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: Int(byte - 0x30)
    case 0x41...0x46: Int(byte - 0x41 + 10)
    case 0x61...0x66: Int(byte - 0x61 + 10)
    default: nil
    }
}

/// The elements of a comma-separated field value, trimmed of optional whitespace.
func listElements(_ value: String, keepEmpty: Bool) -> [String] {
    value.split(separator: ",", omittingEmptySubsequences: false)
        .map { $0.trimmingASCIIWhitespace() }
        .filter { keepEmpty || !$0.isEmpty }
}

extension Substring {
    func trimmingASCIIWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
