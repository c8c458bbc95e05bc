/// A digest of a delivery's content that stays the same across retries of one event, whatever id or
/// timestamp each attempt carries: the raw bytes, or, when the profile keeps its id or timestamp in the
/// body, the parsed body without those fields. It lets `check` tell "a retry sent with a new id" from
/// "a different event". Digests are comparable within one process only.
enum ContentDigest {
    static func of(profile: Profile, body: [UInt8], envelope: JSONValue?) -> UInt64 {
        of(body: body, envelope: envelope, removing: removedPointers(of: profile))
    }

    /// The pointers of the profile's id and timestamp in the body, which the digest leaves out;
    /// work them out once per suite for ``of(body:envelope:removing:)``.
    static func removedPointers(of profile: Profile) -> [JSONPointer] {
        [profile.id, profile.timestamp].compactMap { source -> JSONPointer? in
            if case .pointer(let pointer) = source, !pointer.tokens.isEmpty { return pointer }
            return nil
        }
    }

    /// The digest of a delivery whose profile keeps `removed` (``removedPointers(of:)``) in the body.
    static func of(body: [UInt8], envelope: JSONValue?, removing removed: [JSONPointer]) -> UInt64 {
        guard let envelope, !removed.isEmpty else { return body.withUnsafeBytes(digest(of:)) }
        var stripped = envelope
        for pointer in removed {
            stripped = stripped.removing(pointer)
        }
        var hasher = Hasher()
        hasher.combine(stripped)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }

    /// A 64-bit digest of raw bytes, sixteen at a time through a 64×64→128-bit multiply folded to
    /// 64 bits (the mixing of wyhash): several times faster than `Hasher` over a body, and as good
    /// at telling bodies apart.
    static func digest(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        func word(at index: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        }
        while offset + 16 <= count {
            state = fold(word(at: offset) ^ 0xA076_1D64_78BD_642F, word(at: offset + 8) ^ state) &+ state
            offset += 16
        }
        if offset < count {
            var tail: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &tail) { tail in
                tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            }
            state =
                fold(UInt64(littleEndian: tail.0) ^ 0xA076_1D64_78BD_642F, UInt64(littleEndian: tail.1) ^ state)
                &+ state
        }
        return fold(state ^ 0xE703_7ED1_A0B4_28DB, UInt64(truncatingIfNeeded: count) ^ 0x8EBC_6AF0_9C88_C6E3)
    }

    @inline(__always)
    private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }
}
