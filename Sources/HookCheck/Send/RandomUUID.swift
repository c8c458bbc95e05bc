/// Random (version 4) UUIDs as lowercase text, from the system's cryptographic generator through
/// ``RandomPool`` (one read of `/dev/urandom` per 256 ids) rather than Foundation's `UUID()`, which opens and closes
/// `/dev/urandom` for every id on Linux — a measurable share of `hookcheck run --repeat`.
public enum RandomUUID {
    /// A fresh id such as `3f2a9c1e-7b4d-4e0f-9a61-2c8d5e7f0b13`, written straight into the string's
    /// own storage (one allocation).
    public static func make() -> String {
        let (high, low) = RandomPool.twoWords()
        return String(unsafeUninitializedCapacity: 36) { text in
            var out = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[out] = UInt8(ascii: "-")
                    out += 1
                }
                let word = index < 8 ? high : low
                var byte = UInt8(truncatingIfNeeded: word >> UInt64((index & 7) * 8))
                if index == 6 { byte = (byte & 0x0F) | 0x40 }  // version 4
                if index == 8 { byte = (byte & 0x3F) | 0x80 }  // RFC 4122 variant
                text[out] = Hex.digit(byte >> 4)
                text[out + 1] = Hex.digit(byte & 0x0F)
                out += 2
            }
            return out
        }
    }
}
