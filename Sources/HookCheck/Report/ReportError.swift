/// Why a report could not be written. A struct with a ``code``, so new reasons can be added without
/// breaking a caller's `switch`.
public struct ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The folder for a report could not be created.
        public static let cannotCreateDirectory = Code("cannotCreateDirectory")
        /// A report file could not be written.
        public static let cannotWrite = Code("cannotWrite")
        /// The GitHub step summary file could not be appended to.
        public static let cannotAppendStepSummary = Code("cannotAppendStepSummary")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// The folder or file.
    public var path: String
    /// Why, from the system.
    public var reason: String

    private init(code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// The folder `path` could not be created.
    public static func cannotCreateDirectory(path: String, reason: String) -> Self {
        Self(code: .cannotCreateDirectory, path: path, reason: reason)
    }

    /// The report file `path` could not be written.
    public static func cannotWrite(path: String, reason: String) -> Self {
        Self(code: .cannotWrite, path: path, reason: reason)
    }

    /// The GitHub step summary file `path` could not be appended to.
    public static func cannotAppendStepSummary(path: String, reason: String) -> Self {
        Self(code: .cannotAppendStepSummary, path: path, reason: reason)
    }

    public var description: String {
        switch code {
        case .cannotCreateDirectory: "cannot create report folder '\(path)': \(reason)"
        case .cannotWrite: "cannot write report '\(path)': \(reason)"
        default: "cannot append to GITHUB_STEP_SUMMARY file '\(path)': \(reason)"
        }
    }
}
