import CHookCrypto

/// SHA-1 (FIPS 180-4). Broken for collision resistance, but still what GitHub's legacy
/// `X-Hub-Signature` and Twilio's HMAC-SHA1 signatures use.
///
/// Like ``SHA256``, blocks go to the CPU's SHA instructions when it has them (detected at run time), else
/// to portable Swift code; `SHA256.forcesPortable` forces the portable code for both.
package struct SHA1: HashFunction {
    package static let blockSize = 64
    package static let digestSize = 20

    private var core = BlockHasher<Compression>()

    /// Creates a hasher in its initial state.
    package init() {}

    /// A hasher that uses the portable code whatever the CPU has (for tests and benchmarks).
    package init(portable: Bool) {
        core = BlockHasher(accelerated: portable ? false : Compression.isAcceleratedByDefault)
    }

    /// Whether this CPU has SHA-1 instructions that this build can use.
    package static let hardwareAvailable = hookcheck_sha1_hardware_available() != 0

    /// Whether this hasher's blocks go to the CPU's instructions.
    package var usesHardware: Bool { core.accelerated }

    /// Feeds bytes into the hash.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        core.update(bytes)
    }

    /// Returns the 20-byte digest of every byte fed so far and resets the hasher.
    package mutating func finalize() -> [UInt8] {
        core.finalize()
    }

    /// Writes the 20-byte digest of every byte fed so far to `digest` and resets the hasher.
    package mutating func finalize(into digest: UnsafeMutableRawPointer) {
        core.finalize(into: digest)
    }
}

extension SHA1 {
    fileprivate enum Compression: BlockCompression {
        typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

        static let initialState: State = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0)
        static let scheduleCount = 80

        static var isAcceleratedByDefault: Bool { SHA1.hardwareAvailable && !SHA256.forcesPortable }

        static func compressOnHardware(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
            withUnsafeMutableBytes(of: &state) { words in
                guard let base = words.baseAddress else { return }
                hookcheck_sha1_compress_hardware(
                    base.assumingMemoryBound(to: UInt32.self), blocks.assumingMemoryBound(to: UInt8.self), count)
            }
        }

        static func compress(_ state: inout State, block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>) {
            for i in 0..<16 {
                w[i] = block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).bigEndian
            }
            for i in 16..<80 {
                w[i] = rotateLeft(w[i &- 3] ^ w[i &- 8] ^ w[i &- 14] ^ w[i &- 16], by: 1)
            }
            var (a, b, c, d, e) = state
            // Four loops of twenty rounds, one per round function, so no round branches on its index.
            @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ word: UInt32) {
                let temp = rotateLeft(a, by: 5) &+ f &+ e &+ k &+ word
                e = d
                d = c
                c = rotateLeft(b, by: 30)
                b = a
                a = temp
            }
            for i in 0..<20 { round((b & c) | (~b & d), 0x5a82_7999, w[i]) }
            for i in 20..<40 { round(b ^ c ^ d, 0x6ed9_eba1, w[i]) }
            for i in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8f1b_bcdc, w[i]) }
            for i in 60..<80 { round(b ^ c ^ d, 0xca62_c1d6, w[i]) }
            state.0 &+= a
            state.1 &+= b
            state.2 &+= c
            state.3 &+= d
            state.4 &+= e
        }

        static let digestByteCount = 20
    }
}
