/// One message about a suite file, in compiler format:
/// `Suites/x.json:12:7: error: /cases/0/body: expected an object, found a string`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is: an error stops the suite from running, a warning does not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// How bad it is.
    public var severity: Severity
    /// The file, as the user named it.
    public var file: String
    /// Where in the file, when known.
    public var location: TextPosition?
    /// The JSON pointer of the value concerned, when there is one.
    public var pointer: JSONPointer?
    /// The message, lowercase, quoting the bad value.
    public var message: String

    /// Creates a diagnostic.
    public init(
        severity: Severity, file: String, location: TextPosition? = nil, pointer: JSONPointer? = nil,
        message: String
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.pointer = pointer
        self.message = message
    }

    /// Whether this is an error.
    public var isError: Bool { severity == .error }

    /// `path:line:col: severity: pointer: message`; the location and pointer are left out when unknown.
    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": \(severity.rawValue): "
        if let pointer { text += "\(pointer.displayText): " }
        return text + message
    }
}
