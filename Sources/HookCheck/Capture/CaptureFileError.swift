import Foundation

/// A capture file that cannot be opened, read or written. A struct with a ``code``, so new reasons can be
/// added without breaking a caller's `switch`.
public struct CaptureFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The file cannot be created or opened.
        public static let cannotOpen = Code("cannotOpen")
        /// Reading the file failed.
        public static let readFailed = Code("readFailed")
        /// Writing the file failed.
        public static let writeFailed = Code("writeFailed")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// The capture file.
    public var path: String
    /// Why, from the system.
    public var reason: String

    private init(code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// The file at `path` cannot be created or opened.
    public static func cannotOpen(path: String, reason: String) -> Self {
        Self(code: .cannotOpen, path: path, reason: reason)
    }

    /// Reading the file at `path` failed.
    public static func readFailed(path: String, reason: String) -> Self {
        Self(code: .readFailed, path: path, reason: reason)
    }

    /// Writing the file at `path` failed.
    public static func writeFailed(path: String, reason: String) -> Self {
        Self(code: .writeFailed, path: path, reason: reason)
    }

    public var description: String {
        let action =
            switch code {
            case .cannotOpen: "open"
            case .readFailed: "read"
            default: "write"
            }
        return "cannot \(action) capture file '\(path)': \(reason)"
    }

    static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}
