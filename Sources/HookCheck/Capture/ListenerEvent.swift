/// What a ``Listener`` reports while it runs, in the order it happens.
public enum ListenerEvent: Sendable, Equatable {
    /// A delivery was written to the capture file and is about to be answered.
    case captured(CapturedDelivery)
    /// A request on a path other than the configured one was answered 404 and not captured.
    case ignored(method: String, target: String)
    /// A delivery could not be written; it was answered 503 and is not in the file.
    case captureFailed(CaptureFileError)
    /// Every case of every suite has been seen as often as its `count` asks (sent once).
    case complete
}

/// One captured delivery as the listener classified it.
public struct CapturedDelivery: Sendable, Hashable {
    /// The record's sequence number in the capture file.
    public var seq: Int
    public var method: String
    public var target: String
    /// The status it is answered with.
    public var status: Int
    /// The delivery's identity under the suite that claimed it.
    public var identity: DeliveryIdentity
    /// Which attempt of that identity this is (1-based).
    public var attempt: Int
    /// The suite and case it belongs to, when one fits.
    public var suiteName: String?
    public var caseName: String?
}
