import Synchronization

/// Bytes from the system's cryptographic random source (`SystemRandomNumberGenerator`), drawn 4 KiB at a
/// time and handed out in order, so that a fresh id costs no system call of its own: the sender makes two
/// 64-bit draws per delivery, and one `getrandom(2)` each was a measurable share of a delivery's time.
/// Every byte is used once.
package enum RandomPool {
    private struct Pool {
        var bytes = [UInt8](repeating: 0, count: 4_096)
        var next = 4_096

        mutating func refill() {
            var generator = SystemRandomNumberGenerator()
            bytes.withUnsafeMutableBytes { raw in
                for offset in stride(from: 0, to: raw.count, by: 8) {
                    raw.storeBytes(of: generator.next() as UInt64, toByteOffset: offset, as: UInt64.self)
                }
            }
            next = 0
        }
    }

    private static let pool = Mutex(Pool())

    /// Two random 64-bit words.
    package static func twoWords() -> (UInt64, UInt64) {
        pool.withLock { pool in
            if pool.next + 16 > pool.bytes.count { pool.refill() }
            let offset = pool.next
            pool.next += 16
            return pool.bytes.withUnsafeBytes { raw in
                (
                    raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                    raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                )
            }
        }
    }
}
