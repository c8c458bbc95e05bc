import Testing

@testable import HookCheck

/// A pattern that must not compile, and the exact error description.
struct CompileFailure: CustomTestStringConvertible, Sendable {
    let pattern: String
    let error: String
    let pointsAtKey: Bool
    var testDescription: String { pattern }

    init(_ pattern: String, _ error: String, pointsAtKey: Bool = false) {
        self.pattern = pattern
        self.error = error
        self.pointsAtKey = pointsAtKey
    }
}

@Suite("Pattern compilation")
struct PatternCompileTests {
    static let failures: [CompileFailure] = [
        CompileFailure(
            #"{"data": {"key": {"$rgex": "x"}}}"#,
            #"/data/key/$rgex: unknown matcher "$rgex" (did you mean "$regex"?)"#, pointsAtKey: true),
        CompileFailure(#"{"$foo": 1}"#, #"/$foo: unknown matcher "$foo""#, pointsAtKey: true),
        CompileFailure(#"{"$regex": "([a-z"}"#, #"/$regex: invalid regular expression "([a-z""#),
        CompileFailure(#"[0, {"$regex": 5}]"#, "/1/$regex: $regex expects a regular expression string, found 5"),
        CompileFailure(
            #"{"$type": "strng"}"#,
            #"/$type: $type expects one of string, number, integer, boolean, object, array, null (did you mean "string"?), found "strng""#
        ),
        CompileFailure(#"{"$type": ["string", 1]}"#, "/$type/1: $type expects a type name or a list of them, found 1"),
        CompileFailure(#"{"$type": []}"#, "/$type: $type expects a non-empty list, found an empty array"),
        CompileFailure(
            #"{"$format": "uuid4"}"#,
            #"/$format: $format expects one of uuid, date-time, date, email, uri, hex, base64 (did you mean "uuid"?), found "uuid4""#
        ),
        CompileFailure(#"{"$in": []}"#, "/$in: $in expects a non-empty array, found an empty array"),
        CompileFailure(#"{"$min": "1"}"#, #"/$min: $min expects a number, found "1""#),
        CompileFailure(
            #"{"$length": -1}"#,
            #"/$length: $length expects a count or {"min": n, "max": n} with non-negative integers, found -1"#),
        CompileFailure(
            #"{"$length": {"min": 3, "max": 1}}"#,
            "/$length: $length expects min no greater than max, found an object with 2 members"),
        CompileFailure(
            #"{"$length": {"least": 3}}"#,
            #"/$length: $length expects a count or {"min": n, "max": n} with non-negative integers, found an object with 1 member"#
        ),
        CompileFailure(#"{"$any": 1}"#, "/$any: $any expects true, found 1"),
        CompileFailure(#"{"$absent": "yes"}"#, #"/$absent: $absent expects true or false, found "yes""#),
        CompileFailure(#"{"$each": {"$nope": 1}}"#, #"/$each/$nope: unknown matcher "$nope""#, pointsAtKey: true),
        CompileFailure(
            #"{"a": {"$type": "string", "b": 1}}"#,
            #"/a: an object mixes the matcher key "$type" with the member key "b"; wrap a literal object with $ keys in {"$exact": …}"#
        ),
    ]

    @Test(arguments: failures)
    func invalidPatternsAreRejectedWithTheirPointer(failure: CompileFailure) {
        #expect {
            _ = try Pattern.compile(SuiteFixtures.json(failure.pattern))
        } throws: { error in
            guard let error = error as? PatternError else { return false }
            return error.description == failure.error && error.pointsAtKey == failure.pointsAtKey
        }
    }

    @Test func errorPointersStartAtTheGivenBase() {
        let base = JSONPointer("/cases/0/match") ?? .root
        #expect(throws: PatternError.unknownMatcher("$rgex", at: base.appending("$rgex"))) {
            try Pattern.compile(SuiteFixtures.json(#"{"$rgex": "x"}"#), at: base)
        }
    }

    @Test func exactKeepsDollarKeysLiterally() throws {
        let pattern = try Pattern.compile(SuiteFixtures.json(#"{"$exact": {"$type": "string"}}"#))
        #expect(pattern == .exact(SuiteFixtures.json(#"{"$type": "string"}"#)))
    }

    @Test func severalMatcherKeysCombine() throws {
        let pattern = try Pattern.compile(SuiteFixtures.json(#"{"$type": "string", "$length": 2}"#))
        #expect(pattern == .all([.type([.string]), .length(min: 2, max: 2)]))
    }
}
