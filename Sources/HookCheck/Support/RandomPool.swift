import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes from the system's cryptographic random source (`/dev/urandom`, `arc4random_buf(3)`), drawn 4 KiB at a
/// time and handed out in order, so that a fresh id costs no system call of its own: the sender makes two
/// 64-bit draws per delivery, and one `getrandom(2)` each was a measurable share of a delivery's time.
/// Every byte is used once.
package enum RandomPool {
    private struct Pool {
        var bytes = [UInt8](repeating: 0, count: 4_096)
        var next = 4_096

        /// A few system calls for the whole pool: the standard library's `SystemRandomNumberGenerator`
        /// makes one per 8 bytes.
        mutating func refill() {
            bytes.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                #if canImport(Glibc)
                    // Glibc's module does not export getrandom(2); /dev/urandom is the same source.
                    var filled = 0
                    let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
                    if descriptor >= 0 {
                        while filled < raw.count {
                            let count = read(descriptor, base + filled, raw.count - filled)
                            if count > 0 {
                                filled += count
                            } else if count == 0 || errno != EINTR {
                                break
                            }
                        }
                        close(descriptor)
                    }
                    guard filled < raw.count else { return }
                    // No /dev/urandom (a bare container): the standard generator fills the rest.
                    var generator = SystemRandomNumberGenerator()
                    for offset in stride(from: filled & ~7, to: raw.count, by: 8) {
                        raw.storeBytes(of: generator.next() as UInt64, toByteOffset: offset, as: UInt64.self)
                    }
                #else
                    arc4random_buf(base, raw.count)
                #endif
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
