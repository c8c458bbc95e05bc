extension HTTPRequest {
    /// The request line, the fields in order and the blank line, exactly as they go on the wire.
    public func serializedHead() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 })
        out.append(contentsOf: method.rawValue.utf8)
        out.append(0x20)
        out.append(contentsOf: target.utf8)
        out.append(0x20)
        appendVersion(version, to: &out)
        appendFields(headers, to: &out)
        return out
    }

    /// The head followed by the body bytes.
    public func serialized() -> [UInt8] { serializedHead() + body }

    /// Whether the connection stays open after this request (RFC 9112 §9.3): HTTP/1.1 unless
    /// `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    public var isKeepAlive: Bool { keepAlive(version: version, headers: headers) }
}

extension HTTPResponse {
    /// The status line, the fields in order and the blank line, exactly as they go on the wire.
    /// An empty `reason` is sent as the standard phrase for `status`.
    public func serializedHead() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 })
        appendVersion(version, to: &out)
        out.append(0x20)
        let code = status.code
        if (100...999).contains(code) {
            out.append(UInt8(0x30 + code / 100))
            out.append(UInt8(0x30 + code / 10 % 10))
            out.append(UInt8(0x30 + code % 10))
        } else {
            out.append(contentsOf: String(code).utf8)
        }
        out.append(0x20)
        out.append(contentsOf: (reason.isEmpty ? status.reasonPhrase : reason).utf8)
        appendFields(headers, to: &out)
        return out
    }

    /// The head followed by the body bytes.
    public func serialized() -> [UInt8] { serializedHead() + body }

    /// Whether the connection stays open after this response (RFC 9112 §9.3).
    public var isKeepAlive: Bool { keepAlive(version: version, headers: headers) }
}

/// `HTTP/major.minor`, without building a `String` for the usual single-digit versions.
private func appendVersion(_ version: HTTPVersion, to out: inout [UInt8]) {
    guard (0...9).contains(version.major), (0...9).contains(version.minor) else {
        out.append(contentsOf: version.description.utf8)
        return
    }
    for byte in "HTTP/".utf8 { out.append(byte) }
    out.append(UInt8(0x30 + version.major))
    out.append(0x2E)
    out.append(UInt8(0x30 + version.minor))
}

private func appendFields(_ headers: HTTPHeaders, to out: inout [UInt8]) {
    out.append(0x0D)
    out.append(0x0A)
    for field in headers {
        out.append(contentsOf: field.name.utf8)
        out.append(0x3A)
        out.append(0x20)
        out.append(contentsOf: field.value.utf8)
        out.append(0x0D)
        out.append(0x0A)
    }
    out.append(0x0D)
    out.append(0x0A)
}

/// The keep-alive rule of RFC 9112 §9.3 over the `Connection` tokens.
func keepAlive(version: HTTPVersion, headers: HTTPHeaders) -> Bool {
    var close = false
    var keep = false
    for field in headers where field.name.caseInsensitiveEquals(HTTPHeaderName.connection) {
        var value = field.value
        value.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                var low = start
                var high = end
                while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
                while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
                let token = UnsafeBufferPointer(rebasing: bytes[low..<high])
                if asciiCaseInsensitiveEquals(token, "close") { close = true }
                if asciiCaseInsensitiveEquals(token, "keep-alive") { keep = true }
                start = end + 1
            }
        }
    }
    if close { return false }
    return version.major == 1 && version.minor >= 1 ? true : keep
}

/// Whether `bytes` spell `lowercase` (ASCII letters in either case).
private func asciiCaseInsensitiveEquals(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
    guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
    let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
    for index in 0..<bytes.count {
        let byte = bytes[index]
        if (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) != expected[index] { return false }
    }
    return true
}
