import Testing

@testable import HookCheck

/// Fresh ids come from the pooled system randomness: never repeated, version 4 and the RFC 4122 variant,
/// across many pool refills.
@Suite struct RandomPoolTests {
    @Test func drawsDoNotRepeatAcrossRefills() {
        var seen = Set<UInt64>()
        for _ in 0..<2_000 {  // about eight pools of 256 draws
            let (high, low) = RandomPool.twoWords()
            #expect(seen.insert(high).inserted && seen.insert(low).inserted)
        }
    }

    @Test func uuidsAreVersion4AndUnique() {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let uuid = RandomUUID.make()
            let characters = Array(uuid)
            #expect(characters.count == 36 && characters[14] == "4" && "89ab".contains(characters[19]), "\(uuid)")
            #expect(seen.insert(uuid).inserted)
        }
    }
}
