import Testing

@testable import HookCheck

/// One document that must be rejected, with the reason, `line:column` and pointer it must report.
struct InvalidJSONCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var reason: JSONParseError.Reason
    var location: String
    var pointer: String
    var options = JSONParser.Options()

    init(
        _ name: String, _ text: String, _ reason: JSONParseError.Reason, at location: String, pointer: String = "/",
        options: JSONParser.Options = .init()
    ) {
        self.init(name, bytes: Array(text.utf8), reason, at: location, pointer: pointer, options: options)
    }

    init(
        _ name: String, bytes: [UInt8], _ reason: JSONParseError.Reason, at location: String, pointer: String = "/",
        options: JSONParser.Options = .init()
    ) {
        self.name = name
        self.bytes = bytes
        self.reason = reason
        self.location = location
        self.pointer = pointer
        self.options = options
    }

    var testDescription: String { name }
}

private func loc(_ line: Int, _ column: Int) -> TextPosition {
    TextPosition(line: line, column: column)
}

private func utf8String(_ inner: [UInt8]) -> [UInt8] {
    [0x22] + inner + [0x22]
}

private let invalidCases: [InvalidJSONCase] = [
    // Structure and unexpected ends.
    .init("empty input", "", .unexpectedEnd(expected: .value), at: "1:1"),
    .init("whitespace only", "  \n ", .unexpectedEnd(expected: .value), at: "2:2"),
    .init("open array", "[", .unexpectedEnd(expected: .value), at: "1:2", pointer: "/0"),
    .init("open object", "{", .unexpectedEnd(expected: .keyOrEndOfObject), at: "1:2"),
    .init("member without value", #"{"a":"#, .unexpectedEnd(expected: .value), at: "1:6", pointer: "/a"),
    .init("object not closed", #"{"a":1"#, .unexpectedEnd(expected: .commaOrEndOfObject), at: "1:7"),
    .init("array not closed after comma", "[1,", .unexpectedEnd(expected: .value), at: "1:4", pointer: "/1"),
    .init("missing colon", #"{"a" 1}"#, .unexpectedCharacter("1", expected: .colon), at: "1:6"),
    .init(
        "missing comma in object", #"{"a":1 "b":2}"#, .unexpectedCharacter("\"", expected: .commaOrEndOfObject),
        at: "1:8"),
    .init("missing comma in array", "[1 2]", .unexpectedCharacter("2", expected: .commaOrEndOfArray), at: "1:4"),
    .init("unquoted key", "{a:1}", .unexpectedCharacter("a", expected: .keyOrEndOfObject), at: "1:2"),
    .init("unquoted key after comma", #"{"a":1,b:2}"#, .unexpectedCharacter("b", expected: .key), at: "1:8"),
    .init("single-quoted string", "['a']", .unexpectedCharacter("'", expected: .value), at: "1:2", pointer: "/0"),
    .init("leading comma", "[,1]", .unexpectedCharacter(",", expected: .value), at: "1:2", pointer: "/0"),
    .init("form feed is not whitespace", "\u{0C}1", .unexpectedCharacter("\u{0C}", expected: .value), at: "1:1"),
    .init("non-ASCII outside strings", "[é]", .unexpectedCharacter("é", expected: .value), at: "1:2", pointer: "/0"),
    .init("trailing data", "1 2", .trailingData, at: "1:3"),
    .init("two documents", "{} {}", .trailingData, at: "1:4"),
    .init("extra closing brace", #"{"a":1}}"#, .trailingData, at: "1:8"),
    // Duplicate keys.
    .init("duplicate key", #"{"a":1,"a":2}"#, .duplicateKey("a", first: loc(1, 2)), at: "1:8"),
    .init(
        "duplicate key nested", "{\"x\":{\"id\":1,\n \"id\":2}}", .duplicateKey("id", first: loc(1, 7)),
        at: "2:2", pointer: "/x"),
    .init(
        "duplicate key deep in a suite",
        "{\n  \"cases\": [\n    {\"body\": {\"id\": 1, \"id\": 2}}\n  ]\n}",
        .duplicateKey("id", first: loc(3, 15)), at: "3:24", pointer: "/cases/0/body"),
    .init(
        "duplicate key in a large object",
        "{" + (0..<20).map { "\"k\($0)\":\($0)," }.joined() + "\"k7\":0}",
        .duplicateKey("k7", first: loc(1, 51)), at: "1:162"),
    .init(
        "duplicate key spelled with an escape", #"{"a":1,"\u0061":2}"#, .duplicateKey("a", first: loc(1, 2)), at: "1:8"),
    // Trailing commas and comments.
    .init("trailing comma in array", "[1,2,]", .trailingComma, at: "1:5"),
    .init("trailing comma in object", #"{"a":1,}"#, .trailingComma, at: "1:7"),
    .init("trailing comma nested", #"{"a":[1,]}"#, .trailingComma, at: "1:8", pointer: "/a"),
    .init("trailing comma after CRLF", "{\r\n\"a\":1,\r\n}", .trailingComma, at: "2:6"),
    .init(
        "trailing comma under escaped keys", #"{"a/b":{"c~d":[1,]}}"#, .trailingComma, at: "1:17", pointer: "/a~1b/c~0d"
    ),
    .init("line comment", "// c\n1", .comment, at: "1:1"),
    .init("block comment", "[1, /* c */ 2]", .comment, at: "1:5", pointer: "/1"),
    .init("comment after the value", #"{"a":1} // x"#, .comment, at: "1:9"),
    // Numbers and literals.
    .init("leading zero", "01", .leadingZero("01"), at: "1:1"),
    .init("negative leading zero", "[-012]", .leadingZero("-012"), at: "1:2", pointer: "/0"),
    .init("plus sign", "+1", .invalidNumber("+1"), at: "1:1"),
    .init("leading dot", ".5", .invalidNumber(".5"), at: "1:1"),
    .init("trailing dot", "1.", .invalidNumber("1."), at: "1:1"),
    .init("exponent without digits", "1e", .invalidNumber("1e"), at: "1:1"),
    .init("signed exponent without digits", "[1e+]", .invalidNumber("1e+"), at: "1:2", pointer: "/0"),
    .init("lone minus", "-", .invalidNumber("-"), at: "1:1"),
    .init("two dots", "[1.5.3]", .invalidNumber("1.5.3"), at: "1:2", pointer: "/0"),
    .init("hex number", "0x1F", .invalidNumber("0x1F"), at: "1:1"),
    .init("letters after digits", #"{"n":1x}"#, .invalidNumber("1x"), at: "1:6", pointer: "/n"),
    .init("negative infinity", "-Infinity", .invalidNumber("-Infinity"), at: "1:1"),
    .init("NaN", "NaN", .invalidLiteral("NaN"), at: "1:1"),
    .init("Infinity", "[Infinity]", .invalidLiteral("Infinity"), at: "1:2", pointer: "/0"),
    .init("truncated true", #"{"a":tru}"#, .invalidLiteral("tru"), at: "1:6", pointer: "/a"),
    .init("truncated null", "nul", .invalidLiteral("nul"), at: "1:1"),
    .init("capitalised True", "True", .invalidLiteral("True"), at: "1:1"),
    .init("column counts scalars, not bytes", #"["é", x]"#, .invalidLiteral("x"), at: "1:7", pointer: "/1"),
    .init("column counts astral scalars once", #"["😀",x]"#, .invalidLiteral("x"), at: "1:6", pointer: "/1"),
    // Strings.
    .init("unterminated string", #""abc"#, .unterminatedString, at: "1:1"),
    .init("unterminated after backslash", #"["abc\"#, .unterminatedString, at: "1:2", pointer: "/0"),
    .init("raw tab in string", "\"a\tb\"", .controlCharacterInString(0x09), at: "1:3"),
    .init("raw newline in string", "[\"a\nb\"]", .controlCharacterInString(0x0A), at: "1:4", pointer: "/0"),
    .init("raw NUL in string", bytes: utf8String([0x61, 0x00]), .controlCharacterInString(0x00), at: "1:3"),
    .init("control character after an escape", "\"\\n\u{1F}\"", .controlCharacterInString(0x1F), at: "1:4"),
    .init("unknown escape", #""\x""#, .invalidEscape(#"\x"#), at: "1:2"),
    .init("escaped single quote", #""\'""#, .invalidEscape(#"\'"#), at: "1:2"),
    .init("short unicode escape", #""\u12G4""#, .invalidEscape(#"\u12"#), at: "1:2"),
    .init("empty unicode escape", #""\u""#, .invalidEscape(#"\u"#), at: "1:2"),
    .init("escape in a key", #"{"a":{"b\x":1}}"#, .invalidEscape(#"\x"#), at: "1:9", pointer: "/a"),
    .init("lone high surrogate", #""\uD800""#, .loneSurrogate(#"\uD800"#), at: "1:2"),
    .init("lone low surrogate", #"["\udc00"]"#, .loneSurrogate(#"\udc00"#), at: "1:3", pointer: "/0"),
    .init("high surrogate before a letter", #""\uD800x""#, .loneSurrogate(#"\uD800"#), at: "1:2"),
    .init("high surrogate before a BMP escape", #""\uD800\u0041""#, .loneSurrogate(#"\uD800"#), at: "1:2"),
    .init("two high surrogates", #""\uD800\uD800""#, .loneSurrogate(#"\uD800"#), at: "1:2"),
    // UTF-8.
    .init("overlong two-byte form", bytes: utf8String([0xC0, 0xAF]), .invalidUTF8([0xC0]), at: "1:2"),
    .init("overlong three-byte form", bytes: utf8String([0xE0, 0x80, 0xAF]), .invalidUTF8([0xE0, 0x80]), at: "1:2"),
    .init(
        "overlong four-byte form", bytes: utf8String([0xF0, 0x8F, 0xBF, 0xBF]), .invalidUTF8([0xF0, 0x8F]), at: "1:2"),
    .init("UTF-8 encoded surrogate", bytes: utf8String([0xED, 0xA0, 0x80]), .invalidUTF8([0xED, 0xA0]), at: "1:2"),
    .init("above U+10FFFF", bytes: utf8String([0xF4, 0x90, 0x80, 0x80]), .invalidUTF8([0xF4, 0x90]), at: "1:2"),
    .init("byte F5", bytes: utf8String([0x61, 0xF5, 0x80]), .invalidUTF8([0xF5]), at: "1:3"),
    .init("stray continuation byte", bytes: utf8String([0x80]), .invalidUTF8([0x80]), at: "1:2"),
    .init("truncated before the quote", bytes: utf8String([0xE2, 0x82]), .invalidUTF8([0xE2, 0x82, 0x22]), at: "1:2"),
    .init("truncated at end of input", bytes: [0x22, 0xE2, 0x82], .invalidUTF8([0xE2, 0x82]), at: "1:2"),
    .init("invalid byte outside strings", bytes: [0x5B, 0xFF, 0x5D], .invalidUTF8([0xFF]), at: "1:2", pointer: "/0"),
    .init(
        "invalid UTF-8 in a key", bytes: Array(#"{"k":{""#.utf8) + [0xC1, 0x81] + Array(#"":1}}"#.utf8),
        .invalidUTF8([0xC1]), at: "1:8", pointer: "/k"),
    .init("byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8), .byteOrderMark, at: "1:1"),
    // Limits.
    .init(
        "depth limit", "[[[[1]]]]", .depthLimitExceeded(limit: 3), at: "1:4", pointer: "/0/0/0",
        options: .init(maxDepth: 3)),
    .init(
        "depth limit in objects", #"{"a":{"b":{}}}"#, .depthLimitExceeded(limit: 2), at: "1:11", pointer: "/a/b",
        options: .init(maxDepth: 2)),
    .init("size limit", "[1,2,3]", .tooLarge(size: 7, limit: 4), at: "1:1", options: .init(maxBytes: 4)),
]

@Suite struct JSONParserInvalidTests {
    @Test(arguments: invalidCases)
    func rejectsDocumentWithReasonLocationAndPointer(_ testCase: InvalidJSONCase) {
        do {
            let value = try JSONParser.parse(testCase.bytes, options: testCase.options)
            Issue.record("accepted as \(value)")
        } catch {
            #expect(error.reason == testCase.reason)
            #expect(error.location.description == testCase.location)
            #expect(error.pointer.displayText == testCase.pointer)
        }
    }

    @Test(arguments: invalidCases)
    func documentParserReportsTheSameError(_ testCase: InvalidJSONCase) {
        let fast = Result { () throws(JSONParseError) in try JSONParser.parse(testCase.bytes, options: testCase.options)
        }
        let tracked = Result { () throws(JSONParseError) in
            try JSONParser.parseDocument(testCase.bytes, options: testCase.options).value
        }
        #expect(fast == tracked)
    }

    @Test func coversEveryRuleWithAtLeastFortyDocuments() {
        #expect(invalidCases.count >= 40)
    }

    @Test func describesErrorWithLocationPointerAndQuotedKey() {
        let text = "{\"cases\": [{\"body\": {\"id\": 1,\n \"id\": 2}}]}"
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description == #"2:2: /cases/0/body: duplicate key "id" (first at 1:22)"#)
        }
    }

    @Test(arguments: [
        (
            JSONParseError.Reason.unexpectedCharacter("\u{0C}", expected: .value),
            "unexpected character U+000C, expected a value"
        ),
        (.unexpectedCharacter("'", expected: .commaOrEndOfArray), "unexpected character ''', expected ',' or ']'"),
        (.invalidUTF8([0xE0, 0x80]), "invalid UTF-8 sequence 0xE0 0x80"),
        (.controlCharacterInString(0x0A), "unescaped control character U+000A in string"),
        (.invalidNumber("1."), #"invalid number "1.""#),
        (.depthLimitExceeded(limit: 512), "arrays and objects nested deeper than 512 levels"),
        (.tooLarge(size: 7, limit: 4), "input of 7 bytes exceeds the limit of 4 bytes"),
        (.duplicateKey("a\"b", first: TextPosition(line: 1, column: 2)), #"duplicate key "a\"b" (first at 1:2)"#),
    ])
    func describesReason(_ reason: JSONParseError.Reason, _ message: String) {
        #expect(reason.description == message)
    }

    @Test func rejectsHundredThousandNestedArraysWithoutOverflow() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("accepted")
        } catch {
            #expect(error.reason == .depthLimitExceeded(limit: 512))
            #expect(error.location == TextPosition(line: 1, column: 513))
            #expect(error.pointer.tokens == Array(repeating: "0", count: 512))
        }
    }

    @Test func rejectsDeepObjectsInTheDocumentParserToo() {
        let bytes = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parseDocument(bytes) }
    }

    @Test func longMalformedNumbersAreShortenedInMessages() {
        do {
            _ = try JSONParser.parse("1" + String(repeating: "x", count: 100))
            Issue.record("accepted")
        } catch {
            #expect(error.reason == .invalidNumber("1" + String(repeating: "x", count: 39) + "…"))
        }
    }
}
