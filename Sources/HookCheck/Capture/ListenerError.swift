/// Why a ``Listener`` could not start. A struct with a ``code``, so new reasons can be added without
/// breaking a caller's `switch`.
public struct ListenerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The capture file cannot be created or opened for appending; ``ListenerError/captureFileError`` says why.
        public static let captureFile = Code("captureFile")
        /// The address cannot be bound (port in use, not a local address).
        public static let cannotListen = Code("cannotListen")
        /// `start()` was called twice.
        public static let alreadyStarted = Code("alreadyStarted")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// For ``Code/captureFile``: the capture file's error.
    public var captureFileError: CaptureFileError?
    /// For ``Code/cannotListen``: the address that could not be bound.
    public var host: String?
    /// For ``Code/cannotListen``: the port that could not be bound.
    public var port: Int?
    /// For ``Code/cannotListen``: why, from the system.
    public var reason: String?

    private init(
        code: Code, captureFileError: CaptureFileError? = nil, host: String? = nil, port: Int? = nil,
        reason: String? = nil
    ) {
        self.code = code
        self.captureFileError = captureFileError
        self.host = host
        self.port = port
        self.reason = reason
    }

    /// The capture file cannot be created or opened for appending.
    public static func captureFile(_ error: CaptureFileError) -> Self {
        Self(code: .captureFile, captureFileError: error)
    }

    /// `host:port` cannot be bound, for `reason`.
    public static func cannotListen(host: String, port: Int, reason: String) -> Self {
        Self(code: .cannotListen, host: host, port: port, reason: reason)
    }

    /// `start()` was called twice.
    public static let alreadyStarted = Self(code: .alreadyStarted)

    public var description: String {
        if let captureFileError { return captureFileError.description }
        if code == .cannotListen { return "cannot listen on \(host ?? ""):\(port ?? 0): \(reason ?? "")" }
        return "the listener was already started"
    }
}
