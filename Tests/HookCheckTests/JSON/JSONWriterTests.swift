import Testing

@testable import HookCheck

@Suite struct JSONWriterTests {
    private let sample = JSONValue.object(
        JSONObject([
            ("type", .string("invoice.paid/é")),
            ("data", .object(JSONObject([("amount", .number("1.50")), ("tags", .array([.bool(true), .null]))]))),
            ("empty", .object(JSONObject())),
            ("list", .array([])),
        ]))

    @Test func writesCompactText() {
        #expect(
            JSONWriter.compact(sample)
                == #"{"type":"invoice.paid/é","data":{"amount":1.50,"tags":[true,null]},"empty":{},"list":[]}"#)
    }

    @Test func writesPrettyText() {
        let expected = """
            {
              "type": "invoice.paid/é",
              "data": {
                "amount": 1.50,
                "tags": [
                  true,
                  null
                ]
              },
              "empty": {},
              "list": []
            }
            """
        #expect(JSONWriter.pretty(sample) == expected)
        #expect(JSONWriter.pretty(.array([.number("1")]), indent: 4) == "[\n    1\n]")
    }

    @Test func writesReformattedText() {
        let expected =
            "{\n\t\"list\" : [ ],\n\t\"empty\" : { },\n\t\"data\" : {\n\t\t\"tags\" : [\n\t\t\ttrue,\n\t\t\tnull\n\t\t],"
            + "\n\t\t\"amount\" : 1.50\n\t},\n\t\"type\" : \"invoice.paid\\u002F\\u00E9\"\n}\n"
        #expect(JSONWriter.reformatted(sample) == expected)
    }

    @Test func reformattedEscapesAstralCharactersAsSurrogatePairs() {
        #expect(JSONWriter.reformatted(.string("😀€")) == "\"\\uD83D\\uDE00\\u20AC\"\n")
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("a\"b\\c", #""a\"b\\c""#),
        ("\u{08}\u{0C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1F}\u{7F}", "\"\\u0000\\u001f\u{7F}\""),
        ("a/b é 😀", #""a/b é 😀""#),
        ("", #""""#),
    ])
    func quotesStrings(_ string: String, _ literal: String) throws {
        #expect(JSONWriter.quoted(string) == literal)
        #expect(try JSONParser.parse(literal) == .string(string))
    }

    @Test(arguments: validCases)
    func compactAndPrettyRoundTrip(_ testCase: ValidJSONCase) throws {
        #expect(try JSONParser.parse(JSONWriter.compact(testCase.value)) == testCase.value)
        #expect(try JSONParser.parse(JSONWriter.pretty(testCase.value)) == testCase.value)
    }

    @Test(arguments: validCases)
    func reformattedRoundTripsAsEquivalentASCIIWithOtherBytes(_ testCase: ValidJSONCase) throws {
        let text = JSONWriter.reformatted(testCase.value)
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
        #expect(text != JSONWriter.compact(testCase.value))
        #expect(text != JSONWriter.pretty(testCase.value))
        #expect(text != testCase.text)
        let reparsed = try JSONParser.parse(text)
        #expect(reparsed.isEquivalent(to: testCase.value))
    }

    @Test func reformattedReversesKeysAtEveryLevel() throws {
        let reparsed = try JSONParser.parse(JSONWriter.reformatted(sample))
        #expect(reparsed.objectValue?.keys == ["list", "empty", "data", "type"])
        #expect(reparsed["data"]?.objectValue?.keys == ["tags", "amount"])
        #expect(reparsed != sample)
        #expect(reparsed.isEquivalent(to: sample))
    }

    @Test(arguments: [
        (#"{"a":1,"b":[1,2]}"#, #"{"b":[1,2],"a":1}"#, true),
        (#"{"a":1}"#, #"{"a":1.0}"#, false),
        (#"{"a":1}"#, #"{"a":1,"b":2}"#, false),
        (#"{"a":1,"c":2}"#, #"{"a":1,"b":2}"#, false),
        ("[1,2]", "[2,1]", false),
        (#"{"a":{"x":1,"y":2}}"#, #"{"a":{"y":2,"x":1}}"#, true),
        (#""1""#, "1", false),
    ])
    func comparesIgnoringMemberOrder(_ left: String, _ right: String, _ isEquivalent: Bool) throws {
        #expect(try JSONParser.parse(left).isEquivalent(to: JSONParser.parse(right)) == isEquivalent)
    }
}
