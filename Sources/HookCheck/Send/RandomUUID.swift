/// Random (version 4) UUIDs as lowercase text, from the system's cryptographic generator through
/// ``RandomPool`` (one read of `/dev/urandom` per 256 ids) rather than Foundation's `UUID()`, which opens and closes
/// `/dev/urandom` for every id on Linux — a measurable share of `hookcheck run --repeat`.
public enum RandomUUID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A fresh id such as `3f2a9c1e-7b4d-4e0f-9a61-2c8d5e7f0b13`.
    public static func make() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var (high, low) = RandomPool.twoWords()
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high)
            bytes[index + 8] = UInt8(truncatingIfNeeded: low)
            high >>= 8
            low >>= 8
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
