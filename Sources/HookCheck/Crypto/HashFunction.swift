/// A cryptographic hash function computed incrementally: create one, feed it bytes with
/// `update`, then read the digest with `finalize`.
package protocol HashFunction: Sendable {
    /// The size in bytes of the blocks the compression function consumes (64 for SHA-1 and SHA-256).
    static var blockSize: Int { get }
    /// The size in bytes of the digest.
    static var digestSize: Int { get }

    /// Creates a hasher in its initial state.
    init()

    /// Feeds bytes into the hash.
    mutating func update(_ bytes: UnsafeRawBufferPointer)

    /// Returns the digest of every byte fed so far and resets the hasher to its initial state.
    mutating func finalize() -> [UInt8]

    /// Writes the digest (``digestSize`` bytes) to `digest` without allocating, and resets the hasher.
    mutating func finalize(into digest: UnsafeMutableRawPointer)
}

extension HashFunction {
    /// Feeds bytes into the hash.
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds bytes into the hash.
    package mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds the UTF-8 bytes of a string into the hash.
    package mutating func update(_ text: String.UTF8View) {
        let done: Void? = text.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            update(Array(text))
        }
    }

    /// Feeds any byte sequence into the hash (contiguous storage is read in place).
    package mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            update(Array(bytes))
        }
    }

    /// The digest of `bytes` in one call.
    package static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = Self()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of any byte sequence in one call.
    package static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = Self()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
