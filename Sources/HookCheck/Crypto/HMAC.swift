/// HMAC (RFC 2104) over any `HashFunction`, computed incrementally.
///
/// ```swift
/// let mac = HMAC<SHA256>.authenticationCode(for: Array(body), key: Array(secret.utf8))
/// ```
package struct HMAC<H: HashFunction>: Sendable {
    private var inner: H
    private var outer: H
    private let innerStart: H

    /// Creates an authenticator for `key`. Keys longer than the hash's block size are hashed first;
    /// shorter ones are zero-padded (RFC 2104 §2).
    package init(key: [UInt8]) {
        let hashedKey = key.count > H.blockSize ? H.hash(key) : nil
        // The padded key, XORed with each pad, on the stack: the sender makes one per delivery.
        var (inner, outer) = (H(), H())
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: H.blockSize) { pad in
            (hashedKey ?? key).withUnsafeBufferPointer { keyBytes in
                for index in 0..<H.blockSize { pad[index] = (index < keyBytes.count ? keyBytes[index] : 0) ^ 0x36 }
                inner.update(UnsafeRawBufferPointer(pad))
                for index in 0..<H.blockSize { pad[index] ^= 0x36 ^ 0x5c }
                outer.update(UnsafeRawBufferPointer(pad))
            }
        }
        self.inner = inner
        self.outer = outer
        self.innerStart = inner
    }

    /// Creates an authenticator whose key is any byte sequence, e.g. `secret.utf8`.
    package init(key: some Sequence<UInt8>) {
        self.init(key: Array(key))
    }

    /// Feeds message bytes.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        inner.update(bytes)
    }

    /// Feeds message bytes.
    package mutating func update(_ bytes: [UInt8]) {
        inner.update(bytes)
    }

    /// Feeds message bytes.
    package mutating func update(_ bytes: ArraySlice<UInt8>) {
        inner.update(bytes)
    }

    /// Feeds the UTF-8 bytes of a string.
    package mutating func update(_ text: String.UTF8View) {
        inner.update(text)
    }

    /// Feeds any byte sequence.
    package mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Returns the authentication code of every byte fed so far and resets to the keyed initial state,
    /// ready for a new message under the same key.
    package mutating func finalize() -> [UInt8] {
        var code = [UInt8](repeating: 0, count: H.digestSize)
        code.withUnsafeMutableBytes { code in
            if let base = code.baseAddress { finalize(into: base) }
        }
        return code
    }

    /// ``finalize()`` writing the code (``HashFunction/digestSize`` bytes) to `code`, without allocating.
    package mutating func finalize(into code: UnsafeMutableRawPointer) {
        var outer = self.outer
        // The inner digest stays on the stack.
        withUnsafeTemporaryAllocation(byteCount: H.digestSize, alignment: 8) { innerDigest in
            guard let base = innerDigest.baseAddress else { return }
            inner.finalize(into: base)
            outer.update(UnsafeRawBufferPointer(innerDigest))
        }
        inner = innerStart
        outer.finalize(into: code)
    }

    /// The authentication code of `message` under `key`, in one call.
    package static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }
}

extension HMAC where H == SHA256 {
    /// Whether this authenticator's hashing runs on the CPU's SHA instructions.
    package var usesHardware: Bool { innerStart.usesHardware }

    /// The authentication codes of `messages`, in order: each is what ``finalize()`` gives after
    /// feeding that message alone. On the CPU's SHA instructions they go one at a time (faster than
    /// any software lanes); on the portable code four at a time are hashed side by side
    /// (``SHA256/update(_:with:)``).
    package func authenticationCodes(for messages: [[UInt8]]) -> [[UInt8]] {
        var codes: [[UInt8]] = []
        codes.reserveCapacity(messages.count)
        if innerStart.usesHardware {
            var mac = self
            for message in messages {
                mac.update(message)
                codes.append(mac.finalize())
            }
            return codes
        }
        var start = messages.startIndex
        while start < messages.endIndex {
            let group = Array(messages[start..<min(start + 4, messages.endIndex)])
            var inners = Array(repeating: innerStart, count: group.count)
            SHA256.update(&inners, with: group)
            for index in inners.indices {
                var outer = self.outer
                outer.update(inners[index].finalize())
                codes.append(outer.finalize())
            }
            start += group.count
        }
        return codes
    }
}
