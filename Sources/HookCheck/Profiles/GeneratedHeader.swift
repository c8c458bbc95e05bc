import Foundation
import HookHTTP

/// A header whose value the provider makes afresh for each delivery, such as Shopify's
/// `X-Shopify-Event-Id` and `X-Shopify-Triggered-At`; `run` writes it unless the case sets it.
public struct GeneratedHeader: Sendable, Hashable {
    /// What the value is.
    public enum Value: Sendable, Hashable {
        /// A fresh lowercase UUID.
        case uuid
        /// The sending time in this format.
        case now(TimestampFormat)
    }

    /// The header name.
    public var name: String
    /// How its value is made.
    public var value: Value

    /// Creates a generated header.
    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// The value for a delivery sent at `date`, with `makeID` for fresh ids.
    public func value(at date: Date, makeID: () -> String) -> String {
        switch value {
        case .uuid: makeID()
        case .now(let format): format.format(date)
        }
    }
}
