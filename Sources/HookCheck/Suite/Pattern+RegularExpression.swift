import Foundation

extension Pattern {
    /// A regular expression compiled once, compared and hashed by its source text.
    ///
    /// The syntax is ICU's (as `NSRegularExpression` reads it). A match anywhere in the string counts;
    /// anchor with `^` and `$` to match the whole string.
    public struct RegularExpression: Sendable, Hashable, CustomStringConvertible {
        /// The expression as written.
        public let source: String
        /// `nil` only for ``never``.
        private let compiled: NSRegularExpression?

        /// Compiles `source`.
        /// - Throws: a message naming the problem when `source` is not a valid expression.
        public init(_ source: String) throws(RegexSyntaxError) {
            do {
                compiled = try NSRegularExpression(pattern: source)
            } catch {
                throw RegexSyntaxError(source: source)
            }
            self.source = source
        }

        private init(source: String, compiled: NSRegularExpression?) {
            self.source = source
            self.compiled = compiled
        }

        /// An expression that matches nothing (`(?!)`).
        static let never = RegularExpression(source: "(?!)", compiled: nil)

        /// Whether the expression finds a match in `text`.
        public func hasMatch(in text: String) -> Bool {
            compiled?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }

        /// The expression between slashes, as messages show it.
        public var description: String { "/\(source)/" }

        public static func == (lhs: Self, rhs: Self) -> Bool { lhs.source == rhs.source }

        public func hash(into hasher: inout Hasher) { hasher.combine(source) }
    }

    /// A regular expression that does not compile.
    public struct RegexSyntaxError: Error, Equatable, CustomStringConvertible {
        /// The expression as written.
        public var source: String

        public var description: String { "invalid regular expression \(MessageWording.quoted(source))" }
    }
}
