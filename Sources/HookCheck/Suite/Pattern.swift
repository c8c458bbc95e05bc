/// A compiled pattern of the matcher language, used by a case's `match` and a profile's `envelope`.
///
/// A literal scalar matches itself (numbers compare by value: `1.0` matches `1`), a literal object
/// matches as a subset (every member it names must match; other members are allowed), and a literal
/// array matches element by element (same length). An object whose keys all start with `$` is a
/// matcher; several matcher keys in one object must all match:
///
/// | matcher | argument | matches |
/// |---|---|---|
/// | `$type` | a type name or a list of them | a value of that JSON type (`integer`: a number with no fraction) |
/// | `$format` | `uuid`, `date-time`, `date`, `email`, `uri`, `hex`, `base64` | a string in that format |
/// | `$regex` | a regular expression (ICU syntax) | a string in which the expression finds a match |
/// | `$in` | a list of values | a value equal to one of them |
/// | `$min`, `$max` | a number | a number at least / at most that |
/// | `$length` | `{"min": n, "max": m}` or `n` | a string (characters), array or object of that size |
/// | `$each` | a pattern | an array whose every element matches it |
/// | `$contains` | a pattern, or a string | an array with an element matching it, or a string containing it |
/// | `$like` | an example value | a value of the example's shape (see ``shape(of:)``) |
/// | `$any` | `true` | any value that is present |
/// | `$absent` | `true` (or `false`: present) | nothing: the member must be missing |
/// | `$exact` | any value | exactly that value, `$` keys and all; objects must have the same keys |
/// | `$anyOf` | a list of patterns | a value matching at least one of them |
/// | `$request` | a JSON pointer | in response rules only: the value at that pointer of the request sent |
public indirect enum Pattern: Sendable, Hashable {
    /// A scalar literal (`null`, a Boolean, a number or a string).
    case literal(JSONValue)
    /// An object that matches as a subset: each named member must match its pattern.
    case object([Member])
    /// An array that matches element by element and must have the same length.
    case array([Pattern])
    /// A value whose JSON type is one of these.
    case type([JSONType])
    /// A string in a well-known format.
    case format(Format)
    /// A string in which the regular expression finds a match.
    case regex(RegularExpression)
    /// A value equal to one of these.
    case oneOf([JSONValue])
    /// A number at least this large (its exact source text is kept).
    case minimum(String)
    /// A number at most this large (its exact source text is kept).
    case maximum(String)
    /// A string, array or object whose size lies in the range.
    case length(min: Int?, max: Int?)
    /// An array whose every element matches the pattern.
    case each(Pattern)
    /// An array with at least one element matching the pattern, or (for a string literal pattern) a
    /// string containing that text.
    case contains(Pattern)
    /// Any value that is present.
    case any
    /// No value: the member must be missing.
    case absent
    /// Exactly this value (deep equality; object key order does not matter).
    case exact(JSONValue)
    /// Every pattern must match.
    case all([Pattern])
    /// The member may be missing; when present, its value must match the pattern (shapes of array
    /// elements: a key only some elements have).
    case optional(Pattern)
    /// `null`, or a value matching the pattern (shapes of array elements: a key that is `null` in some).
    case nullable(Pattern)
    /// At least one pattern must match.
    case anyOf([Pattern])
    /// The value at this pointer of the request that was sent (response rules only); resolved into an
    /// ``exact(_:)`` pattern by ``resolvingRequestReferences(in:)`` before matching. Unresolved, it matches
    /// nothing.
    case request(JSONPointer)

    /// One member of an object pattern.
    public struct Member: Sendable, Hashable {
        /// The member name.
        public var key: String
        /// The pattern its value must match.
        public var pattern: Pattern

        /// Creates a member pattern.
        public init(key: String, pattern: Pattern) {
            self.key = key
            self.pattern = pattern
        }
    }

    /// A JSON type as the `$type` matcher names it.
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, number, integer, boolean, object, array, null
    }

    /// A string format the `$format` matcher knows.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// `8-4-4-4-12` hexadecimal digits, either case.
        case uuid
        /// An RFC 3339 date-time such as `2022-04-01T14:24:14.196+00:00`.
        case dateTime = "date-time"
        /// An RFC 3339 full date such as `2022-04-01`.
        case date
        /// An address such as `user@example.com`.
        case email
        /// An absolute URI (RFC 3986) such as `https://example.com/hook?x=1`.
        case uri
        /// One or more hexadecimal digits.
        case hex
        /// Standard base64 with `=` padding.
        case base64
    }
}
