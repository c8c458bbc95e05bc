/// A `match` or `envelope` value that is not a valid pattern.
public enum PatternError: Error, Equatable, CustomStringConvertible {
    /// An object key starting with `$` that names no matcher; `at` points at the key.
    case unknownMatcher(String, at: JSONPointer)
    /// A `$regex` argument that does not compile; `at` points at the argument.
    case invalidRegex(String, at: JSONPointer)
    /// A matcher argument of the wrong kind; `at` points at the argument.
    case invalidArgument(matcher: String, expected: String, found: String, at: JSONPointer)
    /// An object mixing matcher keys with member keys; `at` points at the object.
    case mixedKeys(matcher: String, member: String, at: JSONPointer)

    /// Where in the document the problem is.
    public var pointer: JSONPointer {
        switch self {
        case .unknownMatcher(_, let pointer), .invalidRegex(_, let pointer),
            .invalidArgument(_, _, _, let pointer), .mixedKeys(_, _, let pointer):
            pointer
        }
    }

    /// Whether ``pointer`` names an object key (report the key's position) rather than a value.
    public var pointsAtKey: Bool {
        if case .unknownMatcher = self { true } else { false }
    }

    /// The message without the pointer.
    public var message: String {
        switch self {
        case .unknownMatcher(let name, _):
            "unknown matcher \(MessageWording.quoted(name))\(MessageWording.didYouMean(name, among: Pattern.matcherNames))"
        case .invalidRegex(let source, _):
            "invalid regular expression \(MessageWording.quoted(source))"
        case .invalidArgument(let matcher, let expected, let found, _):
            "\(matcher) expects \(expected), found \(found)"
        case .mixedKeys(let matcher, let member, _):
            "an object mixes the matcher key \(MessageWording.quoted(matcher)) with the member key \(MessageWording.quoted(member)); "
                + "wrap a literal object with $ keys in {\"$exact\": …}"
        }
    }

    public var description: String { "\(pointer.displayText): \(message)" }
}
