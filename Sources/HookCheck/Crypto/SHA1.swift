/// SHA-1 (FIPS 180-4). Broken for collision resistance, but still what GitHub's legacy
/// `X-Hub-Signature` and Twilio's HMAC-SHA1 signatures use.
package struct SHA1: HashFunction {
    package static let blockSize = 64
    package static let digestSize = 20

    private var core = BlockHasher<Compression>()

    /// Creates a hasher in its initial state.
    package init() {}

    /// Feeds bytes into the hash.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        core.update(bytes)
    }

    /// Returns the 20-byte digest of every byte fed so far and resets the hasher.
    package mutating func finalize() -> [UInt8] {
        core.finalize()
    }
}

extension SHA1 {
    fileprivate enum Compression: BlockCompression {
        typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

        static let initialState: State = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0)
        static let scheduleCount = 80

        static func compress(_ state: inout State, block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>) {
            for i in 0..<16 {
                w[i] = block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).bigEndian
            }
            for i in 16..<80 {
                w[i] = rotateLeft(w[i &- 3] ^ w[i &- 8] ^ w[i &- 14] ^ w[i &- 16], by: 1)
            }
            var (a, b, c, d, e) = state
            for i in 0..<80 {
                let f: UInt32
                let k: UInt32
                switch i {
                case 0..<20:
                    f = (b & c) | (~b & d)
                    k = 0x5a82_7999
                case 20..<40:
                    f = b ^ c ^ d
                    k = 0x6ed9_eba1
                case 40..<60:
                    f = (b & c) | (b & d) | (c & d)
                    k = 0x8f1b_bcdc
                default:
                    f = b ^ c ^ d
                    k = 0xca62_c1d6
                }
                let temp = rotateLeft(a, by: 5) &+ f &+ e &+ k &+ w[i]
                e = d
                d = c
                c = rotateLeft(b, by: 30)
                b = a
                a = temp
            }
            state.0 &+= a
            state.1 &+= b
            state.2 &+= c
            state.3 &+= d
            state.4 &+= e
        }

        static func digest(of state: State) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(20)
            for word in [state.0, state.1, state.2, state.3, state.4] {
                appendBigEndian(word, to: &bytes)
            }
            return bytes
        }
    }
}
