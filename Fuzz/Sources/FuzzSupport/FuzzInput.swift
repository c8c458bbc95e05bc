/// Carves one fuzzer input into the pieces a target needs: single bytes that pick options, and
/// newline-separated fields. Reading past the end yields zeros and empty fields, never a trap.
public struct FuzzInput: Sendable {
    /// The input bytes.
    public let bytes: [UInt8]
    private var position = 0

    /// Wraps the fuzzer's input.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Wraps the buffer libFuzzer passes to `LLVMFuzzerTestOneInput`.
    public init(start: UnsafeRawPointer?, count: Int) {
        guard let start, count > 0 else {
            self.init([])
            return
        }
        self.init(Array(UnsafeRawBufferPointer(start: start, count: count)))
    }

    /// The bytes not consumed yet.
    public var remaining: ArraySlice<UInt8> { bytes[position...] }

    /// The next byte, or 0 at the end.
    public mutating func takeByte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The bytes up to the next LF (not included), or the rest when there is none.
    public mutating func takeLine() -> [UInt8] {
        let rest = bytes[position...]
        guard let newline = rest.firstIndex(of: 0x0A) else {
            position = bytes.count
            return Array(rest)
        }
        position = newline + 1
        return Array(bytes[rest.startIndex..<newline])
    }

    /// The next line decoded as UTF-8 (invalid sequences replaced), as header values arrive.
    public mutating func takeText() -> String {
        String(decoding: takeLine(), as: UTF8.self)
    }

    /// Everything not consumed yet.
    public mutating func takeRest() -> [UInt8] {
        defer { position = bytes.count }
        return Array(bytes[position...])
    }
}
