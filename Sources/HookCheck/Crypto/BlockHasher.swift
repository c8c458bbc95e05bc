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
    /// Compresses `count` consecutive 64-byte blocks into `state` on the CPU's own instructions; called
    /// only when ``isAcceleratedByDefault`` was true for the hasher.
    static func compressOnHardware(_ state: inout State, blocks: UnsafeRawPointer, count: Int)
    /// Whether a new hasher uses the CPU's instructions (false unless the hash has such a path).
    static var isAcceleratedByDefault: Bool { get }
    /// The size in bytes of the digest: the state's first `digestByteCount / 4` 32-bit words, big-endian.
    static var digestByteCount: Int { get }
}

extension BlockCompression {
    static var isAcceleratedByDefault: Bool { false }

    /// Writes the digest of a final state (``digestByteCount`` bytes) to `digest`: the state's 32-bit
    /// words, big-endian, as SHA-1 and SHA-256 both define it.
    static func store(_ state: State, into digest: UnsafeMutableRawPointer) {
        withUnsafeBytes(of: state) { words in
            for index in 0..<(digestByteCount / 4) {
                let word = words.load(fromByteOffset: index &* 4, as: UInt32.self)
                digest.storeBytes(of: word.bigEndian, toByteOffset: index &* 4, as: UInt32.self)
            }
        }
    }

    /// A hash without hardware instructions never gets here; it compresses portably all the same.
    static func compressOnHardware(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
        compress(&state, blocks: blocks, count: count, accelerated: false)
    }

    /// Compresses `count` consecutive 64-byte blocks into `state`: on the CPU's instructions when
    /// `accelerated` (only ever true when ``isAcceleratedByDefault`` was), else the portable loop, one block
    /// at a time with the schedule on the stack.
    static func compress(_ state: inout State, blocks: UnsafeRawPointer, count: Int, accelerated: Bool) {
        if accelerated {
            compressOnHardware(&state, blocks: blocks, count: count)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: scheduleCount) { schedule in
            guard let words = schedule.baseAddress else { return }
            for index in 0..<count {
                compress(&state, block: blocks + index &* 64, schedule: words)
            }
        }
    }
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
    /// Whether blocks go to the CPU's SHA instructions (fixed when the hasher is made, kept across resets).
    let accelerated: Bool

    init(accelerated: Bool = Compression.isAcceleratedByDefault) {
        self.accelerated = accelerated
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        byteCount &+= UInt64(count)
        var offset = 0
        if buffered > 0 {
            let take = min(64 - buffered, count)
            let full = withUnsafeMutableBytes(of: &buffer) { block -> Bool in
                (block.baseAddress! + buffered).copyMemory(from: base, byteCount: take)
                return buffered + take == 64
            }
            buffered += take
            offset = take
            if full {
                let accelerated = self.accelerated
                withUnsafeBytes(of: buffer) { block in
                    Compression.compress(&state, blocks: block.baseAddress!, count: 1, accelerated: accelerated)
                }
                buffered = 0
            }
        }
        let whole = (count - offset) / 64
        if whole > 0 {
            Compression.compress(&state, blocks: base + offset, count: whole, accelerated: accelerated)
            offset += whole &* 64
        }
        if offset < count {
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.copyMemory(from: base + offset, byteCount: count - offset)
            }
            buffered = count - offset
        }
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
        [UInt8](unsafeUninitializedCapacity: Compression.digestByteCount) { digest, count in
            if let base = digest.baseAddress { finalize(into: UnsafeMutableRawPointer(base)) }
            count = Compression.digestByteCount
        }
    }

    /// Pads, compresses the last block(s), writes the digest to `digest` (``BlockCompression/digestByteCount``
    /// bytes, no allocation) and resets to the initial state.
    mutating func finalize(into digest: UnsafeMutableRawPointer) {
        // The waiting bytes, 0x80, zeros up to 56 mod 64, then the 8-byte big-endian bit length: one
        // block, or two when fewer than 9 bytes are left in the first.
        var tail: (Block64, Block64) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        let blocks = buffered < 56 ? 1 : 2
        let bitLength = byteCount &* 8
        let buffered = self.buffered
        withUnsafeMutableBytes(of: &tail) { tail in
            withUnsafeBytes(of: buffer) { block in
                tail.baseAddress!.copyMemory(from: block.baseAddress!, byteCount: buffered)
            }
            tail[buffered] = 0x80
            tail.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks &* 64 &- 8, as: UInt64.self)
        }
        let accelerated = self.accelerated
        withUnsafeBytes(of: tail) { tail in
            Compression.compress(&state, blocks: tail.baseAddress!, count: blocks, accelerated: accelerated)
        }
        Compression.store(state, into: digest)
        self = BlockHasher(accelerated: accelerated)
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
