import Testing

@testable import HookCheck

/// The word-at-a-time scans against a byte-by-byte reference, for every stop byte at every offset
/// around the 8-byte word boundaries, and for every byte value.
@Suite struct ByteScanTests {
    static func referenceRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 } ?? bytes.count
    }

    static func runEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { ByteScan.plainStringRunEnd(in: $0, from: start) }
    }

    @Test(arguments: [UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00, 0x1F, 0x0A, 0x80, 0xC3, 0xFF])
    func stopByteIsFoundAtEveryOffset(stop: UInt8) {
        for length in 0...24 {
            for offset in 0..<max(length, 1) {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                if offset < length { bytes[offset] = stop }
                for start in 0...min(offset, length) {
                    #expect(Self.runEnd(bytes, from: start) == Self.referenceRunEnd(bytes, from: start))
                }
            }
        }
    }

    @Test func everyByteValueIsClassifiedLikeTheReference() {
        // Plain neighbours that sit next to the stop values (0x1F/0x20, 0x21/0x22/0x23, 0x5B/0x5C/0x5D, 0x7F/0x80).
        for value in 0...255 {
            let bytes = [UInt8](repeating: 0x20, count: 11) + [UInt8(value)] + [UInt8](repeating: 0x7F, count: 9)
            #expect(Self.runEnd(bytes, from: 0) == Self.referenceRunEnd(bytes, from: 0), "byte \(value)")
            #expect(bytes.withUnsafeBufferPointer(ByteScan.isASCII) == (value < 0x80), "byte \(value)")
        }
    }

    @Test func emptyAndStartAtTheEnd() {
        #expect(Self.runEnd([], from: 0) == 0)
        #expect(Self.runEnd(Array("abc".utf8), from: 3) == 3)
        #expect([UInt8]().withUnsafeBufferPointer(ByteScan.isASCII))
    }
}
