/// Why a document is not strict RFC 8259 JSON, where (`line:column`) and in which value (JSON pointer).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the parser expected when it found something else.
    public enum Expectation: Sendable, Equatable, CustomStringConvertible {
        /// Any JSON value.
        case value
        /// A member name, or the `}` of an empty object.
        case keyOrEndOfObject
        /// A member name (after a `,`).
        case key
        /// The `:` after a member name.
        case colon
        /// A `,` or the closing `]`.
        case commaOrEndOfArray
        /// A `,` or the closing `}`.
        case commaOrEndOfObject

        public var description: String {
            switch self {
            case .value: "a value"
            case .keyOrEndOfObject: "a string key or '}'"
            case .key: "a string key"
            case .colon: "':'"
            case .commaOrEndOfArray: "',' or ']'"
            case .commaOrEndOfObject: "',' or '}'"
            }
        }
    }

    /// The rule the document breaks.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// The input ends where `expected` should follow (including empty input).
        case unexpectedEnd(expected: Expectation)
        /// A character that cannot start or continue what was `expected` here.
        case unexpectedCharacter(Unicode.Scalar, expected: Expectation)
        /// A member name already used in the same object; `first` is where the first one starts.
        case duplicateKey(String, first: TextPosition)
        /// A `,` directly before `]` or `}`.
        case trailingComma
        /// A `//` or `/*` comment.
        case comment
        /// A number such as `01` or `-00.5`.
        case leadingZero(String)
        /// Text that starts like a number but is not one (`+1`, `.5`, `1.`, `1e`, `-`, `0x1F`, `-Infinity`).
        case invalidNumber(String)
        /// A bare word that is not `true`, `false` or `null` (`NaN`, `Infinity`, `tru`, `None`).
        case invalidLiteral(String)
        /// A string that is not closed before the input ends.
        case unterminatedString
        /// A byte below 0x20 inside a string; it must be escaped.
        case controlCharacterInString(UInt8)
        /// An escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`, such as `\x` or `\u12G4`.
        case invalidEscape(String)
        /// A `\uD800`–`\uDBFF` not followed by a low surrogate, or a `\uDC00`–`\uDFFF` alone.
        case loneSurrogate(String)
        /// Bytes that are not well-formed UTF-8: overlong forms, encoded surrogates, values above
        /// U+10FFFF, stray continuation bytes or truncated sequences.
        case invalidUTF8([UInt8])
        /// The input starts with a UTF-8 byte order mark, which RFC 8259 forbids.
        case byteOrderMark
        /// Arrays and objects nest deeper than `limit`.
        case depthLimitExceeded(limit: Int)
        /// Anything but whitespace after the top-level value.
        case trailingData
        /// The input has `size` bytes, more than the `limit`.
        case tooLarge(size: Int, limit: Int)

        public var description: String {
            switch self {
            case .unexpectedEnd(let expected):
                "unexpected end of input, expected \(expected)"
            case .unexpectedCharacter(let scalar, let expected):
                "unexpected character \(Self.display(scalar)), expected \(expected)"
            case .duplicateKey(let key, let first):
                "duplicate key \(JSONWriter.quoted(key)) (first at \(first))"
            case .trailingComma:
                "trailing comma"
            case .comment:
                "comments are not allowed in JSON"
            case .leadingZero(let text):
                "number \"\(text)\" has a leading zero"
            case .invalidNumber(let text):
                "invalid number \"\(text)\""
            case .invalidLiteral(let text):
                "invalid literal \"\(text)\", expected true, false or null"
            case .unterminatedString:
                "unterminated string"
            case .controlCharacterInString(let byte):
                "unescaped control character \(Self.display(Unicode.Scalar(byte))) in string"
            case .invalidEscape(let text):
                "invalid escape \"\(text)\" in string"
            case .loneSurrogate(let text):
                "lone surrogate \"\(text)\" in string"
            case .invalidUTF8(let bytes):
                "invalid UTF-8 sequence \(bytes.map(Self.hexByte).joined(separator: " "))"
            case .byteOrderMark:
                "byte order mark (U+FEFF) at start of input is not allowed"
            case .depthLimitExceeded(let limit):
                "arrays and objects nested deeper than \(limit) levels"
            case .trailingData:
                "unexpected data after the top-level value"
            case .tooLarge(let size, let limit):
                "input of \(size) bytes exceeds the limit of \(limit) bytes"
            }
        }

        /// `'x'` for a visible character, `U+000A` for a control or whitespace character.
        private static func display(_ scalar: Unicode.Scalar) -> String {
            let isVisible =
                scalar.value > 0x20 && scalar.value != 0x7F && !scalar.properties.isWhitespace
                && scalar.properties.generalCategory != .format
            if isVisible { return "'\(scalar)'" }
            return "U+" + hex(scalar.value, width: 4)
        }

        private static func hexByte(_ byte: UInt8) -> String {
            "0x" + hex(UInt32(byte), width: 2)
        }

        private static func hex(_ value: UInt32, width: Int) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }

    /// The rule the document breaks.
    public var reason: Reason
    /// Where the offending text starts (for ``Reason/unexpectedEnd(expected:)``, the end of input).
    public var location: TextPosition
    /// The value being read when parsing failed: the container for errors between its members
    /// (trailing comma, duplicate key, missing `,`), otherwise the member or element itself.
    public var pointer: JSONPointer

    public init(reason: Reason, location: TextPosition, pointer: JSONPointer) {
        self.reason = reason
        self.location = location
        self.pointer = pointer
    }

    /// `line:column: pointer: message`, e.g. `12:7: /cases/0/body: duplicate key "id" (first at 10:5)`.
    public var description: String {
        "\(location): \(pointer.displayText): \(reason)"
    }
}
