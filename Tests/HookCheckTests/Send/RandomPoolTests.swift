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

    @Test func uuidsAreLowercaseHexWithDashesAndEveryFreeDigitVaries() {
        let dashes: Set = [8, 13, 18, 23]
        var digitsSeen = Array(repeating: Set<Character>(), count: 36)
        for _ in 0..<1_000 {
            let characters = Array(RandomUUID.make())
            #expect(characters.count == 36)
            for (index, character) in characters.enumerated() {
                if dashes.contains(index) {
                    #expect(character == "-")
                } else {
                    #expect("0123456789abcdef".contains(character), "\(String(characters))")
                    digitsSeen[index].insert(character)
                }
            }
        }
        // Every position but the version digit and the dashes draws from all 16 digits (the variant from 4).
        for index in 0..<36 where !dashes.contains(index) && index != 14 {
            #expect(digitsSeen[index].count == (index == 19 ? 4 : 16), "position \(index)")
        }
    }
}
