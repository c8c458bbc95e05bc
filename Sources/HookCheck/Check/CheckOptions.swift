import Foundation

/// How a ``Checker`` judges deliveries.
public struct CheckOptions: Sendable, Hashable {
    /// The URL the provider signs over for `{url}` schemes (`--url`), overriding the suite's
    /// `target` and the request's `Host`.
    public var url: String?
    /// Where the deliveries come from (the capture file), for the reports.
    public var source: String
    /// The most seq numbers a result lists.
    public var listedSequenceLimit: Int
    /// The most distinct messages a result quotes.
    public var messageLimit: Int
    /// The most failing deliveries a result carries as attempts for the reports.
    public var attemptLimit: Int

    /// Creates options.
    public init(
        url: String? = nil, source: String = "captures", listedSequenceLimit: Int = 20, messageLimit: Int = 3,
        attemptLimit: Int = 3
    ) {
        self.url = url
        self.source = source
        self.listedSequenceLimit = listedSequenceLimit
        self.messageLimit = messageLimit
        self.attemptLimit = attemptLimit
    }
}
