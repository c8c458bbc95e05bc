/// Why a ``Listener`` could not start.
public enum ListenerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The capture file cannot be created or opened for appending.
    case captureFile(CaptureFileError)
    /// The address cannot be bound (port in use, not a local address).
    case cannotListen(host: String, port: Int, reason: String)
    /// `start()` was called twice.
    case alreadyStarted

    public var description: String {
        switch self {
        case .captureFile(let error): error.description
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        case .alreadyStarted: "the listener was already started"
        }
    }
}
