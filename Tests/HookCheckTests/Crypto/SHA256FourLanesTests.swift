import Testing

@testable import HookCheck

/// Four messages hashed side by side give exactly the digests of hashing each alone: lengths around
/// the block size, unequal lengths, hashers that already hold a block, and the fallbacks.
@Suite struct SHA256FourLanesTests {
    /// Deterministic bytes (a linear congruential sequence), different per seed.
    static func bytes(_ count: Int, seed: UInt32) -> [UInt8] {
        var state = seed &* 2_654_435_761 &+ 1
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    static func separately(_ hashers: [SHA256], _ messages: [[UInt8]]) -> [[UInt8]] {
        zip(hashers, messages).map { hasher, message in
            var hasher = hasher
            hasher.update(message)
            return hasher.finalize()
        }
    }

    @Test(arguments: [
        [0, 0, 0, 0], [64, 64, 64, 64], [63, 64, 65, 128], [1_100, 1_100, 1_100, 1_100], [1_100, 1_037, 1_164, 999],
        [4_096, 64, 3_000, 130], [200, 0, 200, 200],
    ])
    func fourLanesEqualOneAtATime(lengths: [Int]) {
        let messages = lengths.enumerated().map { Self.bytes($1, seed: UInt32($0)) }
        // Fresh hashers, and hashers that already absorbed one block (like an HMAC's keyed inner hash).
        var primed = SHA256()
        primed.update(Self.bytes(64, seed: 99))
        for start in [SHA256(), primed] {
            var hashers = Array(repeating: start, count: 4)
            SHA256.update(&hashers, with: messages)
            let together = hashers.indices.map { hashers[$0].finalize() }
            #expect(together == Self.separately(Array(repeating: start, count: 4), messages))
        }
    }

    @Test func hashersMidBlockOrNotFourFallBackToOneAtATime() {
        let messages = (0..<4).map { Self.bytes(300, seed: UInt32($0)) }
        var midBlock = SHA256()
        midBlock.update([1, 2, 3])
        let starts = [SHA256(), midBlock, SHA256(), SHA256()]
        var hashers = starts
        SHA256.update(&hashers, with: messages)
        #expect(hashers.indices.map { hashers[$0].finalize() } == Self.separately(starts, messages))

        var three = Array(repeating: SHA256(), count: 3)
        SHA256.update(&three, with: Array(messages.prefix(3)))
        #expect(
            three.indices.map { three[$0].finalize() }
                == Self.separately(Array(repeating: SHA256(), count: 3), messages))
    }

    /// On the portable path the groups go through the four lanes; on the CPU's instructions one at a time.
    @Test(arguments: SHA256Path.allCases)
    func hmacCodesInGroupsOfFourEqualOneAtATime(path: SHA256Path) {
        // RFC 4231 test case 2 key; 9 messages make two groups of four and a single one.
        let mac = path.run { HMAC<SHA256>(key: Array("Jefe".utf8)) }
        let messages = (0..<9).map { Self.bytes(90 * $0 + 7, seed: UInt32($0)) }
        let expected = messages.map { HMAC<SHA256>.authenticationCode(for: $0, key: Array("Jefe".utf8)) }
        #expect(mac.authenticationCodes(for: messages) == expected)
        #expect(mac.authenticationCodes(for: []).isEmpty)
        let vector = Array("what do ya want for nothing?".utf8)
        #expect(
            Hex.encode(mac.authenticationCodes(for: Array(repeating: vector, count: 4))[3])
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
