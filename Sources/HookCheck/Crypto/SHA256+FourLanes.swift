/// SHA-256 of four messages at once: the blocks the four have in common are compressed side by side,
/// one message per 32-bit lane of a `SIMD4<UInt32>`, which the compiler turns into vector
/// instructions. Four messages then cost about what two cost one at a time. Checking a capture file
/// uses it to verify four deliveries' signatures together.
extension SHA256 {
    /// Feeds `messages[i]` into `hashers[i]`, for four hashers that are each at a block boundary;
    /// in any other case (not four, or one mid-block) each is fed on its own, with the same result.
    static func update(_ hashers: inout [SHA256], with messages: [[UInt8]]) {
        let commonBlocks = messages.lazy.map { $0.count / 64 }.min() ?? 0
        guard hashers.count == 4, messages.count == 4, commonBlocks > 0,
            hashers.allSatisfy(\.core.isAtBlockBoundary)
        else {
            for index in hashers.indices where index < messages.count { hashers[index].update(messages[index]) }
            return
        }
        var lanes = FourLanes(hashers.map(\.core.chainingValue))
        messages[0].withUnsafeBytes { m0 in
            messages[1].withUnsafeBytes { m1 in
                messages[2].withUnsafeBytes { m2 in
                    messages[3].withUnsafeBytes { m3 in
                        guard let b0 = m0.baseAddress, let b1 = m1.baseAddress, let b2 = m2.baseAddress,
                            let b3 = m3.baseAddress
                        else { return }
                        lanes.compress(blocks: (b0, b1, b2, b3), count: commonBlocks)
                    }
                }
            }
        }
        for index in 0..<4 {
            hashers[index].core.adopt(lanes.state(ofLane: index), afterBlocks: commonBlocks)
            hashers[index].update(messages[index][(commonBlocks * 64)...])
        }
    }
}

/// Four SHA-256 chaining values, one per lane.
private struct FourLanes {
    typealias Lanes = SIMD4<UInt32>
    private var a, b, c, d, e, f, g, h: Lanes

    init(_ states: [SHA256.Compression.State]) {
        func lanes(_ word: (SHA256.Compression.State) -> UInt32) -> Lanes {
            Lanes(word(states[0]), word(states[1]), word(states[2]), word(states[3]))
        }
        (a, b, c, d) = (lanes(\.0), lanes(\.1), lanes(\.2), lanes(\.3))
        (e, f, g, h) = (lanes(\.4), lanes(\.5), lanes(\.6), lanes(\.7))
    }

    func state(ofLane lane: Int) -> SHA256.Compression.State {
        (a[lane], b[lane], c[lane], d[lane], e[lane], f[lane], g[lane], h[lane])
    }

    /// Compresses `count` consecutive 64-byte blocks starting at each lane's pointer.
    mutating func compress(
        blocks: (UnsafeRawPointer, UnsafeRawPointer, UnsafeRawPointer, UnsafeRawPointer), count: Int
    ) {
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 64) { schedule in
            SHA256.Compression.roundConstants.withUnsafeBufferPointer { constants in
                guard let w = schedule.baseAddress, let k = constants.baseAddress else { return }
                for block in 0..<count {
                    let offset = block * 64
                    compressBlock(
                        (blocks.0 + offset, blocks.1 + offset, blocks.2 + offset, blocks.3 + offset), schedule: w,
                        constants: k)
                }
            }
        }
    }

    private mutating func compressBlock(
        _ block: (UnsafeRawPointer, UnsafeRawPointer, UnsafeRawPointer, UnsafeRawPointer),
        schedule w: UnsafeMutablePointer<Lanes>, constants k: UnsafePointer<UInt32>
    ) {
        for i in 0..<16 {
            let offset = i &* 4
            w[i] = Lanes(
                block.0.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian,
                block.1.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian,
                block.2.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian,
                block.3.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian)
        }
        for i in 16..<64 {
            let w15 = w[i &- 15]
            let w2 = w[i &- 2]
            // Rotations spelled as shifts: SSE2 has no vector rotate, and a rotate the compiler
            // recognises is split back into scalar instructions.
            let s0 = (w15 &>> 7) ^ (w15 &>> 18) ^ (w15 &>> 3) ^ (w15 &<< 25) ^ (w15 &<< 14)
            let s1 = (w2 &>> 17) ^ (w2 &>> 19) ^ (w2 &>> 10) ^ (w2 &<< 15) ^ (w2 &<< 13)
            w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (self.a, self.b, self.c, self.d, self.e, self.f, self.g, self.h)
        var i = 0
        while i < 64 {
            Self.round(a, b, c, &d, e, f, g, &h, Lanes(repeating: k[i]) &+ w[i])
            Self.round(h, a, b, &c, d, e, f, &g, Lanes(repeating: k[i &+ 1]) &+ w[i &+ 1])
            Self.round(g, h, a, &b, c, d, e, &f, Lanes(repeating: k[i &+ 2]) &+ w[i &+ 2])
            Self.round(f, g, h, &a, b, c, d, &e, Lanes(repeating: k[i &+ 3]) &+ w[i &+ 3])
            Self.round(e, f, g, &h, a, b, c, &d, Lanes(repeating: k[i &+ 4]) &+ w[i &+ 4])
            Self.round(d, e, f, &g, h, a, b, &c, Lanes(repeating: k[i &+ 5]) &+ w[i &+ 5])
            Self.round(c, d, e, &f, g, h, a, &b, Lanes(repeating: k[i &+ 6]) &+ w[i &+ 6])
            Self.round(b, c, d, &e, f, g, h, &a, Lanes(repeating: k[i &+ 7]) &+ w[i &+ 7])
            i &+= 8
        }
        self.a &+= a
        self.b &+= b
        self.c &+= c
        self.d &+= d
        self.e &+= e
        self.f &+= f
        self.g &+= g
        self.h &+= h
    }

    /// One round in every lane; the caller rotates the roles of the working variables.
    @inline(__always)
    private static func round(
        _ a: Lanes, _ b: Lanes, _ c: Lanes, _ d: inout Lanes, _ e: Lanes, _ f: Lanes, _ g: Lanes, _ h: inout Lanes,
        _ kw: Lanes
    ) {
        let sum1 = (e &>> 6) ^ (e &>> 11) ^ (e &>> 25) ^ (e &<< 26) ^ (e &<< 21) ^ (e &<< 7)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ sum1 &+ choice &+ kw
        let sum0 = (a &>> 2) ^ (a &>> 13) ^ (a &>> 22) ^ (a &<< 30) ^ (a &<< 19) ^ (a &<< 10)
        let majority = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ sum0 &+ majority
    }
}
