/// An `http://` or `https://` URL split into what a request needs: `http://host:port/path?query`.
/// IPv6 literals are written in brackets (`http://[::1]:8080/`); the fragment is dropped.
public struct HTTPURL: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`, lowercased.
    public var scheme: String { didSet { refreshNames() } }
    /// The host name or address, without brackets.
    public var host: String { didSet { refreshNames() } }
    /// The port, defaulted from the scheme (80 or 443).
    public var port: Int { didSet { refreshNames() } }
    /// The request target: path and query, at least `/`.
    public var target: String

    /// Parses `string`.
    /// - Throws: `HTTPClientError.invalidURL` naming what is wrong.
    public init(_ string: String) throws(HTTPClientError) {
        if let parsed = try Self.parseASCII(string) {
            self = parsed
            return
        }
        guard let schemeEnd = string.range(of: "://") else { throw .invalidURL(string, reason: "missing scheme") }
        scheme = string[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw .invalidURL(string, reason: "scheme '\(scheme)' is not http or https")
        }
        var rest = string[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        target = path.isEmpty ? "/" : (path.first == "?" ? "/" + path : String(path))
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidURL(string, reason: "unterminated IPv6 literal")
            }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw .invalidURL(string, reason: "unexpected '\(after)' after host") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        guard !host.isEmpty else { throw .invalidURL(string, reason: "missing host") }
        guard !host.contains(where: { $0 == " " || $0 == "/" || $0.asciiValue.map { $0 < 0x20 } ?? false }) else {
            throw .invalidURL(string, reason: "invalid host '\(host)'")
        }
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw .invalidURL(string, reason: "invalid port '\(portText)'")
            }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
        guard !target.contains(where: { $0 == " " || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }) else {
            throw .invalidURL(string, reason: "path contains whitespace or control characters")
        }
        (hostHeader, endpoint) = Self.names(scheme: scheme, host: host, port: port)
    }

    private init(scheme: String, host: String, port: Int, target: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.target = target
        (hostHeader, endpoint) = Self.names(scheme: scheme, host: host, port: port)
    }

    /// The same parse over bytes for an all-ASCII `string` (where characters are bytes, and a CRLF
    /// pair fails the same checks as its bytes), sparing grapheme breaking; `nil` for any other string.
    private static func parseASCII(_ string: String) throws(HTTPClientError) -> HTTPURL? {
        let bytes = Array(string.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        guard let schemeEnd = bytes.indices.first(where: { bytes[$0...].starts(with: "://".utf8) }) else {
            throw .invalidURL(string, reason: "missing scheme")
        }
        let scheme = text(bytes[..<schemeEnd]).lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw .invalidURL(string, reason: "scheme '\(scheme)' is not http or https")
        }
        var rest = bytes[(schemeEnd + 3)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        let target = path.isEmpty ? "/" : (path.first == UInt8(ascii: "?") ? "/" + text(path) : text(path))
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        let host: String
        var portText: ArraySlice<UInt8>?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw .invalidURL(string, reason: "unterminated IPv6 literal")
            }
            host = text(authority[(authority.startIndex + 1)..<close])
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else {
                    throw .invalidURL(string, reason: "unexpected '\(text(after))' after host")
                }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = text(authority[..<colon])
            portText = authority[(colon + 1)...]
        } else {
            host = text(authority)
        }
        guard !host.isEmpty else { throw .invalidURL(string, reason: "missing host") }
        guard !host.utf8.contains(where: { $0 == 0x20 || $0 == UInt8(ascii: "/") || $0 < 0x20 }) else {
            throw .invalidURL(string, reason: "invalid host '\(host)'")
        }
        let port: Int
        if let portText {
            guard let value = Int(text(portText)), (1...65535).contains(value) else {
                throw .invalidURL(string, reason: "invalid port '\(text(portText))'")
            }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
        guard !target.utf8.contains(where: { $0 == 0x20 || $0 < 0x20 || $0 == 0x7F }) else {
            throw .invalidURL(string, reason: "path contains whitespace or control characters")
        }
        return HTTPURL(scheme: scheme, host: host, port: port, target: target)
    }

    /// Whether the URL is `https://` (sent through URLSession, with a warning).
    public var isSecure: Bool { scheme == "https" }

    /// The value for the `Host` header: the host, bracketed when IPv6, with the port when not the default.
    /// Worked out once, not per request.
    public private(set) var hostHeader: String

    /// `host:port`, as error messages and the connection pool name the endpoint.
    public private(set) var endpoint: String

    private mutating func refreshNames() {
        (hostHeader, endpoint) = Self.names(scheme: scheme, host: host, port: port)
    }

    private static func names(scheme: String, host: String, port: Int) -> (hostHeader: String, endpoint: String) {
        let name = host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
        let endpoint = "\(name):\(port)"
        return (port == (scheme == "https" ? 443 : 80) ? name : endpoint, endpoint)
    }

    public var description: String { "\(scheme)://\(hostHeader)\(target)" }
}
