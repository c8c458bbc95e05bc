/// Well-known header names, spelled once. Header names compare case-insensitively; any other name is
/// still an ordinary string.
public enum HTTPHeaderName {
    /// `Allow`.
    public static let allow = "Allow"
    /// `Connection`.
    public static let connection = "Connection"
    /// `Content-Length`.
    public static let contentLength = "Content-Length"
    /// `Content-Type`.
    public static let contentType = "Content-Type"
    /// `Date`.
    public static let date = "Date"
    /// `Expect`.
    public static let expect = "Expect"
    /// `Host`.
    public static let host = "Host"
    /// `Retry-After`.
    public static let retryAfter = "Retry-After"
    /// `Transfer-Encoding`.
    public static let transferEncoding = "Transfer-Encoding"
}
