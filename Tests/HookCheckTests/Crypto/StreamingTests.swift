import Testing

@testable import HookCheck

/// Feeding a message in pieces gives the same digest as feeding it at once, whatever the split.
@Suite struct StreamingTests {
    /// 300 bytes with no repeating period, so misplaced bytes change the digest.
    static let message: [UInt8] = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 3) }

    static func chunked<H: HashFunction>(_ type: H.Type, size: Int) -> [UInt8] {
        var hasher = H()
        var start = 0
        while start < message.count {
            let end = min(start + size, message.count)
            hasher.update(message[start..<end])
            start = end
        }
        return hasher.finalize()
    }

    @Test(arguments: [1, 3, 7, 55, 63, 64, 65, 127, 299], SHA256Path.allCases)
    func sha256ChunksEqualOneShot(chunkSize: Int, path: SHA256Path) {
        path.run {
            #expect(Self.chunked(SHA256.self, size: chunkSize) == SHA256.hash(Self.message))
        }
    }

    @Test(arguments: [1, 3, 7, 55, 63, 64, 65, 127, 299])
    func sha1ChunksEqualOneShot(chunkSize: Int) {
        #expect(Self.chunked(SHA1.self, size: chunkSize) == SHA1.hash(Self.message))
    }

    @Test(arguments: [1, 5, 64, 100], SHA256Path.allCases)
    func hmacChunksEqualOneShot(chunkSize: Int, path: SHA256Path) {
        let key = Array("key".utf8)
        var mac = path.run { HMAC<SHA256>(key: key) }
        var start = 0
        while start < Self.message.count {
            let end = min(start + chunkSize, Self.message.count)
            mac.update(Self.message[start..<end])
            start = end
        }
        #expect(mac.finalize() == HMAC<SHA256>.authenticationCode(for: Self.message, key: key))
    }

    @Test func finalizeResetsForTheNextMessage() {
        var hasher = SHA256()
        hasher.update("ignored".utf8)
        _ = hasher.finalize()
        hasher.update("abc".utf8)
        #expect(Hex.encode(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

        var mac = HMAC<SHA1>(key: Array("Jefe".utf8))
        mac.update("first".utf8)
        _ = mac.finalize()
        mac.update("what do ya want for nothing?".utf8)
        #expect(Hex.encode(mac.finalize()) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test func updateOverloadsAgree() {
        let text = "The quick brown fox jumps over the lazy dog"
        var fromUTF8 = SHA256()
        fromUTF8.update(text.utf8)
        var fromArray = SHA256()
        fromArray.update(Array(text.utf8))
        var fromSequence = SHA256()
        fromSequence.update(text.utf8.lazy.map { $0 })
        let expected = fromArray.finalize()
        #expect(fromUTF8.finalize() == expected)
        #expect(fromSequence.finalize() == expected)
    }
}
