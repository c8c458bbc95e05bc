import Testing

@testable import HookCheck

@Suite struct HexTests {
    @Test func encodesLowercase() {
        #expect(Hex.encode([0x00, 0x0f, 0xab, 0xff]) == "000fabff")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test func encodingInTemporaryStorageMatchesTheStringEncoding() {
        for length in 0...40 {
            let input = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 53 &+ 7) }
            let encoded = input.withUnsafeBufferPointer { Hex.withEncodedBytes(of: $0) { Array($0) } }
            #expect(encoded == Array(Hex.encode(input).utf8), "length \(length)")
        }
    }

    @Test func decodesEitherCase() {
        #expect(Hex.decode("000fABff") == [0x00, 0x0f, 0xab, 0xff])
        #expect(Hex.decode("") == [])
    }

    @Test(arguments: ["0", "abc", "0g", "zz", " 00", "00 ", "0x00", "é0"])
    func rejectsMalformedHex(_ text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func roundTripsEveryByte() {
        let bytes = (0...255).map(UInt8.init)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }
}

@Suite struct Base64Tests {
    /// RFC 4648 §10 test vectors.
    static let rfc4648: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test func encodesRFC4648Vectors() {
        for (plain, encoded) in Self.rfc4648 {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.encode(Array(plain.utf8), padded: false) == String(encoded.filter { $0 != "=" }))
        }
    }

    @Test func decodesRFC4648Vectors() throws {
        for (plain, encoded) in Self.rfc4648 {
            #expect(try Base64.decode(encoded) == Array(plain.utf8))
            let unpadded = String(encoded.filter { $0 != "=" })
            #expect(try Base64.decode(unpadded, padding: .optional) == Array(plain.utf8))
            #expect(try Base64.decode(unpadded, padding: .forbidden) == Array(plain.utf8))
        }
    }

    @Test func urlSafeAlphabetUsesDashAndUnderscore() throws {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, alphabet: .urlSafe) == "-_-_")
        #expect(try Base64.decode("-_-_", alphabet: .urlSafe) == bytes)
    }

    @Test(arguments: [(Base64.Alphabet.standard, true), (.standard, false), (.urlSafe, true), (.urlSafe, false)])
    func encodingInTemporaryStorageMatchesTheArrayEncoding(_ alphabet: Base64.Alphabet, _ padded: Bool) {
        for length in 0...70 {
            let input = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            let expected = Base64.encodedBytes(input, alphabet: alphabet, padded: padded)
            let encoded = input.withUnsafeBufferPointer { input in
                Base64.withEncodedBytes(of: input, alphabet: alphabet, padded: padded) { Array($0) }
            }
            #expect(encoded == expected, "length \(length)")
        }
    }

    @Test func roundTripsEveryLengthInBothAlphabets() throws {
        let source = (0..<70).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
        for length in 0...source.count {
            let bytes = Array(source.prefix(length))
            for alphabet in [Base64.Alphabet.standard, .urlSafe] {
                #expect(try Base64.decode(Base64.encode(bytes, alphabet: alphabet), alphabet: alphabet) == bytes)
                let bare = Base64.encode(bytes, alphabet: alphabet, padded: false)
                #expect(try Base64.decode(bare, alphabet: alphabet, padding: .optional) == bytes)
            }
        }
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        var text: String
        var alphabet: Base64.Alphabet = .standard
        var padding: Base64.Padding = .required
        var error: Base64Error
        var testDescription: String { "\(String(reflecting: text)) \(padding)" }
    }

    static let malformed: [Malformed] = [
        .init(text: "Zm9v!", error: .invalidCharacter(offset: 4, character: "!")),
        .init(text: "Zm 9v", error: .invalidCharacter(offset: 2, character: " ")),
        .init(text: "Zm9v\n", error: .invalidCharacter(offset: 4, character: "\n")),
        .init(text: "Zm9vé===", error: .invalidCharacter(offset: 4, character: "é")),
        .init(text: "Zg=a", error: .invalidCharacter(offset: 2, character: "=")),
        .init(text: "Zg==Zg==", error: .invalidCharacter(offset: 2, character: "=")),
        .init(text: "-_-_", error: .invalidCharacter(offset: 0, character: "-")),
        .init(text: "+/+/", alphabet: .urlSafe, error: .invalidCharacter(offset: 0, character: "+")),
        .init(text: "Z", padding: .optional, error: .invalidLength(1)),
        .init(text: "Zm9vY", padding: .optional, error: .invalidLength(5)),
        .init(text: "Zm9vY===", error: .invalidLength(8)),
        .init(text: "Zg", error: .invalidPadding("missing 2 '=' at the end")),
        .init(text: "Zm8", error: .invalidPadding("missing 1 '=' at the end")),
        .init(text: "Zg=", error: .invalidPadding("found 1 '=' where 2 belong")),
        .init(text: "Zg=", padding: .optional, error: .invalidPadding("found 1 '=' where 2 belong")),
        .init(text: "Zm8==", error: .invalidPadding("found 2 '=' where 1 belong")),
        .init(text: "Zm9v=", padding: .optional, error: .invalidPadding("found 1 '=' where 0 belong")),
        .init(text: "====", error: .invalidPadding("found 4 '=' where 0 belong")),
        .init(text: "Zg==", padding: .forbidden, error: .invalidPadding("'=' is not allowed here")),
        .init(text: "Zh==", error: .nonZeroTrailingBits(offset: 1)),
        .init(text: "Zm9=", error: .nonZeroTrailingBits(offset: 2)),
        .init(text: "Zm9", padding: .optional, error: .nonZeroTrailingBits(offset: 2)),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedBase64(_ row: Malformed) {
        #expect(throws: row.error) {
            try Base64.decode(row.text, alphabet: row.alphabet, padding: row.padding)
        }
    }

    @Test func errorMessagesNameOffsetAndCharacter() {
        #expect(
            Base64Error.invalidCharacter(offset: 4, character: "!").description
                == "invalid base64 character \"!\" at offset 4")
        #expect(Base64Error.nonZeroTrailingBits(offset: 1).description.contains("offset 1"))
    }
}

@Suite struct ConstantTimeTests {
    @Test func comparesContents() {
        #expect(constantTimeEquals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!constantTimeEquals([1, 2, 3] as [UInt8], [1, 2, 4] as [UInt8]))
        #expect(!constantTimeEquals([0, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(constantTimeEquals([UInt8](), [UInt8]()))
    }

    @Test func differentLengthsAreUnequal() {
        #expect(!constantTimeEquals([1, 2] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!constantTimeEquals("sha256=ab".utf8, "sha256=a".utf8))
    }

    @Test func mixesCollectionTypes() {
        let bytes: [UInt8] = Array("token".utf8)
        #expect(constantTimeEquals("token".utf8, bytes[...]))
    }
}
