/// A request method (RFC 9110 §9): the token exactly as on the request line. Methods are case-sensitive,
/// so `get` is not `GET`; any token is possible, the well-known ones are spelled once here.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The token, e.g. `POST`.
    public var rawValue: String

    /// The method `rawValue`, as given (no case folding).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The method `rawValue`, as given (no case folding).
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    /// Whether the token is a valid method: one or more `tchar` (RFC 9110 §5.6.2).
    public var isValid: Bool {
        !rawValue.isEmpty && rawValue.utf8.allSatisfy(isTokenByte)
    }

    public var description: String { rawValue }

    /// `GET`.
    public static let get: HTTPMethod = "GET"
    /// `HEAD`.
    public static let head: HTTPMethod = "HEAD"
    /// `POST`.
    public static let post: HTTPMethod = "POST"
    /// `PUT`.
    public static let put: HTTPMethod = "PUT"
    /// `PATCH`.
    public static let patch: HTTPMethod = "PATCH"
    /// `DELETE`.
    public static let delete: HTTPMethod = "DELETE"
    /// `OPTIONS`.
    public static let options: HTTPMethod = "OPTIONS"
}
