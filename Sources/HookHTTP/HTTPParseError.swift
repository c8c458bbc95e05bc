/// Why bytes are not a well-formed HTTP/1.1 message (RFC 9112). One case per rule; `status` is
/// what a server answers with. Messages quote the offending value, except header values, which may
/// carry secrets and are named by their field instead.
/// An enum: one case per RFC 9112 rule, a closed set the parser and the server match on.
public enum HTTPParseError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// A line ends in LF without the CR before it (RFC 9112 §2.2; this parser is strict).
    case bareLineFeed(line: Int)
    /// A CR that is not followed by LF (RFC 9112 §2.2).
    case bareCarriageReturn(line: Int)
    /// The request line is not `method SP target SP version` (RFC 9112 §3).
    case invalidRequestLine(String)
    /// The method is not a token (RFC 9110 §9.1).
    case invalidMethod(String)
    /// The request target is empty, has a fragment, whitespace, control or non-ASCII bytes, or is
    /// not origin, absolute, authority (CONNECT) or asterisk form (RFC 9112 §3.2).
    case invalidTarget(String)
    /// The version is not `HTTP/DIGIT.DIGIT` (RFC 9112 §2.3).
    case invalidVersion(String)
    /// A well-formed version whose major number is not 1 (answered with 505).
    case unsupportedVersion(String)
    /// The status line is not `version SP 3DIGIT SP reason` (RFC 9112 §4).
    case invalidStatusLine(String)
    /// The status code is not three digits between 100 and 599 (RFC 9110 §15).
    case invalidStatusCode(String)
    /// A field line starts with whitespace: obsolete line folding (RFC 9112 §5.2).
    case obsoleteLineFolding(line: Int)
    /// Whitespace between the start line and the first field line (RFC 9112 §2.2).
    case whitespaceBeforeFirstField(line: Int)
    /// A field line without a colon (RFC 9112 §5).
    case missingColon(line: Int)
    /// Whitespace between a field name and its colon (RFC 9112 §5.1).
    case whitespaceBeforeColon(name: String)
    /// A field name that is empty or not a token (RFC 9110 §5.1).
    case invalidHeaderName(String)
    /// A field value with a control character, NUL or bare CR (RFC 9110 §5.5). The value is not
    /// quoted: it may be a secret.
    case invalidHeaderValue(name: String)
    /// The start line and header section exceed `HTTPLimits.maxHeaderBytes` (431).
    case headersTooLarge(limit: Int)
    /// More header (or trailer) fields than `HTTPLimits.maxHeaderFields` (431).
    case tooManyHeaderFields(limit: Int)
    /// An HTTP/1.1 request without `Host` (RFC 9112 §3.2).
    case missingHost
    /// A request with more than one `Host` field (RFC 9112 §3.2).
    case multipleHost
    /// A `Content-Length` value that is not a decimal number (RFC 9112 §6.3).
    case invalidContentLength(String)
    /// A negative `Content-Length` value (RFC 9112 §6.3).
    case negativeContentLength(String)
    /// Several `Content-Length` values that differ (RFC 9112 §6.3).
    case conflictingContentLength([String])
    /// Both `Content-Length` and `Transfer-Encoding`: a request-smuggling vector (RFC 9112 §6.1).
    case contentLengthWithTransferEncoding
    /// `chunked` is not the final transfer coding of a request, or appears twice (RFC 9112 §6.1).
    case chunkedNotFinal(String)
    /// A transfer coding other than `chunked` (answered with 501).
    case unsupportedTransferEncoding(String)
    /// A chunk size that is not hexadecimal or overflows (RFC 9112 §7.1).
    case invalidChunkSize(String)
    /// A malformed chunk extension (RFC 9112 §7.1.1).
    case invalidChunkExtension(String)
    /// Chunk data not followed by CRLF (RFC 9112 §7.1).
    case missingChunkTerminator
    /// The body exceeds `HTTPLimits.maxBodyBytes` (413).
    case bodyTooLarge(limit: Int)
    /// The peer closed the connection in the middle of a message.
    case incompleteMessage

    /// The status a server answers with when a request breaks this rule.
    public var status: Int {
        switch self {
        case .headersTooLarge, .tooManyHeaderFields: 431
        case .bodyTooLarge: 413
        case .unsupportedTransferEncoding: 501
        case .unsupportedVersion: 505
        default: 400
        }
    }

    public var description: String {
        switch self {
        case .bareLineFeed(let line): "line \(line) ends in a bare LF, expected CRLF"
        case .bareCarriageReturn(let line): "line \(line) has a CR not followed by LF"
        case .invalidRequestLine(let text): "invalid request line \(quoted(text)), expected 'METHOD TARGET HTTP/1.1'"
        case .invalidMethod(let text): "invalid method \(quoted(text)): not a token"
        case .invalidTarget(let text): "invalid request target \(quoted(text))"
        case .invalidVersion(let text): "invalid HTTP version \(quoted(text)), expected 'HTTP/1.1'"
        case .unsupportedVersion(let text): "unsupported HTTP version \(quoted(text))"
        case .invalidStatusLine(let text): "invalid status line \(quoted(text)), expected 'HTTP/1.1 200 OK'"
        case .invalidStatusCode(let text): "invalid status code \(quoted(text)), expected three digits 100-599"
        case .obsoleteLineFolding(let line): "line \(line) starts with whitespace: obsolete line folding is not allowed"
        case .whitespaceBeforeFirstField(let line):
            "line \(line): whitespace between the start line and the first field"
        case .missingColon(let line): "line \(line): header field without a colon"
        case .whitespaceBeforeColon(let name): "header \(quoted(name)): whitespace before the colon"
        case .invalidHeaderName(let name): "invalid header name \(quoted(name)): not a token"
        case .invalidHeaderValue(let name): "header \(quoted(name)): value contains a control character"
        case .headersTooLarge(let limit): "request line and headers exceed \(limit) bytes"
        case .tooManyHeaderFields(let limit): "more than \(limit) header fields"
        case .missingHost: "HTTP/1.1 request without a Host header"
        case .multipleHost: "request with more than one Host header"
        case .invalidContentLength(let text): "invalid Content-Length \(quoted(text)): not a decimal number"
        case .negativeContentLength(let text): "invalid Content-Length \(quoted(text)): negative"
        case .conflictingContentLength(let values):
            "conflicting Content-Length values \(values.map(quoted).joined(separator: ", "))"
        case .contentLengthWithTransferEncoding: "both Content-Length and Transfer-Encoding are present"
        case .chunkedNotFinal(let text): "Transfer-Encoding \(quoted(text)): chunked must be the final coding, once"
        case .unsupportedTransferEncoding(let text): "unsupported Transfer-Encoding \(quoted(text))"
        case .invalidChunkSize(let text): "invalid chunk size \(quoted(text))"
        case .invalidChunkExtension(let text): "invalid chunk extension \(quoted(text))"
        case .missingChunkTerminator: "chunk data not followed by CRLF"
        case .bodyTooLarge(let limit): "body exceeds \(limit) bytes"
        case .incompleteMessage: "connection closed in the middle of a message"
        }
    }
}

/// Quotes a value for an error message, escaping control bytes and cutting it at 80 characters.
private func quoted(_ text: String) -> String {
    var out = "'"
    for (index, scalar) in text.unicodeScalars.enumerated() {
        if index == 80 {
            out += "…"
            break
        }
        switch scalar {
        case "\r": out += "\\r"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "'": out += "\\'"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "'"
}
