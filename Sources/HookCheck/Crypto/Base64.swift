/// Base64 (RFC 4648) with the standard (`+/`) or URL-safe (`-_`) alphabet, padded or not, and a
/// strict decoder: no whitespace, no characters from the other alphabet, padding checked as
/// asked, and no non-zero bits in the unused part of the last character.
package enum Base64 {
    /// Which 64-character alphabet to use.
    package enum Alphabet: Sendable, Hashable {
        /// RFC 4648 §4: `A–Z a–z 0–9 + /`.
        case standard
        /// RFC 4648 §5: `A–Z a–z 0–9 - _`.
        case urlSafe
    }

    /// What the decoder accepts at the end of the text.
    package enum Padding: Sendable, Hashable {
        /// The text must be padded with `=` to a multiple of four characters.
        case required
        /// Padding may be absent; when present it must be exactly right.
        case optional
        /// No `=` may appear.
        case forbidden
    }

    /// The base64 text of `bytes`.
    /// - Parameters:
    ///   - bytes: the bytes to encode.
    ///   - alphabet: standard (default) or URL-safe.
    ///   - padded: whether to pad with `=` to a multiple of four characters (default true).
    package static func encode(_ bytes: some Sequence<UInt8>, alphabet: Alphabet = .standard, padded: Bool = true)
        -> String
    {
        String(decoding: encodedBytes(Array(bytes), alphabet: alphabet, padded: padded), as: UTF8.self)
    }

    /// The base64 text of `input` as ASCII bytes, for comparing without building a `String`.
    package static func encodedBytes(_ input: [UInt8], alphabet: Alphabet = .standard, padded: Bool = true)
        -> [UInt8]
    {
        let length = encodedLength(of: input.count, padded: padded)
        return input.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: length) { text, count in
                count = encode(input, into: text, alphabet: alphabet, padded: padded)
            }
        }
    }

    /// Calls `body` with the base64 text of `input` as ASCII bytes in temporary storage (on the stack
    /// for short input): for comparing a computed code with the one a delivery offers, allocation-free.
    package static func withEncodedBytes<Result>(
        of input: UnsafeBufferPointer<UInt8>, alphabet: Alphabet = .standard, padded: Bool = true,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let length = encodedLength(of: input.count, padded: padded)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, length)) { text in
            let count = encode(input, into: text, alphabet: alphabet, padded: padded)
            return body(UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }

    /// How many characters the base64 text of `count` bytes has.
    private static func encodedLength(of count: Int, padded: Bool) -> Int {
        let remaining = count % 3
        return count / 3 * 4 + (remaining == 0 ? 0 : padded ? 4 : remaining + 1)
    }

    /// Writes the base64 text of `input` to `text` (room for ``encodedLength(of:padded:)`` characters);
    /// returns the number written.
    private static func encode(
        _ input: UnsafeBufferPointer<UInt8>, into text: UnsafeMutableBufferPointer<UInt8>, alphabet: Alphabet,
        padded: Bool
    ) -> Int {
        let remaining = input.count % 3
        let length = encodedLength(of: input.count, padded: padded)
        let characters = alphabet == .standard ? standardCharacters : urlSafeCharacters
        return characters.withUnsafeBufferPointer { table in
            var index = 0
            var out = 0
            func put(_ group: UInt32, shift: UInt32) {
                text[out] = table[Int(group >> shift & 63)]
                out += 1
            }
            while index + 3 <= input.count {
                let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                put(group, shift: 18)
                put(group, shift: 12)
                put(group, shift: 6)
                put(group, shift: 0)
                index += 3
            }
            if remaining > 0 {
                let second = remaining == 2 ? UInt32(input[index + 1]) : 0
                let group = UInt32(input[index]) << 16 | second << 8
                put(group, shift: 18)
                put(group, shift: 12)
                if remaining == 2 { put(group, shift: 6) }
                while out < length {
                    text[out] = UInt8(ascii: "=")
                    out += 1
                }
            }
            return out
        }
    }

    /// The bytes of base64 text, decoded strictly.
    /// - Parameters:
    ///   - text: the base64 text; no whitespace or line breaks.
    ///   - alphabet: standard (default) or URL-safe; the other alphabet's characters are rejected.
    ///   - padding: whether `=` padding is required (default), optional or forbidden.
    ///   - allowsNonZeroTrailingBits: accept set bits in the unused part of the last character, as
    ///     lenient decoders (Python's `b64decode`) do; for secrets, never for signatures.
    /// - Returns: the decoded bytes.
    /// - Throws: `Base64Error` naming the offset of the first problem.
    package static func decode(
        _ text: some StringProtocol, alphabet: Alphabet = .standard, padding: Padding = .required,
        allowsNonZeroTrailingBits: Bool = false
    ) throws(Base64Error) -> [UInt8] {
        let input = Array(text.utf8)
        let table = alphabet == .standard ? standardValues : urlSafeValues
        var padCount = 0
        while padCount < input.count, input[input.count - 1 - padCount] == UInt8(ascii: "=") {
            padCount += 1
        }
        let dataCount = input.count - padCount
        for offset in 0..<dataCount where table[Int(input[offset])] == invalid {
            throw .invalidCharacter(offset: offset, character: character(in: text, atByteOffset: offset))
        }
        let remainder = dataCount % 4
        if remainder == 1 {
            throw .invalidLength(input.count)
        }
        let expectedPad = remainder == 0 ? 0 : 4 - remainder
        if padCount > 0 {
            if padding == .forbidden {
                throw .invalidPadding("'=' is not allowed here")
            }
            if padCount != expectedPad {
                throw .invalidPadding("found \(padCount) '=' where \(expectedPad) belong")
            }
        } else if expectedPad > 0, padding == .required {
            throw .invalidPadding("missing \(expectedPad) '=' at the end")
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(dataCount / 4 * 3 + 2)
        var index = 0
        while index + 4 <= dataCount {
            let group =
                UInt32(table[Int(input[index])]) << 18 | UInt32(table[Int(input[index + 1])]) << 12
                | UInt32(table[Int(input[index + 2])]) << 6 | UInt32(table[Int(input[index + 3])])
            bytes.append(UInt8(truncatingIfNeeded: group >> 16))
            bytes.append(UInt8(truncatingIfNeeded: group >> 8))
            bytes.append(UInt8(truncatingIfNeeded: group))
            index += 4
        }
        if remainder >= 2 {
            let last = table[Int(input[dataCount - 1])]
            let unusedMask: UInt8 = remainder == 2 ? 0x0f : 0x03
            if last & unusedMask != 0, !allowsNonZeroTrailingBits {
                throw .nonZeroTrailingBits(offset: dataCount - 1)
            }
            var group = UInt32(table[Int(input[index])]) << 18 | UInt32(table[Int(input[index + 1])]) << 12
            if remainder == 3 {
                group |= UInt32(table[Int(input[index + 2])]) << 6
            }
            bytes.append(UInt8(truncatingIfNeeded: group >> 16))
            if remainder == 3 {
                bytes.append(UInt8(truncatingIfNeeded: group >> 8))
            }
        }
        return bytes
    }

    // MARK: - Tables

    private static let invalid: UInt8 = 0xff
    private static let standardCharacters: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafeCharacters: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let standardValues = values(of: standardCharacters)
    private static let urlSafeValues = values(of: urlSafeCharacters)

    private static func values(of characters: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in characters.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }

    /// The character starting at a UTF-8 offset, for error messages.
    private static func character(in text: some StringProtocol, atByteOffset offset: Int) -> Character {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return text[index...].first ?? "?"
    }
}
