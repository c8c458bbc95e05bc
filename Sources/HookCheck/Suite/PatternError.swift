/// A `match` or `envelope` value that is not a valid pattern. A struct with a ``code``, so new reasons can be
/// added without breaking a caller's `switch`.
public struct PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// An object key starting with `$` that names no matcher; the pointer names the key.
        public static let unknownMatcher = Code("unknownMatcher")
        /// A `$regex` argument that does not compile; the pointer names the argument.
        public static let invalidRegex = Code("invalidRegex")
        /// A matcher argument of the wrong kind; the pointer names the argument.
        public static let invalidArgument = Code("invalidArgument")
        /// An object mixing matcher keys with member keys; the pointer names the object.
        public static let mixedKeys = Code("mixedKeys")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// Where in the document the problem is.
    public var pointer: JSONPointer
    /// The message without the pointer.
    public var message: String

    private init(code: Code, pointer: JSONPointer, message: String) {
        self.code = code
        self.pointer = pointer
        self.message = message
    }

    /// The key `name` starts with `$` but names no matcher.
    public static func unknownMatcher(_ name: String, at pointer: JSONPointer) -> Self {
        Self(
            code: .unknownMatcher, pointer: pointer,
            message:
                "unknown matcher \(MessageWording.quoted(name))\(MessageWording.didYouMean(name, among: Pattern.matcherNames))"
        )
    }

    /// The `$regex` argument `source` does not compile.
    public static func invalidRegex(_ source: String, at pointer: JSONPointer) -> Self {
        Self(
            code: .invalidRegex, pointer: pointer,
            message: "invalid regular expression \(MessageWording.quoted(source))")
    }

    /// `matcher` expects `expected` as its argument but found `found`.
    public static func invalidArgument(matcher: String, expected: String, found: String, at pointer: JSONPointer)
        -> Self
    {
        Self(code: .invalidArgument, pointer: pointer, message: "\(matcher) expects \(expected), found \(found)")
    }

    /// An object mixes the matcher key `matcher` with the member key `member`.
    public static func mixedKeys(matcher: String, member: String, at pointer: JSONPointer) -> Self {
        Self(
            code: .mixedKeys, pointer: pointer,
            message:
                "an object mixes the matcher key \(MessageWording.quoted(matcher)) with the member key \(MessageWording.quoted(member)); "
                + "wrap a literal object with $ keys in {\"$exact\": …}")
    }

    /// Whether ``pointer`` names an object key (report the key's position) rather than a value.
    public var pointsAtKey: Bool { code == .unknownMatcher }

    public var description: String { "\(pointer.displayText): \(message)" }
}
