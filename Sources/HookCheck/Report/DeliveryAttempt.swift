import Foundation
import HookHTTP

/// One HTTP exchange behind a result: a delivery sent by `run`, or one captured by `listen`.
public struct DeliveryAttempt: Sendable, Hashable {
    /// The most UTF-8 bytes an excerpt keeps; longer text is cut and says how long it was.
    public static let excerptLimit = 2048

    /// The request method, e.g. `POST`.
    public var method: String
    /// The URL (or request target) the delivery went to.
    public var target: String
    /// The response status code, or `nil` when no response arrived.
    public var status: Int?
    /// When the request was sent (or received, for a capture).
    public var sentAt: Date
    /// Time from sending the request to reading the response head.
    public var latency: Duration
    /// The request's header fields, in wire order, when known.
    public var requestHeaders: [HTTPField]?
    /// The start of the request as text (head and body), at most `excerptLimit` bytes.
    public var requestExcerpt: String?
    /// The start of the response as text (head and body), at most `excerptLimit` bytes.
    public var responseExcerpt: String?
    /// A remark on this attempt, e.g. `connection refused` or `retry 2 of 3`.
    public var note: String?

    /// Creates an attempt; excerpts longer than `excerptLimit` bytes are cut.
    public init(
        method: String, target: String, status: Int?, sentAt: Date, latency: Duration,
        requestHeaders: [HTTPField]? = nil, requestExcerpt: String? = nil, responseExcerpt: String? = nil,
        note: String? = nil
    ) {
        self.method = method
        self.target = target
        self.status = status
        self.sentAt = sentAt
        self.latency = latency
        self.requestHeaders = requestHeaders
        self.requestExcerpt = requestExcerpt.map { Self.excerpt($0) }
        self.responseExcerpt = responseExcerpt.map { Self.excerpt($0) }
        self.note = note
    }

    /// `text` cut to at most `limit` UTF-8 bytes on a character boundary, ending with a marker
    /// that gives the full size when anything was cut.
    public static func excerpt(_ text: String, limit: Int = excerptLimit) -> String {
        let total = text.utf8.count
        guard total > limit else { return text }
        let marker = "\n… [cut: \(total) bytes in all]"
        let budget = max(0, limit - marker.utf8.count)
        var used = 0
        var end = text.startIndex
        for character in text {
            let size = character.utf8.count
            if used + size > budget { break }
            used += size
            end = text.index(after: end)
        }
        return String(text[..<end]) + marker
    }
}
