/// The compression step of a Merkle–Damgård hash with 64-byte blocks and a 64-bit big-endian
/// bit length in the final block (SHA-1 and SHA-256).
protocol BlockCompression {
    associatedtype State: Sendable
    /// The chaining value before the first block.
    static var initialState: State { get }
    /// How many 32-bit words the message schedule needs.
    static var scheduleCount: Int { get }
    /// Compresses one 64-byte block into `state`, using `schedule` (`scheduleCount` words) as scratch.
    static func compress(_ state: inout State, block: UnsafeRawPointer, schedule: UnsafeMutablePointer<UInt32>)
    /// The digest bytes of a final state.
    static func digest(of state: State) -> [UInt8]
}

/// 64 bytes of inline storage, so buffering a partial block never allocates.
typealias Block64 = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

/// Buffering and padding shared by SHA-1 and SHA-256: whole blocks are compressed straight from the
/// caller's memory, a partial block waits in inline storage, and nothing allocates per block.
struct BlockHasher<Compression: BlockCompression>: Sendable {
    private var state = Compression.initialState
    private var buffer: Block64 = (0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0
    private var byteCount: UInt64 = 0

    init() {}

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        byteCount &+= UInt64(bytes.count)
        var state = self.state
        var buffer = self.buffer
        var buffered = self.buffered
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Compression.scheduleCount) { schedule in
            guard let words = schedule.baseAddress else { return }
            var offset = 0
            let count = bytes.count
            withUnsafeMutableBytes(of: &buffer) { block in
                guard let blockBase = block.baseAddress else { return }
                if buffered > 0 {
                    let take = min(64 - buffered, count)
                    (blockBase + buffered).copyMemory(from: base, byteCount: take)
                    buffered += take
                    offset = take
                    if buffered == 64 {
                        Compression.compress(&state, block: UnsafeRawPointer(blockBase), schedule: words)
                        buffered = 0
                    }
                }
                while count - offset >= 64 {
                    Compression.compress(&state, block: base + offset, schedule: words)
                    offset += 64
                }
                if offset < count {
                    blockBase.copyMemory(from: base + offset, byteCount: count - offset)
                    buffered = count - offset
                }
            }
        }
        self.state = state
        self.buffer = buffer
        self.buffered = buffered
    }

    /// Whether no partial block is waiting: the next byte starts a block.
    var isAtBlockBoundary: Bool { buffered == 0 }

    /// The chaining value after the whole blocks compressed so far.
    var chainingValue: Compression.State { state }

    /// Takes over `blockCount` whole blocks compressed elsewhere (at a block boundary only), with
    /// `state` as the chaining value after them.
    mutating func adopt(_ state: Compression.State, afterBlocks blockCount: Int) {
        self.state = state
        byteCount &+= UInt64(blockCount) &* 64
    }

    /// Pads, compresses the last block(s), returns the digest and resets to the initial state.
    mutating func finalize() -> [UInt8] {
        let bitLength = byteCount &* 8
        var padding: Block64 = (0, 0, 0, 0, 0, 0, 0, 0)
        // 0x80, then zeros up to 56 mod 64, then the 8-byte big-endian length.
        let zeros = (buffered < 56 ? 56 : 120) - buffered - 1
        withUnsafeMutableBytes(of: &padding) { pad in
            pad[0] = 0x80
            update(UnsafeRawBufferPointer(rebasing: pad[0..<(1 + zeros)]))
        }
        withUnsafeBytes(of: bitLength.bigEndian) { update($0) }
        let digest = Compression.digest(of: state)
        self = BlockHasher()
        return digest
    }
}

/// Rotates a 32-bit word left.
@inline(__always)
func rotateLeft(_ value: UInt32, by amount: UInt32) -> UInt32 {
    (value &<< amount) | (value &>> (32 &- amount))
}

/// Rotates a 32-bit word right.
@inline(__always)
func rotateRight(_ value: UInt32, by amount: UInt32) -> UInt32 {
    (value &>> amount) | (value &<< (32 &- amount))
}

/// Appends the big-endian bytes of `word` to `bytes`.
@inline(__always)
func appendBigEndian(_ word: UInt32, to bytes: inout [UInt8]) {
    bytes.append(UInt8(truncatingIfNeeded: word &>> 24))
    bytes.append(UInt8(truncatingIfNeeded: word &>> 16))
    bytes.append(UInt8(truncatingIfNeeded: word &>> 8))
    bytes.append(UInt8(truncatingIfNeeded: word))
}
