import Testing

@testable import HookCheck

/// One document that must be accepted, with the value it must produce.
struct ValidJSONCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var value: JSONValue

    init(_ name: String, _ text: String, _ value: JSONValue) {
        self.name = name
        self.text = text
        self.value = value
    }

    var testDescription: String { name }
}

private func object(_ pairs: (String, JSONValue)...) -> JSONValue {
    .object(JSONObject(pairs))
}

private func nestedArrays(depth: Int) -> (text: String, value: JSONValue) {
    var value = JSONValue.array([])
    for _ in 1..<depth { value = .array([value]) }
    return (String(repeating: "[", count: depth) + String(repeating: "]", count: depth), value)
}

let validCases: [ValidJSONCase] = [
    .init(
        "key order kept", #"{"b":1,"a":2,"c":3}"#, object(("b", .number("1")), ("a", .number("2")), ("c", .number("3")))
    ),
    .init(
        "number text kept",
        "[1.50, -0, 2432232314, 1E+10, 0.0e-0, 12345678901234567890123, -1.5e-7]",
        .array(
            ["1.50", "-0", "2432232314", "1E+10", "0.0e-0", "12345678901234567890123", "-1.5e-7"].map(JSONValue.number))
    ),
    .init(
        "simple escapes decoded", #""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
    .init("unicode escapes decoded", #""\u00e9\u20AC\u0000""#, .string("é€\u{0}")),
    .init("surrogate pair escape", #""\ud83d\ude00 \uD834\uDD1E""#, .string("😀 𝄞")),
    .init("raw UTF-8", #""é€😀 中文""#, .string("é€😀 中文")),
    .init("escape after raw UTF-8", #""é\n😀""#, .string("é\n😀")),
    .init("empty object", "{}", .object(JSONObject())),
    .init("empty array", "[]", .array([])),
    .init(
        "empty containers inside", #"[{}, [], {"":""}]"#,
        .array([.object(JSONObject()), .array([]), object(("", .string("")))])),
    .init("top-level true", "true", .bool(true)),
    .init("top-level false", "false", .bool(false)),
    .init("top-level null", "null", .null),
    .init("top-level string", #""x""#, .string("x")),
    .init("top-level zero", "0", .number("0")),
    .init("top-level negative", "-1", .number("-1")),
    .init(
        "whitespace everywhere", " \t\r\n{ \"a\" : [ 1 , true , null ] }\r\n ",
        object(("a", .array([.number("1"), .bool(true), .null])))),
    .init(
        "nested objects", #"{"data":{"object":{"id":"evt_1","amount":2000}},"type":"charge.succeeded"}"#,
        object(
            ("data", object(("object", object(("id", .string("evt_1")), ("amount", .number("2000")))))),
            ("type", .string("charge.succeeded")))),
    .init("keys that need pointer escaping", #"{"a/b":{"c~d":1}}"#, object(("a/b", object(("c~d", .number("1")))))),
    .init(
        "large object keeps order",
        "{" + (0..<40).reversed().map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}",
        .object(JSONObject((0..<40).reversed().map { ("k\($0)", .number(String($0))) }))),
    .init("keys differing only in escapes", #"{"a":1,"\u0062":2}"#, object(("a", .number("1")), ("b", .number("2")))),
    .init("deep but allowed nesting", nestedArrays(depth: 512).text, nestedArrays(depth: 512).value),
]

@Suite struct JSONParserValidTests {
    @Test(arguments: validCases)
    func parsesDocument(_ testCase: ValidJSONCase) throws {
        #expect(try JSONParser.parse(testCase.text) == testCase.value)
        #expect(try JSONParser.parseDocument(Array(testCase.text.utf8)).value == testCase.value)
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func allowsConfiguredDepthExactly() throws {
        let options = JSONParser.Options(maxDepth: 3)
        #expect(try JSONParser.parse("[[[1]]]", options: options) == .array([.array([.array([.number("1")])])]))
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[[[[1]]]]", options: options) }
    }

    @Test func acceptsInputAtTheSizeLimit() throws {
        #expect(try JSONParser.parse("[1,2]", options: .init(maxBytes: 5)) == .array([.number("1"), .number("2")]))
    }

    @Test func numbersKeepTextButConvert() throws {
        let value = try JSONParser.parse(#"{"amount":2000,"rate":1.50}"#)
        #expect(value["amount"]?.intValue == 2000)
        #expect(value["rate"]?.numberText == "1.50")
        #expect(value["rate"]?.doubleValue == 1.5)
    }
}

@Suite struct JSONDocumentTests {
    private let text = """
        {
          "suite": "Cryptlex receiver",
          "cases": [
            {"name": "é😀", "body": {"id": 1}},
            [true, null]
          ]
        }
        """

    @Test(arguments: [
        ("", 1, 1),
        ("/suite", 2, 12),
        ("/cases", 3, 12),
        ("/cases/0", 4, 5),
        ("/cases/0/name", 4, 14),
        ("/cases/0/body", 4, 28),
        ("/cases/0/body/id", 4, 35),
        ("/cases/1", 5, 5),
        ("/cases/1/1", 5, 12),
    ])
    func locatesValues(_ pointer: String, _ line: Int, _ column: Int) throws {
        let document = try JSONParser.parseDocument(Array(text.utf8))
        let location = try #require(JSONPointer(pointer))
        #expect(document.location(of: location) == TextPosition(line: line, column: column))
    }

    @Test(arguments: [
        ("/suite", 2, 3),
        ("/cases", 3, 3),
        ("/cases/0/name", 4, 6),
        ("/cases/0/body", 4, 20),
        ("/cases/0/body/id", 4, 29),
    ])
    func locatesKeys(_ pointer: String, _ line: Int, _ column: Int) throws {
        let document = try JSONParser.parseDocument(Array(text.utf8))
        let location = try #require(JSONPointer(pointer))
        #expect(document.keyLocation(of: location) == TextPosition(line: line, column: column))
    }

    @Test func hasNoLocationForMissingValuesOrArrayKeys() throws {
        let document = try JSONParser.parseDocument(Array(text.utf8))
        #expect(document.location(of: JSONPointer(tokens: ["cases", "2"])) == nil)
        #expect(document.location(of: JSONPointer(tokens: ["nope"])) == nil)
        #expect(document.keyLocation(of: JSONPointer(tokens: ["cases", "1"])) == nil)
        #expect(document.keyLocation(of: .root) == nil)
    }

    @Test func countsCRLFAsOneLineBreak() throws {
        let document = try JSONParser.parseDocument(Array("{\r\n\"a\":\r\n [1,\r\n2]}".utf8))
        #expect(document.location(of: JSONPointer(tokens: ["a"])) == TextPosition(line: 3, column: 2))
        #expect(document.location(of: JSONPointer(tokens: ["a", "1"])) == TextPosition(line: 4, column: 1))
        #expect(document.keyLocation(of: JSONPointer(tokens: ["a"])) == TextPosition(line: 2, column: 1))
    }
}
