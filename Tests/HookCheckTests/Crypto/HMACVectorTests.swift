import Testing

@testable import HookCheck

/// RFC 4231 §4.2–4.8 (HMAC-SHA-256) and RFC 2202 §3 (HMAC-SHA-1), research/signatures.md §11.2, §11.4.
@Suite struct HMACVectorTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var testCase: Int
        var key: [UInt8]
        var data: [UInt8]
        var mac: String
        var testDescription: String { "TC\(testCase)" }
    }

    static func bytes(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }
    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }
    static let counting25: [UInt8] = Array(1...25)

    static let sha256Vectors: [Vector] = [
        .init(
            testCase: 1, key: bytes(0x0b, 20), data: ascii("Hi There"),
            mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        .init(
            testCase: 2, key: ascii("Jefe"), data: ascii("what do ya want for nothing?"),
            mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        .init(
            testCase: 3, key: bytes(0xaa, 20), data: bytes(0xdd, 50),
            mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        .init(
            testCase: 4, key: counting25, data: bytes(0xcd, 50),
            mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        .init(
            testCase: 5, key: bytes(0x0c, 20), data: ascii("Test With Truncation"),
            mac: "a3b6167473100ee06e0c796c2955552bfa6f7c0a6a8aef8b93f860aab0cd20c5"),
        .init(
            testCase: 6, key: bytes(0xaa, 131), data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        .init(
            testCase: 7, key: bytes(0xaa, 131),
            data: ascii(
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
            ),
            mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    static let sha1Vectors: [Vector] = [
        .init(
            testCase: 1, key: bytes(0x0b, 20), data: ascii("Hi There"), mac: "b617318655057264e28bc0b6fb378c8ef146be00"),
        .init(
            testCase: 2, key: ascii("Jefe"), data: ascii("what do ya want for nothing?"),
            mac: "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        .init(
            testCase: 3, key: bytes(0xaa, 20), data: bytes(0xdd, 50), mac: "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        .init(testCase: 4, key: counting25, data: bytes(0xcd, 50), mac: "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
        .init(
            testCase: 5, key: bytes(0x0c, 20), data: ascii("Test With Truncation"),
            mac: "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
        .init(
            testCase: 6, key: bytes(0xaa, 80), data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            mac: "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
        .init(
            testCase: 7, key: bytes(0xaa, 80),
            data: ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
            mac: "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
    ]

    @Test(arguments: sha256Vectors, SHA256Path.allCases)
    func hmacSHA256MatchesRFC4231(_ vector: Vector, path: SHA256Path) {
        let mac = path.run { HMAC<SHA256>.authenticationCode(for: vector.data, key: vector.key) }
        #expect(Hex.encode(mac) == vector.mac)
    }

    @Test(arguments: sha1Vectors, SHA256Path.allCases)
    func hmacSHA1MatchesRFC2202(_ vector: Vector, path: SHA256Path) {
        let mac = path.run { HMAC<SHA1>.authenticationCode(for: vector.data, key: vector.key) }
        #expect(Hex.encode(mac) == vector.mac)
    }

    @Test(arguments: SHA256Path.allCases)
    func truncatedRFC4231Case5MatchesPrefix(path: SHA256Path) {
        let mac = path.run {
            HMAC<SHA256>.authenticationCode(for: Self.ascii("Test With Truncation"), key: Self.bytes(0x0c, 20))
        }
        #expect(Hex.encode(mac.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    }

    /// A key of exactly the block size is used as is, one byte more is hashed first: both
    /// boundaries against values computed with Python's hmac module.
    @Test(arguments: SHA256Path.allCases)
    func keysAtTheBlockSizeBoundary(path: SHA256Path) {
        let data = Self.ascii("boundary")
        path.run {
            #expect(
                Hex.encode(HMAC<SHA256>.authenticationCode(for: data, key: Self.bytes(0x61, 64)))
                    == "862e1e1d0c141e0fca83083b7f8c630a628c5036785860fd3c027c4de1b9d475")
            #expect(
                Hex.encode(HMAC<SHA256>.authenticationCode(for: data, key: Self.bytes(0x61, 65)))
                    == "3a2483b4241ad1f5f955c05016ccb62c40d5f2046345fb8eddd93ebba9ae5b6c")
        }
    }
}
