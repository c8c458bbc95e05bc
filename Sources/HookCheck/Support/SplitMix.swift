/// SplitMix64: a small, fast, deterministic generator. Seeded by a number, or by the FNV-1a hash of a text
/// (cheap, and as random as the seed), so the same seed gives the same sequence.
struct SplitMix: RandomNumberGenerator, Sendable {
    var state: UInt64

    /// A generator starting at `state`.
    init(state: UInt64) {
        self.state = state
    }

    /// A generator seeded by the FNV-1a hash of `seed`.
    init(seed: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
