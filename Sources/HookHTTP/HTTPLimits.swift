/// Size limits the parser enforces while reading a message. Past a limit the parser throws the
/// matching `HTTPParseError`, which maps to the status a server answers with.
public struct HTTPLimits: Sendable, Hashable {
    /// The most bytes the start line plus the header section (and, separately, a trailer section)
    /// may take, line endings included. Default 64 KiB; past it, `headersTooLarge` (431).
    public var maxHeaderBytes: Int
    /// The most header fields a message (and, separately, its trailers) may carry. Default 200;
    /// past it, `tooManyHeaderFields` (431).
    public var maxHeaderFields: Int
    /// The most body bytes a message may carry after chunked decoding. Default 10 MiB; past it,
    /// `bodyTooLarge` (413).
    public var maxBodyBytes: Int

    /// Creates limits; every parameter defaults to the documented value.
    public init(maxHeaderBytes: Int = 64 * 1024, maxHeaderFields: Int = 200, maxBodyBytes: Int = 10 * 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxBodyBytes = maxBodyBytes
    }

    /// The defaults: 64 KiB of head, 200 header fields, 10 MiB of body.
    public static let standard = HTTPLimits()
}
