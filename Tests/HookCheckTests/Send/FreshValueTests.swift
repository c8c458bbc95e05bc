import Foundation
import Testing

@testable import HookCheck

/// One example timestamp and what the sending time must look like written in its style.
struct TimestampStyleRow: CustomTestStringConvertible, Sendable {
    let example: String
    let expected: String
    var testDescription: String { example }
}

@Suite("Fresh ids and timestamps in the example's style")
struct FreshValueTests {
    /// 2024-11-19T07:06:40.25Z.
    static let now = Date(timeIntervalSince1970: 1_732_000_000.25)

    static let timestamps: [TimestampStyleRow] = [
        // Cryptlex: seven fractional digits, Z.
        TimestampStyleRow(example: "2024-04-20T13:11:34.6926949Z", expected: "2024-11-19T07:06:40.2500000Z"),
        // Documenso: three digits, Z.
        TimestampStyleRow(example: "2024-04-22T09:15:03.655Z", expected: "2024-11-19T07:06:40.250Z"),
        // Clarityflow: three digits and a numeric offset, kept (the time given in that offset).
        TimestampStyleRow(example: "2024-05-02T10:06:53.992-04:00", expected: "2024-11-19T03:06:40.250-04:00"),
        TimestampStyleRow(example: "2024-05-02T14:24:14.196+00:00", expected: "2024-11-19T07:06:40.250+00:00"),
        TimestampStyleRow(example: "2024-05-02T14:24:14+05:30", expected: "2024-11-19T12:36:40+05:30"),
        TimestampStyleRow(example: "2024-05-02T14:24:14Z", expected: "2024-11-19T07:06:40Z"),
        // Unix seconds and milliseconds.
        TimestampStyleRow(example: "1717407001", expected: "1732000000"),
        TimestampStyleRow(example: "1717407001123", expected: "1732000000250"),
    ]

    @Test(arguments: timestamps)
    func timestampKeepsTheExamplesPrecisionAndOffset(row: TimestampStyleRow) throws {
        let text = try #require(FreshTimestamp.text(like: row.example, at: Self.now))
        #expect(text == row.expected)
        if !text.allSatisfy(\.isNumber) {
            let parsed = try #require(TimestampFormat.dateTime(fractionDigits: 3, zone: .z).parse(text))
            #expect(abs(parsed.timeIntervalSince(Self.now)) < 1)
        }
    }

    @Test func timestampKeepsItsJSONType() {
        #expect(FreshTimestamp.value(like: .number("1717407001"), at: Self.now) == .number("1732000000"))
        #expect(FreshTimestamp.value(like: .string("1717407001"), at: Self.now) == .string("1732000000"))
        #expect(FreshTimestamp.text(like: "last tuesday", at: Self.now) == nil)
    }

    static let ids: [(String, String)] = [
        ("evt_3YnZBIPzTFJ9VfOS0lh5R9SY", "^evt_[A-Za-z0-9]{24}$"),
        ("91cfd957-5fcb-4647-81cb-71ec60ab8eba", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        ("1a7175bcedc132202ca13870", "^[0-9a-f]{24}$"),
        ("msg_p5jXN8AQM9LWM0D4loKWxJek", "^msg_[A-Za-z0-9]{24}$"),
        ("Ev0DLW3WUIPG", "^[A-Z][a-z][0-9][A-Z]{3}[0-9][A-Z]{5}$"),
        ("12345", "^[0-9]{5}$"),
    ]

    @Test(arguments: ids)
    func idKeepsTheExamplesPrefixAlphabetAndLength(example: String, pattern: String) throws {
        let regex = try Regex(pattern)
        var seen: Set<String> = []
        for seed in 0..<50 {
            let id = FreshID.like(example, seed: "seed-\(seed)")
            #expect(id.wholeMatch(of: regex) != nil, "\(id) for \(example)")
            seen.insert(id)
        }
        #expect(seen.count == 50, "fresh ids repeat: \(seen.count) distinct of 50")
        #expect(!seen.contains(example))
    }

    @Test func numberIdsStayNumbers() {
        let id = FreshID.like(JSONValue.number("5884716072966"), seed: "s")
        #expect(id.numberText?.count == 13)
        #expect(id.numberText?.first != "0")
        #expect(FreshID.like(JSONValue.bool(true), seed: "s") == .string("s"))
    }
}
