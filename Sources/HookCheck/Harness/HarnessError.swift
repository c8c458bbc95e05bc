/// Why a library run, check or listen could not go ahead. A struct with a ``code``, so new reasons can be
/// added without breaking a caller's `switch`.
public struct HarnessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The secret a suite needs is not among the secrets given.
        public static let missingSecret = Code("missingSecret")
        /// The capture file cannot be read or written.
        public static let captureFile = Code("captureFile")
        /// The listener could not start (port in use, capture file unwritable).
        public static let cannotListen = Code("cannotListen")
        /// A suite has errors; ``HarnessError/diagnostics`` lists them.
        public static let invalidSuites = Code("invalidSuites")
        /// The built-in reference receiver could not start.
        public static let cannotStartReceiver = Code("cannotStartReceiver")
        /// A report file cannot be written.
        public static let cannotWriteReport = Code("cannotWriteReport")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the file, variable or suite; never a secret's value.
    public var reason: String
    /// For ``Code/missingSecret``: the variable that is absent.
    public var variable: String?
    /// For ``Code/invalidSuites``: every diagnostic, `file:line:column: error: …`.
    public var diagnostics: [String]

    /// Creates an error.
    public init(code: Code, reason: String, variable: String? = nil, diagnostics: [String] = []) {
        self.code = code
        self.reason = reason
        self.variable = variable
        self.diagnostics = diagnostics
    }

    public var description: String { reason }

    /// `suite` needs the secret in `variable`, which is not among the secrets given.
    public static func missingSecret(variable: String, suite: String) -> Self {
        Self(
            code: .missingSecret,
            reason: "suite '\(suite)' needs the secret \(variable), which is not among the secrets given",
            variable: variable)
    }

    /// The capture file cannot be read or written.
    public static func captureFile(_ reason: String) -> Self { Self(code: .captureFile, reason: reason) }

    /// The listener could not start.
    public static func cannotListen(_ reason: String) -> Self {
        Self(code: .cannotListen, reason: "cannot listen: \(reason)")
    }

    /// Suites with errors: nothing was sent.
    public static func invalidSuites(_ diagnostics: [String]) -> Self {
        Self(
            code: .invalidSuites,
            reason: (["suite errors: nothing was sent"] + diagnostics).joined(separator: "\n"),
            diagnostics: diagnostics)
    }

    /// The built-in reference receiver could not start.
    public static func cannotStartReceiver(_ reason: String) -> Self {
        Self(code: .cannotStartReceiver, reason: "cannot start the built-in reference receiver: \(reason)")
    }

    /// A report cannot be written; `reason` names the file.
    public static func cannotWriteReport(_ reason: String) -> Self { Self(code: .cannotWriteReport, reason: reason) }
}
