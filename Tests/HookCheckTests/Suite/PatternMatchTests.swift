import Testing

@testable import HookCheck

/// One row of a matcher table: a pattern, a value (`nil`: absent) and the mismatches expected.
struct MatchRow: CustomTestStringConvertible, Sendable {
    let pattern: String
    let value: String?
    let mismatches: [String]
    var testDescription: String { "\(pattern) ~ \(value ?? "<absent>")" }

    init(_ pattern: String, _ value: String?, _ mismatches: String...) {
        self.pattern = pattern
        self.value = value
        self.mismatches = mismatches
    }
}

@Suite("Pattern matching")
struct PatternMatchTests {
    static let literals: [MatchRow] = [
        MatchRow(#""a""#, #""a""#),
        MatchRow(#""a""#, #""b""#, #"/: expected "a", found "b""#),
        MatchRow("1", "1.0"),
        MatchRow("100", "1e2"),
        MatchRow("-0", "0"),
        MatchRow(
            "12345678901234567891", "12345678901234567890",
            "/: expected 12345678901234567891, found 12345678901234567890"),
        MatchRow("true", "true"),
        MatchRow("true", "false", "/: expected true, found false"),
        MatchRow("null", "null"),
        MatchRow("null", nil, "/: expected null, found nothing"),
        MatchRow(#""1""#, "1", #"/: expected "1", found 1"#),
        MatchRow(#"{"a": 1}"#, #"{"a": 1, "b": 2}"#),
        MatchRow(#"{"a": {"b": "x"}}"#, #"{"a": {"b": "y"}}"#, #"/a/b: expected "x", found "y""#),
        MatchRow(#"{"a": 1}"#, #"{"b": 1}"#, "/a: expected 1, found nothing"),
        MatchRow(#"{"a": 1}"#, "[1]", "/: expected an object, found an array of 1 element"),
        MatchRow("{}", #"{"z": 1}"#),
        MatchRow("[1, 2]", "[1, 2]"),
        MatchRow("[1, 2]", "[1, 3]", "/1: expected 2, found 3"),
        MatchRow("[1, 2]", "[1]", "/: expected an array of 2 elements, found an array of 1 element"),
        MatchRow(#"{"a~b/c": 1}"#, #"{"a~b/c": 2}"#, "/a~0b~1c: expected 1, found 2"),
    ]

    static let matchers: [MatchRow] = [
        MatchRow(#"{"$type": "string"}"#, #""x""#),
        MatchRow(#"{"$type": "string"}"#, "5", "/: expected a string, found 5"),
        MatchRow(#"{"$type": ["string", "null"]}"#, "null"),
        MatchRow(#"{"$type": ["string", "null"]}"#, "{}", "/: expected a string or null, found an empty object"),
        MatchRow(#"{"$type": "integer"}"#, "3.0"),
        MatchRow(#"{"$type": "integer"}"#, "3.5", "/: expected an integer, found 3.5"),
        MatchRow(#"{"$type": "boolean"}"#, "false"),
        MatchRow(#"{"$type": "array"}"#, nil, "/: expected an array, found nothing"),
        MatchRow(#"{"$format": "uuid"}"#, #""c6ec4301-8d97-4c53-8dff-06947ff750ca""#),
        MatchRow(
            #"{"$format": "uuid"}"#, #""c6ec4301-8d97-4c53-8dff-06947ff750c""#,
            #"/: expected a uuid, found "c6ec4301-8d97-4c53-8dff-06947ff750c""#),
        MatchRow(#"{"$format": "date-time"}"#, #""2022-04-01T14:24:14.196+00:00""#),
        MatchRow(#"{"$format": "date-time"}"#, #""2018-04-20T13:11:34.6926949Z""#),
        MatchRow(
            #"{"$format": "date-time"}"#, #""2022-02-30T00:00:00Z""#,
            #"/: expected an RFC 3339 date-time, found "2022-02-30T00:00:00Z""#),
        MatchRow(
            #"{"$format": "date-time"}"#, #""2022-04-01 14:23:1648823039""#,
            #"/: expected an RFC 3339 date-time, found "2022-04-01 14:23:1648823039""#),
        MatchRow(#"{"$format": "date"}"#, #""2024-02-29""#),
        MatchRow(
            #"{"$format": "date"}"#, #""2023-02-29""#, #"/: expected an RFC 3339 date (yyyy-mm-dd), found "2023-02-29""#
        ),
        MatchRow(#"{"$format": "email"}"#, #""user@example.com""#),
        MatchRow(
            #"{"$format": "email"}"#, #""user@localhost""#, #"/: expected an email address, found "user@localhost""#),
        MatchRow(#"{"$format": "uri"}"#, #""https://recv.example/hook?x=1#f""#),
        MatchRow(#"{"$format": "uri"}"#, #""/relative/path""#, #"/: expected an absolute URI, found "/relative/path""#),
        MatchRow(#"{"$format": "uri"}"#, #""http://a b""#, #"/: expected an absolute URI, found "http://a b""#),
        MatchRow(#"{"$format": "hex"}"#, #""0aFf""#),
        MatchRow(#"{"$format": "hex"}"#, #""0xff""#, #"/: expected a hex string, found "0xff""#),
        MatchRow(#"{"$format": "base64"}"#, #""Bb3jMWkC1DOqEv5fAOsqwkKH7r57w9o8fZ3Jg72lNk0=""#),
        MatchRow(#"{"$format": "base64"}"#, #""abc""#, #"/: expected a base64 string, found "abc""#),
        MatchRow(#"{"$format": "uuid"}"#, "7", "/: expected a uuid, found 7"),
        MatchRow(#"{"$regex": "^[0-9A-F-]+$"}"#, #""D08B53-C564F8""#),
        MatchRow(
            #"{"$regex": "^[0-9A-F-]+$"}"#, #""d08b53""#,
            #"/: expected a string matching /^[0-9A-F-]+$/, found "d08b53""#),
        MatchRow(#"{"$regex": "B5"}"#, #""D08B53""#),
        MatchRow(#"{"$regex": "x"}"#, "1", "/: expected a string matching /x/, found 1"),
        MatchRow(#"{"$in": ["a", 2]}"#, "2.0"),
        MatchRow(#"{"$in": ["a", 2]}"#, #""b""#, #"/: expected one of "a", 2, found "b""#),
        MatchRow(#"{"$min": 1, "$max": 10}"#, "10"),
        MatchRow(#"{"$min": 1, "$max": 10}"#, "0.5", "/: expected a number at least 1, found 0.5"),
        MatchRow(#"{"$min": 1, "$max": 10}"#, "1e3", "/: expected a number at most 10, found 1e3"),
        MatchRow(#"{"$min": -5}"#, "-4.99"),
        MatchRow(#"{"$min": -5}"#, "-5.01", "/: expected a number at least -5, found -5.01"),
        MatchRow(#"{"$max": 0}"#, #""0""#, #"/: expected a number at most 0, found "0""#),
        MatchRow(#"{"$length": 3}"#, #""abc""#),
        MatchRow(
            #"{"$length": {"min": 1, "max": 2}}"#, "[1, 2, 3]",
            "/: expected a string, array or object of length 1 to 2, found an array of 3 elements of length 3"),
        MatchRow(
            #"{"$length": {"min": 1}}"#, "{}",
            "/: expected a string, array or object of length at least 1, found an empty object of length 0"),
        MatchRow(
            #"{"$length": {"max": 1}}"#, "true", "/: expected a string, array or object of length at most 1, found true"
        ),
        MatchRow(#"{"$each": {"$type": "integer"}}"#, "[1, 2, 3]"),
        MatchRow(
            #"{"$each": {"$type": "integer"}}"#, #"[1, "2", 3.5]"#,
            #"/1: expected an integer, found "2""#, "/2: expected an integer, found 3.5"),
        MatchRow(
            #"{"$each": {"id": {"$type": "string"}}}"#, #"[{"id": "a"}, {"id": 1}]"#,
            "/1/id: expected a string, found 1"),
        MatchRow(#"{"$each": 1}"#, "{}", "/: expected an array, found an empty object"),
        MatchRow(#"{"$contains": "b"}"#, #"["a", "b"]"#),
        MatchRow(#"{"$contains": "b"}"#, #""abc""#),
        MatchRow(#"{"$contains": "z"}"#, #""abc""#, #"/: expected an array or string containing "z", found "abc""#),
        MatchRow(#"{"$contains": {"role": "SIGNER"}}"#, #"[{"role": "CC"}, {"role": "SIGNER", "x": 1}]"#),
        MatchRow(
            #"{"$contains": {"$type": "null"}}"#, "[1]",
            "/: expected an array containing null, found an array of 1 element"),
        MatchRow(#"{"$like": {"a": 1, "b": ["x"]}}"#, #"{"a": 2, "b": ["y", "z"], "c": true}"#),
        MatchRow(
            #"{"$like": {"a": 1, "b": ["x"]}}"#, #"{"a": "2", "b": ["y", 3]}"#,
            #"/a: expected a number, found "2""#, "/b/1: expected a string, found 3"),
        MatchRow(#"{"$any": true}"#, "null"),
        MatchRow(#"{"$any": true}"#, nil, "/: expected any value, found nothing"),
        MatchRow(#"{"$absent": true}"#, nil),
        MatchRow(#"{"$absent": true}"#, "null", "/: expected no value (the member must be absent), found null"),
        MatchRow(#"{"$absent": false}"#, "1"),
        MatchRow(
            #"{"secret": {"$absent": true}}"#, #"{"secret": "x"}"#,
            #"/secret: expected no value (the member must be absent), found "x""#),
        MatchRow(#"{"$exact": {"$oid": "1"}}"#, #"{"$oid": "1"}"#),
        MatchRow(
            #"{"$exact": {"a": 1}}"#, #"{"a": 1, "b": 2}"#, #"/: expected {"a":1}, found an object with 2 members"#),
        MatchRow(#"{"$exact": [1, {"b": 2, "a": 1}]}"#, #"[1, {"a": 1.0, "b": 2}]"#),
    ]

    @Test(arguments: literals)
    func literalsMatchByValueObjectsAsSubsetsArraysByElement(row: MatchRow) throws {
        try check(row)
    }

    @Test(arguments: matchers)
    func matchersMatchAndNameThePointerOfEachMismatch(row: MatchRow) throws {
        try check(row)
    }

    private func check(_ row: MatchRow) throws {
        let pattern = try Pattern.compile(SuiteFixtures.json(row.pattern))
        let value = row.value.map(SuiteFixtures.json)
        #expect(pattern.match(value).map(\.description) == row.mismatches)
        #expect(pattern.matches(value) == row.mismatches.isEmpty)
    }

    @Test func mismatchPointersAreRelativeToTheGivenBase() throws {
        let pattern = try Pattern.compile(SuiteFixtures.json(#"{"data": {"key": {"$regex": "^[0-9A-F-]+$"}}}"#))
        let mismatches = pattern.match(
            SuiteFixtures.json(#"{"data": {"key": "x"}}"#), at: JSONPointer("/body") ?? .root)
        #expect(mismatches.map(\.pointer.description) == ["/body/data/key"])
        #expect(mismatches.first?.expected == "a string matching /^[0-9A-F-]+$/")
        #expect(mismatches.first?.found == #""x""#)
    }

    @Test func shapeRequiresTheExampleKeysWithTheirTypesAndAllowsExtraKeys() {
        let example = SuiteFixtures.json(
            #"{"event": "license.created", "data": {"id": "x", "n": 1, "tags": ["a"], "meta": null}, "ok": true}"#)
        let shape = Pattern.shape(of: example)
        #expect(
            shape.matches(
                SuiteFixtures.json(
                    #"{"event": "e", "data": {"id": "y", "n": 2.5, "tags": [], "meta": {"k": 1}, "more": 1}, "ok": false, "x": 0}"#
                )))
        let mismatches = shape.match(
            SuiteFixtures.json(#"{"event": 1, "data": {"id": "y", "tags": [2]}, "ok": "yes"}"#))
        #expect(
            mismatches.map(\.description) == [
                "/event: expected a string, found 1",
                "/data/n: expected a number, found nothing",
                "/data/tags/0: expected a string, found 2",
                "/data/meta: expected any value, found nothing",
                #"/ok: expected a boolean, found "yes""#,
            ])
    }

    @Test func shapeOfAMixedArrayAdmitsEachElementType() {
        let shape = Pattern.shape(of: SuiteFixtures.json(#"[1, "a", null]"#))
        #expect(shape.matches(SuiteFixtures.json(#"["b", 2, null]"#)))
        #expect(
            shape.match(SuiteFixtures.json("[true]")).map(\.description) == [
                "/0: expected a number or a string or null, found true"
            ])
    }

    @Test func patternsCompareByTheirSource() throws {
        let first = try Pattern.compile(SuiteFixtures.json(#"{"$regex": "^a+$"}"#))
        let second = try Pattern.compile(SuiteFixtures.json(#"{"$regex": "^a+$"}"#))
        let other = try Pattern.compile(SuiteFixtures.json(#"{"$regex": "^b+$"}"#))
        #expect(first == second)
        #expect(first != other)
        #expect(Set([first, second, other]).count == 2)
    }
}
