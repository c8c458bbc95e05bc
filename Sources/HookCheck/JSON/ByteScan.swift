/// Word-at-a-time scans over bytes: eight bytes per step, tested together with carry tricks
/// (SWAR), for the long plain stretches of JSON strings and capture lines.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that ends a plain run inside a JSON string:
    /// `"`, `\`, a control character (below 0x20) or a non-ASCII byte; `buffer.count` when there is none.
    static func plainStringRunEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress else { return start }
        let count = buffer.count
        var index = start
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if endsPlainRun(word) { break }
            index &+= 8
        }
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
            index &+= 1
        }
        return count
    }

    /// Whether every byte of `buffer` is ASCII (below 0x80).
    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let count = buffer.count
        var index = 0
        var seen: UInt64 = 0
        while index &+ 8 <= count {
            seen |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index &+= 8
        }
        while index < count {
            seen |= UInt64(base[index])
            index &+= 1
        }
        return seen & highBits == 0
    }

    /// Whether one of the eight bytes of `word` is `"`, `\`, below 0x20 or above 0x7F.
    ///
    /// `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when some byte of `x` is zero (a borrow can
    /// only reach a higher byte after a zero byte has already set its flag), and with 0x20 in place
    /// of 0x01 when some byte is below 0x20.
    @inline(__always)
    private static func endsPlainRun(_ word: UInt64) -> Bool {
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (quote | backslash | control | word) & highBits != 0
    }
}
