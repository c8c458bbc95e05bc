import Testing

@testable import HookCheck

struct GlobCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let name: String
    let matches: Bool
    var testDescription: String { "\(pattern) ~ \(name) = \(matches)" }
}

@Test(arguments: [
    GlobCase(pattern: "*", name: "", matches: true),
    GlobCase(pattern: "*", name: "license created · valid", matches: true),
    GlobCase(pattern: "* · valid", name: "license created · valid", matches: true),
    GlobCase(pattern: "* · valid", name: "license created · bad-signature", matches: false),
    GlobCase(pattern: "license*", name: "license created · replay", matches: true),
    GlobCase(pattern: "license?created*", name: "license created · replay", matches: true),
    GlobCase(pattern: "?", name: "", matches: false),
    GlobCase(pattern: "a*b*c", name: "aXbYc", matches: true),
    GlobCase(pattern: "a*b*c", name: "aXbYcd", matches: false),
    GlobCase(pattern: "a**c", name: "abc", matches: true),
    GlobCase(pattern: "\\*", name: "*", matches: true),
    GlobCase(pattern: "\\*", name: "x", matches: false),
    GlobCase(pattern: "Zoë*", name: "Zoë 🌍", matches: true),
    GlobCase(pattern: "*🌍", name: "Zoë 🌍", matches: true),
    GlobCase(pattern: "exact", name: "exactly", matches: false),
])
func globMatchesWholeName(_ example: GlobCase) {
    #expect(GlobPattern(example.pattern).matches(example.name) == example.matches)
}

@Test func globWithManyStarsStaysFast() {
    // Exponential backtracking would never finish on this input.
    let pattern = GlobPattern(String(repeating: "a*", count: 30) + "b")
    #expect(!pattern.matches(String(repeating: "a", count: 200)))
}

@Test func shardsPartitionEveryCaseExactlyOnce() throws {
    let count = 4
    let shards = try (1...count).map { try Shard(parsing: "\($0)/\(count)") }
    for position in 0..<103 {
        #expect(shards.filter { $0.contains(position: position) }.count == 1)
    }
    let sizes = shards.map { shard in (0..<103).filter { shard.contains(position: $0) }.count }
    #expect(sizes.max()! - sizes.min()! <= 1)
}

@Test(arguments: ["0/3", "4/3", "1/0", "x/2", "1", "1/2/3", "", "-1/2"])
func shardRejectsInvalidText(_ text: String) {
    #expect(throws: ShardError.self) { try Shard(parsing: text) }
}

@Test func deliveryIDsAreVersion4UUIDs() throws {
    let profile = try #require(Profile.named("standard-webhooks"))
    let builder = DeliveryBuilder(profile: profile, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    let suiteCase = SuiteCase(name: "c", body: .object(JSONObject([("type", .string("user.created"))])))
    var seen: Set<String> = []
    for _ in 0..<200 {
        let delivery = try #require(try builder.deliveries(for: suiteCase, probe: .valid, target: "http://h/").first)
        let id = try #require(delivery.headers["webhook-id"])
        let parts = id.split(separator: "-").map(\.count)
        #expect(parts == [8, 4, 4, 4, 12], "\(id)")
        #expect(Array(id)[14] == "4")
        #expect("89ab".contains(Array(id)[19]))
        #expect(id == id.lowercased())
        seen.insert(id)
    }
    #expect(seen.count == 200)
}
