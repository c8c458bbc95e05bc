import Testing

@testable import HookCheck

/// FIPS 180 / NIST examples and padding-boundary cases (research/signatures.md §11.1, §11.3).
@Suite struct HashVectorTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var name: String
        var message: [UInt8]
        var digest: String
        var testDescription: String { name }

        init(_ name: String, _ message: String, _ digest: String) {
            self.name = name
            self.message = Array(message.utf8)
            self.digest = digest
        }

        init(repeating byte: Character, count: Int, _ digest: String) {
            self.name = "\(byte) × \(count)"
            self.message = Array(String(repeating: byte, count: count).utf8)
            self.digest = digest
        }
    }

    static let sha256Vectors: [Vector] = [
        .init("empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        .init("abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        .init(
            "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        .init(
            "896 bits",
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        .init(
            "quick brown fox", "The quick brown fox jumps over the lazy dog",
            "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
        .init(repeating: "a", count: 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        .init(repeating: "a", count: 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        .init(repeating: "a", count: 57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
        .init(repeating: "a", count: 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        .init(repeating: "a", count: 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        .init(repeating: "a", count: 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        .init(repeating: "a", count: 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        .init(repeating: "a", count: 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        .init(repeating: "a", count: 127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        .init(repeating: "a", count: 128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ]

    static let sha1Vectors: [Vector] = [
        .init("empty", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        .init("abc", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        .init(
            "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        .init(
            "TEST4 (64 bytes × 10)",
            String(repeating: "0123456701234567012345670123456701234567012345670123456701234567", count: 10),
            "dea356a2cddd90c7a7ecedc5ebb563934f460452"),
        .init(
            "quick brown fox", "The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"
        ),
    ]

    @Test(arguments: sha256Vectors, SHA256Path.allCases)
    func sha256MatchesPublishedDigest(_ vector: Vector, path: SHA256Path) {
        #expect(path.run { Hex.encode(SHA256.hash(vector.message)) } == vector.digest)
    }

    @Test(arguments: sha1Vectors, SHA256Path.allCases)
    func sha1MatchesPublishedDigest(_ vector: Vector, path: SHA256Path) {
        #expect(path.run { Hex.encode(SHA1.hash(vector.message)) } == vector.digest)
    }

    @Test(arguments: SHA256Path.allCases)
    func sha256OfOneMillionA(path: SHA256Path) {
        #expect(
            path.run { Hex.encode(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) }
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: SHA256Path.allCases)
    func sha1OfOneMillionA(path: SHA256Path) {
        #expect(
            path.run { Hex.encode(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000))) }
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func sizesAreDeclared() {
        #expect(SHA256.digestSize == 32 && SHA256.blockSize == 64)
        #expect(SHA1.digestSize == 20 && SHA1.blockSize == 64)
        #expect(SHA256.hash([1, 2, 3]).count == SHA256.digestSize)
        #expect(SHA1.hash([1, 2, 3]).count == SHA1.digestSize)
    }
}
