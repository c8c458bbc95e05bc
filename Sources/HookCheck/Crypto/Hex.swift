/// Hexadecimal (base 16) encoding of bytes.
package enum Hex {
    /// The lowercase hex text of `bytes`, two digits per byte.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        encode(Array(bytes))
    }

    /// The lowercase hex text of `bytes`, written straight into the string's storage (the sender signs every
    /// delivery).
    package static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { write(bytes, into: $0) }
        }
    }

    /// Calls `body` with the hex text of `bytes` as ASCII bytes in temporary storage (on the stack for
    /// short input), as ``Base64/withEncodedBytes(of:alphabet:padded:_:)`` does for base64.
    package static func withEncodedBytes<Result>(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count * 2)) { text in
            let count = write(bytes, into: text)
            return body(UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }

    /// Writes the hex text of `bytes` to `text` (room for two digits per byte); returns the count written.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, into text: UnsafeMutableBufferPointer<UInt8>) -> Int
    {
        for (index, byte) in bytes.enumerated() {
            text[2 &* index] = digit(byte &>> 4)
            text[2 &* index &+ 1] = digit(byte & 0x0f)
        }
        return bytes.count * 2
    }

    /// The lowercase hex digit of `nibble` (0–15), as an ASCII byte.
    @inline(__always)
    package static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ 48 : nibble &+ 87
    }

    /// The bytes of hex text (either case), or `nil` when the length is odd or a character is
    /// not a hex digit. No prefix, separators or whitespace are accepted.
    package static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(of: utf8[index]), let low = value(of: utf8[index + 1]) else { return nil }
            bytes.append(high &<< 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
