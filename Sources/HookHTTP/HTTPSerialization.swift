extension HTTPRequest {
    /// The request line, the fields in order and the blank line, exactly as they go on the wire.
    public func serializedHead() -> [UInt8] {
        WireWriter.bytes { writeHead(to: &$0, addingHost: nil, contentLength: nil) }
    }

    /// The head followed by the body bytes.
    public func serialized() -> [UInt8] { serialized(addingHost: nil, contentLength: nil) }

    /// The whole request with a `Host` and a `Content-Length` field after its own fields (each when given),
    /// written into one buffer of the exact size.
    func serialized(addingHost host: String?, contentLength: Int?) -> [UInt8] {
        WireWriter.bytes { writer in
            writeHead(to: &writer, addingHost: host, contentLength: contentLength)
            writer.append(body)
        }
    }

    private func writeHead(to writer: inout WireWriter, addingHost host: String?, contentLength: Int?) {
        writer.append(method.rawValue)
        writer.append(0x20)
        writer.append(target)
        writer.append(0x20)
        writer.append(version)
        writer.appendLineEnd()
        writer.append(headers)
        if let host { writer.appendField(name: HTTPHeaderName.host, value: host) }
        if let contentLength { writer.appendField(name: HTTPHeaderName.contentLength, value: String(contentLength)) }
        writer.appendLineEnd()
    }

    /// Whether the connection stays open after this request (RFC 9112 §9.3): HTTP/1.1 unless
    /// `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    public var isKeepAlive: Bool { keepAlive(version: version, headers: headers) }
}

extension HTTPResponse {
    /// The status line, the fields in order and the blank line, exactly as they go on the wire.
    /// An empty `reason` is sent as the standard phrase for `status`.
    public func serializedHead() -> [UInt8] { WireWriter.bytes { writeHead(to: &$0) } }

    /// The head followed by the body bytes.
    public func serialized() -> [UInt8] {
        WireWriter.bytes { writer in
            writeHead(to: &writer)
            writer.append(body)
        }
    }

    private func writeHead(to writer: inout WireWriter) {
        writer.append(version)
        writer.append(0x20)
        writer.append(decimal: status.code)
        writer.append(0x20)
        writer.append(reason.isEmpty ? status.reasonPhrase : reason)
        writer.appendLineEnd()
        writer.append(headers)
        writer.appendLineEnd()
    }

    /// Whether the connection stays open after this response (RFC 9112 §9.3).
    public var isKeepAlive: Bool { keepAlive(version: version, headers: headers) }
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
