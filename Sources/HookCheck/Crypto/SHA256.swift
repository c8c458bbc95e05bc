import CHookCrypto

/// SHA-256 (FIPS 180-4).
///
/// Blocks go to the CPU's own SHA-256 instructions when it has them (the SHA extensions on x86-64, the
/// ARMv8 cryptography extensions on arm64), detected at run time; otherwise to portable Swift code.
/// Both give the same digests.
package struct SHA256: HashFunction {
    package static let blockSize = 64
    package static let digestSize = 32

    var core = BlockHasher<Compression>()

    /// Creates a hasher in its initial state.
    package init() {}

    /// A hasher that uses the portable code whatever the CPU has (for tests and benchmarks).
    package init(portable: Bool) {
        core = BlockHasher(accelerated: portable ? false : Compression.isAcceleratedByDefault)
    }

    /// Whether this CPU has SHA-256 instructions that this build can use.
    package static let hardwareAvailable = hookcheck_sha256_hardware_available() != 0

    /// Set (with `$forcesPortable.withValue(true) { … }`) to make every SHA-256 and ``SHA1`` hasher created
    /// in that scope use the portable code, HMAC keys and one-shot hashes included.
    @TaskLocal package static var forcesPortable = false

    /// Whether this hasher's blocks go to the CPU's instructions.
    package var usesHardware: Bool { core.accelerated }

    /// Feeds bytes into the hash.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        core.update(bytes)
    }

    /// Returns the 32-byte digest of every byte fed so far and resets the hasher.
    package mutating func finalize() -> [UInt8] {
        core.finalize()
    }

    /// Writes the 32-byte digest of every byte fed so far to `digest` and resets the hasher.
    package mutating func finalize(into digest: UnsafeMutableRawPointer) {
        core.finalize(into: digest)
    }
}

extension SHA256 {
    enum Compression: BlockCompression {
        typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

        static let initialState: State = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        static let scheduleCount = 64

        static var isAcceleratedByDefault: Bool { SHA256.hardwareAvailable && !SHA256.forcesPortable }

        static func compressOnHardware(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
            withUnsafeMutableBytes(of: &state) { words in
                guard let base = words.baseAddress else { return }
                hookcheck_sha256_compress_hardware(
                    base.assumingMemoryBound(to: UInt32.self), blocks.assumingMemoryBound(to: UInt8.self), count)
            }
        }

        static let roundConstants: [UInt32] = [
            0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
            0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
            0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
            0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
            0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
            0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
            0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
            0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
        ]

        static func compress(_ state: inout State, block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>) {
            for i in 0..<16 {
                w[i] = block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).bigEndian
            }
            for i in 16..<64 {
                let w15 = w[i &- 15]
                let w2 = w[i &- 2]
                let s0 = rotateRight(w15, by: 7) ^ rotateRight(w15, by: 18) ^ (w15 &>> 3)
                let s1 = rotateRight(w2, by: 17) ^ rotateRight(w2, by: 19) ^ (w2 &>> 10)
                w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            roundConstants.withUnsafeBufferPointer { buffer in
                guard let k = buffer.baseAddress else { return }
                var i = 0
                while i < 64 {
                    round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    round(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
                    round(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
                    round(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
                    round(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
                    round(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
                    round(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
                    round(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
                    i &+= 8
                }
            }
            state.0 &+= a
            state.1 &+= b
            state.2 &+= c
            state.3 &+= d
            state.4 &+= e
            state.5 &+= f
            state.6 &+= g
            state.7 &+= h
        }

        /// One round; the caller rotates the roles of the eight working variables instead of moving them.
        @inline(__always)
        private static func round(
            _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
            _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
        ) {
            let sum1 = rotateRight(e, by: 6) ^ rotateRight(e, by: 11) ^ rotateRight(e, by: 25)
            let choice = g ^ (e & (f ^ g))
            let t1 = h &+ sum1 &+ choice &+ kw
            let sum0 = rotateRight(a, by: 2) ^ rotateRight(a, by: 13) ^ rotateRight(a, by: 22)
            let majority = (a & b) | (c & (a | b))
            d &+= t1
            h = t1 &+ sum0 &+ majority
        }

        static let digestByteCount = 32
    }
}
