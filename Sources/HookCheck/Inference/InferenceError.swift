/// Why a suite cannot be inferred from a capture file.
public struct InferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Code: Sendable, Hashable {
        /// The file holds no capture record.
        case noDeliveries
        /// No delivery carries a header that names a built-in profile's scheme.
        case noRecognisableSignature
        /// Deliveries name the schemes of different providers.
        case mixedProviders
        /// No delivery carries an event type where the profile reads it.
        case noEvents
    }

    /// The kind of problem.
    public var code: Code
    /// The message, naming what was found and what is expected.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
