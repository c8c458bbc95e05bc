import Testing

@testable import HookCheck

@Suite struct JSONPointerTests {
    @Test(arguments: [
        ([], "", "/"),
        ([""], "/", "/"),
        (["cases", "0", "body"], "/cases/0/body", "/cases/0/body"),
        (["a/b", "m~n"], "/a~1b/m~0n", "/a~1b/m~0n"),
        (["~1"], "/~01", "/~01"),
    ])
    func escapesTokens(_ tokens: [String], _ text: String, _ display: String) {
        let pointer = JSONPointer(tokens: tokens)
        #expect(pointer.description == text)
        #expect(pointer.displayText == display)
        #expect(JSONPointer(text) == pointer)
    }

    @Test(arguments: ["a", "/~", "/~2", "/a~"])
    func rejectsMalformedText(_ text: String) {
        #expect(JSONPointer(text) == nil)
    }

    @Test(
        arguments: [
            ("/a~1b/m~0n", "1"),
            ("/list/1", "true"),
            ("/list/01", nil),
            ("/list/2", nil),
            ("/a~1b/x", nil),
            ("/list/-1", nil),
            ("", #"{"a/b":{"m~n":1},"list":[null,true]}"#),
        ] as [(String, String?)])
    func resolvesAgainstParsedDocuments(_ text: String, _ expected: String?) throws {
        let document = try JSONParser.parse(#"{"a/b":{"m~n":1},"list":[null,true]}"#)
        let pointer = try #require(JSONPointer(text))
        #expect(pointer.resolve(in: document).map(JSONWriter.compact) == expected)
    }

    @Test func appendsKeysAndIndexes() {
        let pointer = JSONPointer.root.appending("cases").appending(index: 3).appending("a/b")
        #expect(pointer.description == "/cases/3/a~1b")
    }
}
